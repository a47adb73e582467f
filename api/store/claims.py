"""Claims by id (for DataLoaders) and the conflicts around one claim."""

from __future__ import annotations

from collections.abc import Sequence

from neo4j import AsyncDriver, RoutingControl

from api import cypher
from api.store.records import ClaimRecord, ConflictRecord


async def claims_by_id(
    driver: AsyncDriver, database: str, ids: Sequence[str]
) -> list[ClaimRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    records, _, _ = await driver.execute_query(
        cypher.CLAIMS_BY_ID, ids=list(ids), routing_=RoutingControl.READ, database_=database
    )
    found = {r["claim"]["id"]: ClaimRecord.from_map(r["claim"]) for r in records}
    return [found.get(claim_id) for claim_id in ids]


async def claim_conflicts(
    driver: AsyncDriver, database: str, claim_id: str
) -> list[ConflictRecord]:
    records, _, _ = await driver.execute_query(
        cypher.CLAIM_CONFLICTS, claimId=claim_id, routing_=RoutingControl.READ, database_=database
    )
    return [ConflictRecord.from_map(r["conflict"]) for r in records]
