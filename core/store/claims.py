"""Claims and assertions by id (for DataLoaders) and the conflicts around one claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.batch import fetch_by_ids
from claimtrace.core.store.records import (
    AssertionBriefRecord,
    AssertionRecord,
    ClaimRecord,
    ConflictRecord,
    RefinementsRecord,
)


async def claims_by_id(graph: Graph, ids: Sequence[str]) -> list[ClaimRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(graph, cypher.CLAIMS_BY_ID, ids, "claim", ClaimRecord.from_map)


async def claim_refinements(
    graph: Graph, ids: Sequence[str], as_of: dt.datetime | None
) -> list[RefinementsRecord]:
    """For each id, in order: the REFINES links around it (empty for an unknown id)."""
    records = await graph.read(cypher.CLAIM_REFINEMENTS, ids=list(ids), asOf=as_of)
    found = {record["id"]: RefinementsRecord.from_map(record) for record in records}
    return [found.get(claim_id, RefinementsRecord(claim_id, (), ())) for claim_id in ids]


async def claim_as_of(graph: Graph, claim_id: str, as_of: dt.datetime) -> ClaimRecord | None:
    """The claim as the graph stood at ``as_of``; None if it was not recorded yet."""
    records = await graph.read(cypher.CLAIM_AS_OF, id=claim_id, asOf=as_of)
    return ClaimRecord.from_map(records[0]["claim"]) if records else None


async def claim_conflicts(
    graph: Graph, claim_id: str, as_of: dt.datetime | None = None
) -> list[ConflictRecord] | None:
    """The conflicts around a claim (as the graph stood at ``as_of``); None when the
    claim does not exist (then)."""
    records = await graph.read(cypher.CLAIM_CONFLICTS, claimId=claim_id, asOf=as_of)
    if not records:
        return None
    return [ConflictRecord.from_map(conflict) for conflict in records[0]["conflicts"]]


async def assertions_by_id(graph: Graph, ids: Sequence[str]) -> list[AssertionRecord | None]:
    """Each shaped as in a claim's provenance; in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(
        graph, cypher.ASSERTIONS_BY_ID, ids, "assertion", AssertionRecord.from_map
    )


async def assertion_brief(graph: Graph, assertion_id: str) -> AssertionBriefRecord | None:
    records = await graph.read(cypher.ASSERTION_BRIEF, id=assertion_id)
    return AssertionBriefRecord.from_map(records[0]["assertion"]) if records else None
