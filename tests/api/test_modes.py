"""Development keeps GraphiQL, introspection, suggestions and GET queries; production
turns them off (GET queries can be turned back on). Every answer carries the browser
protections, and GraphiQL keeps no header (no bearer token) in the browser."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph
from claimtrace.core.settings import Mode, Settings
from tests.conftest import SEED_DATA
from tests.support.asgi import serve
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j

INTROSPECTION = "{ __schema { queryType { name } } }"
TYPO = '{ claim(id: "claim-efp-196-killed") { txt } }'
HTML = {"accept": "text/html"}

TOPICS = len(records_in_files(SEED_DATA)["topics"])


@pytest.fixture
async def production(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(create_app(dataclasses.replace(settings, mode=Mode.PRODUCTION))) as client:
        yield client


async def test_development_keeps_its_conveniences(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    introspected = (await client.post("/graphql", json={"query": INTROSPECTION})).json()
    assert introspected["data"]["__schema"]["queryType"]["name"] == "Query"
    [typo] = (await client.post("/graphql", json={"query": TYPO})).json()["errors"]
    assert "Did you mean 'text'?" in typo["message"]
    assert (await client.get("/graphql", headers=HTML)).status_code == 200
    get = await client.get("/graphql", params={"query": "{ topics { id } }"})
    assert len(get.json()["data"]["topics"]) == TOPICS


async def test_production_turns_off_introspection_suggestions_graphiql_and_get(
    seed_graph: Graph, production: httpx.AsyncClient
) -> None:
    introspected = (await production.post("/graphql", json={"query": INTROSPECTION})).json()
    assert introspected["data"] is None
    assert "introspection has been disabled" in introspected["errors"][0]["message"]
    typename = (await production.post("/graphql", json={"query": "{ __typename }"})).json()
    assert typename == {"data": {"__typename": "Query"}}
    [typo] = (await production.post("/graphql", json={"query": TYPO})).json()["errors"]
    assert typo["message"] == "Cannot query field 'txt' on type 'Claim'."
    assert (await production.get("/graphql", headers=HTML)).status_code == 404
    get = await production.get("/graphql", params={"query": "{ topics { id } }"})
    assert get.status_code == 400
    assert "queries are not allowed when using GET" in get.text
    posted = await production.post("/graphql", json={"query": "{ topics { id } }"})
    assert len(posted.json()["data"]["topics"]) == TOPICS


async def test_production_may_answer_get_queries_when_told_to(
    seed_graph: Graph, settings: Settings
) -> None:
    allowed = dataclasses.replace(settings, mode=Mode.PRODUCTION, get_queries=True)
    async with serve(create_app(allowed)) as client:
        get = await client.get("/graphql", params={"query": "{ topics { id } }"})
    assert len(get.json()["data"]["topics"]) == TOPICS


async def test_every_answer_carries_the_browser_protections(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    answers = [
        await client.post("/graphql", json={"query": "{ topics { id } }"}),
        await client.post("/graphql", json={"query": "{ topics { id }"}),
        await client.get("/healthz"),
        await client.get("/nowhere"),
        await client.put("/graphql"),
    ]
    for answer in answers:
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-request-id"]


async def test_graphiql_keeps_no_headers_and_runs_only_its_own_script(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/graphql", headers=HTML)
    assert page.headers["content-type"].startswith("text/html")
    assert "shouldPersistHeaders: false" in page.text
    assert "shouldPersistHeaders: true" not in page.text
    policy = page.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["connect-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    inline = re.findall(r"<script>(.*?)</script>", page.text, re.DOTALL)
    assert inline, "the page has its inline script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives["script-src"]
    external = re.findall(r'<script[^>]*src="([^"]+)"', page.text)
    assert external
    assert all(src.startswith("https://unpkg.com/") for src in external)
    assert page.headers["x-frame-options"] == "DENY"
