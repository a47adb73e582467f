"""Fixtures shared by every test: the throwaway Neo4j, its driver, known graphs.

Tests that need Neo4j carry the ``neo4j`` marker: ``make unit`` runs the others
without starting a database, ``make test`` runs both. A test that uses the
database without the marker is refused at collection, so the unit tier can
never reach for a server by accident.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.settings import Settings
from claimtrace.loaders.load import load_folder
from tests.support.asgi import serve
from tests.support.scenarios import RESULTS, Scenario, table
from tests.support.server import neo4j_test_running, neo4j_test_settings
from tests.support.writing import writer_client

SEED_DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass
class GraphState:
    """Whether the database holds exactly the seed corpus, so read-only tests can share it."""

    holds_seed: bool = False


DATABASE_FIXTURE = "settings"  # every fixture that reaches Neo4j depends on it


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A bulk import gives the database a new store whose transaction ids restart: the
    # session's driver holds bookmarks the new store never reaches, so those tests go last.
    items.sort(key=lambda item: item.get_closest_marker("replaces_store") is not None)
    unmarked = [
        item.nodeid
        for item in items
        if DATABASE_FIXTURE in getattr(item, "fixturenames", ())
        and item.get_closest_marker("neo4j") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "these tests use Neo4j but are not marked neo4j: " + ", ".join(unmarked)
        )


@pytest.fixture(scope="session")
def settings() -> Settings:
    if not neo4j_test_running():
        pytest.fail("the test Neo4j is not running: run these tests with `make test`")
    return neo4j_test_settings()


@pytest.fixture(scope="session")
async def graph(settings: Settings) -> AsyncIterator[Graph]:
    """The test database, its migrations applied; one driver for the whole session."""
    async with open_driver(settings) as driver:
        session_graph = Graph(driver, settings.neo4j_database)
        await apply_migrations(session_graph)
        yield session_graph


@pytest.fixture(scope="session")
def graph_state() -> GraphState:
    return GraphState()


async def _wipe(graph: Graph) -> None:
    await graph.write("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")


@pytest.fixture
async def empty_graph(graph: Graph, graph_state: GraphState) -> Graph:
    """A database with the schema applied and no data; the test may write."""
    graph_state.holds_seed = False
    await _wipe(graph)
    return graph


async def ensure_seed(graph: Graph, graph_state: GraphState) -> Graph:
    """Load the seed corpus into an emptied database, unless it holds exactly that."""
    if not graph_state.holds_seed:
        await _wipe(graph)
        await load_folder(graph, SEED_DATA)
        graph_state.holds_seed = True
    return graph


@pytest.fixture
async def seed_graph(graph: Graph, graph_state: GraphState) -> Graph:
    """The seed corpus, shared between tests: the test must not write."""
    return await ensure_seed(graph, graph_state)


@pytest.fixture
async def writable_seed_graph(seed_graph: Graph, graph_state: GraphState) -> Graph:
    """The seed corpus, for a test that writes on top of it."""
    graph_state.holds_seed = False
    return seed_graph


@pytest.fixture
async def writer(
    writable_seed_graph: Graph, settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    """A client holding a writing token, on the seed corpus, which it may write to."""
    async with writer_client(settings) as client:
        yield client


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(create_app(settings)) as http_client:
        yield http_client


# ------------------------------------------------------------- reliability report


@pytest.fixture
def scenario(request: pytest.FixtureRequest) -> Scenario:
    """A row of the reliability table; only for tests marked ``reliability``."""
    marker = request.node.get_closest_marker("reliability")
    assert marker is not None, "the scenario fixture is for tests marked reliability"
    row = Scenario(name=str(marker.args[0]) if marker.args else request.node.name)
    request.config.stash.setdefault(RESULTS, []).append(row)
    request.node.stash[SCENARIO] = row
    return row


SCENARIO = pytest.StashKey[Scenario]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    row = item.stash.get(SCENARIO, None)
    if row is not None and (report.when == "call" or report.failed):
        row.outcome = "passed" if report.passed else report.outcome
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    rows = terminalreporter.config.stash.get(RESULTS, [])
    if rows:
        terminalreporter.section("reliability report")
        for line in table(rows):
            terminalreporter.write_line(line)
