"""Read records: what the read queries return, as typed, immutable values.

Each ``from_map`` reads the map projection of one query shape, and is the one
place where driver values become Python ones: enums and partial dates from the
vocabulary, Neo4j DateTimes as ``datetime``. The GraphQL types in ``schema/``
are built from these and convert nothing further.

These are the answers' shapes (links resolved to the records they name, derived
values such as ``first_asserted``); what a write carries is in core/records.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from claimtrace.core.vocabulary import (
    AssertedDate,
    ConflictKind,
    Hedge,
    Mode,
    PartialDate,
    Quantity,
    Stance,
)

Map = Mapping[str, Any]  # a map projection, or the driver's record holding one


def native_datetime(value: Any) -> dt.datetime | None:
    """Neo4j's DateTime as Python's (None stays None)."""
    if value is None:
        return None
    native: dt.datetime = value.to_native()
    return native


def quote_verified(value: Map) -> bool:
    """Only an unverified quote carries the property (``quoteVerified: false``)."""
    return value.get("quoteVerified") is not False


@dataclass(frozen=True)
class AgentRecord:
    """A person or an organization (anonymous agents included)."""

    id: str
    name: str
    is_person: bool
    kind: str | None = None

    @classmethod
    def from_map(cls, value: Map) -> AgentRecord:
        return cls(value["id"], value["name"], bool(value.get("isPerson")), value.get("kind"))


@dataclass(frozen=True)
class AffiliationRecord:
    organization: AgentRecord
    role: str
    as_of: PartialDate | None

    @classmethod
    def from_map(cls, value: Map) -> AffiliationRecord:
        organization = AgentRecord(value["id"], value["name"], False, value.get("kind"))
        return cls(
            organization,
            value["role"],
            PartialDate.from_props(value, "asOf"),
        )


@dataclass(frozen=True)
class SourceRecord:
    id: str
    title: str
    url: str | None
    kind: str | None
    genre: str | None
    language: str | None
    published: PartialDate | None
    confidence: str | None
    note: str | None
    sha256: str | None
    publisher: AgentRecord | None
    authors: tuple[AgentRecord, ...]
    republishes: SourceRecord | None

    @classmethod
    def from_map(cls, value: Map) -> SourceRecord:
        publisher = value.get("publisher")
        original = value.get("republishes")
        return cls(
            id=value["id"],
            title=value["title"],
            url=value.get("url"),
            kind=value.get("kind"),
            genre=value.get("genre"),
            language=value.get("language"),
            published=PartialDate.from_props(value, "published"),
            confidence=value.get("confidence"),
            note=value.get("note"),
            sha256=value.get("sha256"),
            publisher=AgentRecord(publisher["id"], publisher["name"], False, publisher.get("kind"))
            if publisher
            else None,
            authors=tuple(AgentRecord.from_map(a) for a in value.get("authors") or ()),
            republishes=cls.from_map(original) if original else None,
        )


@dataclass(frozen=True)
class ClaimRecord:
    id: str
    text: str
    quantity: Quantity | None
    first_asserted: str | None  # the "no later than" of its first appearance, ISO minute
    refers_to: PartialDate | None  # when the event it is about happened

    @classmethod
    def from_map(cls, value: Map) -> ClaimRecord:
        return cls(
            id=value["id"],
            text=value["text"],
            quantity=Quantity.from_props(value),
            first_asserted=value.get("firstAsserted"),
            refers_to=PartialDate.from_props(value, "refersTo"),
        )


@dataclass(frozen=True)
class RefinementsRecord:
    """The claims a claim narrows (refines) and those that narrow it (refined_by)."""

    id: str
    refines: tuple[str, ...]
    refined_by: tuple[str, ...]

    @classmethod
    def from_map(cls, value: Map) -> RefinementsRecord:
        return cls(value["id"], tuple(value["refines"]), tuple(value["refinedBy"]))


@dataclass(frozen=True)
class AssertionBriefRecord:
    """An assertion in brief: a link of a CITES chain, or one on the other side of a conflict."""

    assertion_id: str
    speaker: AgentRecord
    stance: Stance
    mode: Mode
    hedge: Hedge
    quote: str
    asserted: AssertedDate
    retracted_at: dt.datetime | None
    source_id: str
    source_title: str
    claim_id: str | None = None
    claim_text: str | None = None
    quote_verified: bool = True

    @classmethod
    def from_map(cls, value: Map) -> AssertionBriefRecord:
        return cls(
            assertion_id=value["id"],
            speaker=AgentRecord.from_map(value["speaker"]),
            stance=Stance(value["stance"]),
            mode=Mode(value["mode"]),
            hedge=Hedge(value["hedge"]),
            quote=value["quote"],
            asserted=AssertedDate.from_props(value),
            retracted_at=native_datetime(value.get("retractedAt")),
            source_id=value["sourceId"],
            source_title=value["sourceTitle"],
            claim_id=value.get("claimId"),
            claim_text=value.get("claimText"),
            quote_verified=quote_verified(value),
        )


@dataclass(frozen=True)
class AssertionRecord:
    id: str
    stance: Stance
    mode: Mode
    hedge: Hedge
    quote: str
    start: int | None  # None (with end) when the quote is not verified
    end: int | None
    asserted: AssertedDate
    recorded_at: dt.datetime | None
    retracted_at: dt.datetime | None
    note: str | None
    speaker: AgentRecord
    affiliations: tuple[AffiliationRecord, ...]
    source: SourceRecord
    chain: tuple[AssertionBriefRecord, ...]
    quote_verified: bool = True  # checked against the source's held text at [start:end]
    rating: str | None = None  # a fact-checker's verdict, verbatim

    @classmethod
    def from_map(cls, value: Map) -> AssertionRecord:
        return cls(
            id=value["id"],
            stance=Stance(value["stance"]),
            mode=Mode(value["mode"]),
            hedge=Hedge(value["hedge"]),
            quote=value["quote"],
            start=value.get("start"),
            end=value.get("end"),
            asserted=AssertedDate.from_props(value),
            recorded_at=native_datetime(value.get("recordedAt")),
            retracted_at=native_datetime(value.get("retractedAt")),
            note=value.get("note"),
            speaker=AgentRecord.from_map(value["speaker"]),
            affiliations=tuple(
                AffiliationRecord.from_map(a) for a in value.get("affiliations") or ()
            ),
            source=SourceRecord.from_map(value["source"]),
            chain=tuple(AssertionBriefRecord.from_map(step) for step in value.get("chain") or ()),
            quote_verified=quote_verified(value),
            rating=value.get("rating"),
        )

    def brief(self, claim: ClaimRecord) -> AssertionBriefRecord:
        return AssertionBriefRecord(
            assertion_id=self.id,
            speaker=self.speaker,
            stance=self.stance,
            mode=self.mode,
            hedge=self.hedge,
            quote=self.quote,
            asserted=self.asserted,
            retracted_at=self.retracted_at,
            source_id=self.source.id,
            source_title=self.source.title,
            claim_id=claim.id,
            claim_text=claim.text,
            quote_verified=self.quote_verified,
        )


@dataclass(frozen=True)
class ConflictRecord:
    kind: ConflictKind
    note: str
    other_claim: ClaimRecord
    other_side: tuple[AssertionBriefRecord, ...]
    this_side: tuple[AssertionBriefRecord, ...] = ()

    @classmethod
    def from_map(cls, value: Map) -> ConflictRecord:
        return cls(
            kind=ConflictKind(value["kind"]),
            note=value["note"],
            other_claim=ClaimRecord.from_map(value["otherClaim"]),
            other_side=tuple(AssertionBriefRecord.from_map(a) for a in value["otherAssertions"]),
            this_side=tuple(AssertionBriefRecord.from_map(a) for a in value.get("thisSide") or ()),
        )


@dataclass(frozen=True)
class ProvenanceRecord:
    claim: ClaimRecord
    assertions: tuple[AssertionRecord, ...]  # by date: the first is the first appearance
    independent_source_count: int
    # Counting the outlets that support a narrower claim refining this one, too.
    independent_source_count_with_refinements: int
    conflicts: tuple[ConflictRecord, ...]

    @classmethod
    def from_map(cls, value: Map) -> ProvenanceRecord:
        assertions = tuple(AssertionRecord.from_map(a) for a in value["assertions"])
        claim = ClaimRecord.from_map(value["claim"])
        this_side = tuple(a.brief(claim) for a in assertions)  # shared by every conflict
        return cls(
            claim=claim,
            assertions=assertions,
            independent_source_count=value["independentSourceCount"],
            independent_source_count_with_refinements=value[
                "independentSourceCountWithRefinements"
            ],
            conflicts=tuple(
                replace(ConflictRecord.from_map(c), this_side=this_side) for c in value["conflicts"]
            ),
        )
