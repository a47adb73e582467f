"""Topics: what claims are about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.batch import fetch_by_ids
from claimtrace.core.store.records import Map


@dataclass(frozen=True)
class TopicRecord:
    id: str
    name: str
    claim_count: int

    @classmethod
    def from_map(cls, value: Map) -> TopicRecord:
        return cls(id=value["id"], name=value["name"], claim_count=value["claimCount"])


async def list_topics(graph: Graph) -> list[TopicRecord]:
    records = await graph.read(cypher.LIST_TOPICS)
    return [TopicRecord.from_map(record["topic"]) for record in records]


async def topics_by_id(graph: Graph, ids: Sequence[str]) -> list[TopicRecord | None]:
    """One query for many ids; results in the order of ``ids``, None where unknown."""
    return await fetch_by_ids(graph, cypher.TOPICS_BY_ID, ids, "topic", TopicRecord.from_map)


async def claim_topic_ids(graph: Graph, claim_ids: Sequence[str]) -> list[tuple[str, ...]]:
    """The topic ids of each claim, in the order of ``claim_ids``; none for an unknown claim."""
    records = await graph.read(cypher.CLAIM_TOPIC_IDS, ids=list(claim_ids))
    found = {record["id"]: tuple(sorted(record["topicIds"])) for record in records}
    return [found.get(claim_id, ()) for claim_id in claim_ids]
