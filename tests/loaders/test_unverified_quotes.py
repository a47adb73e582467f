"""A quote no held text can check is marked ``quote_verified: false`` and has no span;
every other quote is checked against its source's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimtrace.core import validation as check
from claimtrace.core.validation import Problem, Problems, QuotedSource, ValidationError
from claimtrace.core.vocabulary import PartialDate, Precision
from claimtrace.loaders.load import check_folder

NO_TEXT = QuotedSource("src-unseen", None, PartialDate("2024-02", Precision.MONTH))
HELD = QuotedSource("src-held", "The base was hit.", PartialDate("2024-02", Precision.MONTH))
UNVERIFIED = {
    "id": "asrt-unseen", "claim": "claim-a", "by": "org-a", "stance": "SUPPORTS",
    "mode": "REPORTED", "hedge": "CERTAIN", "quote": "The base was hit.",
    "quote_verified": False, "rating": "Mostly True",
}  # fmt: skip


def problems_of(raw: dict[str, Any], source: QuotedSource) -> list[tuple[str, str]]:
    problems = Problems()
    check.assertion(raw, "f.yaml", problems, source)
    return [(p.field, p.message) for p in problems.found]


def test_an_unverified_quote_is_accepted_without_a_span_and_says_so() -> None:
    problems = Problems()
    assertion = check.assertion(UNVERIFIED, "f.yaml", problems, NO_TEXT)
    assert problems.found == []
    assert assertion is not None
    assert (assertion.start, assertion.end, assertion.quote_verified) == (None, None, False)
    assert assertion.props()["quoteVerified"] is False
    assert assertion.props()["rating"] == "Mostly True"


def test_a_verified_quote_keeps_the_properties_and_hash_it_always_had() -> None:
    raw = {k: v for k, v in UNVERIFIED.items() if k not in ("quote_verified", "rating")}
    assertion = check.assertion(raw | {"start": 0, "end": 17}, "f.yaml", Problems(), HELD)
    assert assertion is not None
    # Exactly the properties assertions had before, so loaded records keep their hashes.
    assert set(assertion.props()) == {
        "stance", "mode", "hedge", "quote", "start", "end", "asserted", "assertedPrecision",
        "assertedBasis", "assertedNotBefore", "assertedNotAfter", "note",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "source", "field", "says"),
    [
        ({"start": 0, "end": 17}, NO_TEXT, "start", "an unverified quote has no span"),
        ({}, HELD, "quote_verified", "holds its text: the quote must be checked"),
        ({"quote_verified": "no"}, NO_TEXT, "quote_verified", "must be true or false"),
        (
            {"quote_verified": True, "start": 0, "end": 17},
            NO_TEXT,
            "quote",
            "quote_verified: false",
        ),
    ],
)
def test_a_quote_is_unverified_only_where_no_text_can_check_it(
    change: dict[str, Any], source: QuotedSource, field: str, says: str
) -> None:
    found = problems_of(UNVERIFIED | change, source)
    assert any(f == field and says in message for f, message in found), found


def test_a_data_folder_may_record_an_unverified_quote(data_copy: Path) -> None:
    claims = {
        "source": "src-unknown-2024-baghdad-crossfire",  # the original, never seen
        "claims": [
            {"id": "claim-unseen-original-says", "text": "Baghdad is caught in the crossfire."}
        ],
        "assertions": [
            UNVERIFIED
            | {
                "id": "asrt-unseen-original",
                "claim": "claim-unseen-original-says",
                "by": "agent-unnamed-reports",
            }
        ],
    }
    path = data_copy / "claims" / "950-unverified.yaml"
    path.write_text(yaml.safe_dump(claims), encoding="utf-8")
    assert check_folder(data_copy).totals["Assertion"] > 0
    claims["source"] = "src-jpost-2021-iran-declared-war"  # a held text: must be checked
    path.write_text(yaml.safe_dump(claims), encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        check_folder(data_copy)
    problems: list[Problem] = raised.value.problems
    assert [(p.record, p.field) for p in problems] == [
        ("assertion asrt-unseen-original", "quote_verified")
    ]
