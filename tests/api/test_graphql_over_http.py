"""GraphQL over HTTP: the conformance audits of the graphql-http package against the API
served by uvicorn, and the media types one by one through the app."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrace.core.settings import Settings
from tests.support.uvicorn_process import running_api

pytestmark = pytest.mark.neo4j

AUDIT_DIR = Path(__file__).resolve().parents[1] / "graphql_http_audit"
AUDIT_COUNT = 61  # graphql-http 1.23.1, pinned by the folder's package-lock.json
AUDIT_TIMEOUT_SECONDS = 120.0


async def run_audits(url: str) -> list[dict[str, Any]]:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed for the GraphQL-over-HTTP audits"
    assert (AUDIT_DIR / "node_modules" / "graphql-http").is_dir(), (
        f"graphql-http is not installed in {AUDIT_DIR}: `make test` installs it (npm ci)"
    )
    process = await asyncio.create_subprocess_exec(
        node,
        "audit.mjs",
        url,
        cwd=AUDIT_DIR,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), AUDIT_TIMEOUT_SECONDS)
    assert process.returncode == 0, err.decode(errors="replace")
    results: list[dict[str, Any]] = json.loads(out)
    return results


async def test_every_graphql_http_audit_passes(settings: Settings, tmp_path: Path) -> None:
    async with running_api(settings, tmp_path / "uvicorn.log") as api:
        results = await run_audits(f"{api.base_url}/graphql")
    failed = [r for r in results if r["status"] != "ok"]
    assert failed == [], json.dumps(failed, indent=2)
    assert len(results) == AUDIT_COUNT


# ----------------------------------------------------------- the media types, one by one

GRAPHQL_RESPONSE = "application/graphql-response+json"
UNKNOWN_FIELD = {"query": "{ noSuchField }"}
UNPARSABLE = {"query": "{"}
BAD_VARIABLE = {"query": "query ($id: ID!) { claim(id: $id) { id } }", "variables": {"id": None}}


def media_type(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE), ("application/json", "application/json"),
     (None, "application/json"), ("*/*", "application/json")],
)  # fmt: skip
async def test_the_answer_takes_the_media_type_the_client_asks_for(
    client: httpx.AsyncClient, accept: str | None, expected: str
) -> None:
    headers = {"accept": accept} if accept is not None else {}
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 200
    assert media_type(response) == expected
    assert response.json() == {"data": {"__typename": "Query"}}
    assert "accept" in response.headers["vary"].lower()


@pytest.mark.parametrize("body", [UNPARSABLE, UNKNOWN_FIELD, BAD_VARIABLE])
async def test_a_request_error_is_a_400_without_data_for_graphql_response_json(
    seed_graph: object, client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    response = await client.post("/graphql", json=body, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert media_type(response) == GRAPHQL_RESPONSE
    answer = response.json()
    assert "data" not in answer
    assert answer["errors"]
    assert all("message" in error for error in answer["errors"])


@pytest.mark.parametrize("body", [UNPARSABLE, UNKNOWN_FIELD, BAD_VARIABLE])
async def test_a_request_error_stays_a_200_with_null_data_for_application_json(
    seed_graph: object, client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    response = await client.post("/graphql", json=body, headers={"accept": "application/json"})
    assert response.status_code == 200
    assert media_type(response) == "application/json"
    answer = response.json()
    assert answer["data"] is None
    assert answer["errors"]


@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, "application/json"])
async def test_an_error_during_execution_is_a_200_with_data(
    seed_graph: object, client: httpx.AsyncClient, accept: str
) -> None:
    """Execution started: the answer keeps its data entry (here null, as the failing field
    is non-null), with a 200, for either media type."""
    query = '{ topics { id } comparePositions(personIds: ["x"]) { rows { claim { id } } } }'
    response = await client.post("/graphql", json={"query": query}, headers={"accept": accept})
    assert response.status_code == 200
    answer = response.json()
    assert "data" in answer
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert answer["errors"][0]["path"] == ["comparePositions"]
