"""A GraphQL round trip over HTTP through the whole app, against the real database."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.conftest import SEED_DATA
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j


async def test_topics_round_trip(
    empty_graph: Graph, settings: Settings, client: httpx.AsyncClient
) -> None:
    await empty_graph.driver.execute_query(
        "CREATE (:Topic {id: 'topic-b', name: 'Beta'})<-[:ABOUT_TOPIC]-(:Claim {id: 'c1'}), "
        "(:Topic {id: 'topic-a', name: 'Alpha'})",
        database_=settings.neo4j_database,
    )
    response = await client.post("/graphql", json={"query": "{ topics { id name claimCount } }"})
    assert response.status_code == 200
    assert response.json() == {
        "data": {
            "topics": [
                {"id": "topic-a", "name": "Alpha", "claimCount": 0},
                {"id": "topic-b", "name": "Beta", "claimCount": 1},
            ]
        }
    }


async def test_graphiql_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


BY_TOPIC = "query ($t: ID) { claims(first: 2, filter: {topicId: $t}) { edges { node { id } } } }"
TWO_OPERATIONS = "query Topics { topics { id } } " + BY_TOPIC.replace("query ", "query ByTopic ")
PLAIN = {"query": BY_TOPIC, "variables": {"t": "topic-us-troop-presence"}}
VARIABLES = json.dumps(PLAIN["variables"])

Send = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


# The refusals in test_protection.py are narrow: the ordinary ways of asking still work.
@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.post("/graphql", content=json.dumps(PLAIN).encode(),
                         headers={"content-type": "application/json; charset=utf-8"}),
        lambda c: c.post("/graphql", content=b"\xef\xbb\xbf" + json.dumps(PLAIN).encode(),
                         headers={"content-type": "application/json"}),
        lambda c: c.get("/graphql", params={"query": BY_TOPIC, "variables": VARIABLES}),
        lambda c: c.post("/graphql", json=PLAIN | {"query": TWO_OPERATIONS,
                                                   "operationName": "ByTopic"}),
        lambda c: c.post("/graphql", json=PLAIN | {"operationName": None, "extensions": {}}),
    ],
    ids=["JSON with a charset", "JSON after a byte-order mark", "GET", "named operation",
         "null and empty extras"],
)  # fmt: skip
async def test_ordinary_requests_are_answered_alike(
    seed_graph: Graph, client: httpx.AsyncClient, send: Send
) -> None:
    expected = (await client.post("/graphql", json=PLAIN)).json()
    assert len(expected["data"]["claims"]["edges"]) == 2
    response = await send(client)
    assert response.status_code == 200, response.text
    assert response.json() == expected


async def test_a_get_may_send_null_variables(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    params = {"query": "{ topics { id } }", "variables": "null"}
    response = await client.get("/graphql", params=params)
    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["topics"]) == len(records_in_files(SEED_DATA)["topics"])
