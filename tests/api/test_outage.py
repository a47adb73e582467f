"""Neo4j stopped while the API serves: clear, bounded errors; then recovery without a restart."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.writing import graph_counts
from tests.conftest import SEED_DATA
from tests.support.scenarios import Scenario
from tests.support.seed import records_in_files
from tests.support.server import TEST_INSTANCE, launcher

pytestmark = pytest.mark.neo4j

QUERY = {"query": '{ claim(id: "claim-efp-196-killed") { id } }'}


@pytest.mark.reliability("Neo4j stopped while the API serves")
async def test_outage_answers_service_unavailable_then_recovers(
    seed_graph: Graph, client: httpx.AsyncClient, scenario: Scenario
) -> None:
    scenario.did("stop Neo4j under a running API, query, restart Neo4j, query again")
    assert (await client.post("/graphql", json=QUERY)).json() == {
        "data": {"claim": {"id": "claim-efp-196-killed"}}
    }
    await asyncio.to_thread(launcher.stop, TEST_INSTANCE, 60.0)
    try:
        started = time.monotonic()
        during = (await client.post("/graphql", json=QUERY)).json()
        elapsed = time.monotonic() - started
        assert during["data"] == {"claim": None}  # a nullable field is nulled, with its error
        assert during["errors"][0]["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
        assert elapsed < 15, f"an outage must answer within a bounded time, took {elapsed:.1f}s"
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        scenario.measure(f"outage answer in {elapsed:.2f}s")
    finally:
        await asyncio.to_thread(launcher.start, TEST_INSTANCE, 180.0)
    after = (await client.post("/graphql", json=QUERY)).json()
    assert after == {"data": {"claim": {"id": "claim-efp-196-killed"}}}
    assert (await client.get("/readyz")).status_code == 200
    counts = await graph_counts(seed_graph)
    files = records_in_files(SEED_DATA)
    claims, assertions = len(files["claims"]), len(files["assertions"])
    assert (counts["nodes"]["Claim"], counts["nodes"]["Assertion"]) == (claims, assertions)
    scenario.lost_nothing(
        f"{claims} claims and {assertions} assertions after restart; API not restarted"
    )
