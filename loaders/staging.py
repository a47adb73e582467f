"""The staging index: everything read, on disk, so memory does not grow with the input.

The loader reads a folder in one streaming pass, validating each unit (a YAML
claims file, or one line of a JSON Lines file) on its own and staging its rows
and references here, in a throwaway SQLite file. Cross-file checks (references
resolve, ids are unique, every claim is asserted) are then SQL queries, and
the write plan is read back batch by batch. Nothing reaches Neo4j before the
whole folder has been checked. Rows are kept in marshal's format (plain dicts
of text and numbers, the fastest to write and read back); the file is this
process's own temporary file, never input.

Write order: a claim is written with the first unit that needs it (defines,
asserts or contradicts it), a document's source with the unit that quotes it,
and a link (CITES, REPUBLISHES, REFINES) with the later of its two ends; people,
organizations and topics go first, in unit 0.
"""

from __future__ import annotations

import marshal
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrace.core.plans import Row, WriteBatch
from claimtrace.core.validation import Problems

SCHEMA = """
CREATE TABLE unit (n INTEGER PRIMARY KEY, label TEXT NOT NULL, size INTEGER NOT NULL);
CREATE TABLE record (id TEXT NOT NULL, kind TEXT NOT NULL, unit INTEGER NOT NULL,
                     file TEXT NOT NULL);
CREATE TABLE ref (owner TEXT NOT NULL, file TEXT NOT NULL, field TEXT NOT NULL,
                  target TEXT NOT NULL, wanted TEXT NOT NULL, what TEXT NOT NULL);
CREATE TABLE need (id TEXT NOT NULL, unit INTEGER NOT NULL, why TEXT NOT NULL);
CREATE TABLE pair (first TEXT NOT NULL, second TEXT NOT NULL, file TEXT NOT NULL);
CREATE TABLE staged (kind TEXT NOT NULL, owner TEXT NOT NULL, target TEXT,
                     unit INTEGER NOT NULL, write_unit INTEGER, row BLOB NOT NULL);
"""

INDEXES = """
CREATE INDEX record_id ON record (id);
CREATE INDEX need_id ON need (id);
CREATE INDEX pair_claims ON pair (first, second);
CREATE INDEX staged_owner ON staged (kind, owner);
"""

DUPLICATE_IDS = """
SELECT r.id, r.kind, r.file,
       (SELECT f.kind FROM record f WHERE f.id = r.id AND f.rowid < r.rowid
        ORDER BY f.rowid LIMIT 1)
FROM record r
WHERE EXISTS (SELECT 1 FROM record f WHERE f.id = r.id AND f.rowid < r.rowid)
ORDER BY r.rowid
"""

DANGLING_REFERENCES = """
SELECT ref.file, ref.owner, ref.field, ref.what, ref.target FROM ref
WHERE NOT EXISTS (SELECT 1 FROM record r
                  WHERE r.id = ref.target AND instr(ref.wanted, '|' || r.kind || '|') > 0)
ORDER BY ref.rowid
"""

UNASSERTED_CLAIMS = """
SELECT r.file, r.id FROM record r
WHERE r.kind = 'claim'
  AND NOT EXISTS (SELECT 1 FROM need n WHERE n.id = r.id AND n.why = 'asserted')
ORDER BY r.rowid
"""

REPEATED_PAIRS = """
SELECT p.file, p.first, p.second FROM pair p
WHERE EXISTS (SELECT 1 FROM pair q
              WHERE q.first = p.first AND q.second = p.second AND q.rowid < p.rowid)
ORDER BY p.rowid
"""

