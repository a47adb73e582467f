"""Closed-loop load: N clients, each sending its next request as soon as the last one
answers, and the latency figures drawn from what they timed."""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

# Sends request number i; True when it succeeded.
Call = Callable[[int], Awaitable[bool]]


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value that at least p% of the sample
    does not exceed (so it is always a measured value, never an interpolation)."""
    if not values:
        raise ValueError("percentile of an empty sample")
    if not 0 < p <= 100:
        raise ValueError(f"percentile must be in (0, 100]; got {p}")
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Sample:
    """What one closed-loop run measured; latencies in seconds, one per request."""

    latencies: tuple[float, ...]
    errors: int
    elapsed: float

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0

    def ms(self, p: float) -> float:
        return percentile(self.latencies, p) * 1000

    def summary(self) -> dict[str, float | int]:
        return {
            "errors": self.errors,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.ms(50), 2),
            "p95_ms": round(self.ms(95), 2),
            "p99_ms": round(self.ms(99), 2),
            "max_ms": round(self.ms(100), 2),
        }


async def run_closed_loop(
    call: Call, requests: int, clients: int, budget: float | None = None
) -> Sample:
    """``clients`` tasks share one counter and send requests 0..requests-1 between them,
    each waiting for its answer before taking the next number. With a ``budget`` (seconds)
    no request is started once it has been spent, so slow workloads stop early."""
    if requests < 1 or clients < 1:
        raise ValueError("requests and clients must be at least 1")
    numbers = itertools.count()
    latencies: list[float] = []
    errors = 0
    deadline = math.inf if budget is None else time.perf_counter() + budget

    async def client() -> None:
        nonlocal errors
        while time.perf_counter() < deadline and (number := next(numbers)) < requests:
            started = time.perf_counter()
            succeeded = await call(number)
            latencies.append(time.perf_counter() - started)
            errors += not succeeded

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(min(clients, requests))))
    return Sample(tuple(latencies), errors, time.perf_counter() - started)
