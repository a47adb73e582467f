"""/metrics after known traffic: every count moved by exactly what was sent.

The registry is the process's, shared by every app a test session builds, so each
test compares two scrapes, before and after its own traffic.
"""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from claimtrace.api.app import create_app
from claimtrace.core.settings import Mode, Settings
from tests.support.asgi import serve
from tests.support.costly import THIRTY_ONE

pytestmark = pytest.mark.neo4j

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]

PROVENANCE = """query Provenance($id: ID!) {
  provenance(claimId: $id) { claim { text } assertions { speaker { name } } } }"""
CLAIM = "query OneClaim($id: ID!) { claim(id: $id) { text } }"
EFP = "claim-efp-196-killed"
METRICS_TOKEN = "metrics-token-of-the-test"


async def scrape(client: httpx.AsyncClient, **headers: str) -> Samples:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    key = (name, frozenset(labels.items()))
    return after.get(key, 0.0) - before.get(key, 0.0)


async def test_counts_follow_the_traffic(seed_graph: object, settings: Settings) -> None:
    async with serve(create_app(settings)) as client:
        before = await scrape(client)
        for _ in range(3):
            body = {"query": PROVENANCE, "variables": {"id": EFP}}
            assert "errors" not in (await client.post("/graphql", json=body)).json()
        missing = {"query": CLAIM, "variables": {"id": "claim-none"}}
        await client.post("/graphql", json=missing)
        costly = {"query": THIRTY_ONE, "variables": {"ids": ["person-a", "person-b"]}}
        answer = (await client.post("/graphql", json=costly)).json()
        assert answer["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        await client.post("/graphql", json={"query": "{ nope }"})
        oversized = b'{"query": "' + b" " * (settings.max_body_bytes + 1) + b'"}'
        assert (await client.post("/graphql", content=oversized)).status_code == 413
        after = await scrape(client)

    requests = "claimtrace_graphql_requests_total"
    assert moved(before, after, requests, operation="Provenance", outcome="ok") == 3
    assert moved(before, after, requests, operation="OneClaim", outcome="ok") == 1
    assert moved(before, after, requests, operation="(anonymous)", outcome="QUERY_TOO_COSTLY") == 1
    assert moved(before, after, requests, operation="(anonymous)", outcome="INVALID_DOCUMENT") == 1
    latency = "claimtrace_graphql_request_seconds_count"
    assert moved(before, after, latency, operation="Provenance", outcome="ok") == 3
    assert moved(before, after, "claimtrace_refusals_total", limit="cost") == 1
    assert moved(before, after, "claimtrace_refusals_total", limit="body_size") == 1
    assert moved(before, after, "claimtrace_refusals_total", limit="concurrency") == 0
    # One round trip per provenance; the missing claim is one claims_by_id (a DataLoader).
    cypher = "claimtrace_cypher_seconds_count"
    assert moved(before, after, cypher, query="claim_provenance", outcome="ok") == 3
    assert moved(before, after, cypher, query="claims_by_id", outcome="ok") == 1
    assert after[("claimtrace_neo4j_connections_in_use", frozenset())] == 0
    assert after[("claimtrace_neo4j_connection_pool_max", frozenset())] > 0
    build = [key for key in after if key[0] == "claimtrace_build_info"]
    assert ("version", "0.2.0") in build[0][1]


async def test_operation_names_are_bounded(seed_graph: object, settings: Settings) -> None:
    """A client inventing names cannot grow the series: past the bound they share one."""
    async with serve(create_app(settings)) as client:
        for i in range(105):
            await client.post("/graphql", json={"query": f"query N{i} {{ __typename }}"})
        after = await scrape(client)
    names = {
        dict(labels)["operation"]
        for name, labels in after
        if name == "claimtrace_graphql_requests_total"
    }
    assert "(other)" in names
    assert len(names - {"(other)", "(anonymous)"}) <= 100


async def test_production_serves_metrics_only_with_its_token(settings: Settings) -> None:
    production = dataclasses.replace(settings, mode=Mode.PRODUCTION)
    async with serve(create_app(production)) as client:
        assert (await client.get("/metrics")).status_code == 404
    protected = dataclasses.replace(production, metrics_token=METRICS_TOKEN)
    async with serve(create_app(protected)) as client:
        refused = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"authorization": "Bearer not-the-token"})
        samples = await scrape(client, authorization=f"Bearer {METRICS_TOKEN}")
    assert refused.status_code == wrong.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert METRICS_TOKEN not in refused.text + wrong.text
    assert any(name == "claimtrace_graphql_requests_total" for name, _ in samples)
