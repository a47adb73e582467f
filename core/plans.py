"""The rows of one write transaction, one list per Cypher statement.

Which rows go into which batch is decided by the staging index
(loaders/staging.py): a unit (a document and its claims) is never split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimtrace.core.records import content_hash

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
