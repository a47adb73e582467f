"""comparePositions over HTTP, on the seed corpus."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph

pytestmark = pytest.mark.neo4j

COMPARE = """
query ($ids: [ID!]!, $topic: ID) {
  comparePositions(personIds: $ids, topicId: $topic) {
    people { id name }
    rows { claim { id } positions { person { id } stance } }
    pairs {
      first { id } second { id }
      agreements onlyFirst onlySecond agreementRatio
      disagreements { kind firstClaimId secondClaimId conflictKind note }
    }
  }
}
"""
KADHIM, PFAFF, FONTENROSE = (
    "person-abbas-kadhim",
    "person-anthony-pfaff",
    "person-kirsten-fontenrose",
)


async def compare(client: httpx.AsyncClient, ids: list[str], topic: str | None = None) -> Any:
    response = await client.post(
        "/graphql", json={"query": COMPARE, "variables": {"ids": ids, "topic": topic}}
    )
    assert response.status_code == 200
    return response.json()


async def test_same_claim_with_opposite_stances(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    body = await compare(client, [KADHIM, FONTENROSE])
    result = body["data"]["comparePositions"]
    assert [p["id"] for p in result["people"]] == [KADHIM, FONTENROSE]
    [pair] = result["pairs"]
    opposed = {d["firstClaimId"] for d in pair["disagreements"] if d["kind"] == "OPPOSITE_STANCES"}
    # Kadhim holds that a US withdrawal would benefit Iran; Fontenrose that it would not.
    assert opposed == {"claim-ac-us-withdrawal-benefits-iran"}
    decided = len(pair["agreements"]) + len(pair["disagreements"])
    assert pair["agreementRatio"] == pytest.approx(len(pair["agreements"]) / decided)
    every_row_has_both = all(len(row["positions"]) == 2 for row in result["rows"])
    assert every_row_has_both
    addressed = {row["claim"]["id"] for row in result["rows"]}
    assert set(pair["onlyFirst"]) | set(pair["onlySecond"]) <= addressed


async def test_supported_claims_that_contradict_on_a_topic(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    body = await compare(client, [FONTENROSE, KADHIM], topic="topic-us-troop-presence")
    [pair] = body["data"]["comparePositions"]["pairs"]
    contradicting = [d for d in pair["disagreements"] if d["kind"] == "CONTRADICTING_CLAIMS"]
    assert {(d["firstClaimId"], d["secondClaimId"], d["conflictKind"]) for d in contradicting} == {
        ("claim-ac-us-missions-make-iran-safer", "claim-ac-us-withdrawal-benefits-iran", "OPPOSITE")
    }
    assert contradicting[0]["note"]


async def test_three_people_give_three_pairs(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    body = await compare(client, [KADHIM, PFAFF, FONTENROSE])
    pairs = body["data"]["comparePositions"]["pairs"]
    assert [(p["first"]["id"], p["second"]["id"]) for p in pairs] == [
        (KADHIM, PFAFF), (KADHIM, FONTENROSE), (PFAFF, FONTENROSE),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("ids", "topic", "code", "message"),
    [
        ([KADHIM], None, "BAD_USER_INPUT", "personIds must name 2 to 10 people; got 1"),
        ([KADHIM] * 2, None, "BAD_USER_INPUT", "personIds lists the same person twice"),
        ([KADHIM, "person-nobody"], None, "NOT_FOUND", "no person with id person-nobody"),
        ([KADHIM, PFAFF], "topic-nothing", "NOT_FOUND", "no topic with id topic-nothing"),
    ],
)
async def test_bad_input_gets_a_typed_error(
    seed_graph: Graph,
    client: httpx.AsyncClient,
    ids: list[str],
    topic: str | None,
    code: str,
    message: str,
) -> None:
    body = await compare(client, ids, topic)
    assert body["data"] is None
    [error] = body["errors"]
    assert error["message"] == message
    assert error["extensions"]["code"] == code
