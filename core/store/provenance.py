"""The provenance of one claim, answered by one Cypher query (CLAIM_PROVENANCE)."""

from __future__ import annotations

from neo4j import AsyncDriver, RoutingControl

from claimtrace.core import cypher
from claimtrace.core.store.records import ProvenanceRecord


async def fetch_provenance(
    driver: AsyncDriver, database: str, claim_id: str
) -> ProvenanceRecord | None:
    """The claim, its assertions by date with speakers, sources and CITES chains,
    its independent source count and its conflicts; None for an unknown claim."""
    records, _, _ = await driver.execute_query(
        cypher.CLAIM_PROVENANCE, claimId=claim_id, routing_=RoutingControl.READ, database_=database
    )
    return ProvenanceRecord.from_map(records[0]) if records else None
