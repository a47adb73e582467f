"""What was recorded after a cursor, one page at a time (core/follow.py follows it).

Reads go to a reader of a cluster, like every read of the API; the window a follower
reads again on each poll also covers a reader that is a little behind its leader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import Record

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.follow import Cursor
from claimtrace.core.store.records import native_datetime
from claimtrace.core.vocabulary import CandidateKind, ConflictKind


@dataclass(frozen=True)
class AssertionRecorded:
    cursor: Cursor  # the key is the assertion's id

    @property
    def assertion_id(self) -> str:
        return self.cursor.key


@dataclass(frozen=True)
class ConflictRecorded:
    cursor: Cursor  # the key is the two claim ids, smaller first, joined by a space
    first_claim_id: str
    second_claim_id: str
    kind: ConflictKind
    note: str


@dataclass(frozen=True)
class CandidateRecorded:
    cursor: Cursor  # the key is the candidate's id
    first_claim_id: str
    second_claim_id: str
    kind: CandidateKind
    note: str  # the explanation
    rule: str
    score: float
    threshold: float

    @property
    def candidate_id(self) -> str:
        return self.cursor.key


Disagreement = ConflictRecorded | CandidateRecorded


async def assertions_recorded(
    graph: Graph, claim_id: str, after: Cursor, limit: int
) -> list[AssertionRecorded]:
    records = await graph.read(
        cypher.ASSERTIONS_RECORDED, claimId=claim_id, at=after.at, key=after.key, limit=limit
    )
    return [AssertionRecorded(_cursor(record)) for record in records]


async def conflicts_recorded(
    graph: Graph,
    topic_id: str | None,
    kinds: Sequence[ConflictKind] | None,
    after: Cursor,
    limit: int,
) -> list[ConflictRecorded]:
    records = await graph.read(
        cypher.CONFLICTS_RECORDED,
        topicId=topic_id,
        kinds=None if kinds is None else [kind.value for kind in kinds],
        at=after.at,
        key=after.key,
        limit=limit,
    )
    return [
        ConflictRecorded(
            _cursor(record),
            record["first"],
            record["second"],
            ConflictKind(record["kind"]),
            record["note"],
        )
        for record in records
    ]


async def candidates_recorded(
    graph: Graph,
    topic_id: str | None,
    kinds: Sequence[CandidateKind],
    after: Cursor,
    limit: int,
) -> list[CandidateRecorded]:
    records = await graph.read(
        cypher.CANDIDATES_RECORDED,
        topicId=topic_id,
        kinds=[kind.value for kind in kinds],
        at=after.at,
        key=after.key,
        limit=limit,
    )
    return [
        CandidateRecorded(
            _cursor(record),
            record["first"],
            record["second"],
            CandidateKind(record["kind"]),
            record["note"],
            record["rule"],
            record["score"],
            record["threshold"],
        )
        for record in records
    ]


async def disagreements_recorded(
    graph: Graph,
    topic_id: str | None,
    kinds: Sequence[ConflictKind] | None,
    candidate_kinds: Sequence[CandidateKind],
    after: Cursor,
    limit: int,
) -> list[Disagreement]:
    """Confirmed conflicts and, of ``candidate_kinds``, candidates, in one cursor order
    (a conflict's key holds a space, a candidate's never does)."""
    conflicts = await conflicts_recorded(graph, topic_id, kinds, after, limit)
    if not candidate_kinds:
        return list(conflicts)
    candidates = await candidates_recorded(graph, topic_id, candidate_kinds, after, limit)
    merged: list[Disagreement] = [*conflicts, *candidates]
    merged.sort(key=_cursor_of)
    return merged[:limit]


def _cursor_of(event: Disagreement) -> Cursor:
    return event.cursor


def _cursor(record: Record) -> Cursor:
    at = native_datetime(record["at"])
    assert at is not None
    return Cursor(at, record["key"])
