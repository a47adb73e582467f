"""Limits refuse costly documents before any database work; errors reveal nothing internal."""

from __future__ import annotations

import dataclasses

import httpx

from api.app import create_app
from api.protection import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from api.settings import Settings
from tests.support.asgi import serve


async def post(client: httpx.AsyncClient, query: str) -> dict[str, object]:
    response = await client.post("/graphql", json={"query": query})
    body: dict[str, object] = response.json()
    return body


def messages(body: dict[str, object]) -> list[str]:
    errors = body.get("errors")
    assert isinstance(errors, list)
    return [str(error["message"]) for error in errors]


async def test_deep_nesting_within_the_schema_is_limited(client: httpx.AsyncClient) -> None:
    # source.republishes nests without end: the depth limiter must stop it.
    chain = "republishes { " * MAX_DEPTH + "id" + " }" * MAX_DEPTH
    query = f'{{ provenance(claimId: "x") {{ assertions {{ source {{ {chain} }} }} }} }}'
    body = await post(client, query)
    assert any("exceeds maximum operation depth" in m for m in messages(body))


async def test_alias_flood_is_refused(client: httpx.AsyncClient) -> None:
    aliases = " ".join(f'a{i}: claim(id: "x") {{ id }}' for i in range(MAX_ALIASES + 1))
    body = await post(client, f"{{ {aliases} }}")
    assert body.get("data") is None
    assert any("aliases" in m for m in messages(body))


async def test_token_flood_is_refused(client: httpx.AsyncClient) -> None:
    body = await post(client, "{ topics { " + "id " * MAX_TOKENS + "} }")
    assert body.get("data") is None
    assert any("token" in m.lower() for m in messages(body))


async def test_validation_messages_stay_readable(client: httpx.AsyncClient) -> None:
    body = await post(client, '{ claim(id: "x") { nonsense } }')
    assert messages(body) == ["Cannot query field 'nonsense' on type 'Claim'."]


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