# Order matters: sources before the links that follow them.
WRITE_UNITS = (
    "UPDATE staged SET write_unit = unit",
    "UPDATE staged SET write_unit = 0 "
    "WHERE kind IN ('organizations', 'people', 'topics', 'affiliations')",
    """UPDATE staged SET write_unit = coalesce(
           (SELECT min(n.unit) FROM need n WHERE n.id = staged.owner), unit)
       WHERE kind IN ('claims', 'claim_topics', 'sources', 'published_by', 'written_by')""",
    """UPDATE staged SET write_unit = max(unit,
           (SELECT r.unit FROM record r WHERE r.id = staged.target AND r.kind = 'assertion'))
       WHERE kind = 'cites'""",
    """UPDATE staged SET write_unit = max(
           (SELECT s.write_unit FROM staged s WHERE s.kind = 'sources' AND s.owner = staged.owner),
           (SELECT s.write_unit FROM staged s WHERE s.kind = 'sources' AND s.owner = staged.target))
       WHERE kind = 'republishes'""",
    """UPDATE staged SET write_unit = max(
           (SELECT s.write_unit FROM staged s WHERE s.kind = 'claims' AND s.owner = staged.owner),
           (SELECT s.write_unit FROM staged s WHERE s.kind = 'claims' AND s.owner = staged.target))
       WHERE kind = 'refines'""",
    "CREATE INDEX staged_write_unit ON staged (write_unit)",
)

# Staged row kind -> the count it contributes to, as the load report names it.
COUNTED = {
    "organizations": "Organization",
    "people": "Person",
    "topics": "Topic",
    "sources": "Source",
    "claims": "Claim",
    "assertions": "Assertion",
    "conflicts": "CONTRADICTS",
}


@dataclass
class StagedUnit:
    """What one unit contributes, already validated on its own."""

    label: str
    records: list[tuple[str, str]] = field(default_factory=list)  # (id, kind)
    refs: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)  # (id, why)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    rows: list[tuple[str, str, str | None, Row]] = field(default_factory=list)
    size: int = 0

    def record(self, record_id: str, kind: str) -> None:
        self.records.append((record_id, kind))

    def expect(self, owner: str, field_name: str, target: str, kinds: str, what: str) -> None:
        """``owner``'s ``field_name`` names ``target``, which must be one of ``kinds``."""
        self.refs.append((owner, field_name, target, f"|{kinds}|", what))

    def need(self, record_id: str, why: str) -> None:
        self.needs.append((record_id, why))

    def stage(self, kind: str, owner: str, row: Row, target: str | None = None) -> None:
        self.rows.append((kind, owner, target, row))


