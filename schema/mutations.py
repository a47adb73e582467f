"""Writes: token required, validated as the loader validates, never overwriting, audited.

Each resolver runs its write inside ``audited``: that refuses a caller without
a token (storing nothing), and leaves exactly one audit event for a writer's
mutation, whatever happens.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from claimtrace.core.errors import BadInput
from claimtrace.core.store import writes
from claimtrace.core.store.claims import assertion_brief, claim_conflicts
from claimtrace.schema.auditing import audited
from claimtrace.schema.claims import AssertionBrief, Claim, Conflict
from claimtrace.schema.common import (
    ConflictKind,
    DateBasis,
    Hedge,
    Mode,
    Precision,
    Qualifier,
    Stance,
)
from claimtrace.schema.context import Context
from claimtrace.schema.inputs import (
    DATE_TEXT,
    LONG_TEXT,
    SHORT_TEXT,
    SOURCE_TEXT,
    TITLE_TEXT,
    URL_TEXT,
    text_argument,
    text_field,
)
from claimtrace.schema.sources import Source


@strawberry.input
class PartialDateInput:
    date: str = text_field(DATE_TEXT, "2020, 2020-03, 2020-03-11 or 2021-07-08T10:00")
    precision: Precision

    def raw(self) -> dict[str, str]:
        return {"date": self.date, "precision": self.precision.value}


def _asserted(input: AddAssertionInput) -> object:
    """The input's date in the form the validation reads (as in a claims file)."""
    if input.asserted is not None:
        if input.asserted_basis not in (None, DateBasis.STATED):
            raise BadInput(
                "a date is STATED: give assertedBasis STATED or leave it out",
                field="input.assertedBasis",
            )
        return input.asserted.raw()
    if input.asserted_basis is DateBasis.STATED:
        raise BadInput("assertedBasis STATED needs the date: asserted", field="input.asserted")
    if input.asserted_basis is None:
        return None
    return {DateBasis.PUBLICATION: "publication", DateBasis.BOUNDED: "unknown"}[
        input.asserted_basis
    ]


@strawberry.input
class QuantityInput:
    value: float
    unit: str = text_field(SHORT_TEXT)
    qualifier: Qualifier


@strawberry.input
class AddSourceInput:
    id: strawberry.ID
    title: str = text_field(TITLE_TEXT)
    kind: str = text_field(SHORT_TEXT, "ARTICLE, BRIEF, REPORT, STATEMENT or POST")
    published: PartialDateInput
    language: str = text_field(SHORT_TEXT, default="en")
    url: str | None = text_field(URL_TEXT, default=None)
    genre: str | None = text_field(SHORT_TEXT, default=None)
    publisher_id: strawberry.ID | None = None
    author_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    republishes_id: strawberry.ID | None = None
    text: str | None = text_field(SOURCE_TEXT, "The full text as received.", default=None)
    confidence: str | None = text_field(SHORT_TEXT, default=None)
    note: str | None = text_field(LONG_TEXT, default=None)


@strawberry.input
class AddClaimInput:
    id: strawberry.ID
    text: str = text_field(LONG_TEXT)
    topic_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    quantity: QuantityInput | None = None
    refers_to: PartialDateInput | None = strawberry.field(
        default=None, description="When the event the claim is about happened."
    )
    refines_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Broader claims this one states more narrowly."
    )


@strawberry.input
class AddAssertionInput:
    id: strawberry.ID
    claim_id: strawberry.ID
    speaker_id: strawberry.ID
    source_id: strawberry.ID
    stance: Stance
    mode: Mode
    quote: str = text_field(LONG_TEXT, "Must be exactly the source's text[start:end].")
    start: int
    end: int
    hedge: Hedge = Hedge.CERTAIN
    asserted: PartialDateInput | None = strawberry.field(
        default=None, description="The date the text gives for the words (basis STATED)."
    )
    asserted_basis: DateBasis | None = strawberry.field(
        default=None,
        description="Without a date: PUBLICATION (the speaker is an author of the source) or "
        "BOUNDED (unknown, no later than the publication). When neither is given: PUBLICATION "
        "for an author, BOUNDED for anyone else.",
    )
    cites_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    note: str | None = text_field(LONG_TEXT, default=None)


@strawberry.input
class LinkConflictInput:
    claim_ids: list[strawberry.ID] = strawberry.field(description="Exactly two claims.")
    kind: ConflictKind
    note: str = text_field(LONG_TEXT, "Why the two claims cannot both hold.")


@strawberry.type
class AddSourcePayload:
    source: Source
    created: bool = strawberry.field(description="False when identical content was already there.")


