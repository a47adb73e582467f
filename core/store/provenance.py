"""The provenance of claims, answered by one Cypher query (CLAIM_PROVENANCE)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.records import ProvenanceRecord


async def fetch_provenance(
    graph: Graph, claim_id: str, as_of: dt.datetime | None = None
) -> ProvenanceRecord | None:
    """The claim, its assertions by date with speakers, sources and CITES chains,
    its independent source counts and its conflicts, as the graph stood at ``as_of``
    (now when None); None for an unknown claim."""
    [found] = await fetch_provenances(graph, [claim_id], as_of)
    return found


async def fetch_provenances(
    graph: Graph, claim_ids: Sequence[str], as_of: dt.datetime | None = None
) -> list[ProvenanceRecord | None]:
    """``fetch_provenance`` for many claims in the same round trip; in the order of
    ``claim_ids``, None where a claim is unknown."""
    records = await graph.read(cypher.CLAIM_PROVENANCE, claimIds=list(claim_ids), asOf=as_of)
    found = {record["claim"]["id"]: ProvenanceRecord.from_map(record) for record in records}
    return [found.get(claim_id) for claim_id in claim_ids]
