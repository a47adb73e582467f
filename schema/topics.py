"""Topics: what claims are about, so analysts can be compared on them."""

from __future__ import annotations

import strawberry

from claimtrace.core.store.topics import TopicRecord, list_topics
from claimtrace.schema.context import Context
from claimtrace.schema.global_ids import Node


@strawberry.type(
    description="What claims are about, e.g. US deterrence after the Soleimani strike."
)
class Topic(Node):
    name: str
    claim_count: int = strawberry.field(description="How many claims are about this topic.")

    @classmethod
    def from_record(cls, record: TopicRecord) -> Topic:
        return cls(id=strawberry.ID(record.id), name=record.name, claim_count=record.claim_count)


@strawberry.type
class TopicQueries:
    @strawberry.field(description="Every topic, by name.")
    async def topics(self, info: strawberry.Info[Context, None]) -> list[Topic]:
        context = info.context
        return [Topic.from_record(r) for r in await list_topics(context.graph)]
