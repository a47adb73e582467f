"""claimFacets: counts that agree with the claims lists, bounded buckets, typed refusals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from tests.schema.test_claims_connection import all_ids

pytestmark = pytest.mark.neo4j

FACETS = """
query ($filter: ClaimFilter, $facets: [String!], $buckets: Int!) {
  claimFacets(filter: $filter, facets: $facets, buckets: $buckets) {
    claims assertions facets { name values buckets { key label claims assertions } }
  }
}
"""


async def facets(
    client: httpx.AsyncClient, names: list[str] | None = None, buckets: int = 100, **filter: Any
) -> Any:
    variables = {"filter": filter or None, "facets": names, "buckets": buckets}
    return (await client.post("/graphql", json={"query": FACETS, "variables": variables})).json()


def by_name(body: Any) -> dict[str, Any]:
    assert "errors" not in body, body
    return {facet["name"]: facet for facet in body["data"]["claimFacets"]["facets"]}


async def test_counts_agree_with_the_filtered_lists(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    body = await facets(client)
    assert body["data"]["claimFacets"]["claims"] == len(await all_ids(client, 100))
    found = by_name(body)
    assert list(found) == ["topic", "stance", "mode", "publisher", "speaker", "year", "month"]
    for bucket in found["topic"]["buckets"][:2]:
        assert bucket["claims"] == len(await all_ids(client, 100, topicId=bucket["key"]))
    for bucket in found["stance"]["buckets"]:
        assert bucket["claims"] == len(await all_ids(client, 100, stance=bucket["key"]))
    [top_publisher, *_] = found["publisher"]["buckets"]
    assert top_publisher["label"]
    assert top_publisher["claims"] == len(
        await all_ids(client, 100, publisherId=top_publisher["key"])
    )


async def test_a_search_and_a_topic_narrow_the_counts(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    searched = (await facets(client, ["stance"], search="EFPs"))["data"]["claimFacets"]
    assert searched["claims"] == len(await all_ids(client, 100, search="EFPs"))
    topic = "topic-us-troop-presence"
    within = by_name(await facets(client, ["topic"], topicId=topic))
    assert within["topic"]["buckets"][0]["key"] == topic


async def test_a_persons_assertions_by_stance(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    query = """{ person(id: "person-barbara-slavin") { assertionCount
      facets(names: ["stance"]) { assertions facets { buckets { key assertions } } } } }"""
    person = (await client.post("/graphql", json={"query": query})).json()["data"]["person"]
    [stances] = person["facets"]["facets"]
    counts = {bucket["key"]: bucket["assertions"] for bucket in stances["buckets"]}
    assert sum(counts.values()) == person["facets"]["assertions"] == person["assertionCount"]
    assert counts["REFUTES"] >= 1


async def test_buckets_are_bounded(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    speakers = by_name(await facets(client, ["speaker"], buckets=3))["speaker"]
    assert len(speakers["buckets"]) == 3 < speakers["values"]
    claims = [bucket["claims"] for bucket in speakers["buckets"]]
    assert claims == sorted(claims, reverse=True)


@pytest.mark.parametrize(
    ("names", "buckets", "field"),
    [(["topic", "colour"], 10, "facets"), (["topic"], 0, "buckets"), (["topic"], 101, "buckets")],
)
async def test_bad_requests_are_refused_typed(
    seed_graph: Graph, client: httpx.AsyncClient, names: list[str], buckets: int, field: str
) -> None:
    [error] = (await facets(client, names, buckets))["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
