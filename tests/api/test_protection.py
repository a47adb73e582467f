"""Refusals come before any database work; errors reveal nothing internal.

One table of malformed, oversized and costly requests: each must be refused with a
clear error, and the driver must not have been asked for a single query or session.
With a writer token, a refused mutation leaves its audit event; without one, not
even that reaches the driver.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.api.protection import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.hostile import (
    SessionCountingDriver,
    error_codes,
    leaks,
    session_counting_factory,
)
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
DEEP_MUTATION = MUTATION.replace("{ id }", "{ id source { " + DEEP_CHAIN + " } }")
ALIASED_MUTATION = (
    "mutation { "
    + " ".join(
        f'a{i}: retractAssertion(id: "x") {{ assertion {{ id }} }}' for i in range(MAX_ALIASES + 1)
    )
    + " }"
)
REPEATED_MUTATION = "mutation { " + "x " * MAX_TOKENS + "}"
BY_NAME = "query ($name: String) { people(filter: {nameContains: $name}) { edges { cursor } } }"

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]
# No answer to a refused request is larger, however large the request.
MAX_ANSWER = 2_000


@dataclass(frozen=True)
class Refusal:
    name: str
    send: Send
    status: int
    says: str  # a part of the error a client sees
    code: str | None = None  # its extensions.code, where it must have one


# The sends carry no token: the client does, when the test gives it one.
def post(**kwargs: Any) -> Send:
    return lambda client: client.post("/graphql", **kwargs)


def post_raw(content: bytes, content_type: str | None = "application/json") -> Send:
    return post(content=content, headers={"content-type": content_type} if content_type else {})


def post_query(query: str, **extra: Any) -> Send:
    return post(json={"query": query} | extra)


def post_ascii(query: str, variables: dict[str, Any]) -> Send:
    """JSON with every non-ASCII character escaped: how a lone surrogate travels."""
    body = json.dumps({"query": query, "variables": variables}).encode("ascii")
    return post_raw(body)


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
            lambda client: client.post("/graphql", content=_chunks(MAX_BODY), headers=JSON),
            413, "larger than"),
    Refusal("batched JSON array", post(json=[{"query": "{ topics { id } }"}] * 2),
            400, "Batching is not enabled"),
    Refusal("mutation over GET",
            lambda client: client.get("/graphql", params={"query": MUTATION}),
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
    Refusal("deep query", post_query(DEEP), 200, "exceeds maximum operation depth",
            "QUERY_LIMIT_EXCEEDED"),
    Refusal("alias flood", post_query(ALIASES), 200, "aliases", "QUERY_LIMIT_EXCEEDED"),
    Refusal("token flood", post_query(TOKENS), 200, f"more than {MAX_TOKENS} tokens",
            "QUERY_LIMIT_EXCEEDED"),
    Refusal("mutation deep", post_query(DEEP_MUTATION), 200, "exceeds maximum operation depth",
            "QUERY_LIMIT_EXCEEDED"),
    Refusal("mutation with too many aliases", post_query(ALIASED_MUTATION), 200, "aliases",
            "QUERY_LIMIT_EXCEEDED"),
    Refusal("mutation of repeated fields past the token limit", post_query(REPEATED_MUTATION),
            200, f"more than {MAX_TOKENS} tokens", "QUERY_LIMIT_EXCEEDED"),
    Refusal("field name of 900,000 characters", post_query("mutation { " + "f" * 900_000 + " }"),
            200, "Cannot query field 'fff"),
    Refusal("syntax error quoting 900,000 characters",
            post_query("{ topics { id } } " + "f" * 900_000), 200, "Syntax Error: Unexpected"),
    Refusal("lone surrogate in a variable",
            post_ascii(BY_NAME, {"name": "x\ud800"}), 200, "lone surrogate", "BAD_USER_INPUT"),
    Refusal("syntax error", post_query("{ topics { id }"), 200, "Syntax Error"),
    Refusal("two anonymous operations", post_query("{ topics { id } } { topics { name } }"),
            200, "must be the only defined operation"),
    Refusal("unknown field", post_query('{ claim(id: "x") { nonsense } }'),
            200, "Cannot query field 'nonsense' on type 'Claim'."),
    Refusal("subscription of a field it has not", post_query("subscription { topics { id } }"),
            200, "Cannot query field 'topics' on type 'Subscription'."),
    # Subscriptions are served over WebSocket only (tests/api/test_subscriptions.py).
    Refusal("subscription over HTTP",
            post_query('subscription { assertionAdded(claimId: "claim-efp-196-killed") { id } }'),
            200, "Subscriptions are served over WebSocket", "METHOD_NOT_ALLOWED"),
    Refusal("variable of the wrong type",
            post_query("query ($id: ID!) { claim(id: $id) { id } }", variables={"id": {"a": 1}}),
            200, "Variable '$id' has invalid value"),
]  # fmt: skip
# Sent without a token: a valid mutation, refused as such.
ANONYMOUS_REFUSALS = [
    Refusal("mutation without a token", post_query(MUTATION), 200, "A bearer token is required",
            "UNAUTHENTICATED"),
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
        driver.clear()  # start-up (migrations) is not a request
        yield client, driver


def _messages(response: httpx.Response) -> list[str]:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return [response.text]
    body = response.json()
    return [str(error.get("message")) for error in body.get("errors") or []]


def _codes(response: httpx.Response) -> list[str | None]:
    if not response.headers.get("content-type", "").startswith("application/json"):
        return []
    return error_codes(response.json())


async def _refused_wrongly(
    refusal: Refusal, client: httpx.AsyncClient, driver: SessionCountingDriver
) -> list[str]:
    driver.clear()
    response = await refusal.send(client)
    wrong = []
    if response.status_code != refusal.status:
        wrong.append(f"status {response.status_code}, not {refusal.status}")
    if not any(refusal.says in message for message in _messages(response)):
        wrong.append(f"says {_messages(response)!r:.300}, not {refusal.says!r}")
    if refusal.code is not None and refusal.code not in _codes(response):
        wrong.append(f"codes {_codes(response)}, not {refusal.code}")
    if refusal.status == 200 and response.json().get("data") is not None:
        wrong.append(f"answered data {response.json()['data']!r}")
    if len(response.content) > MAX_ANSWER:  # (then not searched for leaks: too slow)
        wrong.append(f"answered {len(response.content)} bytes")
    elif found := leaks(response.text, _sent(response.request)):
        wrong.append(f"reveals {', '.join(found)}")
    if "x-request-id" not in response.headers:
        wrong.append("answered without a request id")
    if driver.sent:
        wrong.append(f"sent {len(driver.sent)} database request(s) first")
    if "authorization" not in client.headers and driver.audited:
        wrong.append(f"stored {len(driver.audited)} audit event(s) of an anonymous caller")
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
        "JSON shapes, methods, operation names, depth, aliases, tokens, huge names, lone "
        f"surrogates), with a writer token and then without, and {len(ANONYMOUS_REFUSALS)} "
        "valid mutation without a token"
    )
    client.headers.update(AUTH)
    wrong = [
        problem for refusal in table for problem in await _refused_wrongly(refusal, client, driver)
    ]
    del client.headers["authorization"]
    wrong += [
        f"without a token, {problem}"
        for refusal in table + ANONYMOUS_REFUSALS
        for problem in await _refused_wrongly(refusal, client, driver)
    ]
    assert not wrong, "\n".join(wrong)
    # A well-formed request through the same app does reach the database: the counter counts.
    await post_query("{ topics { id } }")(client)
    assert driver.sent, "the counting driver saw nothing for a valid query"
    scenario.measure(
        f"{len(HTTP_REFUSALS)} refused with 4xx, {len(GRAPHQL_REFUSALS)} with errors, "
        f"each twice; answers at most {MAX_ANSWER:,} bytes"
    )
    scenario.lost_nothing(
        "no query reached the driver for any refused request; without a token, not even "
        "an audit event"
    )


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
