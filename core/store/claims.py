"""Claims and assertions by id (for DataLoaders) and the conflicts around one claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.search import lucene_literal
from claimtrace.core.store.batch import fetch_by_ids, fetch_page
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import (
    AssertionBriefRecord,
    AssertionRecord,
    ClaimRecord,
    ConflictRecord,
    RefinementsRecord,
)
from claimtrace.core.vocabulary import DateMatch, PartialDate, Stance


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


@dataclass(frozen=True)
class ClaimFilterRecord:
    """What ``claims`` may be filtered by; None means "any"."""

    search: str | None = None
    topic_id: str | None = None
    person_id: str | None = None
    source_id: str | None = None
    publisher_id: str | None = None
    asserted_from: PartialDate | None = None
    asserted_to: PartialDate | None = None
    date_match: DateMatch = DateMatch.OVERLAPS
    has_conflicts: bool | None = None
    stance: Stance | None = None

    @property
    def filters_assertions(self) -> bool:
        return any(
            value is not None
            for value in (
                self.person_id, self.source_id, self.publisher_id, self.stance,
                self.asserted_from, self.asserted_to,
            )
        )  # fmt: skip


async def claims_page(
    graph: Graph,
    where: ClaimFilterRecord,
    first: int,
    after: Position | None,
) -> Page[ClaimRecord]:
    """Up to ``first`` claims after ``after``, in (first assertion date, id) order."""
    return await fetch_page(
        graph,
        cypher.CLAIMS_PAGE,
        {
            "search": lucene_literal(where.search) if where.search is not None else None,
            "topicId": where.topic_id,
            "hasConflicts": where.has_conflicts,
            "filterAssertions": where.filters_assertions,
            "personId": where.person_id,
            "sourceId": where.source_id,
            "publisherId": where.publisher_id,
            "stance": where.stance.value if where.stance else None,
            "assertedFrom": where.asserted_from.earliest if where.asserted_from else None,
            "assertedTo": where.asserted_to.latest if where.asserted_to else None,
            "within": where.date_match is DateMatch.WITHIN,
        },
        "claim",
        ClaimRecord.from_map,
        first,
        after,
    )


async def assertion_brief(graph: Graph, assertion_id: str) -> AssertionBriefRecord | None:
    records = await graph.read(cypher.ASSERTION_BRIEF, id=assertion_id)
    return AssertionBriefRecord.from_map(records[0]["assertion"]) if records else None
