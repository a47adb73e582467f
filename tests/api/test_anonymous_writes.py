"""Anonymous callers write nothing: not data, not audit events, and little log.

The ways an anonymous client once filled the database through refused mutations
(each refusal stored an AuditEvent of strings it chose): a 10 KB request of
repeated fields at the token limit, a 900 KB id or field name, a GET that any web
page can make its visitors send, a lone surrogate. Each is sent here, then a flood
of them: no query reaches the driver, the graph and its audit trail are as they
were, and the log grows by a bounded number of bounded lines.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.api.protection import MAX_ALIASES, MAX_TOKENS
from claimtrace.api.refusals import BURST, LINES_PER_MINUTE, RefusalLog
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.hostile import SessionCountingDriver, graph_fingerprint, session_counting_factory
from tests.support.scenarios import Scenario

pytestmark = pytest.mark.neo4j

TOKEN = "anonymous-tests-writer-token-0123"
RETRACT = 'retractAssertion(id: "asrt-jpost-11") { assertion { id } }'
ADD_CLAIM = "mutation ($input: AddClaimInput!) { addClaim(input: $input) { created } }"
GET_MUTATION = "mutation { " + " ".join(f"a{i}: {RETRACT}" for i in range(500)) + " }"
GET_MUTATION = "mutation { " + " ".join(f"a{i}: {RETRACT}" for i in range(500)) + " }"
FAST, SLOW = 200, 2_000  # refused requests in the flood: make test, make reliability
# What the log may grow by per refused request, at most (one line of bounded fields).
MAX_LOG_BYTES_PER_REFUSAL = 1_000

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


def post(document: str, variables: dict[str, Any] | None = None, **headers: str) -> Send:
    body = json.dumps({"query": document, "variables": variables or {}}).encode("ascii")
    sent = {"content-type": "application/json"} | headers
    return lambda client: client.post("/graphql", content=body, headers=sent)


ATTEMPTS: dict[str, Send] = {
    "a valid mutation, no token": post(f"mutation {{ {RETRACT} }}"),
    "a wrong token": post(f"mutation {{ {RETRACT} }}", authorization="Bearer not-the-token-000000"),
    "a token under another scheme": post(
        f"mutation {{ {RETRACT} }}", authorization=f"Basic {TOKEN}"
    ),
    "10 KB of repeated fields at the token limit": post(
        "mutation { " + "x " * (MAX_TOKENS - 4) + "}"
    ),
    "repeated valid fields up to the token limit": post(
        "mutation { " + " ".join([RETRACT] * (MAX_TOKENS // 12)) + " }"
    ),
    "as many aliases as allowed": post(
        "mutation { " + " ".join(f"a{i}: {RETRACT}" for i in range(MAX_ALIASES)) + " }"
    ),
    "a field name of 900,000 characters": post("mutation { " + "f" * 900_000 + " }"),
    "an id of 900,000 characters": post(
        "mutation ($id: ID!) { retractAssertion(id: $id) { assertion { id } } }",
        {"id": "a" * 900_000},
    ),
    "a lone surrogate": post(ADD_CLAIM, {"input": {"id": "claim-x", "text": "x\ud800"}}),
    "a mutation over GET": lambda client: client.get("/graphql", params={"query": GET_MUTATION}),
    "a mutation in a fragment": post(f"mutation {{ ...M }} fragment M on Mutation {{ {RETRACT} }}"),
}


@pytest.fixture
async def counted(
    settings: Settings,
) -> AsyncIterator[tuple[httpx.AsyncClient, SessionCountingDriver]]:
    """The app (it has a writer token, which the attempts do not send) over a driver
    that notes every query, audit events included."""
    made, factory = session_counting_factory()
    with_token = dataclasses.replace(settings, api_tokens=(("tests", TOKEN),))
    async with serve(create_app(with_token, driver_factory=factory)) as client:
        [driver] = made
        driver.clear()  # start-up (migrations) is not a request
        yield client, driver


def refused(response: httpx.Response) -> bool:
    if response.status_code in {400, 413}:
        return True
    body = response.json()
    return response.status_code == 200 and body.get("data") is None and bool(body["errors"])


async def audit_event_count(graph: Graph) -> int:
    records, _, _ = await graph.driver.execute_query(
        "MATCH (e:AuditEvent) RETURN count(e) AS n", database_=graph.database
    )
    return int(records[0]["n"])


def log_bytes(caplog: pytest.LogCaptureFixture) -> int:
    """Bytes logged so far by the app (httpx's own request lines aside)."""
    records = [r for r in caplog.records if r.name.startswith("claimtrace")]
    return sum(len(r.getMessage()) + len(r.exc_text or "") for r in records)


@pytest.mark.reliability("anonymous writes")
@pytest.mark.parametrize("flood", [FAST, pytest.param(SLOW, marks=pytest.mark.slow)])
async def test_anonymous_callers_write_nothing_and_log_little(
    flood: int,
    seed_graph: Graph,
    counted: tuple[httpx.AsyncClient, SessionCountingDriver],
    caplog: pytest.LogCaptureFixture,
    scenario: Scenario,
) -> None:
    client, driver = counted
    caplog.set_level(logging.INFO)
    scenario.did(
        f"{len(ATTEMPTS)} kinds of anonymous write (no token, wrong token, repeated fields "
        "at the token limit, 900 KB names and ids, a lone surrogate, GET, fragments), then "
        f"a flood of {flood} of the small ones"
    )
    fingerprint, events = await graph_fingerprint(seed_graph), await audit_event_count(seed_graph)
    wrong = []
    for name, send in ATTEMPTS.items():
        response = await send(client)
        if not refused(response):
            wrong.append(f"{name}: answered {response.status_code} {response.text[:200]}")
        if len(response.content) > 2_000:
            wrong.append(f"{name}: answered {len(response.content)} bytes")
    assert not wrong, "\n".join(wrong)
    caplog.clear()
    sends = [send for name, send in ATTEMPTS.items() if "900,000" not in name]
    started = time.monotonic()
    for index in range(flood):
        assert refused(await sends[index % len(sends)](client))
    elapsed = time.monotonic() - started
    size = log_bytes(caplog)
    assert (driver.sent, driver.audited) == ([], [])
    assert await audit_event_count(seed_graph) == events
    assert await graph_fingerprint(seed_graph) == fingerprint
    refusals = [r for r in caplog.records if r.name == "claimtrace.audit"]
    allowed_lines = BURST + LINES_PER_MINUTE * elapsed / 60 + 1
    assert len(refusals) <= allowed_lines, "refusal lines are rate-limited"
    assert all(len(r.getMessage()) < MAX_LOG_BYTES_PER_REFUSAL for r in refusals)
    assert not any(r.exc_info or r.levelno >= logging.WARNING for r in caplog.records)
    assert size < flood * MAX_LOG_BYTES_PER_REFUSAL
    scenario.measure(
        f"{len(ATTEMPTS) + flood} anonymous attempts: 0 queries, 0 audit events; for the "
        f"flood ({elapsed:.1f} s) {len(refusals)} refusal lines, the rest counted, "
        f"{size:,} bytes of log in all"
    )
    scenario.lost_nothing(
        f"graph fingerprint and audit trail ({events} events) unchanged; nothing reached the driver"
    )


async def test_refusal_lines_past_the_limit_are_counted(
    counted: tuple[httpx.AsyncClient, SessionCountingDriver], caplog: pytest.LogCaptureFixture
) -> None:
    client, _ = counted
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    send = ATTEMPTS["a valid mutation, no token"]
    total = BURST + 200
    for _ in range(total):
        await send(client)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "claimtrace.audit"]
    assert BURST <= len(lines) < total
    assert len(lines) + sum(line["linesLeftOut"] for line in lines) <= total
    assert all(line["code"] == "UNAUTHENTICATED" for line in lines)


def test_the_next_line_says_how_many_were_left_out(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    clock = [0.0]
    log = RefusalLog(clock=lambda: clock[0])
    for index in range(BURST + 25):
        log.refused(request_id=f"r{index}", actor=None, client="127.0.0.1",
                    operations=["addClaim"], code="UNAUTHENTICATED")  # fmt: skip
    clock[0] += 60 / LINES_PER_MINUTE
    log.refused(request_id="late", actor=None, client="127.0.0.1", operations=["x" * 10_000],
                code="UNAUTHENTICATED")  # fmt: skip
    lines = [json.loads(r.getMessage()) for r in caplog.records]
    assert len(lines) == BURST + 1
    assert lines[-1]["linesLeftOut"] == 25
    assert len(caplog.records[-1].getMessage()) < MAX_LOG_BYTES_PER_REFUSAL
