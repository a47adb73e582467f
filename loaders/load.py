"""Loading a data folder into Neo4j: read, validate everything, then write in batches."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import AsyncDriver

from api.migrations import apply_migrations
from loaders.plan import WriteBatch, plan
from loaders.reading import DataSet, read_data
from loaders.writing import batch_totals, write_batch


@dataclass(frozen=True)
class LoadReport:
    """What the load found in the files, and how much of it it created."""

    in_files: Counter[str]
    created: Counter[str]

    def already_there(self, kind: str) -> int:
        return self.in_files[kind] - self.created[kind]


async def load_folder(
    driver: AsyncDriver,
    database: str,
    folder: Path,
    *,
    max_batch_rows: int = 20_000,
    on_batch: Callable[[WriteBatch], None] | None = None,
) -> LoadReport:
    """Validate ``folder`` as a whole (ValidationError: nothing written), then write it."""
    return await load_data(
        driver, database, read_data(folder), max_batch_rows=max_batch_rows, on_batch=on_batch
    )


async def load_data(
    driver: AsyncDriver,
    database: str,
    data: DataSet,
    *,
    max_batch_rows: int = 20_000,
    on_batch: Callable[[WriteBatch], None] | None = None,
) -> LoadReport:
    """Write an already validated data set: migrations first, then batch after batch."""
    await apply_migrations(driver, database)
    batches = list(plan(data, max_batch_rows=max_batch_rows))
    recorded_at = dt.datetime.now(dt.UTC)
    created: Counter[str] = Counter()
    for batch in batches:
        created += await write_batch(driver, database, batch, recorded_at)
        if on_batch is not None:
            on_batch(batch)
    return LoadReport(in_files=batch_totals(batches), created=created)
