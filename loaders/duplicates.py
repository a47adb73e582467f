"""Likely duplicate claims, so curators can merge them or link them by REFINES.

One proposition should be one claim; the same words in two documents then count
as two independent sources. Two claims are flagged when they state the same
quantity (value and unit) or share most of their words. These are warnings for
a person to decide on, never refusals.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

# Past this many claims the pairwise work is not worth doing on every load.
MAX_CLAIMS = 50_000
OVERLAP = 0.5  # shared words / all words of the two claims (Jaccard)
COMMON = 0.1  # a word in more than this share of the claims says little about identity
# fmt: off
STOPWORDS = frozenset(
    [
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
        "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have",
        "had", "it", "its", "as", "not", "no", "but", "if", "than", "then", "there", "their",
        "they", "them", "he", "she", "his", "her", "will", "would", "can", "could", "may", "might",
        "should", "us",
    ]
)
# fmt: on


def judged_distinct(folder: Path) -> list[tuple[str, str]]:
    """The pairs a curator recorded in ``distinct.yaml`` as different propositions."""
    path = folder / "distinct.yaml"
    if not path.exists():
        return []
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("distinct") or []
    return [tuple(e["claims"]) for e in entries if len(e.get("claims") or []) == 2]


@dataclass(frozen=True)
class LikelyDuplicate:
    first: str
    second: str
    why: str

    def __str__(self) -> str:
        return f"likely the same claim: {self.first} ~ {self.second} ({self.why})"


def _words(text: str) -> frozenset[str]:
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(t for t in tokens if t not in STOPWORDS and len(t) > 1)


def likely_duplicates(
    claims: Iterable[tuple[str, dict[str, Any]]], linked: Iterable[tuple[str, str]] = ()
) -> list[LikelyDuplicate]:
    """``claims``: (id, properties) pairs; ``linked``: pairs a curator already related
    (REFINES), which are not flagged. Pairs in id order, each named once."""
    words: dict[str, frozenset[str]] = {}
    by_quantity: dict[tuple[Any, Any], list[str]] = defaultdict(list)
    by_word: dict[str, list[str]] = defaultdict(list)
    for claim_id, props in claims:
        words[claim_id] = _words(str(props.get("text", "")))
        for word in words[claim_id]:
            by_word[word].append(claim_id)
        if props.get("quantityValue") is not None:
            by_quantity[(props["quantityValue"], props["quantityUnit"])].append(claim_id)
    found: dict[tuple[str, str], str] = {}
    for (value, unit), ids in by_quantity.items():
        for first, second in combinations(sorted(ids), 2):
            found[(first, second)] = f"the same quantity: {value:g} {unit}"
    common = {word for word, ids in by_word.items() if len(ids) > max(2, COMMON * len(words))}
    distinctive = {claim_id: claim_words - common for claim_id, claim_words in words.items()}
    for first, second in _sharing_words(distinctive, by_word):
        a, b = distinctive[first], distinctive[second]
        shared, together = len(a & b), len(a | b)
        if together and shared / together >= OVERLAP and (first, second) not in found:
            found[(first, second)] = f"{shared} of {together} distinctive words shared"
    related = {tuple(sorted(pair)) for pair in linked}
    return [
        LikelyDuplicate(a, b, why) for (a, b), why in sorted(found.items()) if (a, b) not in related
    ]


def _sharing_words(
    distinctive: dict[str, frozenset[str]], by_word: dict[str, list[str]]
) -> set[tuple[str, str]]:
    """Every pair of claims that may share at least OVERLAP of their distinctive words,
    found by prefix filtering: with each claim's words ordered rarest first, two claims
    that share that much share a word among the first ``n - ceil(OVERLAP * n) + 1`` of
    either's ``n``, so only those words pair claims (common words never pair them all)."""
    pairs: set[tuple[str, str]] = set()
    by_prefix_word: dict[str, list[str]] = defaultdict(list)
    for claim_id, claim_words in distinctive.items():
        ordered = sorted(claim_words, key=lambda word: (len(by_word[word]), word))
        prefix = len(ordered) - math.ceil(OVERLAP * len(ordered)) + 1
        for word in ordered[:prefix]:
            by_prefix_word[word].append(claim_id)
    for ids in by_prefix_word.values():
        pairs.update(combinations(sorted(ids), 2))
    return pairs
