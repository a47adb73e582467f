"""The provenance of one claim, answered by one Cypher query (CLAIM_PROVENANCE)."""

from __future__ import annotations

from typing import Any

from api import cypher
from neo4j import AsyncDriver, RoutingControl


async def fetch_provenance(
    driver: AsyncDriver, database: str, claim_id: str
) -> dict[str, Any] | None:
    """The claim, its assertions by date with speakers, sources and CITES chains,
    its first appearance, independent source count and conflicts; None if unknown."""
    records, _, _ = await driver.execute_query(
        cypher.CLAIM_PROVENANCE, claimId=claim_id, routing_=RoutingControl.READ, database_=database
    )
    return records[0].data() if records else None
