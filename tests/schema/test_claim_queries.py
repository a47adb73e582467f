"""claim(id) and conflicts(claimId) over HTTP, on the seed corpus."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph

pytestmark = pytest.mark.neo4j


async def query(client: httpx.AsyncClient, text: str, **variables: Any) -> Any:
    response = await client.post("/graphql", json={"query": text, "variables": variables})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def test_claim_by_id(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    data = await query(
        client,
        "query ($id: ID!) "
        "{ claim(id: $id) { id text quantity { value qualifier } firstAsserted } }",
        id="claim-efp-196-killed",
    )
    assert data["claim"]["id"] == "claim-efp-196-killed"
    assert data["claim"]["quantity"] == {"value": 196.0, "qualifier": "AT_LEAST"}
    assert data["claim"]["firstAsserted"] == "2021-07-08T10:00"


async def test_aliased_claims_and_an_unknown_one(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    data = await query(
        client,
        '{ a: claim(id: "claim-efp-196-killed") { id } '
        'b: claim(id: "claim-soleimani-strike-restored-deterrence") { id } '
        'c: claim(id: "claim-missing") { id } }',
    )
    assert data == {
        "a": {"id": "claim-efp-196-killed"},
        "b": {"id": "claim-soleimani-strike-restored-deterrence"},
        "c": None,
    }


CONFLICTS = """
query ($id: ID!) {
  conflicts(claimId: $id) {
    kind note
    otherClaim { id text }
    thisSide { speaker { name } stance mode }
    otherSide { speaker { name } stance mode quote sourceTitle }
  }
}
"""


async def test_what_contradicts_the_deterrence_claim(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    data = await query(client, CONFLICTS, id="claim-soleimani-strike-restored-deterrence")
    conflicts = data["conflicts"]
    assert conflicts
    this_side = {(a["speaker"]["name"], a["stance"]) for a in conflicts[0]["thisSide"]}
    assert ("Frederic C. Hof", "SUPPORTS") in this_side
    assert ("Barbara Slavin", "REFUTES") in this_side
    for conflict in conflicts:
        assert conflict["kind"] == "OPPOSITE"
        assert conflict["note"]
        assert conflict["otherSide"]


async def test_conflicts_read_in_both_directions(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    first = await query(client, CONFLICTS, id="claim-soleimani-strike-restored-deterrence")
    other_id = first["conflicts"][0]["otherClaim"]["id"]
    back = await query(client, CONFLICTS, id=other_id)
    assert "claim-soleimani-strike-restored-deterrence" in {
        c["otherClaim"]["id"] for c in back["conflicts"]
    }


async def test_claim_without_conflicts(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    assert await query(client, CONFLICTS, id="claim-efp-196-killed") == {"conflicts": []}


async def test_conflicts_of_an_unknown_claim_is_not_found(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    """Not [], which would read as "a claim nobody contradicts"."""
    variables = {"id": "claim-that-does-not-exist"}
    response = await client.post("/graphql", json={"query": CONFLICTS, "variables": variables})
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "claimId"}
    assert error["path"] == ["conflicts"]
