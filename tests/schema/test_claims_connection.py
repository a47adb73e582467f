"""claims(filter, first, after): keyset pages, every filter, escaped search."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.conftest import SEED_DATA
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j

CLAIMS = """
query ($filter: ClaimFilter, $first: Int!, $after: String) {
  claims(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id firstAsserted } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def page(
    client: httpx.AsyncClient, first: int = 20, after: str | None = None, **filter: Any
) -> Any:
    variables = {"filter": filter or None, "first": first, "after": after}
    response = await client.post("/graphql", json={"query": CLAIMS, "variables": variables})
    return response.json()


def ids(body: Any) -> list[str]:
    assert "errors" not in body, body
    return [edge["node"]["id"] for edge in body["data"]["claims"]["edges"]]


async def all_ids(
    client: httpx.AsyncClient, first: int, after: str | None = None, **filter: Any
) -> list[str]:
    """Every id from ``after`` on, page by page."""
    seen: list[str] = []
    while True:
        body = await page(client, first, after, **filter)
        seen += ids(body)
        info = body["data"]["claims"]["pageInfo"]
        if not info["hasNextPage"]:
            return seen
        after = info["endCursor"]


async def test_pages_cover_every_claim_once_in_order(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    everything = await all_ids(client, first=100)
    assert len(everything) == len(records_in_files(SEED_DATA)["claims"])
    assert len(set(everything)) == len(everything)
    assert await all_ids(client, first=7) == everything
    first_page = await page(client, first=7)
    keys = [
        (e["node"]["firstAsserted"], e["node"]["id"]) for e in first_page["data"]["claims"]["edges"]
    ]
    assert keys == sorted(keys)


async def test_last_page_has_no_next(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    body = await page(client, first=100)
    while body["data"]["claims"]["pageInfo"]["hasNextPage"]:
        body = await page(client, first=100, after=body["data"]["claims"]["pageInfo"]["endCursor"])
    after_last = await page(client, first=5, after=body["data"]["claims"]["pageInfo"]["endCursor"])
    assert ids(after_last) == []
    assert after_last["data"]["claims"]["pageInfo"] == {"hasNextPage": False, "endCursor": None}


async def test_a_page_stays_correct_while_claims_are_added(
    writable_seed_graph: Graph, settings: Settings, client: httpx.AsyncClient
) -> None:
    before = await all_ids(client, first=100)
    first_page = await page(client, first=10)
    await writable_seed_graph.driver.execute_query(
        "CREATE (:Claim {id: 'claim-zz-new-early', text: 'x', firstAsserted: '1999'}), "
        "(:Claim {id: 'claim-zz-new-late', text: 'y', firstAsserted: '2099'})",
        database_=settings.neo4j_database,
    )
    rest = await all_ids(client, 10, first_page["data"]["claims"]["pageInfo"]["endCursor"])
    assert ids(first_page) + [i for i in rest if i != "claim-zz-new-late"] == before
    assert rest[-1] == "claim-zz-new-late"
    assert "claim-zz-new-early" not in rest


@pytest.mark.parametrize("first", [0, -1, 101])
async def test_first_outside_1_to_100_is_refused(
    seed_graph: Graph, client: httpx.AsyncClient, first: int
) -> None:
    body = await page(client, first=first)
    [error] = body["errors"]
    assert error["message"] == f"first must be between 1 and 100; got {first}"
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}


async def test_a_made_up_cursor_is_refused(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    [error] = (await page(client, after="not-a-cursor"))["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == "after is not a cursor from this API"


@pytest.mark.parametrize(
    ("filter", "expected_in", "expected_out"),
    [
        ({"topicId": "topic-deterrence-after-soleimani"},
         "claim-soleimani-strike-restored-deterrence", "claim-efp-196-killed"),
        ({"personId": "person-barbara-slavin"},
         "claim-soleimani-strike-restored-deterrence", "claim-efp-196-killed"),
        ({"sourceId": "src-jpost-2021-iran-declared-war"},
         "claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"),
        ({"publisherId": "org-jerusalem-post"},
         "claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"),
        ({"assertedFrom": "2021", "assertedTo": "2021-07"},
         "claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"),
        ({"hasConflicts": True},
         "claim-soleimani-strike-restored-deterrence", "claim-efp-196-killed"),
        ({"hasConflicts": False},
         "claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"),
        ({"personId": "person-barbara-slavin", "stance": "REFUTES"},
         "claim-soleimani-strike-restored-deterrence", "claim-ac-iran-behind-taji-attack"),
        ({"search": "EFPs"}, "claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence"),
    ],
)  # fmt: skip
async def test_filters(
    seed_graph: Graph,
    client: httpx.AsyncClient,
    filter: dict[str, Any],
    expected_in: str,
    expected_out: str,
) -> None:
    found = await all_ids(client, first=100, **filter)
    assert expected_in in found
    assert expected_out not in found


@pytest.mark.parametrize(
    "search",
    ['"unbalanced', "(EFPs", "EFPs~", "EF*", "?s", "title:EFPs", "a\\b", "x/y", "EFPs AND",
     "OR EFPs", "NOT", "[1 TO 2]", "^2"],
)  # fmt: skip
async def test_lucene_syntax_is_searched_literally_never_an_error(
    seed_graph: Graph, client: httpx.AsyncClient, search: str
) -> None:
    body = await page(client, first=10, search=search)
    assert "errors" not in body, body


async def test_blank_search_and_bad_dates_are_refused(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    for nothing_to_find in ["   ", "&& ||", "!", "-EFPs"]:
        [blank] = (await page(client, search=nothing_to_find))["errors"]
        assert blank["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.search"}
    [date] = (await page(client, assertedFrom="March 2020"))["errors"]
    assert date["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.assertedFrom"}


async def test_claims_not_asserted_yet_come_last_by_id(
    writable_seed_graph: Graph, settings: Settings, client: httpx.AsyncClient
) -> None:
    dated = await all_ids(client, first=100)
    await writable_seed_graph.driver.execute_query(
        "MATCH (t:Topic {id: 'topic-us-troop-presence'}) "
        "CREATE (:Claim {id: 'claim-zz-b', text: 'x'})-[:ABOUT_TOPIC]->(t), "
        "(:Claim {id: 'claim-aa-a', text: 'y'}), (:Claim {id: 'claim-mm-c', text: 'z'})",
        database_=settings.neo4j_database,
    )
    unasserted = ["claim-aa-a", "claim-mm-c", "claim-zz-b"]
    assert await all_ids(client, first=7) == dated + unasserted
    in_topic = await all_ids(client, first=5, topicId="topic-us-troop-presence")
    assert in_topic[-1] == "claim-zz-b"
    assert "claim-aa-a" not in in_topic
    assert "claim-zz-b" not in await all_ids(client, first=50, stance="SUPPORTS")


async def test_an_undone_confirmation_is_not_a_conflict_to_the_filter(
    writable_seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    # Undoing a confirmed conflict marks its link, never deletes it (the review workflow).
    [record] = await writable_seed_graph.write(
        "MATCH (c:Claim) WHERE COUNT { (c)-[:CONTRADICTS]-() } = 1 "
        "WITH c ORDER BY c.id LIMIT 1 "
        "MATCH (c)-[r:CONTRADICTS]-() SET r.undoneAt = datetime() RETURN c.id AS id"
    )
    claim_id = record["id"]
    assert claim_id not in await all_ids(client, first=100, hasConflicts=True)
    assert claim_id in await all_ids(client, first=100, hasConflicts=False)
