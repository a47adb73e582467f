"""Loading a data folder into Neo4j: stage and check everything, then write in batches."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimtrace.core.database import Graph
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.plans import WriteBatch
from claimtrace.core.store.detection import DetectionReport, detect
from claimtrace.core.writing import write_batch
from claimtrace.loaders.duplicates import MAX_CLAIMS, judged_distinct, likely_duplicates
from claimtrace.loaders.reading import stage_folder
from claimtrace.loaders.staging import Staging


@dataclass(frozen=True)
class LoadReport:
    """What the load found in the files, and how much of it it created."""

    in_files: Counter[str]
    created: Counter[str]
    warnings: tuple[str, ...] = ()
    write_seconds: float = 0.0  # writing the batches
    detection: DetectionReport | None = None  # detection after each batch (None: not run)

    def already_there(self, kind: str) -> int:
        return self.in_files[kind] - self.created[kind]


@dataclass(frozen=True)
class CheckReport:
    totals: Counter[str]
    warnings: tuple[str, ...]


def check_folder(folder: Path) -> CheckReport:
    """Validate ``folder`` without connecting: the records it holds, by kind, and
    what a curator should look at (likely duplicate claims)."""
    with Staging.create() as staging:
        stage_folder(folder, staging)
        return CheckReport(staging.totals(), warnings_of(staging, folder))


def warnings_of(staging: Staging, folder: Path) -> tuple[str, ...]:
    count = staging.claim_count()
    if count > MAX_CLAIMS:
        return (f"likely duplicates not looked for: {count} claims (more than {MAX_CLAIMS})",)
    reviewed = [*staging.refinements(), *judged_distinct(folder)]
    return tuple(str(pair) for pair in likely_duplicates(staging.claims(), reviewed))


async def load_folder(
    graph: Graph,
    folder: Path,
    *,
    max_batch_rows: int = 20_000,
    on_batch: Callable[[WriteBatch], None] | None = None,
    detection: bool = True,
) -> LoadReport:
    """Check ``folder`` as a whole (ValidationError: nothing written), then write it.

    Migrations (constraints first) are applied before anything is written. After each
    batch, unless ``detection`` is off, detection runs on the claims the batch touched.
    """
    with Staging.create() as staging:
        stage_folder(folder, staging)
        await apply_migrations(graph)
        created: Counter[str] = Counter()
        found = DetectionReport() if detection else None
        write_seconds = 0.0
        batches = staging.batches(max_batch_rows)
        # Read the next batch from the staging index while Neo4j writes this one.
        upcoming = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
        while (batch := await upcoming) is not None:
            upcoming = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
            started = time.perf_counter()
            # Each batch is recorded when it is written: followers of recordedAt (the
            # subscriptions) see it become visible shortly after that time.
            created += await write_batch(graph, batch, dt.datetime.now(dt.UTC))
            write_seconds += time.perf_counter() - started
            if found is not None:
                found.add(await detect(graph, batch.touched_claims()))
            if on_batch is not None:
                on_batch(batch)
        warnings = warnings_of(staging, folder)
        return LoadReport(staging.totals(), created, warnings, write_seconds, found)
