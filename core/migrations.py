"""Versioned schema migrations: ``neo4j/migrations/NNNN_name.cypher`` (shipped as
``claimtrace/migrations``).

Each file is applied once and recorded as a ``(:Migration {version, name,
checksum, appliedAt})`` node. Statements use ``IF NOT EXISTS``, so a run cut
short is simply applied again. An applied file must never change: a new
version is a new file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import LiteralString

from neo4j import READ_ACCESS

from claimtrace.core import cypher, telemetry
from claimtrace.core.database import Graph

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.cypher$")


class MigrationError(RuntimeError):
    """The database's recorded migrations disagree with the files."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[LiteralString, ...]
    checksum: str


def read_migrations(folder: Traversable = cypher.MIGRATION_DIR) -> list[Migration]:
    paths = sorted((p for p in folder.iterdir() if p.name.endswith(".cypher")), key=_name)
    migrations = [_read(path) for path in paths]
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migration versions must run 1, 2, 3, ... without gaps: {versions}")
    return migrations


def _name(path: Traversable) -> str:
    return path.name


def _read(path: Traversable) -> Migration:
    match = _FILE_NAME.match(path.name)
    if match is None:
        raise MigrationError(f"{path.name}: migration files are named NNNN_name.cypher")
    text = path.read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    statements = tuple(statement.strip() for statement in code.split(";") if statement.strip())
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Migration(int(match.group(1)), match.group(2), statements, checksum)


async def applied_migrations(graph: Graph) -> dict[int, str]:
    """Version -> checksum of what the database has recorded.

    One attempt, no retries: readiness probes must answer fast when Neo4j is away.
    """
    async with graph.driver.session(
        database=graph.database, default_access_mode=READ_ACCESS
    ) as session:
        with telemetry.round_trip(cypher.APPLIED_MIGRATIONS):
            result = await session.run(cypher.APPLIED_MIGRATIONS)
            return {record["version"]: record["checksum"] async for record in result}


async def pending_migrations(graph: Graph) -> list[Migration]:
    applied = await applied_migrations(graph)
    return [m for m in read_migrations() if m.version not in applied]


async def apply_migrations(
    graph: Graph, *, index_timeout_seconds: int = 300, up_to: int | None = None
) -> list[Migration]:
    """Apply what is pending (up to version ``up_to`` if given), wait for indexes to
    come online; return what was applied."""
    applied = await applied_migrations(graph)
    await graph.write(cypher.MIGRATION_CONSTRAINT)
    done: list[Migration] = []
    for migration in read_migrations()[:up_to]:
        recorded = applied.get(migration.version)
        if recorded is not None:
            _check_unchanged(migration, recorded)
            continue
        for statement in migration.statements:
            # Schema changes cannot share a transaction with writes: one each.
            await graph.write(statement)
        await _record(graph, migration)
        done.append(migration)
    await graph.write(cypher.AWAIT_INDEXES, timeout_seconds=index_timeout_seconds)
    return done


async def _record(graph: Graph, migration: Migration) -> None:
    records = await graph.write(
        cypher.RECORD_MIGRATION,
        version=migration.version,
        name=migration.name,
        checksum=migration.checksum,
    )
    _check_unchanged(migration, records[0]["checksum"])


def _check_unchanged(migration: Migration, recorded_checksum: str) -> None:
    if recorded_checksum != migration.checksum:
        raise MigrationError(
            f"migration {migration.version:04d}_{migration.name} was applied with different "
            "content; applied migrations are immutable, add a new file instead"
        )
