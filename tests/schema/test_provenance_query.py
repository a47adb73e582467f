"""The provenance query over HTTP, on the seed corpus."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph

pytestmark = pytest.mark.neo4j

PROVENANCE = """
query ($id: ID!) {
  provenance(claimId: $id) {
    claim { id text quantity { value unit qualifier } }
    independentSourceCount
    firstAppearance { id }
    assertions {
      id stance mode hedge quote span { start end }
      asserted { date precision }
      speaker { __typename id name }
      speakerAffiliations { role organization { name } }
      source {
        title published { date precision }
        publisher { name }
        authors { name }
        republishes { id }
      }
      citationChain { speaker { name } mode quote }
    }
    conflicts { kind note otherClaim { id } otherSide { speaker { name } stance } }
  }
}
"""


async def provenance(client: httpx.AsyncClient, claim_id: str) -> Any:
    response = await client.post(
        "/graphql", json={"query": PROVENANCE, "variables": {"id": claim_id}}
    )
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    return body["data"]["provenance"]


async def test_efp_claim_from_unnamed_reports_via_frantzman_to_the_jerusalem_post(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    result = await provenance(client, "claim-efp-196-killed")
    assert result["claim"]["quantity"] == {
        "value": 196.0, "unit": "US troops killed", "qualifier": "AT_LEAST",
    }  # fmt: skip
    [assertion] = result["assertions"]
    assert assertion["speaker"] == {
        "__typename": "Organization", "id": "agent-unnamed-reports", "name": "Unnamed reports",
    }  # fmt: skip
    assert assertion["mode"] == "REPORTED"
    assert assertion["span"] == {"start": 1902, "end": 1958}
    assert assertion["source"] == {
        "title": "Iran has declared war on the US in Iraq through its proxies - analysis",
        "published": {"date": "2021-07-08T10:00", "precision": "MINUTE"},
        "publisher": {"name": "The Jerusalem Post"},
        "authors": [{"name": "Seth J. Frantzman"}],
        "republishes": None,
    }
    assert result["firstAppearance"] == {"id": assertion["id"]}
    assert result["independentSourceCount"] == 1


async def test_conflicts_show_who_holds_the_other_side(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    result = await provenance(client, "claim-soleimani-strike-restored-deterrence")
    speakers = {(a["speaker"]["name"], a["stance"]) for a in result["assertions"]}
    assert ("Barbara Slavin", "REFUTES") in speakers
    assert ("Frederic C. Hof", "SUPPORTS") in speakers
    assert result["conflicts"], "the deterrence claim has contradicting claims"
    for conflict in result["conflicts"]:
        assert conflict["kind"] in {"OPPOSITE", "NUMERIC", "REVISION"}
        assert conflict["note"]
        assert conflict["otherSide"]


async def test_unknown_claim_is_null(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": PROVENANCE, "variables": {"id": "claim-nope"}}
    )
    assert response.json() == {"data": {"provenance": None}}
