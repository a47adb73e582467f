"""Following what the database records, by polling: no process tells another.

Every event has a cursor, ``(recordedAt, key)``: its record's time of recording and an
id that orders the ties. A reader pages through events from a cursor on, in that order.

Time of recording is taken when a write starts, and a transaction becomes visible
when it commits (on a cluster's reader, a little later still), so an event can
appear after others recorded later than it. A ``Follower`` therefore reads the
whole recent window, from ``lookback`` before now, on each poll, and delivers the
events of it that it has not delivered before: each event once, in the order
``(recordedAt, key)`` within a poll, provided it becomes visible within
``lookback`` of its recording. What was already visible when following started is
never delivered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


@dataclass(frozen=True, order=True)
class Cursor:
    at: dt.datetime
    key: str


class Event(Protocol):
    @property
    def cursor(self) -> Cursor: ...


E = TypeVar("E", bound=Event)
# A page of events from a cursor on (strictly after it), in cursor order, at most ``limit``.
ReadPage = Callable[[Cursor, int], Awaitable[Sequence[E]]]


class Overflow(Exception):
    """More new events at once than the follower may hold."""

    def __init__(self, new: int, room: int) -> None:
        super().__init__(f"{new} new events, room for {room}")
        self.new = new
        self.room = room


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Follower(Generic[E]):
    def __init__(
        self,
        read_page: ReadPage[E],
        lookback: dt.timedelta,
        *,
        page_size: int = 500,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._read_page = read_page
        self._lookback = lookback
        self._page_size = page_size
        self._clock = clock
        self._delivered: dict[str, dt.datetime] = {}  # keys seen in the window, their time

    async def start(self) -> None:
        """Take note of what is visible now: it is not new."""
        for event in await self._window():
            self._delivered[event.cursor.key] = event.cursor.at

    async def poll(self, room: int) -> list[E]:
        """The events that became visible since the last poll, in cursor order.
        Overflow (and nothing taken as delivered) if there are more than ``room``."""
        window = await self._window()
        new = [event for event in window if event.cursor.key not in self._delivered]
        if len(new) > room:
            raise Overflow(len(new), room)
        for event in new:
            self._delivered[event.cursor.key] = event.cursor.at
        return new

    async def _window(self) -> list[E]:
        floor = Cursor(self._clock() - self._lookback, "")
        self._forget_before(floor.at)
        events: list[E] = []
        cursor = floor
        while True:
            page = await self._read_page(cursor, self._page_size)
            events.extend(page)
            if len(page) < self._page_size:
                return events
            cursor = page[-1].cursor

    def _forget_before(self, floor: dt.datetime) -> None:
        for key in [key for key, at in self._delivered.items() if at < floor]:
            del self._delivered[key]
