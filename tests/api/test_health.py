"""/healthz and /readyz against the real test Neo4j, and against none."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.api.health import readiness
from claimtrace.core.database import Graph
from claimtrace.core.migrations import apply_migrations, read_migrations
from claimtrace.core.settings import Settings
from tests.support.asgi import serve

pytestmark = pytest.mark.neo4j


async def test_healthz_answers_without_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_green_with_neo4j_up(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "migration": len(read_migrations())}


async def test_readyz_is_503_with_a_reason_when_neo4j_is_down(settings: Settings) -> None:
    nowhere = dataclasses.replace(settings, neo4j_uri="bolt://127.0.0.1:9")
    async with serve(create_app(nowhere)) as client:
        response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "Neo4j is not reachable"}
    assert "127.0.0.1" not in response.text


async def test_readyz_names_the_applied_version_and_what_is_pending(graph: Graph) -> None:
    latest = read_migrations()[-1]
    await graph.write("MATCH (m:Migration {version: $version}) DELETE m", version=latest.version)
    try:
        applied, reason = await readiness(graph)
    finally:
        await apply_migrations(graph)
    assert applied is not None
    assert max(applied) == latest.version - 1
    assert reason == f"schema migrations not applied: {latest.version:04d}_{latest.name}"
    assert (await readiness(graph))[1] is None
