"""The bulk path of a first load: validate, write import files, import, then migrate.

It is for an empty database of a local instance (neo4j/launcher.py): the
folder is staged and checked exactly as the transactional load does it (a
ValidationError leaves the database untouched), the instance is stopped,
``neo4j-admin database import full`` builds its store from the staged rows, and
once the server is back the migrations (constraints, indexes, the full-text
index) are applied and the one value CSV cannot carry is set.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimtrace.core import cypher
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.settings import Settings
from claimtrace.loaders import local_neo4j
from claimtrace.loaders.bulk import ImportFiles, write_arguments_file, write_import_files
from claimtrace.loaders.load import LoadReport, warnings_of
from claimtrace.loaders.reading import stage_folder
from claimtrace.loaders.staging import Staging


class NotEmpty(Exception):
    """The target database holds records: the bulk path is for first loads only."""


@dataclass(frozen=True)
class BulkReport:
    load: LoadReport
    files: ImportFiles
    seconds: dict[str, float] = field(default_factory=dict)  # by step, in order


class Steps:
    """How long each step took, for the report."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.perf_counter()

    def done(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step] = round(now - self.last, 1)
        self.last = now


def write_bulk_files(folder: Path, out: Path) -> BulkReport:
    """Validate ``folder`` and write its import files and arguments into ``out``."""
    with Staging.create() as staging:
        stage_folder(folder, staging)
        files = write_import_files(staging, out, dt.datetime.now(dt.UTC))
        write_arguments_file(files)
        totals = staging.totals()
        return BulkReport(LoadReport(totals, totals, warnings_of(staging, folder)), files)


async def bulk_load_local(settings: Settings, folder: Path) -> BulkReport:
    """Load ``folder`` into the empty database of the local instance NEO4J_URI names."""
    instance = local_neo4j.instance_for(settings.neo4j_uri)
    steps = Steps()
    with Staging.create() as staging, tempfile.TemporaryDirectory(prefix="claimtrace-bulk-") as out:
        stage_folder(folder, staging)
        steps.done("validate")
        local_neo4j.launcher("start", instance)
        await _refuse_unless_empty(settings)
        steps.done("check empty")
        files = write_import_files(staging, Path(out), dt.datetime.now(dt.UTC))
        arguments = write_arguments_file(files)
        steps.done("write files")
        local_neo4j.launcher("stop", instance)
        steps.done("stop")
        local_neo4j.launcher("import", instance, str(arguments))
        steps.done("import")
        local_neo4j.launcher("start", instance)
        steps.done("start")
        async with open_driver(settings, pool_size=2) as driver:
            await finish_bulk_import(Graph(driver, settings.neo4j_database))
        steps.done("migrations and indexes")
        totals = staging.totals()
        report = LoadReport(totals, totals, warnings_of(staging, folder))
        return BulkReport(report, files, steps.seconds)


async def finish_bulk_import(graph: Graph) -> None:
    """What follows an import once the server runs: migrations, then the fix-up."""
    await apply_migrations(graph)
    await graph.write(cypher.FINISH_BULK_IMPORT)


async def _refuse_unless_empty(settings: Settings) -> None:
    async with open_driver(settings, pool_size=1) as driver:
        records = await Graph(driver, settings.neo4j_database).read(cypher.HOLDS_DATA)
    if records[0]["holdsData"]:
        raise NotEmpty(
            "the database already holds records; the bulk path is for first loads only "
            "(load without --bulk to add to it)"
        )
