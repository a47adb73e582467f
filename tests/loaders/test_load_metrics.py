"""``claimtrace-load load --metrics-file``: the load's rows, batches and round trips."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bench.server import api_environment
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.conftest import SEED_DATA
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j


async def test_a_load_writes_its_metrics(
    empty_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    metrics = tmp_path / "load.prom"
    command = [sys.executable, "-m", "claimtrace.loaders", "load", str(SEED_DATA), "--quiet"]
    command += ["--batch-rows", "200", "--metrics-file", str(metrics)]
    loader = await asyncio.create_subprocess_exec(*command, env=api_environment(settings))
    assert await loader.wait() == 0
    samples = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(metrics.read_text())
        for sample in family.samples
    }
    files = records_in_files(SEED_DATA)
    assert samples[("claimtrace_loader_rows_total", (("kind", "claims"),))] == len(files["claims"])
    assertions = samples[("claimtrace_loader_rows_total", (("kind", "assertions"),))]
    assert assertions == len(files["assertions"])
    batches = samples[("claimtrace_loader_batches_total", ())]
    assert batches == samples[("claimtrace_loader_batch_seconds_count", ())] > 1
    load_claims = ("claimtrace_cypher_seconds_count", (("outcome", "ok"), ("query", "load_claims")))
    assert 1 <= samples[load_claims] <= batches
