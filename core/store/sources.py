"""Sources by id (for DataLoaders) and pages of sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.batch import fetch_by_ids, fetch_page
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import SourceRecord
from claimtrace.core.vocabulary import DateMatch, PartialDate


@dataclass(frozen=True)
class SourceFilterRecord:
    publisher_id: str | None = None
    author_id: str | None = None
    kind: str | None = None
    published_from: PartialDate | None = None
    published_to: PartialDate | None = None
    date_match: DateMatch = DateMatch.OVERLAPS
    title_contains: str | None = None


async def sources_by_id(graph: Graph, ids: Sequence[str]) -> list[SourceRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(graph, cypher.SOURCES_BY_ID, ids, "source", SourceRecord.from_map)


async def sources_page(
    graph: Graph,
    where: SourceFilterRecord,
    first: int,
    after: Position | None,
) -> Page[SourceRecord]:
    return await fetch_page(
        graph,
        cypher.SOURCES_PAGE,
        {
            "publisherId": where.publisher_id,
            "authorId": where.author_id,
            "kind": where.kind,
            "publishedFrom": where.published_from.earliest if where.published_from else None,
            "publishedTo": where.published_to.latest if where.published_to else None,
            "within": where.date_match is DateMatch.WITHIN,
            "titleContains": where.title_contains,
        },
        "source",
        SourceRecord.from_map,
        first,
        after,
    )


async def source_texts(graph: Graph, ids: Sequence[str]) -> dict[str, str]:
    """The texts held for these sources, by id; a source without one is left out."""
    records = await graph.read(cypher.SOURCE_TEXTS, ids=list(ids))
    return {record["id"]: record["text"] for record in records}