class Staging:
    """A throwaway SQLite index of one load; see the module docstring."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.units = 0

    @classmethod
    @contextmanager
    def create(cls) -> Iterator[Staging]:
        with (
            tempfile.TemporaryDirectory(prefix="claimtrace-load-") as folder,
            closing(
                sqlite3.connect(Path(folder) / "staging.sqlite", check_same_thread=False)
            ) as connection,
        ):
            connection.executescript(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16000;"
            )
            connection.executescript(SCHEMA)
            yield cls(connection)

    def add(self, unit: StagedUnit, *, shared: bool = False) -> None:
        """Stage a unit; ``shared`` ones (sources.yaml, entities.yaml) form unit 0."""
        number = 0 if shared else self.units + 1
        if not shared:
            self.units = number
        db = self.db
        db.execute(
            "INSERT INTO unit VALUES (?, ?, ?) ON CONFLICT (n) DO UPDATE SET size = size + ?",
            (number, unit.label if not shared else "(shared records)", unit.size, unit.size),
        )
        file = unit.label
        db.executemany(
            "INSERT INTO record VALUES (?, ?, ?, ?)",
            [(rid, kind, number, file) for rid, kind in unit.records],
        )
        db.executemany(
            "INSERT INTO ref VALUES (?, ?, ?, ?, ?, ?)",
            [(owner, file, f, target, kinds, what) for owner, f, target, kinds, what in unit.refs],
        )
        db.executemany(
            "INSERT INTO need VALUES (?, ?, ?)", [(rid, number, why) for rid, why in unit.needs]
        )
        db.executemany("INSERT INTO pair VALUES (?, ?, ?)", [(a, b, file) for a, b in unit.pairs])
        db.executemany(
            "INSERT INTO staged VALUES (?, ?, ?, ?, NULL, ?)",
            [
                (kind, owner, target, number, marshal.dumps(row))
                for kind, owner, target, row in unit.rows
            ],
        )

    def cross_check(self, problems: Problems) -> None:
        """The checks that need every unit: references, unique ids, claims asserted, pairs."""
        self.db.executescript(INDEXES)
        for record_id, kind, file, first_kind in self.db.execute(DUPLICATE_IDS):
            problems.add(
                file, f"{kind} {record_id}", "id", f"duplicate id: already used by a {first_kind}"
            )
        for file, owner, field_name, what, target in self.db.execute(DANGLING_REFERENCES):
            problems.add(file, owner, field_name, f"{what} {target!r} does not exist")
        for file, claim_id in self.db.execute(UNASSERTED_CLAIMS):
            problems.add(
                file, f"claim {claim_id}", "id",
                "no assertion is about this claim: every claim needs a source",
            )  # fmt: skip
        for file, first, second in self.db.execute(REPEATED_PAIRS):
            problems.add(
                file, f"conflict {first} <> {second}", "claims",
                "the same pair of claims is listed twice",
            )  # fmt: skip

    def claim_count(self) -> int:
        [(count,)] = self.db.execute("SELECT count(*) FROM staged WHERE kind = 'claims'")
        return int(count)

    def claims(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every staged claim's id and properties."""
        for owner, row in self.db.execute("SELECT owner, row FROM staged WHERE kind = 'claims'"):
            yield owner, marshal.loads(row)["props"]  # noqa: S302 (our own file)

    def refinements(self) -> Iterator[tuple[str, str]]:
        """Every staged REFINES link: (narrower, broader)."""
        yield from self.db.execute("SELECT owner, target FROM staged WHERE kind = 'refines'")

    def ids_of(self, kind: str) -> set[str]:
        """The ids of every record of ``kind`` (small kinds: people, organizations)."""
        return {rid for (rid,) in self.db.execute("SELECT id FROM record WHERE kind = ?", (kind,))}

    def rows(self, *, claims: bool) -> Iterator[tuple[str, Row]]:
        """Every staged row with its kind, in no particular order: the claims' rows
        alone, or every other row."""
        query = (
            "SELECT kind, row FROM staged WHERE kind = 'claims'"
            if claims
            else "SELECT kind, row FROM staged WHERE kind <> 'claims'"
        )
        for kind, row in self.db.execute(query):
            yield kind, marshal.loads(row)  # noqa: S302 (our own file)

    def totals(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for kind, count in self.db.execute("SELECT kind, count(*) FROM staged GROUP BY kind"):
            if kind in COUNTED:
                counts[COUNTED[kind]] += count
        return counts

    def batches(self, max_rows: int) -> Iterator[WriteBatch]:
        """The write plan: unit 0 alone, then consecutive units up to ``max_rows`` rows."""
        for statement in WRITE_UNITS:
            self.db.execute(statement)
        for first, last, labels in self._unit_ranges(max_rows):
            batch = WriteBatch(files=labels)
            rows = self.db.execute(
                "SELECT kind, row FROM staged WHERE write_unit BETWEEN ? AND ? ORDER BY rowid",
                (first, last),
            )
            for kind, row in rows:
                getattr(batch, kind).append(marshal.loads(row))  # noqa: S302 (our own file)
            yield batch

    def _unit_ranges(self, max_rows: int) -> Iterator[tuple[int, int, list[str]]]:
        first, labels, size = None, [], 0
        for number, label, unit_size in self.db.execute(
            "SELECT n, label, size FROM unit ORDER BY n"
        ):
            if number == 0:
                yield 0, 0, [label]
                continue
            first = number if first is None else first
            labels.append(label)
            size += unit_size
            if size >= max_rows:
                yield first, number, labels
                first, labels, size = None, [], 0
        if first is not None:
            yield first, self.units, labels
