"""The arithmetic and bookkeeping of the query benchmark; no server, no Neo4j."""

from __future__ import annotations

import asyncio

import pytest

from bench.capture import SentQuery
from bench.http_load import compare, format_table, ratio
from bench.latency import Sample, percentile, run_closed_loop


def test_nearest_rank_on_one_to_a_hundred() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile(values, 100) == 100


def test_nearest_rank_is_always_a_measured_value() -> None:
    values = [1.0, 2.0, 3.0, 4.0]
    assert percentile(values, 50) == 2.0
    assert percentile(values, 51) == 3.0
    assert percentile(values, 1) == 1.0


def test_percentile_ignores_input_order() -> None:
    values = [float(v) for v in range(200)]
    shuffled = values[1::2] + values[::2][::-1]
    assert [percentile(shuffled, p) for p in (50, 95, 99)] == [
        percentile(values, p) for p in (50, 95, 99)
    ]


def test_one_value_is_every_percentile() -> None:
    assert percentile([7.5], 1) == percentile([7.5], 99) == 7.5


@pytest.mark.parametrize("p", [0, -1, 100.5])
def test_percentile_outside_range_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="percentile"):
        percentile([1.0], p)


def test_percentile_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        percentile([], 50)


def test_sample_summary_in_milliseconds() -> None:
    sample = Sample(latencies=(0.001, 0.002, 0.010), errors=1, elapsed=0.5)
    assert sample.summary() == {
        "errors": 1,
        "rps": 6.0,
        "p50_ms": 2.0,
        "p95_ms": 10.0,
        "p99_ms": 10.0,
        "max_ms": 10.0,
    }


async def test_closed_loop_sends_each_number_once_and_counts_failures() -> None:
    seen: list[int] = []
    in_flight = peak = 0

    async def call(number: int) -> bool:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0)
        seen.append(number)
        in_flight -= 1
        return number % 10 != 0

    sample = await run_closed_loop(call, requests=50, clients=4)
    assert sorted(seen) == list(range(50))
    assert sample.requests == 50
    assert sample.errors == 5
    assert peak == 4


async def test_closed_loop_never_starts_more_clients_than_requests() -> None:
    sample = await run_closed_loop(lambda number: asyncio.sleep(0, result=True), 3, 32)
    assert sample.requests == 3
    assert sample.errors == 0


async def test_closed_loop_starts_nothing_once_its_budget_is_spent() -> None:
    async def slow(number: int) -> bool:
        await asyncio.sleep(0.05)
        return True

    sample = await run_closed_loop(slow, requests=1000, clients=2, budget=0.2)
    # Each client starts requests for 0.2 s, 50 ms apiece, and finishes the last it began.
    assert 2 <= sample.requests <= 12
    assert sample.elapsed < 1.0


def test_ratios_are_product_over_raw() -> None:
    product = Sample(latencies=(0.004,) * 10, errors=0, elapsed=1.0)
    raw = Sample(latencies=(0.001,) * 40, errors=0, elapsed=1.0)
    sent = [[SentQuery("q", {})], [SentQuery("q", {}), SentQuery("r", {})]]
    row = compare("provenance", 8, sent, product, raw)
    assert row["cypher_per_request"] == 1.5
    assert row["throughput_ratio"] == 0.25
    assert row["p50_ratio"] == row["p99_ratio"] == 4.0
    assert ratio(1.0, 0.0) is None
    assert "provenance" in format_table([row])
