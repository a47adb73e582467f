"""Likely duplicate claims: warned about, never refused."""

from __future__ import annotations

from pathlib import Path

from claimtrace.loaders.duplicates import judged_distinct, likely_duplicates


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
