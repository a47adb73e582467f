"""Migrations: every label constrained, applying twice changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.migrations import apply_migrations, pending_migrations, read_migrations
from claimtrace.core.settings import Settings

pytestmark = pytest.mark.neo4j

LABELS = {"Source", "Organization", "Person", "Claim", "Assertion", "Topic"}


async def _schema(graph: Graph) -> tuple[list[Any], list[Any]]:
    constraints, _, _ = await graph.driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
        "RETURN name, labelsOrTypes, properties, type ORDER BY name",
        database_=graph.database,
    )
    indexes, _, _ = await graph.driver.execute_query(
        "SHOW INDEXES YIELD name, labelsOrTypes, properties, type, state "
        "RETURN name, labelsOrTypes, properties, type, state ORDER BY name",
        database_=graph.database,
    )
    return [dict(r) for r in constraints], [dict(r) for r in indexes]


async def test_applying_twice_changes_nothing(graph: Graph, settings: Settings) -> None:
    await apply_migrations(graph)
    before = await _schema(graph)
    applied_again = await apply_migrations(graph)
    after = await _schema(graph)
    assert applied_again == []
    assert after == before
    assert await pending_migrations(graph) == []


async def test_every_label_has_a_unique_id(graph: Graph, settings: Settings) -> None:
    constraints, _ = await _schema(graph)
    unique_ids = {
        c["labelsOrTypes"][0]
        for c in constraints
        if c["type"] == "UNIQUENESS" and c["properties"] == ["id"]
    }
    assert unique_ids >= LABELS


async def test_fulltext_index_covers_claims_and_quotes(graph: Graph, settings: Settings) -> None:
    _, indexes = await _schema(graph)
    fulltext = [i for i in indexes if i["type"] == "FULLTEXT"]
    assert len(fulltext) == 1
    assert set(fulltext[0]["labelsOrTypes"]) == {"Claim", "Assertion"}
    assert set(fulltext[0]["properties"]) == {"text", "quote"}
    assert fulltext[0]["state"] == "ONLINE"


async def test_migrations_are_recorded_in_the_database(graph: Graph, settings: Settings) -> None:
    records, _, _ = await graph.driver.execute_query(
        "MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version",
        database_=settings.neo4j_database,
    )
    assert [(r["version"], r["checksum"]) for r in records] == [
        (m.version, m.checksum) for m in read_migrations()
    ]
