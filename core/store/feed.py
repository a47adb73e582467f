"""What was recorded after a cursor, one page at a time (core/follow.py follows it).

Reads go to a reader of a cluster, like every read of the API; the window a follower
reads again on each poll also covers a reader that is a little behind its leader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.follow import Cursor
from claimtrace.core.store.records import native_datetime
from claimtrace.core.vocabulary import ConflictKind


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


def _cursor(record: object) -> Cursor:
    at = native_datetime(record["at"])  # type: ignore[index]
    assert at is not None
    return Cursor(at, record["key"])  # type: ignore[index]
