"""Backup and restore with neo4j-admin: the seed corpus, 5,000 generated claims and
writes through the API are dumped (Neo4j stopped and restarted around the dump), the
database's files are deleted, the dump is loaded into the stopped instance, and the
graph that comes back is the graph that was there: every node, property and link,
the audit trail, the applied migrations, the constraints and the indexes."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.settings import Settings
from claimtrace.loaders.load import load_folder
from tests.conftest import SEED_DATA
from tests.loaders.test_load import snapshot
from tests.support.scenarios import Scenario
from tests.support.server import TEST_INSTANCE, launcher
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    NEW_ASSERTION,
    NEW_CLAIM,
    RETRACT,
    gql,
    writer_client,
)

pytestmark = pytest.mark.neo4j

CLAIMS = 5_000
TIMEOUT = 300.0
SCHEMA = "SHOW {kind} YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name"


async def schema_objects(graph: Graph) -> list[dict[str, Any]]:
    found = []
    for kind in ("CONSTRAINTS", "INDEXES"):
        records, _, _ = await graph.driver.execute_query(
            SCHEMA.format(kind=kind), database_=graph.database
        )
        found += [record.data() for record in records]
    return found


async def whole_graph(graph: Graph) -> dict[str, Any]:
    migrations = await graph.read(
        "MATCH (m:Migration) RETURN properties(m) AS m ORDER BY m.version"
    )
    return {
        "nodes": await snapshot(graph),
        "migrations": [record["m"] for record in migrations],
        "schema": await schema_objects(graph),
    }


@contextlib.asynccontextmanager
async def new_driver(settings: Settings) -> AsyncIterator[Graph]:
    """A driver of its own: a driver's bookmarks from before a restore name transactions
    that the restored database may not have (the README says to restart the API)."""
    async with open_driver(settings) as driver:
        yield Graph(driver, settings.neo4j_database)


async def write_through_the_api(settings: Settings) -> int:
    """A claim, an assertion, a retraction and a refused write: four audit events."""
    async with writer_client(settings) as client:
        assert "errors" not in await gql(client, ADD_CLAIM, input=NEW_CLAIM)
        assert "errors" not in await gql(client, ADD_ASSERTION, input=NEW_ASSERTION)
        assert "errors" not in await gql(client, RETRACT, id=NEW_ASSERTION["id"])
        assert "errors" in await gql(client, RETRACT, id=NEW_ASSERTION["id"])
    return 4


def delete_database_files() -> None:
    """The database's store and transaction logs, as a lost disk would leave it; Neo4j
    starts it again empty (its system database, with the password, is kept)."""
    data = TEST_INSTANCE.home / "data"
    for folder in (data / "databases" / "neo4j", data / "transactions" / "neo4j"):
        shutil.rmtree(folder)


async def in_thread(seconds: list[float], function: Any, *args: Any) -> Any:
    started = time.perf_counter()
    result = await asyncio.to_thread(function, *args)
    seconds.append(time.perf_counter() - started)
    return result


@pytest.mark.slow
@pytest.mark.reliability("backup, disk lost, restore")
async def test_a_restored_backup_is_the_graph_that_was_backed_up(
    tmp_path: Path, empty_graph: Graph, settings: Settings, scenario: Scenario
) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, claims=CLAIMS, seed=19)
    await load_folder(empty_graph, SEED_DATA)
    await load_folder(empty_graph, corpus)
    events = await write_through_the_api(settings)
    before = await whole_graph(empty_graph)
    audited = sum(1 for node in before["nodes"] if "AuditEvent" in node["labels"])
    assert audited == events

    dump_seconds: list[float] = []
    dump = await in_thread(dump_seconds, launcher.backup, TEST_INSTANCE, tmp_path, TIMEOUT)
    assert dump.name.endswith(f"-schema{len(before['migrations']):04d}.dump")
    await asyncio.to_thread(launcher.stop, TEST_INSTANCE, TIMEOUT)
    delete_database_files()
    await asyncio.to_thread(launcher.start, TEST_INSTANCE, TIMEOUT)
    async with new_driver(settings) as wiped:
        assert (await whole_graph(wiped))["nodes"] == []
    await asyncio.to_thread(launcher.stop, TEST_INSTANCE, TIMEOUT)
    load_seconds: list[float] = []
    await in_thread(load_seconds, launcher.restore, TEST_INSTANCE, dump)
    await asyncio.to_thread(launcher.start, TEST_INSTANCE, TIMEOUT)
    async with new_driver(settings) as restored:
        after = await whole_graph(restored)

    scenario.did(
        f"seed corpus + {CLAIMS:,} generated claims loaded, {events} mutations through the "
        "API; neo4j-admin dump (Neo4j stopped, restarted); database files deleted; dump "
        "loaded into the stopped instance"
    )
    assert after == before
    scenario.lost_nothing(
        f"every node, property and link ({len(after['nodes']):,} nodes, {audited} audit "
        f"events), {len(after['migrations'])} migrations, {len(after['schema'])} "
        "constraints and indexes equal"
    )
    scenario.measure(
        f"dump {dump.stat().st_size / 2**20:.1f} MiB in {dump_seconds[0]:.0f} s "
        f"(stop and restart included), load {load_seconds[0]:.0f} s"
    )
