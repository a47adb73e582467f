"""The provenance of claims, answered by one Cypher query (CLAIM_PROVENANCE)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.records import ProvenanceRecord


@dataclass(frozen=True)
class ProvenanceParts:
    """Which costly parts of a provenance to compute. A part left out answers empty
    (no affiliations, chain, publisher, authors, republished original, outlets or
    conflicts), so leave one out only when nothing will read it."""

    affiliations: bool = True
    citation_chains: bool = True
    source_links: bool = True  # a source's publisher, authors and republished original
    independent_sources: bool = True  # the outlets behind independentSourceCount
    refinements: bool = True  # the outlets of narrower claims, for ...WithRefinements
    conflicts: bool = True
    conflict_sides: bool = True  # the other claim's assertions in each conflict

    def parameters(self) -> dict[str, bool]:
        return {
            "withAffiliations": self.affiliations,
            "withChains": self.citation_chains,
            "withSourceLinks": self.source_links,
            "withOutlets": self.independent_sources or self.refinements,
            "withRefinements": self.refinements,
            "withConflicts": self.conflicts,
            "withConflictSides": self.conflicts and self.conflict_sides,
        }


EVERYTHING = ProvenanceParts()


async def fetch_provenance(
    graph: Graph,
    claim_id: str,
    as_of: dt.datetime | None = None,
    parts: ProvenanceParts = EVERYTHING,
) -> ProvenanceRecord | None:
    """The claim, its assertions by date with speakers, sources and CITES chains,
    its independent source counts and its conflicts, as the graph stood at ``as_of``
    (now when None); None for an unknown claim."""
    [found] = await fetch_provenances(graph, [claim_id], as_of, parts)
    return found


async def fetch_provenances(
    graph: Graph,
    claim_ids: Sequence[str],
    as_of: dt.datetime | None = None,
    parts: ProvenanceParts = EVERYTHING,
) -> list[ProvenanceRecord | None]:
    """``fetch_provenance`` for many claims in the same round trip; in the order of
    ``claim_ids``, None where a claim is unknown."""
    records = await graph.read(
        cypher.CLAIM_PROVENANCE, claimIds=list(claim_ids), asOf=as_of, **parts.parameters()
    )
    found = {record["claim"]["id"]: ProvenanceRecord.from_map(record) for record in records}
    return [found.get(claim_id) for claim_id in claim_ids]
