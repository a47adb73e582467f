"""Makes the upgrade test's data: the seed corpus under the schema of one migration
before the current ones, dumped with neo4j-admin into ``tests/fixtures/``.

    export CLAIMTRACE_TEST_BOLT_PORT=...   # any free port
    .venv/bin/python neo4j/launcher.py start test --fresh
    .venv/bin/python -m tests.support.previous_schema
    .venv/bin/python neo4j/launcher.py stop test

The dump is kept as it is made, once: it stands for a database a previous release
left behind, which later migrations must carry forward.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.writing import write_batch
from claimtrace.loaders.reading import stage_folder
from claimtrace.loaders.staging import Staging
from tests.support.server import TEST_INSTANCE, launcher, neo4j_test_settings

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS_SCHEMA = 3
FIXTURE = ROOT / "tests" / "fixtures" / f"schema{PREVIOUS_SCHEMA:04d}-seed.dump"


async def fill() -> None:
    """Migrations up to the previous schema only, then the seed corpus (written without
    the loader, which would apply every migration first)."""
    settings = neo4j_test_settings()
    async with open_driver(settings) as driver:
        graph = Graph(driver, settings.neo4j_database)
        assert not await graph.read("MATCH (n) RETURN n LIMIT 1"), "start the test Neo4j --fresh"
        await apply_migrations(graph, up_to=PREVIOUS_SCHEMA)
        recorded_at = dt.datetime.now(dt.UTC)
        with Staging.create() as staging:
            stage_folder(ROOT / "data", staging)
            for batch in staging.batches(20_000):
                await write_batch(graph, batch, recorded_at)


def main() -> None:
    asyncio.run(fill())
    with tempfile.TemporaryDirectory() as scratch:
        dump = launcher.backup(TEST_INSTANCE, Path(scratch), 300.0)
        assert dump.name.endswith(f"-schema{PREVIOUS_SCHEMA:04d}.dump")
        FIXTURE.write_bytes(dump.read_bytes())
    print(f"wrote {FIXTURE.relative_to(ROOT)} ({FIXTURE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
