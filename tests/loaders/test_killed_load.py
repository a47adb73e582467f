"""Neo4j killed (SIGKILL) in the middle of a large load; after a restart, reloading gives
exactly the graph of an uninterrupted load: no duplicates, nothing half-written."""

from __future__ import annotations

import asyncio
import sys
from asyncio.subprocess import DEVNULL
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from bench.server import api_environment
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from claimtrace.loaders.load import load_folder
from tests.loaders.test_load import snapshot
from tests.support.scenarios import Scenario
from tests.support.server import TEST_INSTANCE, launcher

pytestmark = pytest.mark.neo4j

CLAIMS = 5_000
BATCH_ROWS = 1_000
WIPE = "MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS"


def without_load_times(graph: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A snapshot minus recordedAt, the one property two loads legitimately differ in."""

    def strip(props: dict[str, Any] | None) -> dict[str, Any] | None:
        if props is None:  # a node without outgoing links
            return None
        return {key: value for key, value in props.items() if key != "recordedAt"}

    return [
        {
            **node,
            "props": strip(node["props"]),
            # Sorted with their properties too: two links of one kind to one node (a
            # person's two roles in one organization) come back in no fixed order.
            "out": sorted(
                ([kind, target, strip(props)] for kind, target, props in node["out"]),
                key=lambda link: repr(link[:2]) + repr(sorted((link[2] or {}).items())),
            ),
        }
        for node in graph
    ]


async def assertions_written(graph: Graph) -> int:
    counts = await graph_counts(graph)
    return int(counts["nodes"].get("Assertion", 0))


@pytest.mark.slow
@pytest.mark.reliability("Neo4j killed in the middle of a load")
async def test_reload_after_a_kill_gives_the_uninterrupted_graph(
    tmp_path: Path, empty_graph: Graph, settings: Settings, scenario: Scenario
) -> None:
    corpus = tmp_path / "corpus"
    counts = generate(corpus, claims=CLAIMS, seed=11)
    command = [sys.executable, "-m", "claimtrace.loaders", "load", str(corpus), "--quiet"]
    command += ["--batch-rows", str(BATCH_ROWS)]
    loader = await asyncio.create_subprocess_exec(
        *command, env=api_environment(settings), stdout=DEVNULL, stderr=DEVNULL
    )
    while await assertions_written(empty_graph) == 0:
        assert loader.returncode is None, "the load ended before it could be interrupted"
        await asyncio.sleep(0.05)
    await asyncio.to_thread(launcher.kill, TEST_INSTANCE)
    assert await asyncio.wait_for(loader.wait(), 120) != 0
    await asyncio.to_thread(launcher.start, TEST_INSTANCE, 180.0)
    partial = await assertions_written(empty_graph)
    scenario.did(
        f"SIGKILL Neo4j after {partial:,} of {counts.assertions:,} assertions were committed; "
        "restart; run the loader again"
    )
    assert 0 < partial < counts.assertions, "the kill must land in the middle of the load"

    await load_folder(empty_graph, corpus, max_batch_rows=BATCH_ROWS)
    resumed = without_load_times(await snapshot(empty_graph))
    # An auto-commit transaction, as CALL {} IN TRANSACTIONS requires.
    async with empty_graph.session() as session:
        await (await session.run(WIPE)).consume()
    await load_folder(empty_graph, corpus, max_batch_rows=BATCH_ROWS)
    uninterrupted = without_load_times(await snapshot(empty_graph))

    assert resumed == uninterrupted
    assert sum(1 for node in resumed if "Assertion" in node["labels"]) == counts.assertions
    scenario.lost_nothing(
        f"every node, property and link equal to an uninterrupted load ({len(resumed):,} nodes)"
    )
