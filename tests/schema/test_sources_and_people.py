"""source, sources, person and people over HTTP, on the seed corpus."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from tests.conftest import SEED_DATA
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j


async def data(client: httpx.AsyncClient, query: str, **variables: Any) -> Any:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


SOURCES = """
query ($filter: SourceFilter, $first: Int!, $after: String) {
  sources(filter: $filter, first: $first, after: $after) {
    edges { node { id published { date precision } publisher { name } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_the_republished_copy_and_its_unknown_original(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    result = await data(
        client,
        "query ($id: ID!) { source(id: $id) { title publisher { name } authors { name } "
        "republishes { id title publisher { name } published { date precision } } } }",
        id="src-eurasia-2024-baghdad-crossfire",
    )
    source = result["source"]
    assert source["publisher"] == {"name": "eurasia.ro"}
    assert source["authors"] == []
    assert source["republishes"] == {
        "id": "src-unknown-2024-baghdad-crossfire",
        "title": "Baghdad Caught in U.S.-Iran Crossfire",
        "publisher": None,
        "published": {"date": "2024-02", "precision": "MONTH"},
    }


async def test_sources_in_date_order_across_pages(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    first = await data(client, SOURCES, first=4, after=None, filter=None)
    assert first["sources"]["pageInfo"]["hasNextPage"] is True
    second = await data(
        client, SOURCES, first=4, after=first["sources"]["pageInfo"]["endCursor"], filter=None
    )
    nodes = [e["node"] for e in first["sources"]["edges"] + second["sources"]["edges"]]
    assert len(nodes) == 6
    dates = [n["published"]["date"] for n in nodes]
    assert dates == sorted(dates)
    assert second["sources"]["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize(
    ("filter", "expected"),
    [
        ({"publisherId": "org-the-hill"}, ["src-hill-2019-iran-iraq-front"]),
        ({"authorId": "person-seth-frantzman"},
         ["src-hill-2019-iran-iraq-front", "src-jpost-2021-iran-declared-war"]),
        ({"publishedFrom": "2020", "publishedTo": "2020"},
         ["src-atlantic-2020-taji-reactions", "src-soufan-2020-renewed-attacks"]),
        ({"titleContains": "crossfire"},
         ["src-unknown-2024-baghdad-crossfire", "src-eurasia-2024-baghdad-crossfire"]),
    ],
)  # fmt: skip
async def test_source_filters(
    seed_graph: Graph, client: httpx.AsyncClient, filter: dict[str, Any], expected: list[str]
) -> None:
    result = await data(client, SOURCES, first=100, after=None, filter=filter)
    assert [e["node"]["id"] for e in result["sources"]["edges"]] == expected


PEOPLE = """
query ($filter: PersonFilter) {
  people(filter: $filter, first: 100) {
    edges { node { id name aliases assertionCount affiliations { role organization { name } } } }
  }
}
"""


SLAVIN = "person-barbara-slavin"


async def test_person_with_stated_role(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        f'{{ person(id: "{SLAVIN}") {{ name affiliations {{ role organization {{ id }} }} '
        "assertionCount } }",
    )
    assert result["person"] == {
        "name": "Barbara Slavin",
        "affiliations": [{"role": "director of the Atlantic Council's Future of Iran Initiative",
                          "organization": {"id": "org-atlantic-council"}}],
        "assertionCount": len(
            [a for a in records_in_files(SEED_DATA)["assertions"] if a["by"] == SLAVIN]
        ),
    }  # fmt: skip


async def test_people_filters(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    analysts = await data(client, PEOPLE, filter={"organizationId": "org-atlantic-council"})
    names = [e["node"]["name"] for e in analysts["people"]["edges"]]
    assert names == sorted(names)
    assert len(names) == 5
    by_alias = await data(client, PEOPLE, filter={"nameContains": "president trump"})
    assert [e["node"]["id"] for e in by_alias["people"]["edges"]] == ["person-donald-trump"]
    on_topic = await data(client, PEOPLE, filter={"topicId": "topic-deterrence-after-soleimani"})
    on_topic_ids = {e["node"]["id"] for e in on_topic["people"]["edges"]}
    assert {"person-barbara-slavin", "person-frederic-hof"} <= on_topic_ids


async def test_unknown_source_and_person_are_null(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    result = await data(client, '{ source(id: "src-x") { id } person(id: "person-x") { id } }')
    assert result == {"source": None, "person": None}
