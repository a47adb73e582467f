"""The audit trail: one event per mutation, accepted or refused, and one log line;
request ids; no secret in any log record or response."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from neo4j import AsyncManagedTransaction

from claimtrace.core.audit import Attempt, AuditEvent, Result, record_alone
from claimtrace.core.cypher import QUERY_DIR
from claimtrace.core.database import Graph
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import Claim
from claimtrace.core.settings import Settings
from claimtrace.core.store.writes import write_audited
from claimtrace.core.writing import graph_counts
from tests.conftest import GraphState
from tests.support.gated import gated_factory
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    ADD_SOURCE,
    AUTH,
    LINK,
    NEW_ASSERTION,
    NEW_CLAIM,
    RETRACT,
    TOKEN,
    TOKEN_NAME,
    audit_events,
    count_nodes,
    gql,
    new_request_id,
    writer_client,
)

WRONG_TOKEN = "wrong-token-but-secret-9876543210"
NEW_SOURCE = {"id": "src-test-audit", "title": "A statement", "kind": "STATEMENT",
              "published": {"date": "2024-02-03", "precision": "DAY"},
              "publisherId": "org-us-defense-department", "text": "We will respond."}  # fmt: skip
ASSERTION_ON_SEED = NEW_ASSERTION | {"id": "asrt-test-audit", "claimId": "claim-efp-196-killed"}
TWO_CLAIMS = ["claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"]
CONFLICT = {"claimIds": TWO_CLAIMS, "kind": "NUMERIC", "note": "Test."}


@pytest.fixture
async def refused_seed_graph(
    seed_graph: Graph, settings: Settings, graph_state: GraphState
) -> AsyncIterator[Graph]:
    """The shared seed corpus, for tests whose mutations are all refused: they add
    audit events, which no read of the model sees, and nothing else. Should one
    write more, the next test that needs the seed reloads it."""
    before = await graph_counts(seed_graph)
    yield seed_graph
    if await graph_counts(seed_graph) != before:
        graph_state.holds_seed = False


@pytest.fixture
async def refused_writer(
    refused_seed_graph: Graph, settings: Settings
) -> AsyncIterator[httpx.AsyncClient]:
    async with writer_client(settings) as client:
        yield client


async def send(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> tuple[str, Any]:
    """Post with a fresh X-Request-ID; return it and the JSON answer. (The body is
    ASCII JSON, so that a lone surrogate travels as its escape, as a browser sends it.)"""
    request_id = new_request_id()
    response = await client.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}).encode("ascii"),
        headers=(AUTH if headers is None else headers)
        | {"x-request-id": request_id, "content-type": "application/json"},
    )
    assert response.headers["x-request-id"] == request_id
    return request_id, response.json()


def audit_lines(caplog: pytest.LogCaptureFixture, request_id: str) -> list[dict[str, Any]]:
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "claimtrace.audit"]
    return [line for line in lines if line["requestId"] == request_id]


def assert_one_event(
    events: list[dict[str, Any]], lines: list[dict[str, Any]], **expected: Any
) -> None:
    """Exactly one stored event and one log line, with the expected fields."""
    [event] = events
    [line] = lines
    assert uuid.UUID(event["id"]).version == 4
    at = event["at"].to_native()
    assert abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=5)
    stored = {key: event.get(key) for key in expected}
    assert stored == expected
    assert line == {**expected, "id": event["id"], "at": at.isoformat(), "stored": True}


ACCEPTED = [
    ("addSource", ADD_SOURCE, {"input": NEW_SOURCE}, ["src-test-audit"], "ALREADY_THERE"),
    ("addClaim", ADD_CLAIM, {"input": NEW_CLAIM}, ["claim-test-new"], "ALREADY_THERE"),
    ("addAssertion", ADD_ASSERTION, {"input": ASSERTION_ON_SEED}, ["asrt-test-audit"],
     "ALREADY_THERE"),
    ("linkConflict", LINK, {"input": CONFLICT}, TWO_CLAIMS, "ALREADY_THERE"),
    ("retractAssertion", RETRACT, {"id": "asrt-jpost-11"}, ["asrt-jpost-11"], "REFUSED"),
]  # fmt: skip


@pytest.mark.neo4j
@pytest.mark.parametrize(("operation", "query", "variables", "target", "again"), ACCEPTED)
async def test_an_accepted_mutation_leaves_one_event_and_one_line(
    writer: httpx.AsyncClient,
    writable_seed_graph: Graph,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    operation: str,
    query: str,
    variables: dict[str, Any],
    target: list[str],
    again: str,
) -> None:
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    common = {"actor": TOKEN_NAME, "operation": operation, "target": target}
    request_id, body = await send(writer, query, variables)
    assert "errors" not in body, body
    assert_one_event(
        await audit_events(writable_seed_graph, request_id),
        audit_lines(caplog, request_id),
        requestId=request_id, result="RETRACTED" if operation == "retractAssertion" else "CREATED",
        code=None, **common,
    )  # fmt: skip
    request_id, body = await send(writer, query, variables)
    assert_one_event(
        await audit_events(writable_seed_graph, request_id),
        audit_lines(caplog, request_id),
        requestId=request_id, result=again,
        code="BAD_USER_INPUT" if again == "REFUSED" else None, **common,
    )  # fmt: skip


# Refused mutations of a token holder. (Without a valid token nothing is stored: below.)
REFUSED = [
    ("malformed id", ADD_CLAIM, {"input": NEW_CLAIM | {"id": "Not An Id"}}, AUTH, TOKEN_NAME,
     "addClaim", ["Not An Id"], "BAD_USER_INPUT"),
    ("other content", ADD_CLAIM, {"input": {"id": "claim-efp-196-killed", "text": "Other."}},
     AUTH, TOKEN_NAME, "addClaim", ["claim-efp-196-killed"], "DUPLICATE"),
    ("unknown claim", ADD_ASSERTION, {"input": ASSERTION_ON_SEED | {"claimId": "claim-none"}},
     AUTH, TOKEN_NAME, "addAssertion", ["asrt-test-audit"], "NOT_FOUND"),
    ("bad kind", ADD_SOURCE, {"input": NEW_SOURCE | {"kind": "TWEET"}}, AUTH, TOKEN_NAME,
     "addSource", ["src-test-audit"], "BAD_USER_INPUT"),
    ("self link", LINK, {"input": CONFLICT | {"claimIds": [TWO_CLAIMS[0]] * 2}}, AUTH,
     TOKEN_NAME, "linkConflict", [TWO_CLAIMS[0]] * 2, "BAD_USER_INPUT"),
    ("unknown assertion", RETRACT, {"id": "asrt-none"}, AUTH, TOKEN_NAME, "retractAssertion",
     ["asrt-none"], "NOT_FOUND"),
    ("invalid variable", ADD_ASSERTION, {"input": ASSERTION_ON_SEED | {"stance": "MAYBE"}},
     AUTH, TOKEN_NAME, "addAssertion", [], "BAD_USER_INPUT"),
    ("lone surrogate", ADD_CLAIM, {"input": NEW_CLAIM | {"text": "x\ud800"}}, AUTH, TOKEN_NAME,
     "addClaim", [], "BAD_USER_INPUT"),
    ("id over its length", RETRACT, {"id": "a" * 201}, AUTH, TOKEN_NAME, "retractAssertion", [],
     "BAD_USER_INPUT"),
    ("bearer in lower case", RETRACT, {"id": "asrt-none"},
     {"authorization": f"bearer {TOKEN}"}, TOKEN_NAME, "retractAssertion", ["asrt-none"],
     "NOT_FOUND"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "query", "variables", "headers", "actor", "operation", "target", "code"),
    REFUSED,
    ids=[case[0] for case in REFUSED],
)
@pytest.mark.neo4j
async def test_a_refused_mutation_leaves_one_event_and_writes_nothing_else(
    refused_writer: httpx.AsyncClient,
    refused_seed_graph: Graph,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    case: str,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str],
    actor: str | None,
    operation: str,
    target: list[str],
    code: str,
) -> None:
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    before = await graph_counts(refused_seed_graph)
    request_id, body = await send(refused_writer, query, variables, headers)
    assert body.get("data") is None
    assert body["errors"], case
    assert_one_event(
        await audit_events(refused_seed_graph, request_id),
        audit_lines(caplog, request_id),
        requestId=request_id, actor=actor, operation=operation, target=target,
        result="REFUSED", code=code,
    )  # fmt: skip
    assert await graph_counts(refused_seed_graph) == before


ANONYMOUS = {
    "no token": {},
    "wrong token": {"authorization": f"Bearer {WRONG_TOKEN}"},
    "wrong token, scheme in lower case": {"authorization": f"bearer {WRONG_TOKEN}"},
    "a token in another scheme": {"authorization": f"Basic {TOKEN}"},
}


@pytest.mark.parametrize("headers", ANONYMOUS.values(), ids=ANONYMOUS.keys())
@pytest.mark.neo4j
async def test_a_mutation_without_a_valid_token_stores_nothing_and_logs_one_line(
    refused_writer: httpx.AsyncClient,
    refused_seed_graph: Graph,
    caplog: pytest.LogCaptureFixture,
    headers: dict[str, str],
) -> None:
    """Anonymous callers write nothing, not even an audit event: the refusal is one
    log line (the trail of refused writes is the log's, not the database's)."""
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    events_before = await count_audit_events(refused_seed_graph)
    request_id, body = await send(refused_writer, ADD_CLAIM, {"input": NEW_CLAIM}, headers)
    assert body["data"] is None
    assert [e["extensions"] for e in body["errors"]] == [{"code": "UNAUTHENTICATED"}]
    assert await audit_events(refused_seed_graph, request_id) == []
    assert await count_audit_events(refused_seed_graph) == events_before
    [line] = audit_lines(caplog, request_id)
    assert {key: line[key] for key in ("actor", "operations", "result", "code", "stored")} == {
        "actor": None, "operations": ["addClaim"], "result": "REFUSED",
        "code": "UNAUTHENTICATED", "stored": False,
    }  # fmt: skip


async def count_audit_events(graph: Graph) -> int:
    records, _, _ = await graph.driver.execute_query(
        "MATCH (e:AuditEvent) RETURN count(e) AS n", database_=graph.database
    )
    return int(records[0]["n"])


@pytest.mark.neo4j
async def test_long_values_are_stored_bounded_with_their_length_and_hash(
    refused_writer: httpx.AsyncClient, refused_seed_graph: Graph
) -> None:
    """A field name of 15,000 characters (refused by validation) is stored as a prefix,
    its length and its SHA-256; the answer quotes no more than a bounded prefix either."""
    name = "f" * 15_000
    request_id = new_request_id()
    response = await refused_writer.post(
        "/graphql",
        json={"query": f"mutation {{ {name} }}"},
        headers=AUTH | {"x-request-id": request_id},
    )
    assert len(response.content) < 2_000
    [error] = response.json()["errors"]
    assert error["message"].startswith("Cannot query field 'fff")
    [event] = await audit_events(refused_seed_graph, request_id)
    digest = hashlib.sha256(name.encode()).hexdigest()
    assert event["operation"] == f"{'f' * 64}... (15000 characters, sha256 {digest})"
    assert (event["result"], event["target"]) == ("REFUSED", [])


@pytest.mark.neo4j
async def test_a_mutation_over_get_is_audited_as_refused(
    refused_writer: httpx.AsyncClient, refused_seed_graph: Graph, settings: Settings
) -> None:
    request_id = new_request_id()
    response = await refused_writer.get(
        "/graphql",
        params={"query": 'mutation { retractAssertion(id: "asrt-jpost-11") { assertion { id } } }'},
        headers=AUTH | {"x-request-id": request_id},
    )
    assert response.status_code in {400, 405}
    [event] = await audit_events(refused_seed_graph, request_id)
    assert (event["operation"], event["result"], event["code"], event["target"]) == (
        "retractAssertion", "REFUSED", "METHOD_NOT_ALLOWED", []
    )  # fmt: skip


@pytest.mark.neo4j
async def test_an_event_commits_or_vanishes_with_its_write(
    empty_graph: Graph, settings: Settings
) -> None:
    batch = WriteBatch.of("addClaim", rows_of(Claim("claim-atomic", "Written with its event.")))
    attempt = Attempt("req-atomic", TOKEN_NAME, "addClaim", ("claim-atomic",))

    class LaterStepFailed(Exception):
        pass

    async def write_then_fail(tx: AsyncManagedTransaction) -> None:
        await write_audited(tx, batch, "Claim", attempt)
        raise LaterStepFailed

    async with empty_graph.session() as session:
        with pytest.raises(LaterStepFailed):
            await session.execute_write(write_then_fail)
        assert await count_nodes(empty_graph, "Claim", "claim-atomic") == 0
        assert await audit_events(empty_graph, "req-atomic") == []
        event = await session.execute_write(write_audited, batch, "Claim", attempt)
    assert await count_nodes(empty_graph, "Claim", "claim-atomic") == 1
    [stored] = await audit_events(empty_graph, "req-atomic")
    assert (stored["id"], stored["result"]) == (event.id, "CREATED")


@pytest.mark.neo4j
async def test_neo4j_away_is_still_one_audit_line(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="claimtrace.audit")
    nowhere = dataclasses.replace(settings, neo4j_uri="bolt://127.0.0.1:9")
    async with writer_client(nowhere) as client:
        request_id, body = await send(client, ADD_CLAIM, {"input": NEW_CLAIM})
    assert body["errors"][0]["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
    [line] = audit_lines(caplog, request_id)
    assert (line["result"], line["code"], line["stored"]) == (
        "REFUSED",
        "SERVICE_UNAVAILABLE",
        False,
    )
    assert (line["actor"], line["target"]) == (TOKEN_NAME, ["claim-test-new"])


@pytest.mark.neo4j
async def test_no_secret_reaches_a_log_record_or_a_response(
    writable_seed_graph: Graph, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []

    async def keep(response: httpx.Response) -> None:
        texts.append(f"{response.headers!r} {response.text}")

    wrong = {"authorization": f"Bearer {WRONG_TOKEN}"}
    async with writer_client(settings) as client:
        for query, variables, headers in [
            (ADD_CLAIM, {"input": NEW_CLAIM}, AUTH),
            (ADD_CLAIM, {"input": {"id": "claim-efp-196-killed", "text": "Other."}}, AUTH),
            (ADD_CLAIM, {"input": NEW_CLAIM}, wrong),
            (ADD_CLAIM, {"input": NEW_CLAIM}, {}),
            (ADD_ASSERTION, {"input": ASSERTION_ON_SEED | {"stance": "MAYBE"}}, AUTH),
            (RETRACT, {"id": "asrt-none"}, AUTH),
            ("mutation { nonsense }", {}, AUTH),
        ]:
            await keep(
                await client.post(
                    "/graphql", json={"query": query, "variables": variables}, headers=headers
                )
            )
        await keep(await client.get("/graphql", params={"query": "mutation { x }"}, headers=AUTH))
    nowhere = dataclasses.replace(settings, neo4j_uri="bolt://127.0.0.1:9")
    async with writer_client(nowhere) as client:
        await keep(await client.post("/graphql", json={"query": ADD_CLAIM,
                                                       "variables": {"input": NEW_CLAIM}},
                                     headers=AUTH))  # fmt: skip
    assert any(record.name.startswith("neo4j") for record in caplog.records), "driver logs seen"
    texts.append(caplog.text)
    texts.extend(repr(record.__dict__) for record in caplog.records)
    for secret in (TOKEN, WRONG_TOKEN, settings.neo4j_password):
        assert all(secret not in text for text in texts)


@pytest.mark.neo4j
async def test_a_well_formed_request_id_round_trips(
    refused_writer: httpx.AsyncClient, refused_seed_graph: Graph, settings: Settings
) -> None:
    supplied = "req-2024.06.01:abc_DEF-42"
    response = await refused_writer.post(
        "/graphql",
        json={"query": RETRACT, "variables": {"id": "asrt-none"}},
        headers=AUTH | {"X-Request-ID": supplied},
    )
    assert response.headers["x-request-id"] == supplied
    [event] = await audit_events(refused_seed_graph, supplied)
    assert (event["operation"], event["code"]) == ("retractAssertion", "NOT_FOUND")


@pytest.mark.parametrize(
    "supplied", ["has space", "x" * 129, "ünïcode", "-leading-dash", "a;b", "", None]
)
@pytest.mark.neo4j
async def test_a_malformed_or_missing_request_id_is_replaced(
    refused_writer: httpx.AsyncClient,
    refused_seed_graph: Graph,
    settings: Settings,
    supplied: str | None,
) -> None:
    headers = AUTH if supplied is None else AUTH | {"x-request-id": supplied}
    response = await refused_writer.post(
        "/graphql",
        json={"query": RETRACT, "variables": {"id": "asrt-none"}},
        headers={key.encode(): value.encode("utf-8") for key, value in headers.items()},
    )
    given = response.headers["x-request-id"]
    assert given != supplied
    assert uuid.UUID(given).version == 4
    [event] = await audit_events(refused_seed_graph, given)
    assert event["code"] == "NOT_FOUND"


@pytest.mark.neo4j
async def test_reads_carry_a_request_id_too(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert uuid.UUID(response.headers["x-request-id"]).version == 4


def test_no_query_changes_or_deletes_an_audit_event() -> None:
    touching = [
        p
        for p in QUERY_DIR.iterdir()
        if p.name.endswith(".cypher") and "AuditEvent" in p.read_text("utf-8")
    ]
    assert {p.name for p in touching} >= {"create_audit_event.cypher"}
    for path in touching:
        code = "\n".join(
            line for line in path.read_text("utf-8").splitlines() if not line.startswith("//")
        )
        assert not re.search(r"\b(SET|MERGE|DELETE|REMOVE|DETACH)\b", code, re.IGNORECASE), path


AUDIT_PAGE = """query ($after: String) { auditEvents(first: 2, after: $after) {
  edges { node { id requestId actor operation target at result code } }
  pageInfo { hasNextPage endCursor } } }"""


@pytest.mark.neo4j
async def test_the_audit_trail_reads_a_page_at_a_time_with_a_token_only(
    empty_graph: Graph, settings: Settings
) -> None:
    async with writer_client(settings) as client:
        sent = [(await send(client, RETRACT, {"id": f"asrt-none-{i}"}))[0] for i in range(3)]
        anonymous = await gql(client, AUDIT_PAGE, headers={"x": "none"})
        assert anonymous["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
        nodes: list[dict[str, Any]] = []
        after = None
        for _ in range(3):
            page = (await gql(client, AUDIT_PAGE, after=after))["data"]["auditEvents"]
            nodes.extend(edge["node"] for edge in page["edges"])
            after = page["pageInfo"]["endCursor"]
            if not page["pageInfo"]["hasNextPage"]:
                break
    assert [node["requestId"] for node in nodes] == sent
    assert nodes[0]["target"] == ["asrt-none-0"]
    assert {(n["actor"], n["operation"], n["result"], n["code"]) for n in nodes} == {
        (TOKEN_NAME, "retractAssertion", "REFUSED", "NOT_FOUND")
    }
    stored = await audit_events(empty_graph, sent[0])
    assert nodes[0]["id"] == stored[0]["id"]


@pytest.mark.neo4j
async def test_audit_event_ids_are_unique_in_the_database(graph: Graph, settings: Settings) -> None:
    records, _, _ = await graph.driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
        "WHERE labelsOrTypes = ['AuditEvent'] RETURN properties, type",
        database_=settings.neo4j_database,
    )
    assert [(r["properties"], r["type"]) for r in records] == [(["id"], "UNIQUENESS")]


@pytest.mark.neo4j
async def test_a_cursor_with_a_bad_date_is_a_typed_error(
    refused_writer: httpx.AsyncClient, refused_seed_graph: Graph
) -> None:
    for key in ["not-a-date", "2026-13-45T10:00:00Z", "2026-01-01T10:00:00Z') RETURN 1 //"]:
        cursor = base64.urlsafe_b64encode(json.dumps([key, "x"]).encode()).decode()
        body = await gql(refused_writer, AUDIT_PAGE, after=cursor)
        assert body["data"] is None
        assert [e["extensions"] for e in body["errors"]] == [
            {"code": "BAD_USER_INPUT", "field": "after"}
        ], key


@pytest.mark.neo4j
async def test_an_event_that_cannot_be_encoded_is_stored_escaped(graph: Graph) -> None:
    """A refusal's event is stored whatever strings it holds: one the driver cannot
    encode once made the refusal itself fail, with no event at all."""
    request_id = new_request_id()
    event = AuditEvent(request_id, TOKEN_NAME, "addClaim", ("x\ud800",), Result.REFUSED, "X")
    await record_alone(graph, event)
    [stored] = await audit_events(graph, request_id)
    assert stored["target"] == ["x\\ud800"]


@pytest.mark.neo4j
async def test_a_mutation_cancelled_in_flight_leaves_an_unknown_event(
    writable_seed_graph: Graph, settings: Settings
) -> None:
    """A resolver cancelled while it waits on the database (its request timed out, or
    its client left) still leaves its one event: the outcome is unknown."""
    made, factory = gated_factory()
    async with writer_client(settings, driver_factory=factory) as client:
        [driver] = made
        driver.hold_next(1)  # the mutation's check of the ids it names
        request_id = new_request_id()
        sending = asyncio.create_task(
            send_with_id(client, ADD_ASSERTION, {"input": ASSERTION_ON_SEED}, request_id)
        )
        await asyncio.wait_for(driver.all_held.wait(), timeout=10)
        sending.cancel()
        with pytest.raises(asyncio.CancelledError):
            await sending
        driver.release()
    [event] = await audit_events(writable_seed_graph, request_id)
    assert (event["operation"], event["result"], event["code"], event["target"]) == (
        "addAssertion", "UNKNOWN", "CANCELLED", ["asrt-test-audit"]
    )  # fmt: skip
    assert await count_nodes(writable_seed_graph, "Assertion", "asrt-test-audit") == 0


async def send_with_id(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], request_id: str
) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers=AUTH | {"x-request-id": request_id},
    )
