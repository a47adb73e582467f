"""What one query may cost, through the app: refused before any database work when its
estimate is over the budget, stopped at its deadline, its answer bounded in size; and,
against a real uvicorn, cheap requests stay fast while the heaviest allowed ones run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.bare_http import Connection
from tests.support.costly import (
    HEAVIEST_ALLOWED,
    ORDINARY_COMPARISON,
    PAGES,
    THIRTY_ONE,
    TOP_PEOPLE,
)
from tests.support.gated import gated_factory
from tests.support.hostile import SessionCountingDriver, session_counting_factory
from tests.support.scenarios import Scenario
from tests.support.uvicorn_process import RunningApi, running_api

pytestmark = pytest.mark.neo4j

SIMPLE = {"query": '{ claim(id: "claim-efp-196-killed") { id text } }'}
ALL_TEXTS = "{ claims(first: 100) { edges { node { text } } } }"


async def top_ten(client: httpx.AsyncClient) -> list[str]:
    """The ten people with the most assertions: the costliest to compare."""
    edges = (await client.post("/graphql", json={"query": TOP_PEOPLE})).json()["data"]
    people = sorted(edges["people"]["edges"], key=lambda e: -e["node"]["assertionCount"])
    return [edge["node"]["id"] for edge in people[:10]]


@pytest.fixture
async def counted(
    settings: Settings,
) -> AsyncIterator[tuple[httpx.AsyncClient, SessionCountingDriver]]:
    made, factory = session_counting_factory()
    async with serve(create_app(settings, driver_factory=factory)) as client:
        [driver] = made
        yield client, driver


async def timed(client: httpx.AsyncClient, body: dict[str, Any]) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = await client.post("/graphql", json=body)
    return response, time.perf_counter() - started


async def test_the_thirty_one_field_comparison_is_refused_before_any_database_work(
    seed_graph: Graph, counted: tuple[httpx.AsyncClient, SessionCountingDriver]
) -> None:
    client, driver = counted
    ids = await top_ten(client)
    one, one_seconds = await timed(
        client, {"query": ORDINARY_COMPARISON, "variables": {"ids": ids}}
    )
    assert "errors" not in one.json()
    driver.sent.clear()
    refused, refused_seconds = await timed(client, {"query": THIRTY_ONE, "variables": {"ids": ids}})
    body = refused.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["budget"] == 35_000
    assert error["extensions"]["cost"] > 50 * 35_000
    assert str(error["extensions"]["cost"]) in error["message"]
    assert driver.sent == []
    assert refused_seconds < one_seconds, "refusing it is quicker than serving one comparison"


async def test_a_query_past_its_deadline_is_stopped_and_the_next_one_served(
    seed_graph: Graph, settings: Settings
) -> None:
    made, factory = gated_factory()
    quick = dataclasses.replace(settings, execution_timeout_seconds=0.5)
    async with serve(create_app(quick, driver_factory=factory)) as client:
        [driver] = made
        driver.hold_next(1)
        stopped = await asyncio.wait_for(client.post("/graphql", json=SIMPLE), timeout=10)
        driver.release()
        served = await client.post("/graphql", json=SIMPLE)
    assert stopped.json() == {
        "data": None,
        "errors": [{"message": "The query ran longer than 0.5 s and was stopped.",
                    "extensions": {"code": "EXECUTION_TIMEOUT"}}],
    }  # fmt: skip
    assert served.json()["data"]["claim"]["id"] == "claim-efp-196-killed"


async def test_an_answer_over_the_size_bound_is_replaced_by_a_typed_error(
    seed_graph: Graph, settings: Settings
) -> None:
    small = dataclasses.replace(settings, max_response_bytes=5_000)
    async with serve(create_app(small)) as client:
        big = await client.post(
            "/graphql", json={"query": "{ claims(first: 100) { edges { node { text } } } }"}
        )
        fits = await client.post("/graphql", json=SIMPLE)
    assert big.status_code == 200
    [error] = big.json()["errors"]
    assert "data" not in big.json()
    assert error["extensions"]["code"] == "RESPONSE_TOO_LARGE"
    assert error["extensions"]["limit"] == 5_000
    assert error["extensions"]["size"] > 5_000
    assert big.headers["x-request-id"]
    assert fits.json()["data"]["claim"]["id"] == "claim-efp-196-killed"


# ------------------------------------------------------- against a real uvicorn

HEAVY_CLIENTS = 8
SAMPLES = 30


@dataclasses.dataclass
class Probes:
    """Latencies of /healthz and of a simple query, sampled in turn."""

    health: list[float] = dataclasses.field(default_factory=list)
    query: list[float] = dataclasses.field(default_factory=list)


async def probe(api: RunningApi, probes: Probes, until: asyncio.Event | None, count: int) -> None:
    """Sample ``count`` times, or until ``until`` is set."""
    connection = await Connection.open(api.base_url, reply_seconds=30)
    try:
        while (until is None and len(probes.query) < count) or (until and not until.is_set()):
            started = time.perf_counter()
            health = await connection.get("/healthz")
            probes.health.append(time.perf_counter() - started)
            reply = await connection.post_json("/graphql", SIMPLE)
            probes.query.append(reply.seconds)
            assert (health.status, reply.status) == (200, 200)
            assert reply.json()["data"]["claim"]["id"] == "claim-efp-196-killed"
            await asyncio.sleep(0.01)
    finally:
        await connection.close()


def p50(values: list[float]) -> float:
    return statistics.median(values)


async def heavy(api: RunningApi) -> Any:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=60) as client:
        return (await client.post("/graphql", json={"query": HEAVIEST_ALLOWED})).json()


@pytest.mark.slow
@pytest.mark.reliability("cost")
async def test_cheap_requests_stay_fast_while_the_heaviest_allowed_queries_run(
    seed_graph: Graph, settings: Settings, tmp_path: Path, scenario: Scenario
) -> None:
    scenario.did(
        f"the 31-field comparison once; then {HEAVY_CLIENTS} at once of the heaviest query the "
        f"budget allows ({PAGES} full pages of 100 claims), /healthz and a simple query "
        "sampled meanwhile and idle"
    )
    async with running_api(settings, tmp_path / "uvicorn.log") as api:
        async with httpx.AsyncClient(base_url=api.base_url, timeout=60) as client:
            ids = await top_ten(client)
            ordinary = {"query": ORDINARY_COMPARISON, "variables": {"ids": ids}}
            await client.post("/graphql", json=ordinary)
            _, ordinary_seconds = await timed(client, ordinary)
            refused, refused_seconds = await timed(
                client, {"query": THIRTY_ONE, "variables": {"ids": ids}}
            )
            warm = (await client.post("/graphql", json={"query": HEAVIEST_ALLOWED})).json()
        idle = Probes()
        await probe(api, idle, None, SAMPLES)
        busy, done = Probes(), asyncio.Event()
        sampling = asyncio.create_task(probe(api, busy, done, 0))
        started = time.perf_counter()
        answers = await asyncio.gather(*(heavy(api) for _ in range(HEAVY_CLIENTS)))
        heavy_seconds = time.perf_counter() - started
        done.set()
        await sampling
    assert refused.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert refused_seconds < ordinary_seconds, "refused faster than one comparison is served"
    assert all(answer == warm for answer in answers), "every heavy query answered in full"
    assert all(len(page["edges"]) == 100 for page in warm["data"].values())
    assert len(busy.query) >= 5
    health, query = p50(busy.health) / p50(idle.health), p50(busy.query) / p50(idle.query)
    assert query < 4, f"simple query p50 {query:.1f}x its idle value"
    assert health < 20, f"/healthz p50 {health:.1f}x its idle value"
    assert api.problems() == []
    scenario.measure(
        f"31-field comparison refused in {refused_seconds * 1000:.0f} ms (one ordinary "
        f"10-person comparison served in {ordinary_seconds * 1000:.0f} ms)"
    )
    scenario.measure(
        f"{HEAVY_CLIENTS} heaviest allowed in {heavy_seconds:.1f} s; meanwhile p50 /healthz "
        f"{p50(busy.health) * 1000:.1f} ms ({health:.1f}x idle), simple query "
        f"{p50(busy.query) * 1000:.1f} ms ({query:.1f}x idle)"
    )
    scenario.lost_nothing(
        f"all {HEAVY_CLIENTS} heavy answers complete ({PAGES} pages of 100 claims, identical); "
        f"all {len(idle.query) + len(busy.query)} probes answered"
    )
