"""Importing fact-checks into Neo4j: counts before and after, idempotency, refusals that
write nothing, and the imported records as the API serves them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.validation import ValidationError
from claimtrace.core.writing import AppendOnlyError, graph_counts
from claimtrace.loaders.claimreview import import_claimreview_file

pytestmark = pytest.mark.neo4j

FIXTURES = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"
TWO_REVIEWS = FIXTURES / "two_reviews.jsonld"


async def nodes(graph: Graph) -> dict[str, int]:
    counts: dict[str, int] = (await graph_counts(graph))["nodes"]
    return counts


async def test_two_reviews_of_one_claim_and_the_same_file_again(
    writable_seed_graph: Graph,
) -> None:
    before = await nodes(writable_seed_graph)
    report = await import_claimreview_file(writable_seed_graph, TWO_REVIEWS)
    after = await nodes(writable_seed_graph)
    assert +report.created == {  # (+ drops the kinds it created none of)
        "Claim": 1, "Source": 2, "Organization": 2, "Person": 1, "Assertion": 4,
    }  # fmt: skip
    for label, created in (+report.created).items():
        assert after[label] - before[label] == created
    again = await import_claimreview_file(writable_seed_graph, TWO_REVIEWS)
    assert sum(again.created.values()) == 0
    assert again.already_there("Assertion") == 4
    assert await nodes(writable_seed_graph) == after


async def test_the_same_review_in_another_shape_adds_only_what_is_new(empty_graph: Graph) -> None:
    await import_claimreview_file(empty_graph, TWO_REVIEWS)
    report = await import_claimreview_file(empty_graph, FIXTURES / "factcheck_api.json")
    # The API names the claimant without saying it is a person, and adds a Spanish review.
    assert report.created["Claim"] == 0
    assert report.already_there("Assertion") == 1  # Example Checks' verdict, as before
    assert report.created["Assertion"] == 3


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"@context": "https://schema.org", "@type": "NewsArticle"}),
        json.dumps({"claims": [{"text": "x", "claimReview": [{"publisher": {"name": "A"}}]}]}),
    ],
)
async def test_a_broken_file_is_refused_and_writes_nothing(
    writable_seed_graph: Graph, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    before = await nodes(writable_seed_graph)
    with pytest.raises(ValidationError) as raised:
        await import_claimreview_file(writable_seed_graph, path)
    assert all(problem.file.startswith("broken.json") for problem in raised.value.problems)
    assert await nodes(writable_seed_graph) == before


async def test_a_review_changed_under_the_same_url_is_refused_whole(
    empty_graph: Graph, tmp_path: Path
) -> None:
    await import_claimreview_file(empty_graph, TWO_REVIEWS)
    document: dict[str, Any] = json.loads(TWO_REVIEWS.read_text(encoding="utf-8"))
    document["@graph"][0]["headline"] = "A new headline"
    document["@graph"].append(dict(document["@graph"][1], url="https://new.example.org/r"))
    changed = tmp_path / "changed.jsonld"
    changed.write_text(json.dumps(document), encoding="utf-8")
    before = await nodes(empty_graph)
    with pytest.raises(AppendOnlyError):
        await import_claimreview_file(empty_graph, changed)
    assert await nodes(empty_graph) == before


async def test_an_imported_claim_is_served_with_unverified_quotes_and_round_trips(
    empty_graph: Graph, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    await import_claimreview_file(empty_graph, TWO_REVIEWS)
    claim_id = (await empty_graph.read("MATCH (c:Claim) RETURN c.id AS id"))[0]["id"]
    query = """query ($id: ID!) { provenance(claimId: $id) {
        assertions { speaker { name } stance quote quoteVerified span { start } rating } } }"""
    answer = await client.post("/graphql", json={"query": query, "variables": {"id": claim_id}})
    assertions = answer.json()["data"]["provenance"]["assertions"]
    assert {(a["speaker"]["name"], a["stance"], a["rating"]) for a in assertions} == {
        ("Example Poster", "SUPPORTS", None),
        ("Example Checks", "REFUTES", "False"),
        ("Verify Desk", "REFUTES", "Pants on Fire!"),
    }
    assert all(a["quoteVerified"] is False and a["span"] is None for a in assertions)
    exported = (await client.get(f"/claims/{claim_id}/review")).json()
    assert len(exported["@graph"]) == 3  # the claim and its two reviews
    path = tmp_path / "exported.jsonld"
    path.write_text(json.dumps(exported), encoding="utf-8")
    report = await import_claimreview_file(empty_graph, path)
    assert report.created["Assertion"] == 0
    assert report.created["Claim"] == 0
