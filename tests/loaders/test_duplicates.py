"""Likely duplicate claims: warned about, never refused."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path

from claimtrace.loaders.duplicates import (
    COMMON,
    OVERLAP,
    _words,
    judged_distinct,
    likely_duplicates,
)


def claim(text: str, value: float | None = None, unit: str | None = None) -> dict[str, object]:
    return {"text": text, "quantityValue": value, "quantityUnit": unit}


def test_the_same_quantity_or_most_words_are_flagged_and_nothing_else() -> None:
    claims = [
        ("claim-a", claim("EFPs killed at least 196 US troops.", 196, "US troops killed")),
        ("claim-b", claim("Iranian penetrators killed 196 Americans.", 196, "US troops killed")),
        ("claim-c", claim("Kataib Hezbollah fired rockets at Camp Taji in March 2020.")),
        ("claim-d", claim("In March 2020 Kataib Hezbollah fired the rockets at Camp Taji.")),
        ("claim-e", claim("The Soleimani strike restored deterrence against Iran.")),
        ("claim-f", claim("Iraq is a victim caught in the middle.")),
    ]
    found = likely_duplicates(claims)
    assert [(d.first, d.second) for d in found] == [("claim-a", "claim-b"), ("claim-c", "claim-d")]
    assert found[0].why == "the same quantity: 196 US troops killed"


def test_claims_a_curator_already_related_are_not_flagged() -> None:
    claims = [
        ("claim-a", claim("EFPs killed at least 196 US troops.", 196, "US troops killed")),
        ("claim-b", claim("Iranian penetrators killed 196 Americans.", 196, "US troops killed")),
    ]
    assert likely_duplicates(claims, linked=[("claim-b", "claim-a")]) == []


def test_pairs_judged_distinct_are_read_from_the_folder(tmp_path: Path) -> None:
    (tmp_path / "distinct.yaml").write_text(
        "distinct:\n  - claims: [claim-a, claim-b]\n    why: different measures\n", "utf-8"
    )
    assert judged_distinct(tmp_path) == [("claim-a", "claim-b")]
    assert judged_distinct(tmp_path / "elsewhere") == []


def every_pair_sharing_words(texts: dict[str, str]) -> set[tuple[str, str]]:
    """The word rule by brute force: every pair of claims compared."""
    words = {claim_id: _words(text) for claim_id, text in texts.items()}
    counts: dict[str, int] = {}
    for claim_words in words.values():
        for word in claim_words:
            counts[word] = counts.get(word, 0) + 1
    common = {word for word, n in counts.items() if n > max(2, COMMON * len(words))}
    found = set()
    for first, second in combinations(sorted(words), 2):
        a, b = words[first] - common, words[second] - common
        if a | b and len(a & b) / len(a | b) >= OVERLAP:
            found.add((first, second))
    return found


def test_the_word_rule_finds_what_comparing_every_pair_finds() -> None:
    """Only some words pair claims (prefix filtering); the pairs found are the same."""
    chooser = random.Random(7)  # noqa: S311 (test data, not secrets)
    vocabulary = [f"word{n}" for n in range(40)]
    texts = {
        f"claim-{n:03}": " ".join(chooser.choices(vocabulary, k=chooser.randint(0, 9)))
        for n in range(300)
    }
    expected = every_pair_sharing_words(texts)
    found = likely_duplicates((claim_id, claim(text)) for claim_id, text in texts.items())
    assert {(d.first, d.second) for d in found} == expected
    assert len(expected) > 50  # enough pairs, at the threshold and over it, to tell
