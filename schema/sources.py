"""Source documents."""

from __future__ import annotations

from typing import Annotated

import strawberry

from claimtrace.core.store.claim_pages import ClaimFilterRecord
from claimtrace.core.store.pages import check_first, decode_cursor
from claimtrace.core.store.records import SourceRecord
from claimtrace.core.store.sources import SourceFilterRecord, sources_page
from claimtrace.schema.common import DateMatch, PartialDate, check_partial_date, optional_id
from claimtrace.schema.context import Context
from claimtrace.schema.facet_types import DEFAULT_BUCKETS, ClaimFacets, FacetNames, facets_of
from claimtrace.schema.global_ids import Node
from claimtrace.schema.inputs import (
    CONTAINS_TEXT,
    CURSOR_TEXT,
    DATE_TEXT,
    SHORT_TEXT,
    text_argument,
    text_field,
)
from claimtrace.schema.pagination import Connection, connection
from claimtrace.schema.people import Agent, Organization, agent_from_record


@strawberry.type(description="A document: article, brief, report, statement, post.")
class Source(Node):
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

    @strawberry.field(
        description="The full text as received; null when none is held. Spans count its "
        "Unicode code points. Costly: each counts as 1,000 fields against the query budget."
    )
    async def text(self, info: strawberry.Info[Context, None]) -> str | None:
        return await info.context.loaders.source_texts.load(str(self.id))

    @strawberry.field(
        description="Counts over the claims asserted in it: by topic, stance, speaker, mode, "
        "year, month (as claimFacets with sourceId)."
    )
    async def facets(
        self,
        info: strawberry.Info[Context, None],
        names: FacetNames = None,
        buckets: int = DEFAULT_BUCKETS,
    ) -> ClaimFacets:
        where = ClaimFilterRecord(source_id=str(self.id))
        return await facets_of(info.context.graph, where, names, buckets)

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
            published=record.published,
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


@strawberry.input(description="All given conditions must hold.")
class SourceFilter:
    publisher_id: strawberry.ID | None = None
    author_id: strawberry.ID | None = strawberry.field(
        default=None, description="A person or an organization."
    )
    kind: str | None = text_field(SHORT_TEXT, "ARTICLE, BRIEF, REPORT ...", default=None)
    published_from: str | None = text_field(
        DATE_TEXT, "On or after: 2020, 2020-03 or 2020-03-11.", default=None
    )
    published_to: str | None = text_field(
        DATE_TEXT, "On or before: 2020, 2020-03 or 2020-03-11.", default=None
    )
    title_contains: str | None = text_field(
        CONTAINS_TEXT, "Part of the title, any case.", default=None
    )
    date_match: DateMatch = strawberry.field(
        default=DateMatch.OVERLAPS,
        description="OVERLAPS (default): the publication could fall in the range; WITHIN: it "
        "certainly does (a source dated 2020 is not WITHIN 2020-03).",
    )

    def to_record(self) -> SourceFilterRecord:
        return SourceFilterRecord(
            publisher_id=optional_id(self.publisher_id),
            author_id=optional_id(self.author_id),
            kind=self.kind,
            published_from=check_partial_date("filter.publishedFrom", self.published_from),
            published_to=check_partial_date("filter.publishedTo", self.published_to),
            date_match=self.date_match,
            title_contains=self.title_contains,
        )


@strawberry.type
class SourceQueries:
    @strawberry.field(description="One source by id; null when there is none.")
    async def source(
        self, info: strawberry.Info[Context, None], id: strawberry.ID
    ) -> Source | None:
        record = await info.context.loaders.sources.load(str(id))
        return Source.from_record(record) if record else None

    @strawberry.field(description="Sources by publication date, then id; first <= 100.")
    async def sources(
        self,
        info: strawberry.Info[Context, None],
        filter: SourceFilter | None = None,
        first: int = 20,
        after: Annotated[str | None, text_argument(CURSOR_TEXT)] = None,
    ) -> Connection[Source]:
        where = filter.to_record() if filter else SourceFilterRecord()
        context = info.context
        page = await sources_page(context.graph, where, check_first(first), decode_cursor(after))
        return connection(page, Source.from_record)
