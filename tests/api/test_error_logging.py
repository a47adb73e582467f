"""What a client did wrong is one short INFO line; only the server's faults get a
traceback. (Every refused document was once logged at ERROR with its traceback: an
82-byte request wrote kilobytes of log.)"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.settings import Settings
from tests.support.asgi import serve

pytestmark = pytest.mark.neo4j

CLIENT_ERRORS = {
    "syntax error": "{ topics { id }",
    "unknown field": '{ claim(id: "x") { nonsense } }',
    "first over 100": "{ claims(first: 1000) { edges { cursor } } }",
    "bad date": '{ claims(filter: {assertedFrom: "last year"}) { edges { cursor } } }',
    "unknown person": '{ comparePositions(personIds: ["person-a", "person-b"]) { people { id } } }',
    "anonymous mutation": 'mutation { retractAssertion(id: "asrt-jpost-11") { assertion { id } } }',
    "too deep": "{ sources { edges { node { republishes { "
    + "republishes { " * 12
    + "id"
    + " }" * 12
    + " } } } } }",
}
# The log a client error may cost, at most, whatever it sent.
MAX_LOG_BYTES = 600


def logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(("claimtrace", "strawberry"))]


@pytest.mark.parametrize("document", CLIENT_ERRORS.values(), ids=CLIENT_ERRORS.keys())
async def test_a_client_error_is_one_short_info_line_without_a_traceback(
    seed_graph: Graph, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, document: str
) -> None:
    caplog.set_level(logging.DEBUG)
    body = (await client.post("/graphql", json={"query": document})).json()
    assert body["errors"]
    records = logged(caplog)
    assert records, "the refusal is logged"
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.INFO, None)] * len(records)
    assert sum(len(r.getMessage()) for r in records) < MAX_LOG_BYTES


class FailingDriver:
    """A real driver whose queries, once told to, fail the way a bug in the server would."""

    def __init__(self, settings: Settings) -> None:
        self._driver = open_driver(settings)
        self.failing = False

    async def execute_query(self, *args: Any, **kwargs: Any) -> Any:
        if self.failing:
            raise RuntimeError("a fault of the server")
        return await self._driver.execute_query(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


@pytest.fixture
async def failing(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    made: list[FailingDriver] = []

    def factory(settings: Settings) -> Any:
        made.append(FailingDriver(settings))
        return made[-1]

    async with serve(create_app(settings, driver_factory=factory)) as client:
        made[0].failing = True  # after start-up (migrations)
        yield client


async def test_a_server_fault_is_logged_with_its_traceback_and_masked(
    failing: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = (await failing.post("/graphql", json={"query": "{ topics { id } }"})).json()
    [error] = body["errors"]
    assert (error["message"], error["extensions"]) == (
        "Unexpected error.", {"code": "INTERNAL_SERVER_ERROR"}
    )  # fmt: skip
    [fault] = [r for r in logged(caplog) if r.levelno >= logging.WARNING]
    assert fault.levelno == logging.ERROR
    assert fault.exc_info is not None
    assert "a fault of the server" in caplog.text
