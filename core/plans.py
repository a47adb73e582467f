"""Write plans: the rows each record contributes to the batched Cypher statements.

A ``WriteBatch`` holds one list of rows per statement (``UNWIND $rows``) and is
written in one transaction (core/writing.py). Each record's rows are built here
once, for the loader (which stages them first, loaders/staging.py) and for the
mutations alike. A row that links two records names its ``target``, so the
loader can write it with the later of its two ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimtrace.core.records import (
    AnyRecord,
    Assertion,
    Claim,
    Conflict,
    Organization,
    Person,
    Record,
    Source,
    Topic,
    content_hash,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class PlannedRow:
    """One row of one statement: ``kind`` names the statement (a WriteBatch list)."""

    kind: str
    owner: str
    row: Row
    target: str | None = None


@dataclass
class WriteBatch:
    """The rows of one transaction, one list per Cypher statement."""

    files: list[str] = field(default_factory=list)
    organizations: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    topics: list[Row] = field(default_factory=list)
    affiliations: list[Row] = field(default_factory=list)
    sources: list[Row] = field(default_factory=list)
    published_by: list[Row] = field(default_factory=list)
    written_by: list[Row] = field(default_factory=list)
    republishes: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    claim_topics: list[Row] = field(default_factory=list)
    refines: list[Row] = field(default_factory=list)
    assertions: list[Row] = field(default_factory=list)
    cites: list[Row] = field(default_factory=list)
    conflicts: list[Row] = field(default_factory=list)

    @classmethod
    def of(cls, label: str, planned: Iterable[PlannedRow]) -> WriteBatch:
        batch = cls(files=[label])
        for item in planned:
            batch.add(item.kind, item.row)
        return batch

    def add(self, kind: str, row: Row) -> None:
        rows: list[Row] = getattr(self, kind)
        rows.append(row)

    @property
    def size(self) -> int:
        return len(self.claims) + len(self.assertions)

    def touched_claims(self) -> set[str]:
        """The claims this batch writes, asserts or links as conflicting: what detection
        looks at after it."""
        return (
            {row["id"] for row in self.claims}
            | {row["claim"] for row in self.assertions}
            | {row[end] for row in self.conflicts for end in ("first", "second")}
        )


def node_row(record: Record) -> Row:
    return {"id": record.id, "props": record.props(), "hash": content_hash(record)}


def rows_of(record: AnyRecord) -> Iterator[PlannedRow]:
    """Every row that writing ``record`` takes, node first, then its links."""
    match record:
        case Organization():
            yield PlannedRow("organizations", record.id, node_row(record))
        case Topic():
            yield PlannedRow("topics", record.id, node_row(record))
        case Person():
            yield from _person_rows(record)
        case Source():
            yield from _source_rows(record)
        case Claim():
            yield PlannedRow("claims", record.id, node_row(record))
            for topic in record.topics:
                yield PlannedRow("claim_topics", record.id, {"claim": record.id, "topic": topic})
            for broader in record.refines:
                link = {"claim": record.id, "broader": broader}
                yield PlannedRow("refines", record.id, link, target=broader)
        case Assertion():
            yield from _assertion_rows(record)
        case Conflict():
            row = {"first": record.first, "second": record.second, "props": record.props(),
                   "hash": content_hash(record)}  # fmt: skip
            yield PlannedRow("conflicts", record.first, row)


def _person_rows(person: Person) -> Iterator[PlannedRow]:
    yield PlannedRow("people", person.id, node_row(person))
    for affiliation in person.affiliations:
        row = {"person": person.id, **affiliation.link()}
        yield PlannedRow("affiliations", person.id, row)


def _source_rows(source: Source) -> Iterator[PlannedRow]:
    yield PlannedRow("sources", source.id, node_row(source))
    if source.publisher:
        published_by = {"source": source.id, "organization": source.publisher}
        yield PlannedRow("published_by", source.id, published_by)
    for position, author in enumerate(source.authors):
        written_by = {"source": source.id, "agent": author, "position": position}
        yield PlannedRow("written_by", source.id, written_by)
    if source.republishes:
        copy = {"source": source.id, "original": source.republishes}
        yield PlannedRow("republishes", source.id, copy, target=source.republishes)


def _assertion_rows(assertion: Assertion) -> Iterator[PlannedRow]:
    row = node_row(assertion)
    row.update(claim=assertion.claim, by=assertion.by, source=assertion.source)
    yield PlannedRow("assertions", assertion.id, row)
    for cited in assertion.cites:
        row = {"from": assertion.id, "to": cited}
        yield PlannedRow("cites", assertion.id, row, target=cited)
