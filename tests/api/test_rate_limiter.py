"""The token bucket behind the rate limits, on a clock the test moves."""

from __future__ import annotations

import pytest

from claimtrace.api.rate_limit import RateLimiter, retry_after


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_minutes_worth_at_once_then_one_per_interval() -> None:
    clock = Clock()
    limiter = RateLimiter(60, clock=clock)
    assert [limiter.charge("a") for _ in range(60)] == [0.0] * 60
    wait = limiter.charge("a")
    assert wait == pytest.approx(1.0)
    clock.now += 0.5
    assert limiter.charge("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.charge("a") == 0.0
    assert limiter.charge("a") == pytest.approx(1.0)


def test_keys_are_counted_apart() -> None:
    limiter = RateLimiter(2, clock=Clock())
    assert (limiter.charge("a"), limiter.charge("a")) == (0.0, 0.0)
    assert limiter.charge("a") > 0
    assert limiter.charge("b") == 0.0


def test_a_refused_charge_takes_nothing() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)  # one every 10 s
    assert limiter.charge("a", cost=6) == 0.0
    for _ in range(5):
        assert limiter.charge("a") == pytest.approx(10.0)
    clock.now += 10
    assert limiter.charge("a") == 0.0


def test_a_cost_counts_as_that_many_requests() -> None:
    limiter = RateLimiter(10, clock=Clock())
    assert limiter.charge("a", cost=7) == 0.0
    assert limiter.charge("a", cost=4) == pytest.approx(6.0)
    assert limiter.charge("a", cost=3) == 0.0


def test_a_smaller_burst_spreads_the_allowance() -> None:
    limiter = RateLimiter(600, burst=10, clock=Clock())
    assert sum(limiter.charge("a") == 0.0 for _ in range(100)) == 10


def test_recovered_keys_are_forgotten_and_keys_are_bounded() -> None:
    clock = Clock()
    limiter = RateLimiter(60, max_keys=100, clock=clock)
    for index in range(1000):
        limiter.charge(f"client-{index}")
    assert len(limiter) == 100
    clock.now += 2
    limiter.charge("late")
    assert len(limiter) == 1


def test_retry_after_is_whole_seconds_and_never_zero() -> None:
    assert (retry_after(0.01), retry_after(1.0), retry_after(1.2)) == (1, 1, 2)


def test_a_limit_must_allow_something() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RateLimiter(0)
