"""Records: what a content hash covers, and the rules every write path shares."""

from __future__ import annotations

import dataclasses

from claimtrace.core import validation as check
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import Assertion, Claim, Source, content_hash
from claimtrace.core.validation import Problems, QuotedSource
from claimtrace.core.vocabulary import (
    AssertedDate,
    Hedge,
    Mode,
    PartialDate,
    Precision,
    SourceKind,
    Stance,
)

TEXT = "Officials say the base was hit twice."
SOURCE = QuotedSource("src-a", TEXT, PartialDate("2021-07", Precision.MONTH))
ASSERTION = Assertion(
    id="asrt-a", claim="claim-a", by="person-a", source="src-a", stance=Stance.SUPPORTS,
    mode=Mode.REPORTED, hedge=Hedge.CERTAIN, quote=TEXT, start=0, end=len(TEXT),
    asserted=AssertedDate.unknown(SOURCE.published), cites=("asrt-b", "asrt-c"),
)  # fmt: skip


def test_the_hash_covers_links_as_well_as_properties() -> None:
    same = dataclasses.replace(ASSERTION, cites=("asrt-c", "asrt-b"))
    assert content_hash(same) == content_hash(ASSERTION)  # citations are a set
    for changed in (
        dataclasses.replace(ASSERTION, cites=("asrt-b",)),
        dataclasses.replace(ASSERTION, claim="claim-z"),
        dataclasses.replace(ASSERTION, quote="Officials"),
    ):
        assert content_hash(changed) != content_hash(ASSERTION)
    claim = Claim("claim-a", "A claim.", topics=("topic-a",))
    assert content_hash(claim) != content_hash(dataclasses.replace(claim, topics=()))
    source = Source("src-a", "T", SourceKind.ARTICLE, "en", SOURCE.published, authors=("a", "b"))
    assert content_hash(source) != content_hash(dataclasses.replace(source, authors=("b", "a")))


def test_one_plan_gives_every_row_of_a_record() -> None:
    batch = WriteBatch.of("test", rows_of(ASSERTION))
    assert [row["id"] for row in batch.assertions] == ["asrt-a"]
    assert batch.assertions[0] | {"props": None, "hash": None} == {
        "id": "asrt-a", "props": None, "hash": None,
        "claim": "claim-a", "by": "person-a", "source": "src-a",
    }  # fmt: skip
    assert batch.cites == [{"from": "asrt-a", "to": "asrt-b"}, {"from": "asrt-a", "to": "asrt-c"}]


def test_an_assertion_may_not_cite_itself() -> None:
    raw = {"id": "asrt-a", "claim": "claim-a", "by": "person-a", "stance": "SUPPORTS",
           "mode": "REPORTED", "hedge": "CERTAIN", "quote": TEXT, "start": 0, "end": len(TEXT),
           "cites": ["asrt-a"]}  # fmt: skip
    problems = Problems()
    assert check.assertion(raw, "input", problems, SOURCE) is None
    assert [(p.field, p.message) for p in problems.found] == [("cites", "cites itself")]
    fine = Problems()
    assert check.assertion(raw | {"cites": ["asrt-b"]}, "input", fine, SOURCE) is not None
    assert fine.found == []
