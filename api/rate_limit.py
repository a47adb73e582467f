"""In-process rate limits: a token bucket per key, kept as one time per key (GCRA).

Each key holds the time at which its bucket would be full again. A request of cost
``c`` moves that time ``c`` intervals on; it is allowed while the time stays within
one burst of now. A key whose bucket is full again holds nothing worth keeping, so
keys are dropped as they recover, and beyond ``max_keys`` the longest idle ones are
forgotten: memory stays bounded however many clients there are.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_KEYS = 100_000
# Intervals are added up in floating point: a bucket filled to the brim exactly must
# not be refused for a rounding error.
SLACK = 1e-9


class RateLimiter:
    """At most ``per_minute`` units a minute per key, of which ``burst`` at once."""

    def __init__(
        self,
        per_minute: int,
        *,
        burst: int | None = None,
        max_keys: int = MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_minute < 1:
            raise ValueError(f"a rate limit must allow at least 1 a minute, got {per_minute}")
        self.per_minute = per_minute
        self.interval = 60.0 / per_minute
        self.tolerance = self.interval * (burst or per_minute)
        self.max_keys = max_keys
        self.clock = clock
        self._full_at: OrderedDict[str, float] = OrderedDict()

    def charge(self, key: str, cost: int = 1) -> float:
        """Take ``cost`` units from ``key``'s bucket: 0.0 when allowed, else the seconds
        until it would be (nothing is taken then)."""
        now = self.clock()
        full_at = max(self._full_at.get(key, now), now) + cost * self.interval
        wait = full_at - now - self.tolerance
        if wait > SLACK:
            return wait
        self._full_at[key] = full_at
        self._full_at.move_to_end(key)
        self._forget_recovered(now)
        return 0.0

    def _forget_recovered(self, now: float) -> None:
        while self._full_at:
            key, full_at = next(iter(self._full_at.items()))
            if full_at > now and len(self._full_at) <= self.max_keys:
                return
            del self._full_at[key]

    def __len__(self) -> int:
        return len(self._full_at)


def retry_after(wait: float) -> int:
    """Whole seconds for a ``Retry-After`` header, never 0."""
    return max(1, math.ceil(wait))
