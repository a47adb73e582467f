"""Partial dates as intervals, and where an assertion's date may come from."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrace.core import validation as check
from claimtrace.core.validation import Problems, QuotedSource
from claimtrace.core.vocabulary import DateBasis, PartialDate, Precision

TEXT = "Officials say the base was hit twice."
SOURCE = QuotedSource("src-a", TEXT, PartialDate("2021-07-08", Precision.DAY), ("person-author",))
RAW = {"id": "asrt-a", "claim": "claim-a", "stance": "SUPPORTS", "mode": "REPORTED",
       "hedge": "CERTAIN", "quote": TEXT, "start": 0, "end": len(TEXT)}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2020", "2020-01-01T00:00", "2020-12-31T23:59"),
        ("2020-02", "2020-02-01T00:00", "2020-02-29T23:59"),
        ("2021-02", "2021-02-01T00:00", "2021-02-28T23:59"),
        ("2020-12-31", "2020-12-31T00:00", "2020-12-31T23:59"),
        ("2021-07-08T10:00", "2021-07-08T10:00", "2021-07-08T10:00"),
    ],
)
def test_a_partial_date_is_an_interval(text: str, earliest: str, latest: str) -> None:
    date = PartialDate.parse(text)
    assert date is not None
    assert (date.earliest, date.latest) == (earliest, latest)


@pytest.mark.parametrize(
    "text", ["2020-13", "2020-02-30", "2021-02-29", "2020-1", "20201", "\uff12\uff10\uff12\uff10"]
)
def test_dates_that_cannot_exist_do_not_parse(text: str) -> None:
    assert PartialDate.parse(text) is None


def asserted(by: str, asserted: Any = None) -> tuple[Any, list[str]]:
    problems = Problems()
    raw = RAW | {"by": by} | ({"asserted": asserted} if asserted is not None else {})
    record = check.assertion(raw, "input", problems, SOURCE)
    return (record.asserted if record else None), [p.message for p in problems.found]


def test_no_date_is_the_publication_for_an_author_and_unknown_for_anyone_else() -> None:
    by_author, _ = asserted("person-author")
    assert (by_author.basis, by_author.date) == (DateBasis.PUBLICATION, SOURCE.published)
    quoted, _ = asserted("person-official")
    assert (quoted.basis, quoted.date) == (DateBasis.BOUNDED, None)
    assert (quoted.not_before, quoted.not_after) == (None, "2021-07-08T23:59")
    unknown, _ = asserted("person-author", "unknown")
    assert unknown.basis is DateBasis.BOUNDED


def test_a_stated_date_is_kept_and_checked_against_the_publication() -> None:
    stated, problems = asserted("person-official", {"date": "2020-01", "precision": "MONTH"})
    assert (stated.basis, stated.not_before, stated.not_after, problems) == (
        DateBasis.STATED, "2020-01-01T00:00", "2020-01-31T23:59", [],
    )  # fmt: skip
    _, later = asserted("person-official", {"date": "2021-08", "precision": "MONTH"})
    assert later == ["2021-08 is after the source's publication (2021-07-08)"]
    _, impossible = asserted("person-official", {"date": "2021-02-30", "precision": "DAY"})
    assert impossible == ["'2021-02-30' is not a valid DAY date (expected Y-m-d)"]


def test_the_publication_date_belongs_to_the_authors_only() -> None:
    _, problems = asserted("person-official", "publication")
    assert len(problems) == 1
    assert problems[0].startswith("person-official is not an author of the source")
    _, fine = asserted("person-author", "publication")
    assert fine == []