@strawberry.type
class AddClaimPayload:
    claim: Claim
    created: bool


@strawberry.type
class AddAssertionPayload:
    assertion: AssertionBrief
    created: bool


@strawberry.type
class LinkConflictPayload:
    conflict: Conflict = strawberry.field(description="Seen from the first claim.")
    created: bool


@strawberry.type
class RetractAssertionPayload:
    assertion: AssertionBrief


def _ids(values: list[strawberry.ID]) -> list[str]:
    return [str(value) for value in values]


def _drop_none(raw: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if value is not None}


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def add_source(
        self, info: strawberry.Info[Context, None], input: AddSourceInput
    ) -> AddSourcePayload:
        raw = _drop_none({
            "id": str(input.id), "title": input.title, "kind": input.kind,
            "published": input.published.raw(), "language": input.language, "url": input.url,
            "genre": input.genre, "publisher": input.publisher_id and str(input.publisher_id),
            "authors": _ids(input.author_ids),
            "republishes": input.republishes_id and str(input.republishes_id),
            "confidence": input.confidence, "note": input.note,
        })  # fmt: skip
        context = info.context
        async with audited(context, "addSource", [str(input.id)]) as attempt:
            created = await writes.add_source(context.graph, raw, input.text, attempt)
        record = await context.loaders.sources.load(str(input.id))
        assert record is not None
        return AddSourcePayload(source=Source.from_record(record), created=created)

    @strawberry.mutation
    async def add_claim(
        self, info: strawberry.Info[Context, None], input: AddClaimInput
    ) -> AddClaimPayload:
        quantity = input.quantity
        raw = _drop_none({
            "id": str(input.id), "text": input.text, "topics": _ids(input.topic_ids),
            "quantity": {"value": quantity.value, "unit": quantity.unit,
                         "qualifier": quantity.qualifier.value} if quantity else None,
            "refers_to": input.refers_to.raw() if input.refers_to else None,
            "refines": _ids(input.refines_ids),
        })  # fmt: skip
        context = info.context
        async with audited(context, "addClaim", [str(input.id)]) as attempt:
            created = await writes.add_claim(context.graph, raw, attempt)
        record = await context.loaders.claims.load(str(input.id))
        assert record is not None
        return AddClaimPayload(claim=Claim.from_record(record), created=created)

    @strawberry.mutation
    async def add_assertion(
        self, info: strawberry.Info[Context, None], input: AddAssertionInput
    ) -> AddAssertionPayload:
        context = info.context
        async with audited(context, "addAssertion", [str(input.id)]) as attempt:
            raw = _drop_none({
                "id": str(input.id), "claim": str(input.claim_id), "by": str(input.speaker_id),
                "source": str(input.source_id), "stance": input.stance.value,
                "mode": input.mode.value, "hedge": input.hedge.value, "quote": input.quote,
                "start": input.start, "end": input.end,
                "asserted": _asserted(input),  # may refuse: inside the audit, after the token
                "cites": _ids(input.cites_ids), "note": input.note,
            })  # fmt: skip
            created = await writes.add_assertion(context.graph, raw, attempt)
        record = await assertion_brief(context.graph, str(input.id))
        assert record is not None
        return AddAssertionPayload(assertion=AssertionBrief.from_record(record), created=created)

    @strawberry.mutation
    async def link_conflict(
        self, info: strawberry.Info[Context, None], input: LinkConflictInput
    ) -> LinkConflictPayload:
        claim_ids = _ids(input.claim_ids)
        raw = {"claims": claim_ids, "kind": input.kind.value, "note": input.note}
        context = info.context
        async with audited(context, "linkConflict", claim_ids) as attempt:
            created = await writes.link_conflict(context.graph, raw, attempt)
        conflicts = await claim_conflicts(context.graph, claim_ids[0])
        assert conflicts is not None  # the claim was just linked
        [record] = [c for c in conflicts if c.other_claim.id == claim_ids[1]]
        return LinkConflictPayload(conflict=Conflict.from_record(record), created=created)

    @strawberry.mutation(
        description="Mark an assertion withdrawn; it stays visible, with the time recorded.",
    )
    async def retract_assertion(
        self,
        info: strawberry.Info[Context, None],
        id: strawberry.ID,
        reason: Annotated[str | None, text_argument(LONG_TEXT)] = None,
    ) -> RetractAssertionPayload:
        context = info.context
        async with audited(context, "retractAssertion", [str(id)]) as attempt:
            await writes.retract_assertion(context.graph, str(id), reason, attempt)
        record = await assertion_brief(context.graph, str(id))
        assert record is not None
        return RetractAssertionPayload(assertion=AssertionBrief.from_record(record))
