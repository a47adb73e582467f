"""The fields the explorer reads: a source's text, a claim's topics, one organization."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from tests.conftest import SEED_DATA
from tests.support.writing import EFP_QUOTE, JPOST

pytestmark = pytest.mark.neo4j

TEXTS = """query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Source { id text } } }"""


async def data(client: httpx.AsyncClient, query: str, **variables: Any) -> Any:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def test_a_source_text_is_the_file_received_and_its_span_marks_the_quote(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = await data(
        client,
        "query ($id: ID!) { source(id: $id) { globalId text } "
        'provenance(claimId: "claim-efp-196-killed") { assertions { span { start end } } } }',
        id=JPOST,
    )
    text = found["source"]["text"]
    span = found["provenance"]["assertions"][0]["span"]
    assert text == (SEED_DATA / "documents" / "002_5d32115cbb27db34.txt").read_text()
    assert text[span["start"] : span["end"]] == EFP_QUOTE
    # Several texts in one request, in the order asked, as the explorer's claim page asks.
    again = await data(client, TEXTS, ids=[found["source"]["globalId"]])
    assert again["nodes"] == [{"id": JPOST, "text": text}]


async def test_a_source_without_a_held_text_has_none(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = await data(client, "{ sources(first: 10) { edges { node { id sha256 text } } } }")
    nodes = [edge["node"] for edge in found["sources"]["edges"]]
    assert all((node["text"] is None) == (node["sha256"] is None) for node in nodes)
    assert any(node["text"] is None for node in nodes)


async def test_a_claim_lists_its_topics_by_name(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = await data(
        client,
        '{ claim(id: "claim-soleimani-strike-restored-deterrence") { topics { id name } } }',
    )
    assert found["claim"]["topics"] == [
        {"id": "topic-deterrence-after-soleimani", "name": "US deterrence of Iran after the "
         "Soleimani strike"},
    ]  # fmt: skip


async def test_an_organization_by_id_anonymous_ones_too(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = await data(
        client,
        'query { jp: organization(id: "org-jerusalem-post") { name kind } '
        'none: organization(id: "org-no-such-thing") { name } }',
    )
    assert found == {"jp": {"name": "The Jerusalem Post", "kind": "PUBLISHER"}, "none": None}
