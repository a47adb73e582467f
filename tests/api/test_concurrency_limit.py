"""The concurrency limit: its logic against a stub app, then through the real app."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import pytest

from claimtrace.api.app import create_app
from claimtrace.api.concurrency import ConcurrencyLimit
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.gated import gated_factory

OVERLOADED = {"code": "OVERLOADED"}

# ------------------------------------------------------------ the logic, stub app


class HeldApp:
    """Answers 200 to each request once ``go`` is set; counts the requests it saw."""

    def __init__(self) -> None:
        self.go = asyncio.Event()
        self.seen = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.seen += 1
        await self.go.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})


class Failing:
    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("downstream failed")


async def call(app: Any, path: str = "/graphql") -> list[dict[str, Any]]:
    """Run one HTTP request through ``app``; the ASGI messages it sent back."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app({"type": "http", "path": path, "method": "POST", "headers": []}, receive, send)
    return sent


def status_of(sent: list[dict[str, Any]]) -> int:
    status = sent[0]["status"]
    assert isinstance(status, int)
    return status


async def test_beyond_the_limit_is_refused_at_once_with_a_graphql_error() -> None:
    downstream = HeldApp()
    limited = ConcurrencyLimit(downstream, limit=2, retry_after_seconds=3)
    served = [asyncio.create_task(call(limited)) for _ in range(2)]
    await asyncio.sleep(0)
    assert limited.in_flight == 2
    refused = await asyncio.wait_for(call(limited), timeout=1)
    assert status_of(refused) == 503
    headers = dict(refused[0]["headers"])
    assert headers[b"retry-after"] == b"3"
    assert headers[b"content-type"] == b"application/json"
    body = json.loads(refused[1]["body"])
    assert int(headers[b"content-length"]) == len(refused[1]["body"])
    [error] = body["errors"]
    assert error["extensions"] == OVERLOADED
    assert "busy" in error["message"]
    assert downstream.seen == 2
    downstream.go.set()
    assert [status_of(sent) for sent in await asyncio.gather(*served)] == [200, 200]
    assert limited.in_flight == 0


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
async def test_health_checks_are_never_limited(path: str) -> None:
    downstream = HeldApp()
    limited = ConcurrencyLimit(downstream, limit=1)
    held = asyncio.create_task(call(limited))
    await asyncio.sleep(0)
    probe = asyncio.create_task(call(limited, path))
    await asyncio.sleep(0)
    assert downstream.seen == 2
    downstream.go.set()
    assert status_of(await probe) == 200
    assert status_of(await held) == 200


async def test_a_slot_is_given_back_when_the_request_fails() -> None:
    limited = ConcurrencyLimit(Failing(), limit=1)
    for _ in range(3):
        with pytest.raises(RuntimeError, match="downstream failed"):
            await call(limited)
    assert limited.in_flight == 0


async def test_lifespan_passes_through() -> None:
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    await ConcurrencyLimit(app, limit=1)({"type": "lifespan"}, None, None)  # type: ignore[arg-type]
    assert seen == ["lifespan"]


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ConcurrencyLimit(HeldApp(), limit=0)


# ------------------------------------------------------- through the real app


QUERY = {"query": '{ claim(id: "claim-efp-196-killed") { id } }'}
SERVED = {"data": {"claim": {"id": "claim-efp-196-killed"}}}


@pytest.mark.neo4j
async def test_the_app_refuses_graphql_beyond_its_limit_and_still_answers_health(
    seed_graph: Graph, settings: Settings
) -> None:
    made, factory = gated_factory()
    limited = dataclasses.replace(settings, max_concurrent_requests=2)
    async with serve(create_app(limited, driver_factory=factory)) as client:
        [driver] = made
        driver.hold_next(2)
        held = [asyncio.create_task(client.post("/graphql", json=QUERY)) for _ in range(2)]
        await asyncio.wait_for(driver.all_held.wait(), timeout=10)
        queries_before = driver.queries
        refused = await client.post("/graphql", json=QUERY)
        assert refused.status_code == 503
        assert refused.headers["retry-after"] == "1"
        assert refused.json()["errors"][0]["extensions"] == OVERLOADED
        assert "data" not in refused.json()
        export = await client.get("/claims/claim-efp-196-killed/provenance")
        assert export.status_code == 503, "an export reads as much as a query: limited too"
        assert driver.queries == queries_before, "a refused request must not reach Neo4j"
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 200
        driver.release()
        assert [(await answer).json() for answer in held] == [SERVED, SERVED]
        again = await asyncio.gather(*(client.post("/graphql", json=QUERY) for _ in range(2)))
        assert [answer.json() for answer in again] == [SERVED, SERVED]


@pytest.mark.neo4j
async def test_the_overloaded_answer_is_what_a_graphql_client_expects(
    seed_graph: Graph, settings: Settings
) -> None:
    made, factory = gated_factory()
    limited = dataclasses.replace(settings, max_concurrent_requests=1)
    async with serve(create_app(limited, driver_factory=factory)) as client:
        [driver] = made
        driver.hold_next(1)
        held = asyncio.create_task(client.post("/graphql", json=QUERY))
        await asyncio.wait_for(driver.all_held.wait(), timeout=10)
        refused = await client.get("/graphql", params={"query": "{ topics { id } }"})
        driver.release()
        assert (await held).json() == SERVED
    assert refused.status_code == 503
    assert refused.headers["content-type"] == "application/json"
    assert refused.json() == {
        "errors": [{"message": "The server is busy; retry in 1 s.", "extensions": OVERLOADED}]
    }
