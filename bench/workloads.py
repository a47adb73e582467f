"""What to ask of whatever graph is loaded: random claims, words from claim texts,
and pairs of people who spoke on the busiest topic."""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from typing import Final, NamedTuple

from neo4j import AsyncDriver, RoutingControl

CLAIMS: Final = "MATCH (c:Claim) RETURN c.id AS id, c.text AS text ORDER BY id"
BUSIEST_TOPIC: Final = """
MATCH (t:Topic)<-[:ABOUT_TOPIC]-(:Claim)<-[:ABOUT]-(:Assertion)<-[:MADE]-(p:Person)
WITH t, collect(DISTINCT p.id) AS people
WHERE size(people) >= 2
RETURN t.id AS topic, people
ORDER BY size(people) DESC, topic
LIMIT 1
"""
WORD: Final = re.compile(r"[A-Za-z]{5,}")
SEARCH_VOCABULARY: Final = 40


class GraphSample(NamedTuple):
    claim_ids: list[str]
    search_terms: list[str]
    person_pairs: list[tuple[str, str]]
    topic_id: str


async def sample_graph(
    driver: AsyncDriver, database: str, size: int = 100, seed: int = 1
) -> GraphSample:
    """``size`` of each, drawn with replacement; the same for the same graph and seed."""
    chooser = random.Random(seed)  # noqa: S311 (sampling, not secrets)
    claims, _, _ = await driver.execute_query(
        CLAIMS, routing_=RoutingControl.READ, database_=database
    )
    topics, _, _ = await driver.execute_query(
        BUSIEST_TOPIC, routing_=RoutingControl.READ, database_=database
    )
    if not claims or not topics:
        raise RuntimeError("the graph holds no claims, or no topic two people spoke on")
    claim_ids = [record["id"] for record in claims]
    words = Counter(w.lower() for r in claims for w in WORD.findall(r["text"]))
    vocabulary = [word for word, _ in words.most_common(SEARCH_VOCABULARY)]
    pairs = list(itertools.combinations(sorted(topics[0]["people"]), 2))
    return GraphSample(
        claim_ids=chooser.choices(claim_ids, k=size),
        search_terms=chooser.choices(vocabulary, k=size),
        person_pairs=chooser.choices(pairs, k=size),
        topic_id=topics[0]["topic"],
    )
