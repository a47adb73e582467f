"""Every Cypher query the application sends, as named constants.

The text lives in ``neo4j/queries/<name>.cypher`` so that it can be read,
profiled and diffed as Cypher; this module is the one place that loads it.
Values always travel as ``$parameters``: nothing here is ever formatted with
user input, which is also what lets Neo4j reuse its cached plans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, LiteralString

QUERY_DIR: Final = Path(__file__).resolve().parents[1] / "neo4j" / "queries"
MIGRATION_DIR: Final = Path(__file__).resolve().parents[1] / "neo4j" / "migrations"


def load(name: str) -> LiteralString:
    """The text of ``neo4j/queries/<name>.cypher`` (a project file, never user input)."""
    return (QUERY_DIR / f"{name}.cypher").read_text(encoding="utf-8").strip()


MIGRATION_CONSTRAINT: Final = load("migration_constraint")
APPLIED_MIGRATIONS: Final = load("applied_migrations")
RECORD_MIGRATION: Final = load("record_migration")
AWAIT_INDEXES: Final = load("await_indexes")

LIST_TOPICS: Final = load("list_topics")
