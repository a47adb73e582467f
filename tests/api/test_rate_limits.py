"""Rate limits: mutations per writing token, costly reads per client address.

Past a limit the answer is 429 with ``Retry-After`` and a typed error, and the
refused request costs no database work (its refusal is a log line, not an event).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve_to
from tests.support.hostile import SessionCountingDriver, session_counting_factory
from tests.support.writing import audit_events, new_request_id

pytestmark = pytest.mark.neo4j

DESK, CI = "desk-writer-token-0123456789", "ci-writer-token-0123456789"
WRITES, READS = 4, 3  # per minute
COMPARE = """{ comparePositions(personIds: ["person-kirsten-fontenrose", "person-abbas-kadhim"])
  { people { id } } }"""
SEARCH = """query ($words: String) { claims(filter: {search: $words}) { edges { cursor } } }"""
CHEAP = "{ topics { id } claims(first: 2) { edges { cursor } } }"


@dataclasses.dataclass
class Clients:
    first: httpx.AsyncClient  # from 127.0.0.1
    second: httpx.AsyncClient  # from 127.0.0.2
    driver: SessionCountingDriver


@pytest.fixture
async def limited(seed_graph: Graph, settings: Settings) -> AsyncIterator[Clients]:
    made, factory = session_counting_factory()
    limits = dataclasses.replace(
        settings,
        api_tokens=(("desk", DESK), ("ci", CI)),
        mutations_per_minute=WRITES,
        expensive_reads_per_minute=READS,
    )
    app = create_app(limits, driver_factory=factory)
    async with serve_to(app, ("127.0.0.1", 50000), ("127.0.0.2", 50000)) as (first, second):
        yield Clients(first, second, made[0])


async def retract(client: httpx.AsyncClient, token: str, *ids: str) -> httpx.Response:
    """One request retracting each id (unknown ids: each a refused, audited mutation)."""
    fields = " ".join(
        f'r{i}: retractAssertion(id: "{assertion}") {{ assertion {{ id }} }}'
        for i, assertion in enumerate(ids)
    )
    return await client.post(
        "/graphql",
        json={"query": f"mutation {{ {fields} }}"},
        headers={"authorization": f"Bearer {token}", "x-request-id": new_request_id()},
    )


def assert_rate_limited(response: httpx.Response, limit: int) -> None:
    assert response.status_code == 429, response.text
    seconds = int(response.headers["retry-after"])
    assert 1 <= seconds <= 60
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": seconds}
    assert f"the limit is {limit} a minute" in error["message"]


async def test_a_writer_past_its_limit_gets_429_and_stores_nothing(
    limited: Clients, seed_graph: Graph, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    # Three mutations asked, three units taken (the first refusal ends the operation).
    allowed = await retract(limited.first, DESK, "asrt-none-1", "asrt-none-2", "asrt-none-3")
    assert [e["extensions"]["code"] for e in allowed.json()["errors"]] == ["NOT_FOUND"]
    limited.driver.clear()
    refused = await retract(limited.first, DESK, "asrt-none-4", "asrt-none-5")
    assert_rate_limited(refused, WRITES)
    assert (limited.driver.sent, limited.driver.audited) == ([], [])
    request_id = refused.request.headers["x-request-id"]
    assert await audit_events(seed_graph, request_id) == []
    [line] = [json.loads(r.getMessage()) for r in caplog.records
              if r.name == "claimtrace.audit" and request_id in r.getMessage()]  # fmt: skip
    assert (line["actor"], line["code"], line["operationCount"], line["stored"]) == (
        "desk", "RATE_LIMITED", 2, False
    )  # fmt: skip
    # The one unit left is still there, and another token has its own allowance.
    assert (await retract(limited.first, DESK, "asrt-none-6")).status_code == 200
    assert (await retract(limited.second, CI, "asrt-none-7")).status_code == 200


async def test_an_invalid_mutation_document_counts_against_its_writer_too(
    limited: Clients, seed_graph: Graph
) -> None:
    """Refused by validation, each mutation of a writer leaves an event: those count."""
    invalid = " ".join(f"a{i}: retractAssertion(nonsense: 1) {{ __typename }}" for i in range(5))
    response = await limited.first.post(
        "/graphql",
        json={"query": f"mutation {{ {invalid} }}"},
        headers={"authorization": f"Bearer {DESK}", "x-request-id": new_request_id()},
    )
    assert_rate_limited(response, WRITES)
    assert await audit_events(seed_graph, response.request.headers["x-request-id"]) == []


async def test_costly_reads_are_limited_per_address_and_cheap_ones_are_not(
    limited: Clients,
) -> None:
    first = limited.first
    for _ in range(READS - 1):
        assert (await first.post("/graphql", json={"query": COMPARE})).status_code == 200
    searched = await first.post("/graphql", json={"query": SEARCH, "variables": {"words": "Iran"}})
    assert searched.status_code == 200
    assert_rate_limited(await first.post("/graphql", json={"query": COMPARE}), READS)
    search: dict[str, Any] = {"query": SEARCH, "variables": {"words": "Iran"}}
    assert_rate_limited(await first.post("/graphql", json=search), READS)
    for _ in range(2 * READS):
        cheap = await first.post("/graphql", json={"query": CHEAP})
        assert cheap.status_code == 200
        assert "errors" not in cheap.json()
    without_search = {"query": SEARCH, "variables": {"words": None}}
    assert (await first.post("/graphql", json=without_search)).status_code == 200
    assert (await limited.second.post("/graphql", json={"query": COMPARE})).status_code == 200


async def test_aliases_each_count_as_one_costly_read(limited: Clients) -> None:
    aliased = "{ " + " ".join(f"c{i}: {COMPARE.strip()[1:-1]}" for i in range(READS + 1)) + " }"
    assert_rate_limited(await limited.first.post("/graphql", json={"query": aliased}), READS)
    # Refused whole: none of it was taken, so a request within the limit still passes.
    assert (await limited.first.post("/graphql", json={"query": COMPARE})).status_code == 200
