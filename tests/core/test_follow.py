"""Following recorded events by polling (core/follow.py), over an in-memory log of
events as the database would show them: each visible from some moment on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from claimtrace.core.follow import Cursor, Follower, Overflow
from claimtrace.core.settings import SettingsError, SubscriptionLimits

T0 = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
LOOKBACK = dt.timedelta(seconds=10)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


@dataclass(frozen=True)
class Recorded:
    cursor: Cursor


class Log:
    """Events with their recordedAt and the moment their transaction commits."""

    def __init__(self) -> None:
        self.now = T0
        self.events: list[tuple[Recorded, dt.datetime]] = []
        self.reads = 0

    def record(self, key: str, recorded: float, visible: float | None = None) -> None:
        event = Recorded(Cursor(at(recorded), key))
        self.events.append((event, at(recorded if visible is None else visible)))

    async def read_page(self, after: Cursor, limit: int) -> list[Recorded]:
        self.reads += 1
        shown = sorted(
            (e for e, visible in self.events if visible <= self.now and e.cursor > after),
            key=lambda e: e.cursor,
        )
        return shown[:limit]

    def follower(self, page_size: int = 2) -> Follower[Recorded]:
        return Follower(self.read_page, LOOKBACK, page_size=page_size, clock=lambda: self.now)


def keys(events: list[Recorded]) -> list[str]:
    return [e.cursor.key for e in events]


async def test_what_was_visible_when_following_started_is_not_delivered() -> None:
    log = Log()
    log.record("old", -1)
    follower = log.follower()
    await follower.start()
    log.record("new", 0.5)
    log.now = at(1)
    assert keys(await follower.poll(room=10)) == ["new"]
    assert await follower.poll(room=10) == []


async def test_ties_on_recorded_at_across_pages_are_each_delivered_once() -> None:
    log = Log()
    follower = log.follower(page_size=2)
    await follower.start()
    for key in ("e", "a", "d", "b", "c"):  # one transaction: one recordedAt for all five
        log.record(key, 1)
    log.now = at(2)
    assert keys(await follower.poll(room=10)) == ["a", "b", "c", "d", "e"]
    log.record("f", 1)  # the same instant, from another process, committed later
    log.now = at(3)
    assert keys(await follower.poll(room=10)) == ["f"]
    assert await follower.poll(room=10) == []


async def test_an_event_committed_after_later_ones_is_delivered_when_it_appears() -> None:
    log = Log()
    follower = log.follower()
    await follower.start()
    log.record("slow", 1, visible=5)  # recorded first, committed last
    log.record("fast", 2)
    log.now = at(3)
    assert keys(await follower.poll(room=10)) == ["fast"]
    log.now = at(6)
    assert keys(await follower.poll(room=10)) == ["slow"]
    log.now = at(30)  # both out of the window: forgotten, and never delivered again
    assert await follower.poll(room=10) == []


async def test_more_new_events_than_room_overflows_and_marks_none_delivered() -> None:
    log = Log()
    follower = log.follower()
    await follower.start()
    for key in ("a", "b", "c"):
        log.record(key, 1)
    log.now = at(2)
    with pytest.raises(Overflow) as raised:
        await follower.poll(room=2)
    assert (raised.value.new, raised.value.room) == (3, 2)
    assert keys(await follower.poll(room=3)) == ["a", "b", "c"]


async def test_an_event_visible_only_after_the_lookback_is_missed_as_documented() -> None:
    log = Log()
    follower = log.follower()
    await follower.start()
    log.record("late", 1, visible=20)  # 19 s after its recordedAt, past the 10 s window
    log.now = at(20)
    assert await follower.poll(room=10) == []


def test_the_lookback_must_cover_a_full_queue_and_two_polls() -> None:
    env = {
        "CLAIMTRACE_SUBSCRIPTION_QUEUE": "100",
        "CLAIMTRACE_SUBSCRIPTION_EVENTS_PER_SECOND": "10",
    }
    with pytest.raises(SettingsError, match="LOOKBACK"):
        SubscriptionLimits.from_env(env | {"CLAIMTRACE_SUBSCRIPTION_LOOKBACK_SECONDS": "11"})
    limits = SubscriptionLimits.from_env(env | {"CLAIMTRACE_SUBSCRIPTION_LOOKBACK_SECONDS": "12"})
    assert (limits.queue, limits.events_per_second, limits.lookback_seconds) == (100, 10, 12.0)
