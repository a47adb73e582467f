"""The fixed queries a claims page may use answer alike: starting from a filter's own
claims or reading the date index in order is a question of cost, never of result."""

from __future__ import annotations

from typing import Any, LiteralString

import pytest

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.claim_pages import ClaimFilterRecord
from claimtrace.core.vocabulary import Stance

pytestmark = pytest.mark.neo4j


async def page_ids(graph: Graph, query: LiteralString, where: ClaimFilterRecord) -> list[Any]:
    records = await graph.read(query, **where.parameters(), afterKey="", afterId="", limit=500)
    return [record["claim"]["id"] for record in records]


@pytest.mark.parametrize(
    ("query", "where"),
    [
        (cypher.CLAIMS_PAGE_TOPIC, ClaimFilterRecord(topic_id="topic-us-troop-presence")),
        (cypher.CLAIMS_PAGE_PERSON, ClaimFilterRecord(person_id="person-seth-frantzman")),
        (cypher.CLAIMS_PAGE_PERSON, ClaimFilterRecord(person_id="org-soufan-center")),
        (cypher.CLAIMS_PAGE_PUBLISHER, ClaimFilterRecord(publisher_id="org-atlantic-council")),
        (cypher.CLAIMS_PAGE_SOURCE,
         ClaimFilterRecord(source_id="src-jpost-2021-iran-declared-war", stance=Stance.SUPPORTS)),
        (cypher.CLAIMS_PAGE_TOPIC,
         ClaimFilterRecord(topic_id="topic-deterrence-after-soleimani", has_conflicts=True)),
    ],
)  # fmt: skip
async def test_a_filters_own_claims_and_the_date_index_agree(
    seed_graph: Graph, query: LiteralString, where: ClaimFilterRecord
) -> None:
    from_filter = await page_ids(seed_graph, query, where)
    assert from_filter
    assert from_filter == await page_ids(seed_graph, cypher.CLAIMS_PAGE_ALL, where)
