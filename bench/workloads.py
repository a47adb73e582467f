"""What to ask of whatever graph is loaded: random claims, words from claim texts,
and pairs of people who spoke on the busiest topic.

Every query here stays cheap at a million claims: ids come from the uniqueness index,
texts only for the sampled claims, and the busiest topic is found by its degree.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from typing import Final, NamedTuple

from neo4j import AsyncDriver, RoutingControl

CLAIM_IDS: Final = "MATCH (c:Claim) WHERE c.id IS NOT NULL RETURN c.id AS id ORDER BY id"
CLAIM_TEXTS: Final = "MATCH (c:Claim) WHERE c.id IN $ids RETURN c.text AS text ORDER BY c.id"
BUSIEST_TOPIC: Final = """
MATCH (t:Topic)
WITH t ORDER BY COUNT { (t)<-[:ABOUT_TOPIC]-() } DESC, t.id
LIMIT 1
MATCH (t)<-[:ABOUT_TOPIC]-(:Claim)<-[:ABOUT]-(:Assertion)<-[:MADE]-(p:Person)
WITH t, p.id AS person ORDER BY person
RETURN t.id AS topic, collect(DISTINCT person) AS people
"""
CLAIM_PLACES: Final = """
MATCH (c:Claim)<-[:ABOUT]-(:Assertion)-[:FOUND_IN]->(s:Source) WHERE c.id IN $ids
WITH c, min(s.id) AS source
MATCH (c)-[:ABOUT_TOPIC]->(t:Topic)
RETURN c.id AS id, source, min(t.id) AS topic ORDER BY id
"""
WORD: Final = re.compile(r"[A-Za-z]{5,}")
WORDS: Final = re.compile(r"\w+")
SEARCH_VOCABULARY: Final = 40
PHRASE_WORDS: Final = 4


class GraphSample(NamedTuple):
    claim_ids: list[str]
    search_terms: list[str]
    person_pairs: list[tuple[str, str]]
    topic_id: str
    # Four consecutive words of a sampled claim's text: a rare phrase.
    phrases: list[str]
    # The first source and topic of each sampled claim (graphs of every size have both).
    source_ids: list[str]
    topic_ids: list[str]


async def sample_graph(
    driver: AsyncDriver, database: str, size: int = 100, seed: int = 1
) -> GraphSample:
    """``size`` of each, drawn with replacement; the same for the same graph and seed."""
    chooser = random.Random(seed)  # noqa: S311 (sampling, not secrets)
    ids, _, _ = await driver.execute_query(
        CLAIM_IDS, routing_=RoutingControl.READ, database_=database
    )
    topics, _, _ = await driver.execute_query(
        BUSIEST_TOPIC, routing_=RoutingControl.READ, database_=database
    )
    if not ids or not topics or len(topics[0]["people"]) < 2:
        raise RuntimeError("the graph holds no claims, or no topic two people spoke on")
    claim_ids = chooser.choices([record["id"] for record in ids], k=size)
    texts, _, _ = await driver.execute_query(
        CLAIM_TEXTS, ids=claim_ids, routing_=RoutingControl.READ, database_=database
    )
    words = Counter(w.lower() for r in texts for w in WORD.findall(r["text"]))
    vocabulary = [word for word, _ in words.most_common(SEARCH_VOCABULARY)]
    places, _, _ = await driver.execute_query(
        CLAIM_PLACES, ids=claim_ids, routing_=RoutingControl.READ, database_=database
    )
    people = topics[0]["people"]
    pairs = [sorted(chooser.sample(people, 2)) for _ in range(size)]
    return GraphSample(
        claim_ids=claim_ids,
        search_terms=chooser.choices(vocabulary, k=size),
        person_pairs=[(first, second) for first, second in pairs],
        topic_id=topics[0]["topic"],
        phrases=[phrase(record["text"], chooser) for record in texts],
        source_ids=[record["source"] for record in places],
        topic_ids=[record["topic"] for record in places],
    )


def phrase(text: str, chooser: random.Random) -> str:
    """Up to four consecutive words of ``text``, quoted."""
    words = WORDS.findall(text)
    start = chooser.randrange(max(1, len(words) - PHRASE_WORDS + 1))
    return '"' + " ".join(words[start : start + PHRASE_WORDS]) + '"'
