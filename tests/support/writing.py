"""Writing through the API in tests: a token, the mutations, and reading the audit trail."""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.settings import Settings
from tests.support.asgi import serve

TOKEN_NAME = "desk"
TOKEN = "test-writer-token-0123456789"
AUTH = {"authorization": f"Bearer {TOKEN}"}
JPOST = "src-jpost-2021-iran-declared-war"
EFP_QUOTE = "Reports say that the EFPs killed at least 196 US troops."

ADD_CLAIM = """mutation ($input: AddClaimInput!) {
  addClaim(input: $input) { created claim { id text quantity { value qualifier } } } }"""
ADD_ASSERTION = """mutation ($input: AddAssertionInput!) {
  addAssertion(input: $input) {
    created assertion { id stance quote speaker { name } claimId } } }"""
LINK = """mutation ($input: LinkConflictInput!) {
  linkConflict(input: $input) { created conflict { kind note otherClaim { id } } } }"""
RETRACT = """mutation ($id: ID!) { retractAssertion(id: $id, reason: "test") {
  assertion { id retractedAt } } }"""
ADD_SOURCE = """mutation ($input: AddSourceInput!) {
  addSource(input: $input) { created source { id title publisher { name } authors { name } } } }"""

NEW_CLAIM = {"id": "claim-test-new", "text": "A new claim.", "topicIds": ["topic-us-response"],
             "quantity": {"value": 3, "unit": "soldiers", "qualifier": "EXACTLY"}}  # fmt: skip
NEW_ASSERTION = {"id": "asrt-test-new", "claimId": "claim-test-new",
                 "speakerId": "person-seth-frantzman", "sourceId": JPOST,
                 "stance": "SUPPORTS", "mode": "AUTHORIAL", "quote": EFP_QUOTE,
                 "start": 1902, "end": 1958}  # fmt: skip


def with_token(settings: Settings) -> Settings:
    return dataclasses.replace(settings, api_tokens=((TOKEN_NAME, TOKEN),), max_body_bytes=20_000)


@contextlib.asynccontextmanager
async def writer_client(
    settings: Settings, driver_factory: Callable[[Settings], Any] = open_driver
) -> AsyncIterator[httpx.AsyncClient]:
    """The app with one writing token, served in-process."""
    app = create_app(with_token(settings), driver_factory=driver_factory)
    async with serve(app) as client:
        yield client


def new_request_id() -> str:
    return f"test-{uuid.uuid4()}"


async def gql(
    client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None, **variables: Any
) -> Any:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers or AUTH
    )
    return response.json()


def error_of(body: Any) -> dict[str, Any]:
    [error] = body["errors"]
    assert isinstance(error, dict)
    return error


async def audit_events(graph: Graph, request_id: str) -> list[dict[str, Any]]:
    """The audit events of one request, oldest first."""
    records, _, _ = await graph.driver.execute_query(
        "MATCH (e:AuditEvent {requestId: $requestId}) RETURN e ORDER BY e.at, e.id",
        requestId=request_id,
        database_=graph.database,
    )
    return [dict(record["e"]) for record in records]


async def count_nodes(graph: Graph, label: str, node_id: str) -> int:
    records, _, _ = await graph.driver.execute_query(
        "MATCH (n {id: $id}) WHERE $label IN labels(n) RETURN count(n) AS n",
        id=node_id,
        label=label,
        database_=graph.database,
    )
    return int(records[0]["n"])
