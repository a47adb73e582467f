"""Writing planned batches to Neo4j: one transaction per batch, UNWIND per statement."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction

from claimtrace.core import cypher, telemetry
from claimtrace.core.database import Graph
from claimtrace.core.plans import Row, WriteBatch


class AppendOnlyError(Exception):
    """Records exist with other content; provenance data is never overwritten."""

    def __init__(self, kind: str, ids: list[str], files: list[str]) -> None:
        self.kind = kind
        self.ids = ids
        shown = ", ".join(ids[:10]) + (" ..." if len(ids) > 10 else "")
        super().__init__(
            f"{', '.join(files)}: {kind} {shown} already loaded with different content; "
            "provenance data is append-only: give the changed record a new id. Nothing of this "
            "batch was written."
        )


# (kind, query, batch attribute) for the node statements that report what they created.
NODE_STATEMENTS: tuple[tuple[str, LiteralString, str], ...] = (
    ("Organization", cypher.LOAD_ORGANIZATIONS, "organizations"),
    ("Person", cypher.LOAD_PEOPLE, "people"),
    ("Topic", cypher.LOAD_TOPICS, "topics"),
    ("Source", cypher.LOAD_SOURCES, "sources"),
    ("Claim", cypher.LOAD_CLAIMS, "claims"),
)
LINK_STATEMENTS: tuple[tuple[LiteralString, str], ...] = (
    (cypher.LOAD_AFFILIATIONS, "affiliations"),
    (cypher.LOAD_PUBLISHED_BY, "published_by"),
    (cypher.LOAD_WRITTEN_BY, "written_by"),
    (cypher.LOAD_REPUBLISHES, "republishes"),
    (cypher.LOAD_CLAIM_TOPICS, "claim_topics"),
    (cypher.LOAD_REFINES, "refines"),
)


async def write_batch(graph: Graph, batch: WriteBatch, recorded_at: dt.datetime) -> Counter[str]:
    """Write one batch atomically; return how many records of each kind it created."""
    with telemetry.load_batch(batch_rows(batch)):
        async with graph.session() as session:
            return await session.execute_write(write_in, batch, recorded_at)


def batch_rows(batch: WriteBatch) -> dict[str, int]:
    """How many rows of each kind a batch sends."""
    attributes = [attribute for _, _, attribute in NODE_STATEMENTS]
    attributes += [attribute for _, attribute in LINK_STATEMENTS]
    attributes += ["assertions", "cites", "conflicts"]
    return {attribute: len(getattr(batch, attribute)) for attribute in attributes}


async def write_in(
    tx: AsyncManagedTransaction, batch: WriteBatch, recorded_at: dt.datetime
) -> Counter[str]:
    """The statements of ``write_batch``, inside a transaction the caller owns."""
    created: Counter[str] = Counter()
    for kind, query, attribute in NODE_STATEMENTS:
        created[kind] += await _merge(
            tx, kind, query, getattr(batch, attribute), batch, recorded_at
        )
    for query, attribute in LINK_STATEMENTS:
        await _run(tx, query, getattr(batch, attribute))
    created["Assertion"] += await _merge(
        tx, "Assertion", cypher.LOAD_ASSERTIONS, batch.assertions, batch, recorded_at
    )
    await _run(tx, cypher.LOAD_CITES, batch.cites)
    created["CONTRADICTS"] += await _merge(
        tx, "conflict", cypher.LOAD_CONFLICTS, batch.conflicts, batch, recorded_at
    )
    claim_ids = sorted({row["claim"] for row in batch.assertions})
    if claim_ids:
        with telemetry.round_trip(cypher.UPDATE_FIRST_ASSERTED):
            await (await tx.run(cypher.UPDATE_FIRST_ASSERTED, ids=claim_ids)).consume()
    return created


async def _merge(
    tx: AsyncManagedTransaction,
    kind: str,
    query: LiteralString,
    rows: list[Row],
    batch: WriteBatch,
    recorded_at: dt.datetime,
) -> int:
    if not rows:
        return 0
    with telemetry.round_trip(query):
        result = await tx.run(query, rows=rows, recordedAt=recorded_at)
        record = await result.single(strict=True)
    if record["changed"]:
        raise AppendOnlyError(kind, list(record["changed"]), batch.files)
    return int(record["created"])


async def _run(tx: AsyncManagedTransaction, query: LiteralString, rows: list[Row]) -> None:
    if rows:
        with telemetry.round_trip(query):
            await (await tx.run(query, rows=rows)).consume()


async def graph_counts(graph: Graph) -> dict[str, Any]:
    """Counts by label and relationship type, from Neo4j's count store."""
    records = await graph.read(cypher.GRAPH_COUNTS)
    return {"nodes": dict(records[0]["nodes"]), "relationships": dict(records[0]["relationships"])}
