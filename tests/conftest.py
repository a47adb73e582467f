"""Fixtures shared by every test: the throwaway Neo4j, its driver, known graphs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.database import open_driver
from api.migrations import apply_migrations
from api.settings import Settings
from neo4j import AsyncDriver
from tests.support.asgi import serve
from tests.support.server import neo4j_test_running, neo4j_test_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    if not neo4j_test_running():
        pytest.exit("the test Neo4j is not running: run the tests with `make test`", returncode=2)
    return neo4j_test_settings()


@pytest.fixture(scope="session")
async def driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    async with open_driver(settings) as session_driver:
        await apply_migrations(session_driver, settings.neo4j_database)
        yield session_driver


@pytest.fixture
async def empty_graph(driver: AsyncDriver, settings: Settings) -> AsyncDriver:
    """A database with the schema applied and no data."""
    await driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration DETACH DELETE n", database_=settings.neo4j_database
    )
    return driver


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(create_app(settings)) as http_client:
        yield http_client
