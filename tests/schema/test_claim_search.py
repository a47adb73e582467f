"""Ranked search: relevance order, phrases, exclusions, OR, snippets, cursors that are keysets."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph

pytestmark = pytest.mark.neo4j

SEARCH = """
query ($filter: ClaimFilter, $first: Int!, $after: String, $orderBy: ClaimOrder) {
  claims(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    edges { cursor score node { id text firstAsserted }
            snippet { text start assertionId highlights { start end } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
EFP_SENTENCE = "Reports say that the EFPs killed at least 196 US troops"
EFP_CLAIM = "claim-efp-196-killed"


async def search(
    client: httpx.AsyncClient,
    first: int = 10,
    after: str | None = None,
    order_by: str | None = None,
    **filter: Any,
) -> Any:
    variables = {"filter": filter, "first": first, "after": after, "orderBy": order_by}
    response = await client.post("/graphql", json={"query": SEARCH, "variables": variables})
    return response.json()


def edges(body: Any) -> list[Any]:
    assert "errors" not in body, body
    result: list[Any] = body["data"]["claims"]["edges"]
    return result


async def every_id(client: httpx.AsyncClient, first: int, **options: Any) -> list[str]:
    seen: list[str] = []
    after = None
    while True:
        body = await search(client, first, after, **options)
        seen += [edge["node"]["id"] for edge in edges(body)]
        info = body["data"]["claims"]["pageInfo"]
        if not info["hasNextPage"]:
            return seen
        after = info["endCursor"]


@pytest.mark.parametrize("words", [EFP_SENTENCE, f'"{EFP_SENTENCE}"'])
async def test_the_quoted_sentence_finds_its_claim_first(
    seed_graph: Graph, client: httpx.AsyncClient, words: str
) -> None:
    [best, *_] = edges(await search(client, search=words))
    assert best["node"]["id"] == EFP_CLAIM
    snippet = best["snippet"]
    quote = "Reports say that the EFPs killed at least 196 US troops."
    assert snippet["text"] == quote
    assert snippet["start"] == 0
    assert snippet["assertionId"] is not None
    spans = [quote[h["start"] : h["end"]] for h in snippet["highlights"]]
    assert spans == [EFP_SENTENCE]


async def test_all_words_are_required_and_scores_descend(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = edges(await search(client, first=50, search="EFPs Iran"))
    assert found
    for edge in found:
        shown = edge["snippet"]["text"].casefold()
        assert "efp" in edge["node"]["text"].casefold() or "efp" in shown
    keys = [(-edge["score"], edge["node"]["id"]) for edge in found]
    assert keys == sorted(keys)


async def test_a_phrase_is_stricter_than_its_words(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    words = await every_id(client, 100, search="troops Iraq")
    phrase = await every_id(client, 100, search='"troops in Iraq"')
    assert phrase
    assert set(phrase) < set(words)


async def test_exclusion_and_or(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    efps = set(await every_id(client, 100, search="EFPs"))
    soleimani = set(await every_id(client, 100, search="Soleimani"))
    either = set(await every_id(client, 100, search="EFPs OR Soleimani"))
    assert either == efps | soleimani
    without = set(await every_id(client, 100, search="EFPs -Soleimani"))
    assert without == efps - soleimani or without <= efps - (efps & soleimani)
    assert without
    assert not without & soleimani


async def test_relevance_pages_cover_every_match_once_in_order(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    everything = await every_id(client, 100, search="Iran")
    assert len(everything) == len(set(everything)) > 20
    assert await every_id(client, 7, search="Iran") == everything


async def test_date_order_with_a_search(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    ranked = await every_id(client, 100, search="Iran")
    dated = await every_id(client, 6, order_by="FIRST_ASSERTED", search="Iran")
    assert sorted(dated) == sorted(ranked)
    page = edges(await search(client, 50, order_by="FIRST_ASSERTED", search="Iran"))
    keys = [(edge["node"]["firstAsserted"], edge["node"]["id"]) for edge in page]
    assert keys == sorted(keys)
    assert all(edge["snippet"] for edge in page)


async def test_other_filters_apply_to_a_search(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    found = await every_id(client, 100, search="Iran", topicId="topic-deterrence-after-soleimani")
    assert "claim-soleimani-strike-restored-deterrence" in found
    assert set(found) < set(await every_id(client, 100, search="Iran"))


async def test_a_cursor_continues_only_its_own_query(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    body = await search(client, 3, search="Iran")
    cursor = body["data"]["claims"]["pageInfo"]["endCursor"]
    others: list[dict[str, Any]] = [
        {"search": "Iraq"},
        {"search": "Iran", "order_by": "FIRST_ASSERTED"},
        {"search": "Iran", "hasConflicts": True},
        {},
    ]
    for other in others:
        [error] = (await search(client, 3, cursor, **other))["errors"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}, other
    assert edges(await search(client, 3, cursor, search="Iran"))


async def test_relevance_needs_a_search(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    [error] = (await search(client, order_by="RELEVANCE"))["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "orderBy"}


async def test_no_search_no_snippet(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    for edge in edges(await search(client, 5)):
        assert edge["score"] is None
        assert edge["snippet"] is None
