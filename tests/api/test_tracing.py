"""A served API (uvicorn, settings from the environment) with OTEL_TRACES_EXPORTER=console:
one request's spans (HTTP, GraphQL, Cypher) share its trace and carry its request id,
and never a parameter's value; every line the process writes is one JSON object."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrace.core.settings import Settings
from tests.support.uvicorn_process import running_api

pytestmark = pytest.mark.neo4j

EFP = "claim-efp-196-killed"
PROVENANCE = """query Provenance($id: ID!) {
  provenance(claimId: $id) { claim { text } assertions { speaker { name } } } }"""
REQUEST_ID = "trace-me-0001"
TRACING = {"OTEL_TRACES_EXPORTER": "console", "OTEL_BSP_SCHEDULE_DELAY": "50"}


def json_objects(text: str) -> list[dict[str, Any]]:
    """The JSON objects of the output, one after the other (spans span several lines)."""
    decoder, objects, at = json.JSONDecoder(), [], 0
    while (at := text.find("{", at)) != -1:
        value, at = decoder.raw_decode(text, at)
        objects.append(value)
    return objects


async def post_traced(base_url: str) -> httpx.Response:
    # The first request plans the query cold: slow on a busy machine.
    async with httpx.AsyncClient(base_url=base_url, timeout=60.0) as client:
        return await client.post(
            "/graphql",
            json={"query": PROVENANCE, "variables": {"id": EFP}},
            headers={"x-request-id": REQUEST_ID},
        )


@pytest.fixture
async def served_output(seed_graph: object, settings: Settings, tmp_path: Path) -> str:
    async with running_api(settings, tmp_path / "api.log", TRACING) as api:
        response = await post_traced(api.base_url)
        assert response.json()["data"]["provenance"]["claim"]["text"]
    assert api.stopped_cleanly()
    return api.log()


async def test_one_request_is_one_trace_of_http_graphql_and_cypher(served_output: str) -> None:
    spans = [o for o in json_objects(served_output) if "context" in o and "kind" in o]
    mine = [s for s in spans if s["attributes"].get("claimtrace.request_id") == REQUEST_ID]
    names = {span["name"] for span in mine}
    assert {"POST /graphql", "GraphQL Query: Provenance", "cypher claim_provenance"} <= names
    assert len({span["context"]["trace_id"] for span in mine}) == 1
    by_id = {span["context"]["span_id"]: span for span in mine}
    [cypher] = [span for span in mine if span["name"] == "cypher claim_provenance"]
    chain = [cypher]
    while chain[-1]["parent_id"] in by_id:
        chain.append(by_id[chain[-1]["parent_id"]])
    assert chain[-1]["name"] == "POST /graphql"
    assert any(span["name"] == "GraphQL Query: Provenance" for span in chain)
    assert cypher["attributes"]["db.query.summary"] == "claim_provenance"
    assert EFP not in json.dumps(mine), "a parameter's value reached a span"


async def test_every_line_is_json_with_the_request_id(served_output: str) -> None:
    lines = [line for line in served_output.splitlines() if line.startswith('{"time"')]
    entries = [json.loads(line) for line in lines]
    assert {"level", "logger", "message"} <= set(entries[0])
    [access] = [
        e for e in entries if e["logger"] == "claimtrace.access" and e["path"] == "/graphql"
    ]
    assert access["requestId"] == REQUEST_ID
    assert access["operation"] == "Provenance"
    assert (access["status"], access["outcome"]) == (200, "ok")
    assert access["durationMs"] > 0
    assert any("Uvicorn running on" in e["message"] for e in entries)
    assert not [e for e in entries if e["logger"] == "uvicorn.access"], "--no-access-log"
    free_text = [
        line
        for line in served_output.splitlines()
        if line and not line.startswith(("{", " ", "}", "]", "[", "\t"))
    ]
    assert free_text == []
