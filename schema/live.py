"""What the subscriptions of one WebSocket connection share: their bounds.

A connection may hold ``per_connection`` subscriptions. Events found by their polls
wait in the connection's queue (at most ``queue``) and leave it at
``events_per_second`` at most, all subscriptions together. A poll that finds more
new events than the queue has room for ends its subscription with
SUBSCRIPTION_OVERFLOW: the client learns that it missed events, and resubscribes
with a narrower filter or reads what it missed by query.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator

from graphql import GraphQLError

from claimtrace.core.settings import SubscriptionLimits

SUBSCRIPTION_LIMIT = "SUBSCRIPTION_LIMIT"
SUBSCRIPTION_OVERFLOW = "SUBSCRIPTION_OVERFLOW"


class Pace:
    """A token bucket: ``per_second`` tokens a second, holding at most one second's."""

    def __init__(self, per_second: int) -> None:
        self.per_second = per_second
        self._tokens = float(per_second)
        self._at = time.monotonic()

    async def take(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.per_second, self._tokens + (now - self._at) * self.per_second)
        self._at = now
        self._tokens -= 1
        if self._tokens < 0:
            await asyncio.sleep(-self._tokens / self.per_second)


class LiveConnection:
    def __init__(self, limits: SubscriptionLimits) -> None:
        self.limits = limits
        self.active = 0
        self.waiting = 0  # events found by a poll and not sent yet
        self.pace = Pace(limits.events_per_second)

    @property
    def room(self) -> int:
        return max(0, self.limits.queue - self.waiting)

    @contextlib.contextmanager
    def subscription(self) -> Iterator[None]:
        if self.active >= self.limits.per_connection:
            raise GraphQLError(
                f"A connection may hold {self.limits.per_connection} subscriptions at once; "
                "complete one first, or open another connection.",
                extensions={"code": SUBSCRIPTION_LIMIT, "limit": self.limits.per_connection},
            )
        self.active += 1
        try:
            yield
        finally:
            self.active -= 1


def overflow(new: int, room: int) -> GraphQLError:
    return GraphQLError(
        f"{new} new events at once, more than this connection's queue had room for "
        f"({room}); this subscription has ended. Subscribe again with a narrower filter, "
        "and query what was recorded meanwhile.",
        extensions={"code": SUBSCRIPTION_OVERFLOW, "events": new, "room": room},
    )
