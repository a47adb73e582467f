"""Storage records: what the read queries return, as typed, immutable values.

Each ``from_map`` reads the map projection of one query shape; the GraphQL
types in ``schema/`` are built from these, never from raw driver records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

Map = dict[str, Any]


@dataclass(frozen=True)
class PartialDateRecord:
    date: str
    precision: str

    @classmethod
    def of(cls, date: str | None, precision: str | None) -> PartialDateRecord | None:
        return cls(date, precision) if date is not None and precision is not None else None


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
    as_of: PartialDateRecord | None

    @classmethod
    def from_map(cls, value: Map) -> AffiliationRecord:
        organization = AgentRecord(value["id"], value["name"], False, value.get("kind"))
        return cls(
            organization,
            value["role"],
            PartialDateRecord.of(value.get("asOf"), value.get("asOfPrecision")),
        )


@dataclass(frozen=True)
class SourceRecord:
    id: str
    title: str
    url: str | None
    kind: str | None
    genre: str | None
    language: str | None
    published: PartialDateRecord | None
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
            published=PartialDateRecord.of(value.get("published"), value.get("publishedPrecision")),
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
class QuantityRecord:
    value: float
    unit: str
    qualifier: str


@dataclass(frozen=True)
class ClaimRecord:
    id: str
    text: str
    quantity: QuantityRecord | None
    first_asserted: str | None

    @classmethod
    def from_map(cls, value: Map) -> ClaimRecord:
        quantity = None
        if value.get("quantityValue") is not None:
            quantity = QuantityRecord(
                float(value["quantityValue"]), value["quantityUnit"], value["quantityQualifier"]
            )
        return cls(value["id"], value["text"], quantity, value.get("firstAsserted"))


@dataclass(frozen=True)
class AssertionBriefRecord:
    """An assertion in brief: a link of a CITES chain, or one on the other side of a conflict."""

    assertion_id: str
    speaker: AgentRecord
    stance: str
    mode: str
    hedge: str
    quote: str
    asserted: PartialDateRecord | None
    retracted_at: Any
    source_id: str
    source_title: str
    claim_id: str | None = None
    claim_text: str | None = None

    @classmethod
    def from_map(cls, value: Map) -> AssertionBriefRecord:
        return cls(
            assertion_id=value["id"],
            speaker=AgentRecord.from_map(value["speaker"]),
            stance=value["stance"],
            mode=value["mode"],
            hedge=value["hedge"],
            quote=value["quote"],
            asserted=PartialDateRecord.of(value.get("asserted"), value.get("assertedPrecision")),
            retracted_at=value.get("retractedAt"),
            source_id=value["sourceId"],
            source_title=value["sourceTitle"],
            claim_id=value.get("claimId"),
            claim_text=value.get("claimText"),
        )


@dataclass(frozen=True)
class AssertionRecord:
    id: str
    stance: str
    mode: str
    hedge: str
    quote: str
    start: int
    end: int
    asserted: PartialDateRecord | None
    recorded_at: Any
    retracted_at: Any
    note: str | None
    speaker: AgentRecord
    affiliations: tuple[AffiliationRecord, ...]
    source: SourceRecord
    chain: tuple[AssertionBriefRecord, ...]

    @classmethod
    def from_map(cls, value: Map) -> AssertionRecord:
        return cls(
            id=value["id"],
            stance=value["stance"],
            mode=value["mode"],
            hedge=value["hedge"],
            quote=value["quote"],
            start=value["start"],
            end=value["end"],
            asserted=PartialDateRecord.of(value.get("asserted"), value.get("assertedPrecision")),
            recorded_at=value.get("recordedAt"),
            retracted_at=value.get("retractedAt"),
            note=value.get("note"),
            speaker=AgentRecord.from_map(value["speaker"]),
            affiliations=tuple(
                AffiliationRecord.from_map(a) for a in value.get("affiliations") or ()
            ),
            source=SourceRecord.from_map(value["source"]),
            chain=tuple(AssertionBriefRecord.from_map(step) for step in value.get("chain") or ()),
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
        )


@dataclass(frozen=True)
class ConflictRecord:
    kind: str
    note: str
    other_claim: ClaimRecord
    other_side: tuple[AssertionBriefRecord, ...]
    this_side: tuple[AssertionBriefRecord, ...] = ()

    @classmethod
    def from_map(cls, value: Map) -> ConflictRecord:
        return cls(
            kind=value["kind"],
            note=value["note"],
            other_claim=ClaimRecord.from_map(value["otherClaim"]),
            other_side=tuple(AssertionBriefRecord.from_map(a) for a in value["otherAssertions"]),
            this_side=tuple(AssertionBriefRecord.from_map(a) for a in value.get("thisSide") or ()),
        )


@dataclass(frozen=True)
class ProvenanceRecord:
    claim: ClaimRecord
    assertions: tuple[AssertionRecord, ...]
    first_appearance: AssertionRecord | None
    independent_source_count: int
    conflicts: tuple[ConflictRecord, ...]

    @classmethod
    def from_map(cls, value: Map) -> ProvenanceRecord:
        assertions = tuple(AssertionRecord.from_map(a) for a in value["assertions"])
        claim = ClaimRecord.from_map(value["claim"])
        this_side = tuple(a.brief(claim) for a in assertions)
        return cls(
            claim=claim,
            assertions=assertions,
            first_appearance=assertions[0] if assertions else None,
            independent_source_count=value["independentSourceCount"],
            conflicts=tuple(
                replace(ConflictRecord.from_map(c), this_side=this_side) for c in value["conflicts"]
            ),
        )
