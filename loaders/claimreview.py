"""Importing a file of fact-checks (ClaimReview JSON-LD, a DataFeed, or a Fact Check Tools
API answer): read and validate all of it, then write it in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from claimtrace.core.database import Graph
from claimtrace.core.interchange.claimreview_import import import_records
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import AnyRecord
from claimtrace.core.store.detection import detect
from claimtrace.core.validation import Problems
from claimtrace.core.writing import write_batch


@dataclass(frozen=True)
class ImportReport:
    in_file: Counter[str]
    created: Counter[str]
    warnings: tuple[str, ...]

    def already_there(self, kind: str) -> int:
        return self.in_file[kind] - self.created[kind]


@dataclass(frozen=True)
class CheckedImport:
    records: tuple[AnyRecord, ...]
    warnings: tuple[str, ...]

    @property
    def counts(self) -> Counter[str]:
        return Counter(type(record).__name__ for record in self.records)


def check_claimreview_file(path: Path) -> CheckedImport:
    """The validated records of the file; ValidationError (naming each record that is
    wrong) if anything in it is."""
    problems = Problems()
    label = path.name
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.add(label, "(file)", "(syntax)", f"is not readable UTF-8 JSON: {error}")
        problems.raise_if_any()
    imported = import_records(document, label, problems)
    problems.raise_if_any()
    return CheckedImport(tuple(imported.records.values()), tuple(imported.warnings))


async def import_claimreview_file(graph: Graph, path: Path) -> ImportReport:
    """Check the whole file (nothing written on any problem), then write it atomically.
    Identical content already in the graph is left as it is; other content under an id
    it derives is refused (AppendOnlyError), as for any write."""
    checked = check_claimreview_file(path)
    await apply_migrations(graph)
    batch = WriteBatch.of(path.name, (row for r in checked.records for row in rows_of(r)))
    created = await write_batch(graph, batch, dt.datetime.now(dt.UTC))
    await detect(graph, batch.touched_claims())
    return ImportReport(checked.counts, created, checked.warnings)
