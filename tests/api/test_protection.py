"""Refusals come before any database work; errors reveal nothing internal.

One table of malformed, oversized and costly requests: each must be refused with a
clear error, and the driver must not have been asked for a single query or session.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.api.protection import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.hostile import SessionCountingDriver, leaks, session_counting_factory
from tests.support.scenarios import Scenario

pytestmark = pytest.mark.neo4j

TOKEN = "protection-writer-token-0123"
AUTH = {"authorization": f"Bearer {TOKEN}"}
JSON = {"content-type": "application/json"}
MAX_BODY = Settings(neo4j_uri="bolt://x", neo4j_user="x", neo4j_password="x").max_body_bytes
MUTATION = 'mutation { retractAssertion(id: "asrt-jpost-11") { assertion { id } } }'
DEEP_CHAIN = "republishes { " * MAX_DEPTH + "id" + " }" * MAX_DEPTH
DEEP = f'{{ provenance(claimId: "x") {{ assertions {{ source {{ {DEEP_CHAIN} }} }} }} }}'
ALIASES = "{ " + " ".join(f'a{i}: claim(id: "x") {{ id }}' for i in range(MAX_ALIASES + 1)) + " }"
TOKENS = "{ topics { " + "id " * MAX_TOKENS + "} }"

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class Refusal:
    name: str
    send: Send
    status: int
    says: str  # a part of the error a client sees


def post(**kwargs: Any) -> Send:
    return lambda client: client.post("/graphql", **{"headers": AUTH} | kwargs)


def post_raw(content: bytes, content_type: str | None = "application/json") -> Send:
    headers = AUTH | ({"content-type": content_type} if content_type else {})
    return post(content=content, headers=headers)


def post_query(query: str, **extra: Any) -> Send:
    return post(json={"query": query} | extra)


async def _chunks(total: int) -> AsyncIterator[bytes]:
    yield b'{"query": "{ topics { id } }", "padding": "'
    for _ in range(total // 65_536 + 1):
        yield b"x" * 65_536
    yield b'"}'


HTTP_REFUSALS = [
    Refusal("oversized body, length declared",
            post(json={"query": "{ topics { id } }", "padding": "x" * MAX_BODY}),
            413, "larger than"),
    Refusal("oversized body, streamed without a length",
            post(content=_chunks(MAX_BODY), headers=AUTH | JSON), 413, "larger than"),
    Refusal("batched JSON array", post(json=[{"query": "{ topics { id } }"}] * 2),
            400, "Batching is not enabled"),
    Refusal("mutation over GET",
            lambda client: client.get("/graphql", params={"query": MUTATION}, headers=AUTH),
            400, "mutations are not allowed when using GET"),
    Refusal("text/plain body", post_raw(b'{"query": "{ topics { id } }"}', "text/plain"),
            400, "Unsupported content type"),
    Refusal("form body", post_raw(b"query=%7B+topics+%7B+id+%7D+%7D",
                                  "application/x-www-form-urlencoded"),
            400, "Unsupported content type"),
    Refusal("multipart body", post(files={"query": ("q", b"{ topics { id } }")}),
            400, "Unsupported content type"),
    Refusal("no content type", post_raw(b'{"query": "{ topics { id } }"}', None),
            400, "Unsupported content type"),
    Refusal("malformed JSON", post_raw(b'{"query": "{ topics { id } }"'),
            400, "Unable to parse request body as JSON"),
    Refusal("empty body", post_raw(b""), 400, "Unable to parse request body as JSON"),
    Refusal("body not UTF-8", post_raw(b'{"query": "\xff\xfe"}'),
            400, "Unable to parse request body as JSON"),
    Refusal("JSON nested past the decoder's depth", post_raw(b"[" * 50_000 + b"]" * 50_000),
            400, "nested too deeply"),
    Refusal("JSON string", post_raw(b'"{ topics { id } }"'), 400, "Expected a JSON object"),
    Refusal("JSON number", post_raw(b"42"), 400, "Expected a JSON object"),
    Refusal("JSON null", post_raw(b"null"), 400, "Expected a JSON object"),
    Refusal("JSON boolean", post_raw(b"true"), 400, "Expected a JSON object"),
    Refusal("no query", post(json={"variables": {}}), 400, "No GraphQL query found"),
    Refusal("query not a string", post(json={"query": ["{ topics { id } }"]}),
            400, "`query` must be a string"),
    Refusal("variables not an object", post_query("{ topics { id } }", variables=[1]),
            400, "`variables` must be an object"),
    Refusal("GET variables not JSON",
            lambda client: client.get(
                "/graphql", params={"query": "{ topics { id } }", "variables": "{x"}
            ), 400, "Unable to parse"),
    Refusal("unknown operationName", post_query("query A { topics { id } }", operationName="B"),
            400, 'Unknown operation named "B"'),
    Refusal("operationName not a string",
            post_query("query A { topics { id } }", operationName={"A": 1}),
            400, "Unknown operation named"),
    Refusal("PUT", lambda client: client.put("/graphql", json={"query": "{ topics { id } }"}),
            405, "Method Not Allowed"),
]  # fmt: skip

# Refused by parsing, validation or permission: a GraphQL answer with data null.
GRAPHQL_REFUSALS = [
    Refusal("deep query", post_query(DEEP), 200, "exceeds maximum operation depth"),
    Refusal("alias flood", post_query(ALIASES), 200, "aliases"),
    Refusal("token flood", post_query(TOKENS), 200, f"more than {MAX_TOKENS} tokens"),
    Refusal("syntax error", post_query("{ topics { id }"), 200, "Syntax Error"),
    Refusal("two anonymous operations", post_query("{ topics { id } } { topics { name } }"),
            200, "must be the only defined operation"),
    Refusal("unknown field", post_query('{ claim(id: "x") { nonsense } }'),
            200, "Cannot query field 'nonsense' on type 'Claim'."),
    Refusal("subscription", post_query("subscription { topics { id } }"),
            200, "subscription operation is not supported"),
    Refusal("variable of the wrong type",
            post_query("query ($id: ID!) { claim(id: $id) { id } }", variables={"id": {"a": 1}}),
            200, "Variable '$id' has invalid value"),
    Refusal("mutation without a token",
            post(json={"query": MUTATION}, headers=JSON), 200, "A bearer token is required"),
]  # fmt: skip


@pytest.fixture
async def counted(
    settings: Settings,
) -> AsyncIterator[tuple[httpx.AsyncClient, SessionCountingDriver]]:
    """The app, with a writer token, over a driver that notes every query and session."""
    made, factory = session_counting_factory()
    with_token = dataclasses.replace(settings, api_tokens=(("tests", TOKEN),))
    async with serve(create_app(with_token, driver_factory=factory)) as client:
        [driver] = made
        driver.sent.clear()  # start-up (migrations) is not a request
        yield client, driver


def _messages(response: httpx.Response) -> list[str]:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return [response.text]
    body = response.json()
    return [str(error.get("message")) for error in body.get("errors") or []]


async def _refused_wrongly(
    refusal: Refusal, client: httpx.AsyncClient, driver: SessionCountingDriver
) -> list[str]:
    driver.sent.clear()
    response = await refusal.send(client)
    wrong = []
    if response.status_code != refusal.status:
        wrong.append(f"status {response.status_code}, not {refusal.status}")
    if not any(refusal.says in message for message in _messages(response)):
        wrong.append(f"says {_messages(response)!r}, not {refusal.says!r}")
    if refusal.status == 200 and response.json().get("data") is not None:
        wrong.append(f"answered data {response.json()['data']!r}")
    if driver.sent:
        wrong.append(f"sent {len(driver.sent)} database request(s) first")
    if found := leaks(response.text, _sent(response.request)):
        wrong.append(f"reveals {', '.join(found)}")
    return [f"{refusal.name}: {problem}" for problem in wrong]


def _sent(request: httpx.Request) -> str:
    try:
        body = request.content.decode("utf-8", errors="replace")
    except httpx.RequestNotRead:  # a streamed body
        body = ""
    return f"{request.url} {body}"


@pytest.mark.reliability("malformed and oversized requests")
async def test_every_malformed_or_costly_request_is_refused_before_any_database_work(
    counted: tuple[httpx.AsyncClient, SessionCountingDriver], scenario: Scenario
) -> None:
    client, driver = counted
    table = HTTP_REFUSALS + GRAPHQL_REFUSALS
    scenario.did(
        f"{len(table)} malformed, oversized or costly requests (bodies, content types, "
        "JSON shapes, methods, operation names, depth, aliases, tokens), with a writer token"
    )
    wrong = [
        problem for refusal in table for problem in await _refused_wrongly(refusal, client, driver)
    ]
    assert not wrong, "\n".join(wrong)
    # A well-formed request through the same app does reach the database: the counter counts.
    await post_query("{ topics { id } }")(client)
    assert driver.sent, "the counting driver saw nothing for a valid query"
    scenario.measure(f"{len(HTTP_REFUSALS)} refused with 4xx, {len(GRAPHQL_REFUSALS)} with errors")
    scenario.lost_nothing("no query but the audit event reached the driver for any refused request")


async def test_neo4j_away_is_service_unavailable_without_internals(settings: Settings) -> None:
    nowhere = dataclasses.replace(settings, neo4j_uri="bolt://127.0.0.1:9")
    async with serve(create_app(nowhere)) as client:
        response = await client.post("/graphql", json={"query": "{ topics { id } }"})
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["message"] == "The database is unavailable; try again shortly."
    assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
    assert "127.0.0.1" not in response.text
    assert "bolt" not in response.text.lower()
    assert "Traceback" not in response.text
