"""Planning the write: which rows go into which transaction.

Pure logic, no database. The first batch holds the shared records (people,
organizations, topics, sources without a claims file). Then each claims file
goes whole into one batch (several small files may share one), so a document
and its claims are written atomically. A record another file also needs (a
claim asserted in two documents) is written with the first file that needs
it; a link whose far end is not written yet (a CITES to an assertion of a later
file) waits for the batch that writes that end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from loaders.reading import ClaimFile, DataSet
from loaders.records import Assertion, Claim, Source, content_hash

Row = dict[str, Any]


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
    assertions: list[Row] = field(default_factory=list)
    cites: list[Row] = field(default_factory=list)
    conflicts: list[Row] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.claims) + len(self.assertions)


def node_row(record: Any) -> Row:
    props = record.props()
    return {"id": record.id, "props": props, "hash": content_hash(props)}


@dataclass
class _Written:
    sources: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    assertions: set[str] = field(default_factory=set)
    pending_cites: list[Row] = field(default_factory=list)
    pending_republishes: list[Row] = field(default_factory=list)


def plan(data: DataSet, *, max_batch_rows: int = 20_000) -> Iterator[WriteBatch]:
    corpus = data.corpus
    claims = {c.id: c for c in corpus.claims}
    sources = {s.id: s for s in corpus.sources}
    written = _Written()
    first = _shared_batch(data)
    with_file = {f.source for f in data.claim_files if f.source}
    for source in corpus.sources:
        if source.id not in with_file:
            _add_source(first, source, written)
    _release_links(first, written)
    yield first
    batch = WriteBatch()
    for claim_file in data.claim_files:
        _add_file(batch, claim_file, claims, sources, written)
        if batch.size >= max_batch_rows:
            _release_links(batch, written)
            yield batch
            batch = WriteBatch()
    if batch.files:
        _release_links(batch, written)
        yield batch


def _shared_batch(data: DataSet) -> WriteBatch:
    corpus = data.corpus
    batch = WriteBatch(files=["(shared records)"])
    batch.organizations = [node_row(o) for o in corpus.organizations]
    batch.topics = [node_row(t) for t in corpus.topics]
    for person in corpus.people:
        batch.people.append(node_row(person))
        batch.affiliations.extend(
            {"person": person.id, "organization": a.organization, **a.props()}
            for a in person.affiliations
        )
    return batch


def _add_file(
    batch: WriteBatch,
    claim_file: ClaimFile,
    claims: dict[str, Claim],
    sources: dict[str, Source],
    written: _Written,
) -> None:
    batch.files.append(claim_file.path)
    if claim_file.source and claim_file.source not in written.sources:
        _add_source(batch, sources[claim_file.source], written)
    needed = [c.id for c in claim_file.claims]
    needed += [a.claim for a in claim_file.assertions]
    needed += [claim_id for c in claim_file.conflicts for claim_id in (c.first, c.second)]
    for claim_id in needed:
        if claim_id not in written.claims:
            _add_claim(batch, claims[claim_id], written)
    for assertion in claim_file.assertions:
        _add_assertion(batch, assertion, written)
    batch.conflicts.extend(
        {"first": c.first, "second": c.second, "props": c.props(), "hash": content_hash(c.props())}
        for c in claim_file.conflicts
    )


def _add_source(batch: WriteBatch, source: Source, written: _Written) -> None:
    written.sources.add(source.id)
    batch.sources.append(node_row(source))
    if source.publisher:
        batch.published_by.append({"source": source.id, "organization": source.publisher})
    batch.written_by.extend(
        {"source": source.id, "agent": author, "position": index}
        for index, author in enumerate(source.authors)
    )
    if source.republishes:
        written.pending_republishes.append({"source": source.id, "original": source.republishes})


def _add_claim(batch: WriteBatch, claim: Claim, written: _Written) -> None:
    written.claims.add(claim.id)
    batch.claims.append(node_row(claim))
    batch.claim_topics.extend({"claim": claim.id, "topic": topic} for topic in claim.topics)


def _add_assertion(batch: WriteBatch, assertion: Assertion, written: _Written) -> None:
    written.assertions.add(assertion.id)
    row = node_row(assertion)
    row.update(claim=assertion.claim, by=assertion.by, source=assertion.source)
    batch.assertions.append(row)
    written.pending_cites.extend({"from": assertion.id, "to": cited} for cited in assertion.cites)


def _release_links(batch: WriteBatch, written: _Written) -> None:
    """Move the waiting links whose both ends are now written into this batch."""
    ready, written.pending_cites = _partition(
        written.pending_cites, lambda row: row["to"] in written.assertions
    )
    batch.cites.extend(ready)
    ready, written.pending_republishes = _partition(
        written.pending_republishes, lambda row: row["original"] in written.sources
    )
    batch.republishes.extend(ready)


def _partition(rows: list[Row], is_ready: Callable[[Row], bool]) -> tuple[list[Row], list[Row]]:
    ready: list[Row] = []
    waiting: list[Row] = []
    for row in rows:
        (ready if is_ready(row) else waiting).append(row)
    return ready, waiting
