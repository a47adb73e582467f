"""People and organizations by id (for DataLoaders) and pages of people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.batch import fetch_by_ids, fetch_page
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import AffiliationRecord, AgentRecord, Map


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    aliases: tuple[str, ...]
    affiliations: tuple[AffiliationRecord, ...]
    assertion_count: int

    @classmethod
    def from_map(cls, value: Map) -> PersonRecord:
        return cls(
            id=value["id"],
            name=value["name"],
            aliases=tuple(value.get("aliases") or ()),
            affiliations=tuple(AffiliationRecord.from_map(a) for a in value["affiliations"]),
            assertion_count=value["assertionCount"],
        )


@dataclass(frozen=True)
class PersonFilterRecord:
    name_contains: str | None = None
    organization_id: str | None = None
    topic_id: str | None = None


async def people_by_id(graph: Graph, ids: Sequence[str]) -> list[PersonRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(graph, cypher.PEOPLE_BY_ID, ids, "person", PersonRecord.from_map)


async def organizations_by_id(graph: Graph, ids: Sequence[str]) -> list[AgentRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(
        graph, cypher.ORGANIZATIONS_BY_ID, ids, "organization", AgentRecord.from_map
    )


async def people_page(
    graph: Graph,
    where: PersonFilterRecord,
    first: int,
    after: Position | None,
) -> Page[PersonRecord]:
    return await fetch_page(
        graph,
        cypher.PEOPLE_PAGE,
        {
            "nameContains": where.name_contains,
            "organizationId": where.organization_id,
            "topicId": where.topic_id,
        },
        "person",
        PersonRecord.from_map,
        first,
        after,
    )
