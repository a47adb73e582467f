"""Topics: what claims are about."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
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
