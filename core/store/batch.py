"""The two shapes most read queries share: a batch of ids (for DataLoaders), and a
keyset page (for connections)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, RoutingControl

from claimtrace.core.store.pages import Page, Position

T = TypeVar("T")


async def fetch_by_ids(
    driver: AsyncDriver,
    database: str,
    query: LiteralString,
    ids: Sequence[str],
    column: str,
    convert: Callable[[dict[str, Any]], T],
) -> list[T | None]:
    """One query (``WHERE n.id IN $ids``) for a whole batch; None where an id is unknown."""
    records, _, _ = await driver.execute_query(
        query, ids=list(ids), routing_=RoutingControl.READ, database_=database
    )
    found = {record[column]["id"]: convert(record[column]) for record in records}
    return [found.get(item_id) for item_id in ids]


async def fetch_page(
    driver: AsyncDriver,
    database: str,
    query: LiteralString,
    filters: dict[str, Any],
    column: str,
    convert: Callable[[dict[str, Any]], T],
    first: int,
    after: Position | None,
) -> Page[T]:
    """Up to ``first`` items after ``after``; the query orders by (sortKey, id), resumes
    after ``$afterKey``/``$afterId`` and returns ``$limit`` rows, one more than asked,
    to learn whether another page follows."""
    records, _, _ = await driver.execute_query(
        query,
        filters,
        afterKey=after.key if after else None,
        afterId=after.id if after else None,
        limit=first + 1,
        routing_=RoutingControl.READ,
        database_=database,
    )
    rows = [
        (convert(record[column]), Position(record["sortKey"], record[column]["id"]))
        for record in records
    ]
    return Page.of(rows, first)
