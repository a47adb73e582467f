"""Source documents."""

from __future__ import annotations

import strawberry

from api.store.records import SourceRecord
from schema.common import PartialDate
from schema.people import Agent, Organization, agent_from_record


@strawberry.type(description="A document: article, brief, report, statement, post.")
class Source:
    id: strawberry.ID
    title: str
    url: str | None
    kind: str | None
    genre: str | None
    language: str | None
    published: PartialDate | None
    publisher: Organization | None = strawberry.field(description="None when unknown.")
    authors: list[Agent] = strawberry.field(description="Empty when no author is known.")
    republishes: Source | None = strawberry.field(
        description="The document this one is a copy of, if it is one."
    )
    confidence: str | None = strawberry.field(description="How sure the metadata is.")
    note: str | None
    sha256: str | None = strawberry.field(description="Of the text as received, UTF-8.")

    @classmethod
    def from_record(cls, record: SourceRecord) -> Source:
        publisher = record.publisher
        return cls(
            id=strawberry.ID(record.id),
            title=record.title,
            url=record.url,
            kind=record.kind,
            genre=record.genre,
            language=record.language,
            published=PartialDate.from_record(record.published),
            publisher=Organization(
                id=strawberry.ID(publisher.id), name=publisher.name, kind=publisher.kind
            )
            if publisher
            else None,
            authors=[agent_from_record(a) for a in record.authors],
            republishes=cls.from_record(record.republishes) if record.republishes else None,
            confidence=record.confidence,
            note=record.note,
            sha256=record.sha256,
        )
