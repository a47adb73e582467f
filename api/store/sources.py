"""Sources by id (for DataLoaders) and pages of sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import AsyncDriver, RoutingControl

from api import cypher
from api.store.batch import fetch_by_ids
from api.store.pages import Page, Position
from api.store.records import SourceRecord


@dataclass(frozen=True)
class SourceFilterRecord:
    publisher_id: str | None = None
    author_id: str | None = None
    kind: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    title_contains: str | None = None


async def sources_by_id(
    driver: AsyncDriver, database: str, ids: Sequence[str]
) -> list[SourceRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(
        driver, database, cypher.SOURCES_BY_ID, ids, "source", SourceRecord.from_map
    )


async def sources_page(
    driver: AsyncDriver,
    database: str,
    where: SourceFilterRecord,
    first: int,
    after: Position | None,
) -> Page[SourceRecord]:
    records, _, _ = await driver.execute_query(
        cypher.SOURCES_PAGE,
        publisherId=where.publisher_id,
        authorId=where.author_id,
        kind=where.kind,
        publishedFrom=where.published_from,
        publishedTo=where.published_to,
        titleContains=where.title_contains,
        afterDate=after.date if after else None,
        afterId=after.id if after else None,
        limit=first + 1,
        routing_=RoutingControl.READ,
        database_=database,
    )
    rows = [
        (SourceRecord.from_map(r["source"]), Position(r["sortDate"], r["source"]["id"]))
        for r in records
    ]
    return Page.of(rows, first)
