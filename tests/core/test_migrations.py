"""Migrations: every label constrained, applying twice changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import AsyncDriver

from claimtrace.core.migrations import apply_migrations, pending_migrations, read_migrations
from claimtrace.core.settings import Settings

pytestmark = pytest.mark.neo4j

LABELS = {"Source", "Organization", "Person", "Claim", "Assertion", "Topic"}


async def _schema(driver: AsyncDriver, database: str) -> tuple[list[Any], list[Any]]:
    constraints, _, _ = await driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
        "RETURN name, labelsOrTypes, properties, type ORDER BY name",
        database_=database,
    )
    indexes, _, _ = await driver.execute_query(
        "SHOW INDEXES YIELD name, labelsOrTypes, properties, type, state "
        "RETURN name, labelsOrTypes, properties, type, state ORDER BY name",
        database_=database,
    )
    return [dict(r) for r in constraints], [dict(r) for r in indexes]


async def test_applying_twice_changes_nothing(driver: AsyncDriver, settings: Settings) -> None:
    database = settings.neo4j_database
    await apply_migrations(driver, database)
    before = await _schema(driver, database)
    applied_again = await apply_migrations(driver, database)
    after = await _schema(driver, database)
    assert applied_again == []
    assert after == before
    assert await pending_migrations(driver, database) == []


async def test_every_label_has_a_unique_id(driver: AsyncDriver, settings: Settings) -> None:
    constraints, _ = await _schema(driver, settings.neo4j_database)
    unique_ids = {
        c["labelsOrTypes"][0]
        for c in constraints
        if c["type"] == "UNIQUENESS" and c["properties"] == ["id"]
    }
    assert unique_ids >= LABELS


async def test_fulltext_index_covers_claims_and_quotes(
    driver: AsyncDriver, settings: Settings
) -> None:
    _, indexes = await _schema(driver, settings.neo4j_database)
    fulltext = [i for i in indexes if i["type"] == "FULLTEXT"]
    assert len(fulltext) == 1
    assert set(fulltext[0]["labelsOrTypes"]) == {"Claim", "Assertion"}
    assert set(fulltext[0]["properties"]) == {"text", "quote"}
    assert fulltext[0]["state"] == "ONLINE"


async def test_migrations_are_recorded_in_the_database(
    driver: AsyncDriver, settings: Settings
) -> None:
    records, _, _ = await driver.execute_query(
        "MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version",
        database_=settings.neo4j_database,
    )
    assert [(r["version"], r["checksum"]) for r in records] == [
        (m.version, m.checksum) for m in read_migrations()
    ]
