"""Claims, the assertions made about them, their provenance and their conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from claimtrace.core.errors import NotFound
from claimtrace.core.search import MAX_SEARCH_LENGTH, parse_search
from claimtrace.core.snippets import Snippet as SnippetRecord
from claimtrace.core.store.claim_pages import (
    ClaimFilterRecord,
    ClaimHit,
    ClaimOrder,
    ClaimPage,
    claims_page,
)
from claimtrace.core.store.claims import claim_as_of, claim_conflicts
from claimtrace.core.store.pages import check_first
from claimtrace.core.store.provenance import fetch_provenance
from claimtrace.core.store.records import (
    AssertionBriefRecord,
    AssertionRecord,
    ClaimRecord,
    ConflictRecord,
    ProvenanceRecord,
)
from claimtrace.schema.common import (
    AsOf,
    AssertedDate,
    ConflictKind,
    DateMatch,
    Hedge,
    Mode,
    PartialDate,
    Quantity,
    Span,
    Stance,
    check_partial_date,
    optional_id,
)
from claimtrace.schema.context import Context
from claimtrace.schema.facet_types import DEFAULT_BUCKETS, ClaimFacets, FacetNames, facets_of
from claimtrace.schema.global_ids import Node
from claimtrace.schema.inputs import CURSOR_TEXT, DATE_TEXT, text_argument, text_field
from claimtrace.schema.pagination import PageInfo
from claimtrace.schema.people import Affiliation, Agent, agent_from_record
from claimtrace.schema.selection import provenance_parts
from claimtrace.schema.sources import Source
from claimtrace.schema.topics import Topic


@strawberry.type(description="One proposition, stated neutrally.")
class Claim(Node):
    text: str
    quantity: Quantity | None
    refers_to: PartialDate | None = strawberry.field(
        description="When the event the claim is about happened, if known."
    )
    first_asserted: str | None = strawberry.field(
        description="The latest moment by which the claim had certainly been asserted: the "
        "notAfter of its first appearance (ISO minute)."
    )
    as_of: strawberry.Private[dt.datetime | None] = None

    @strawberry.field(description="What the claim is about, by name.")
    async def topics(self, info: strawberry.Info[Context, None]) -> list[Topic]:
        ids = await info.context.loaders.claim_topic_ids.load(str(self.id))
        records = await info.context.loaders.topics.load_many(list(ids))
        found = [Topic.from_record(r) for r in records if r is not None]
        return sorted(found, key=lambda topic: (topic.name, str(topic.id)))

    @strawberry.field(description="Broader claims this one states more narrowly (REFINES).")
    async def refines(self, info: strawberry.Info[Context, None]) -> list[Claim]:
        links = await info.context.loaders.refinements.load((str(self.id), self.as_of))
        return await self._claims(info, links.refines)

    @strawberry.field(description="Narrower claims that refine this one.")
    async def refined_by(self, info: strawberry.Info[Context, None]) -> list[Claim]:
        links = await info.context.loaders.refinements.load((str(self.id), self.as_of))
        return await self._claims(info, links.refined_by)

    async def _claims(
        self, info: strawberry.Info[Context, None], ids: tuple[str, ...]
    ) -> list[Claim]:
        records = await info.context.loaders.claims.load_many(list(ids))
        return [Claim.from_record(r, self.as_of) for r in records if r is not None]

    @classmethod
    def from_record(cls, record: ClaimRecord, as_of: dt.datetime | None = None) -> Claim:
        return cls(
            id=strawberry.ID(record.id),
            text=record.text,
            quantity=record.quantity,
            refers_to=record.refers_to,
            first_asserted=record.first_asserted,
            as_of=as_of,
        )


@strawberry.type(description="An assertion in brief: whose words, where, and about what.")
class AssertionBrief:
    id: strawberry.ID
    speaker: Agent
    stance: Stance
    mode: Mode
    hedge: Hedge
    quote: str
    quote_verified: bool = strawberry.field(
        description="False when no held text could check the quote (see Assertion)."
    )
    asserted: PartialDate | None = strawberry.field(description="Null when unknown; see when.")
    when: AssertedDate
    retracted_at: dt.datetime | None
    source_id: strawberry.ID
    source_title: str
    claim_id: strawberry.ID | None
    claim_text: str | None

    @classmethod
    def from_record(cls, record: AssertionBriefRecord) -> AssertionBrief:
        return cls(
            id=strawberry.ID(record.assertion_id),
            speaker=agent_from_record(record.speaker),
            stance=record.stance,
            mode=record.mode,
            hedge=record.hedge,
            quote=record.quote,
            quote_verified=record.quote_verified,
            asserted=record.asserted.date,
            when=record.asserted,
            retracted_at=record.retracted_at,
            source_id=strawberry.ID(record.source_id),
            source_title=record.source_title,
            claim_id=strawberry.ID(record.claim_id) if record.claim_id else None,
            claim_text=record.claim_text,
        )


@strawberry.type(description="One act of someone taking a position on a claim, in one source.")
class Assertion(Node):
    speaker: Agent
    speaker_affiliations: list[Affiliation] = strawberry.field(
        description="The speaker's roles as of the assertion's date, latest first."
    )
    stance: Stance
    mode: Mode
    hedge: Hedge
    quote: str = strawberry.field(
        description="The exact words: source text[span.start:span.end] when quoteVerified."
    )
    quote_verified: bool = strawberry.field(
        description="True when the quote was checked against the source's held text at its "
        "span. False when no text is held to check it against (an imported fact-check): "
        "the quote is as the record gave it, and span is null."
    )
    span: Span | None = strawberry.field(description="Null when the quote is not verified.")
    rating: str | None = strawberry.field(
        description="A fact-checker's verdict exactly as it was published (its textual "
        "rating); stance is read from it. Null for other assertions."
    )
    asserted: PartialDate | None = strawberry.field(
        description="When it was said, null when unknown; when gives the basis and bounds."
    )
    when: AssertedDate
    recorded_at: dt.datetime | None
    retracted_at: dt.datetime | None = strawberry.field(description="Set once withdrawn; kept.")
    note: str | None
    source: Source
    citation_chain: list[AssertionBrief] = strawberry.field(
        description="Whose words this passes on (CITES), down to the first speaker."
    )

    @classmethod
    def from_record(cls, record: AssertionRecord) -> Assertion:
        return cls(
            id=strawberry.ID(record.id),
            speaker=agent_from_record(record.speaker),
            speaker_affiliations=[Affiliation.from_record(a) for a in record.affiliations],
            stance=record.stance,
            mode=record.mode,
            hedge=record.hedge,
            quote=record.quote,
            quote_verified=record.quote_verified,
            span=Span(start=record.start, end=record.end)
            if record.start is not None and record.end is not None
            else None,
            rating=record.rating,
            asserted=record.asserted.date,
            when=record.asserted,
            recorded_at=record.recorded_at,
            retracted_at=record.retracted_at,
            note=record.note,
            source=Source.from_record(record.source),
            citation_chain=[AssertionBrief.from_record(step) for step in record.chain],
        )


@strawberry.type(description="Another claim that cannot hold together with this one.")
class Conflict:
    kind: ConflictKind
    note: str = strawberry.field(description="Why the two claims conflict.")
    other_claim: Claim
    this_side: list[AssertionBrief] = strawberry.field(
        description="The assertions about this claim, by date."
    )
    other_side: list[AssertionBrief] = strawberry.field(
        description="The assertions about the other claim, by date."
    )

    @classmethod
    def from_record(
        cls,
        record: ConflictRecord,
        this_side: list[AssertionBrief] | None = None,
        as_of: dt.datetime | None = None,
    ) -> Conflict:
        """``this_side``: already converted, when several conflicts share it."""
        return cls(
            kind=record.kind,
            note=record.note,
            other_claim=Claim.from_record(record.other_claim, as_of),
            this_side=this_side
            if this_side is not None
            else [AssertionBrief.from_record(a) for a in record.this_side],
            other_side=[AssertionBrief.from_record(a) for a in record.other_side],
        )


@strawberry.type(description="Where a claim comes from, who carries it and who disagrees.")
class Provenance:
    claim: Claim
    assertions: list[Assertion] = strawberry.field(description="Ordered by date, earliest first.")
    independent_source_count: int = strawberry.field(
        description="Distinct outlets supporting the claim or a claim confirmed to state the "
        "same proposition (SAME_AS), after following citations to the first speaker and "
        "republished copies to their original."
    )
    independent_source_count_with_refinements: int = strawberry.field(
        description="The same, counting also the outlets that support a narrower claim "
        "refining this one (support for the narrower claim is support for this one)."
    )
    conflicts: list[Conflict]

    @strawberry.field(description="The earliest assertion: where the claim first appeared.")
    def first_appearance(self) -> Assertion | None:
        return self.assertions[0] if self.assertions else None

    @classmethod
    def from_record(cls, record: ProvenanceRecord, as_of: dt.datetime | None) -> Provenance:
        conflicts = record.conflicts
        this_side = (
            [AssertionBrief.from_record(a) for a in conflicts[0].this_side] if conflicts else []
        )
        return cls(
            claim=Claim.from_record(record.claim, as_of),
            assertions=[Assertion.from_record(a) for a in record.assertions],
            independent_source_count=record.independent_source_count,
            independent_source_count_with_refinements=(
                record.independent_source_count_with_refinements
            ),
            conflicts=[Conflict.from_record(c, this_side, as_of) for c in conflicts],
        )


@strawberry.input(description="All given conditions must hold.")
class ClaimFilter:
    search: str | None = text_field(
        MAX_SEARCH_LENGTH,
        "Full-text search in the claim's text and its assertions' quotes. Every word is "
        'required; "a quoted phrase" must appear as written; -word (or -"a phrase") must not '
        "appear; a OR b needs either. Nothing else has a meaning: other characters are "
        "searched as they are.",
        default=None,
    )
    topic_id: strawberry.ID | None = None
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="Someone made an assertion about the claim."
    )
    source_id: strawberry.ID | None = None
    publisher_id: strawberry.ID | None = None
    asserted_from: str | None = text_field(
        DATE_TEXT,
        "An assertion made on or after: 2020, 2020-03 or 2020-03-11 (from the start of that "
        "period; see dateMatch).",
        default=None,
    )
    asserted_to: str | None = text_field(
        DATE_TEXT,
        "An assertion made on or before: 2020, 2020-03 or 2020-03-11 (to the end of that "
        "period; see dateMatch).",
        default=None,
    )
    date_match: DateMatch = strawberry.field(
        default=DateMatch.OVERLAPS,
        description="OVERLAPS (default): the assertion could have been made in the range; "
        "WITHIN: it certainly was. An unknown date (no later than its source) is never WITHIN.",
    )
    has_conflicts: bool | None = None
    stance: Stance | None = strawberry.field(
        default=None, description="An assertion (matching the other conditions) with this stance."
    )

    def to_record(self) -> ClaimFilterRecord:
        # Its length is checked with every other string input's (schema/inputs.py).
        if self.search is not None:
            parse_search(self.search)
        return ClaimFilterRecord(
            search=self.search,
            topic_id=optional_id(self.topic_id),
            person_id=optional_id(self.person_id),
            source_id=optional_id(self.source_id),
            publisher_id=optional_id(self.publisher_id),
            asserted_from=check_partial_date("filter.assertedFrom", self.asserted_from),
            asserted_to=check_partial_date("filter.assertedTo", self.asserted_to),
            date_match=self.date_match,
            has_conflicts=self.has_conflicts,
            stance=self.stance,
        )


strawberry.enum(
    ClaimOrder,
    description="RELEVANCE: best full-text match first (score, then id), only with a search; "
    "FIRST_ASSERTED: by firstAsserted, then id (claims not yet asserted last).",
)


@strawberry.type(description="A matched span: text[start:end] of the whole text or quote.")
class Highlight:
    start: int
    end: int


@strawberry.type(
    description="Where a search matched a claim: in its own text (assertionId null) or in the "
    "quote of one of its assertions. Offsets count Unicode code points, from the start of "
    'the whole text or quote. On the seed corpus, search: "EFPs OR penetrators killed '
    'troops" finds claim-efp-196-killed with text "Explosively formed penetrators (EFPs) '
    'supplied by Iran killed at least 196 US troops in Iraq.", start 0 and highlights '
    "[19, 30), [32, 36), [55, 61), [78, 84)."
)
class Snippet:
    text: str = strawberry.field(description="The part of the text shown, at most 240 long.")
    start: int = strawberry.field(description="Where text starts in the whole text or quote.")
    highlights: list[Highlight] = strawberry.field(description="The matched spans, in order.")
    assertion_id: strawberry.ID | None = strawberry.field(
        description="The assertion whose quote matched; null for the claim's own text."
    )

    @classmethod
    def from_record(cls, record: SnippetRecord, assertion_id: str | None) -> Snippet:
        return cls(
            text=record.text,
            start=record.start,
            highlights=[Highlight(start=h.start, end=h.end) for h in record.highlights],
            assertion_id=strawberry.ID(assertion_id) if assertion_id else None,
        )


@strawberry.type
class ClaimEdge:
    cursor: str
    node: Claim
    score: float | None = strawberry.field(
        description="With a search: the full-text score of the claim's best match."
    )
    snippet: Snippet | None = strawberry.field(
        description="With a search: the best match, highlighted."
    )

    @classmethod
    def from_hit(cls, hit: ClaimHit, cursor: str) -> ClaimEdge:
        return cls(
            cursor=cursor,
            node=Claim.from_record(hit.claim),
            score=hit.score,
            snippet=Snippet.from_record(hit.snippet, hit.assertion_id) if hit.snippet else None,
        )


@strawberry.type(description="A page of claims; pass pageInfo.endCursor as `after` for the next.")
class ClaimConnection:
    edges: list[ClaimEdge]
    page_info: PageInfo

    @classmethod
    def from_page(cls, page: ClaimPage) -> ClaimConnection:
        edges = [ClaimEdge.from_hit(hit, cursor) for hit, cursor in page.hits]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next,
                has_previous_page=page.has_previous,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )


@strawberry.type
class ClaimQueries:
    @strawberry.field(
        description="Claims matching the filter; first <= 100. With a search, best match first "
        "(orderBy RELEVANCE, each edge with its score and snippet); otherwise, or with orderBy "
        "FIRST_ASSERTED, in order of first assertion, then id. A cursor only continues the "
        "query (filter and order) it came from."
    )
    async def claims(
        self,
        info: strawberry.Info[Context, None],
        filter: ClaimFilter | None = None,
        first: int = 20,
        after: Annotated[str | None, text_argument(CURSOR_TEXT)] = None,
        order_by: ClaimOrder | None = None,
    ) -> ClaimConnection:
        where = filter.to_record() if filter else ClaimFilterRecord()
        page = await claims_page(info.context.graph, where, check_first(first), after, order_by)
        return ClaimConnection.from_page(page)

    @strawberry.field(
        description="Counts over the claims the filter matches (a search included), in one "
        "query: totals, and per facet its largest values (at most `buckets`, 1 to 100). On "
        'the seed corpus, filter: {topicId: "topic-deterrence-after-soleimani"} counts 23 '
        "claims and 35 assertions; by stance SUPPORTS 21 claims (28 assertions), REFUTES 3 "
        "(6), UNDECIDED 1 (1)."
    )
    async def claim_facets(
        self,
        info: strawberry.Info[Context, None],
        filter: ClaimFilter | None = None,
        facets: FacetNames = None,
        buckets: int = DEFAULT_BUCKETS,
    ) -> ClaimFacets:
        where = filter.to_record() if filter else ClaimFilterRecord()
        return await facets_of(info.context.graph, where, facets, buckets)

    @strawberry.field(description="One claim by id; null when there is none (then).")
    async def claim(
        self,
        info: strawberry.Info[Context, None],
        id: strawberry.ID,
        as_of: AsOf = None,
    ) -> Claim | None:
        if as_of is None:
            record = await info.context.loaders.claims.load(str(id))
        else:
            record = await claim_as_of(info.context.graph, str(id), as_of)
        return Claim.from_record(record, as_of) if record else None

    @strawberry.field(
        description="The claims that contradict this one, and who holds each side; "
        "NOT_FOUND for an unknown claim."
    )
    async def conflicts(
        self,
        info: strawberry.Info[Context, None],
        claim_id: strawberry.ID,
        as_of: AsOf = None,
    ) -> list[Conflict]:
        records = await claim_conflicts(info.context.graph, str(claim_id), as_of)
        if records is None:
            raise NotFound(f"no claim with id {claim_id}", field="claimId")
        return [Conflict.from_record(r, as_of=as_of) for r in records]

    @strawberry.field(
        description="The provenance of a claim, in one database round trip that computes "
        "only the parts selected."
    )
    async def provenance(
        self,
        info: strawberry.Info[Context, None],
        claim_id: strawberry.ID,
        as_of: AsOf = None,
    ) -> Provenance | None:
        parts = provenance_parts(info.selected_fields)
        record = await fetch_provenance(info.context.graph, str(claim_id), as_of, parts)
        return Provenance.from_record(record, as_of) if record else None
