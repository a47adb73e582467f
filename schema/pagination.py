"""Relay-style connections with keyset cursors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from claimtrace.core.store.pages import Page, encode_cursor

T = TypeVar("T")
R = TypeVar("R")


@strawberry.type(description="Relay's page info; pages go forward, with first and after.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool = strawberry.field(
        description="Whether the page was asked for after a cursor: items come before it."
    )
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of results; pass pageInfo.endCursor as `after` for the next.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo


def connection(page: Page[R], convert: Callable[[R], T]) -> Connection[T]:
    edges = [
        Edge(cursor=encode_cursor(position), node=convert(item)) for item, position in page.items
    ]
    page_info = PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info)
