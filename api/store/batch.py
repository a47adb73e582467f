"""The shape every DataLoader query shares: many ids in, results in key order out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, LiteralString, TypeVar

from neo4j import AsyncDriver, RoutingControl

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
