"""Topics: what claims are about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import AsyncDriver, RoutingControl

from claimtrace.core import cypher


@dataclass(frozen=True)
class TopicRecord:
    id: str
    name: str
    claim_count: int

    @classmethod
    def from_map(cls, value: dict[str, Any]) -> TopicRecord:
        return cls(id=value["id"], name=value["name"], claim_count=value["claimCount"])


async def list_topics(driver: AsyncDriver, database: str) -> list[TopicRecord]:
    records, _, _ = await driver.execute_query(
        cypher.LIST_TOPICS, routing_=RoutingControl.READ, database_=database
    )
    return [TopicRecord.from_map(record["topic"]) for record in records]
