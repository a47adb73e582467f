"""A GraphQL round trip over HTTP through the whole app, against the real database."""

from __future__ import annotations

import httpx
from neo4j import AsyncDriver

from api.settings import Settings


async def test_topics_round_trip(
    empty_graph: AsyncDriver, settings: Settings, client: httpx.AsyncClient
) -> None:
    await empty_graph.execute_query(
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
