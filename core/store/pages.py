"""Keyset pagination: opaque cursors over a stable sort key (date, then id)."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from claimtrace.core.errors import BadInput

T = TypeVar("T")

MAX_PAGE = 100


@dataclass(frozen=True)
class Position:
    """Where a page ends: the sort key of its last item (a date, or a name), then its id."""

    key: str
    id: str


@dataclass(frozen=True)
class Page(Generic[T]):
    """Items with their keyset positions, whether more follow, and whether it was asked
    for after a cursor: pages go forward, and a cursor stands for an item that was
    on an earlier page (nothing is ever deleted)."""

    items: list[tuple[T, Position]]
    has_next: bool
    has_previous: bool = False

    @classmethod
    def of(cls, rows: list[tuple[T, Position]], first: int, after: Position | None) -> Page[T]:
        """From a query that fetched ``first + 1`` rows to learn whether more follow."""
        return cls(items=rows[:first], has_next=len(rows) > first, has_previous=after is not None)


def encode_cursor(position: Position) -> str:
    raw = json.dumps([position.key, position.id], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii")


def decode_cursor(cursor: str | None) -> Position | None:
    if cursor is None:
        return None
    try:
        key, item_id = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise BadInput("after is not a cursor from this API", field="after") from None
    if not isinstance(key, str) or not isinstance(item_id, str):
        raise BadInput("after is not a cursor from this API", field="after")
    return Position(key, item_id)


def check_first(first: int) -> int:
    if not 1 <= first <= MAX_PAGE:
        raise BadInput(f"first must be between 1 and {MAX_PAGE}; got {first}", field="first")
    return first
