"""The two shapes most read queries share: a batch of ids (for DataLoaders), and a
keyset page (for connections)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, LiteralString, TypeVar

from claimtrace.core.database import Graph
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import Map

T = TypeVar("T")


async def fetch_by_ids(
    graph: Graph, query: LiteralString, ids: Sequence[str], column: str, convert: Callable[[Map], T]
) -> list[T | None]:
    """One query (``WHERE n.id IN $ids``) for a whole batch; None where an id is unknown."""
    records = await graph.read(query, ids=list(ids))
    found = {record[column]["id"]: convert(record[column]) for record in records}
    return [found.get(item_id) for item_id in ids]


async def fetch_page(
    graph: Graph,
    query: LiteralString,
    filters: dict[str, Any],
    column: str,
    convert: Callable[[Map], T],
    first: int,
    after: Position | None,
) -> Page[T]:
    """Up to ``first`` items after ``after``; the query orders by (sortKey, id), resumes
    after ``$afterKey``/``$afterId`` and returns ``$limit`` rows, one more than asked,
    to learn whether another page follows."""
    records = await graph.read(
        query,
        **filters,
        afterKey=after.key if after else None,
        afterId=after.id if after else None,
        limit=first + 1,
    )
    rows = [
        (convert(record[column]), Position(record["sortKey"], record[column]["id"]))
        for record in records
    ]
    return Page.of(rows, first, after)
