"""A dump of the previous schema (tests/fixtures, made by tests/support/previous_schema.py)
restores into the stopped instance, and the API migrates it forward when it starts:
/readyz then names the current migration, and the data answers as before."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator

import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import applied_migrations, read_migrations
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from tests.conftest import SEED_DATA, GraphState
from tests.support.asgi import serve
from tests.support.previous_schema import FIXTURE, PREVIOUS_SCHEMA
from tests.support.scenarios import Scenario
from tests.support.seed import records_in_files
from tests.support.server import TEST_INSTANCE, adopt_restored_database, launcher

pytestmark = pytest.mark.neo4j

TIMEOUT = 300.0
PROVENANCE = '{ provenance(claimId: "claim-efp-196-killed") { claim { text } } }'


@contextlib.asynccontextmanager
async def new_graph(settings: Settings) -> AsyncIterator[Graph]:
    async with open_driver(settings) as driver:
        yield Graph(driver, settings.neo4j_database)


async def restore_fixture(graph: Graph, graph_state: GraphState) -> None:
    graph_state.holds_seed = False
    await asyncio.to_thread(launcher.stop, TEST_INSTANCE, TIMEOUT)
    await asyncio.to_thread(launcher.restore, TEST_INSTANCE, FIXTURE)
    await asyncio.to_thread(launcher.start, TEST_INSTANCE, TIMEOUT)
    await adopt_restored_database(graph)


@pytest.mark.slow
@pytest.mark.reliability("restore of the previous schema's dump, migrated forward")
async def test_a_previous_schema_dump_restores_and_migrates_forward(
    graph: Graph, graph_state: GraphState, settings: Settings, scenario: Scenario
) -> None:
    await restore_fixture(graph, graph_state)
    current = len(read_migrations())
    async with new_graph(settings) as restored:
        assert sorted(await applied_migrations(restored)) == list(range(1, PREVIOUS_SCHEMA + 1))
        counts_before = await graph_counts(restored)
    scenario.did(
        f"loaded {FIXTURE.name} ({FIXTURE.stat().st_size:,} bytes, schema {PREVIOUS_SCHEMA}) "
        f"into the stopped instance; started the API on it"
    )

    # A just-started Neo4j plans the provenance query cold: give it more than 10 s.
    patient = dataclasses.replace(settings, execution_timeout_seconds=120.0)
    async with serve(create_app(patient)) as client:
        ready = (await client.get("/readyz")).json()
        answer = (await client.post("/graphql", json={"query": PROVENANCE})).json()
    async with new_graph(settings) as migrated:
        assert sorted(await applied_migrations(migrated)) == list(range(1, current + 1))
        counts_after = await graph_counts(migrated)

    assert ready == {"status": "ready", "migration": current}
    provenance = answer["data"]["provenance"]
    assert provenance["claim"]["text"].startswith("Explosively formed")
    assert counts_after["nodes"] == counts_before["nodes"]
    assert counts_after["nodes"]["Claim"] == len(records_in_files(SEED_DATA)["claims"])
    scenario.lost_nothing(
        f"migrated {PREVIOUS_SCHEMA} -> {current} at start-up, /readyz says {current}; "
        "node counts unchanged and equal to the seed files'"
    )
