"""The provenance of one claim, answered by one Cypher query (CLAIM_PROVENANCE)."""

from __future__ import annotations

import datetime as dt

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.records import ProvenanceRecord


async def fetch_provenance(
    graph: Graph, claim_id: str, as_of: dt.datetime | None = None
) -> ProvenanceRecord | None:
    """The claim, its assertions by date with speakers, sources and CITES chains,
    its independent source counts and its conflicts, as the graph stood at ``as_of``
    (now when None); None for an unknown claim."""
    records = await graph.read(cypher.CLAIM_PROVENANCE, claimId=claim_id, asOf=as_of)
    return ProvenanceRecord.from_map(records[0]) if records else None
