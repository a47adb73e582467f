"""Validated records of the provenance graph, as the loader and the mutations write them.

Each record knows its Neo4j property map (``props``) and the ids it links to
(``links``). Its content hash covers both, which is how a write tells "already
there" from "changed" (refused: provenance data is append-only). Links are part
of the content because they are written by MERGE: without them in the hash, an
identical re-send naming other topics, authors or citations would add links to a
record that already exists.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

from claimtrace.core.vocabulary import (
    AssertedDate,
    CandidateKind,
    CandidateStatus,
    Confidence,
    ConflictKind,
    Hedge,
    Mode,
    OrganizationKind,
    PartialDate,
    Quantity,
    SourceKind,
    Stance,
)


class Record(Protocol):
    @property
    def id(self) -> str: ...

    def props(self) -> dict[str, Any]: ...

    def links(self) -> dict[str, Any]: ...


def content_hash(record: Record) -> str:
    """SHA-256 of the record's properties and links, in a canonical JSON form."""
    content = record.props()
    links = record.links()
    if links:
        content = content | {"@links": links}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    kind: OrganizationKind

    def props(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind.value}

    def links(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class Affiliation:
    organization: str
    role: str
    as_of: PartialDate | None

    def props(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "asOf": self.as_of.date if self.as_of else None,
            "asOfPrecision": self.as_of.precision.value if self.as_of else None,
        }

    def link(self) -> dict[str, Any]:
        return {"organization": self.organization, **self.props()}


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()

    def props(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases)}

    def links(self) -> dict[str, Any]:
        return {"affiliations": [a.link() for a in self.affiliations]}


@dataclass(frozen=True)
class Topic:
    id: str
    name: str

    def props(self) -> dict[str, Any]:
        return {"name": self.name}

    def links(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: SourceKind
    language: str
    published: PartialDate
    url: str | None = None
    genre: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    republishes: str | None = None
    confidence: Confidence | None = None
    note: str | None = None
    text: str | None = field(default=None, repr=False)
    sha256: str | None = None

    def props(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.kind.value,
            "genre": self.genre,
            "language": self.language,
            **self.published.props("published"),
            "publishedNotBefore": self.published.earliest,
            "publishedNotAfter": self.published.latest,
            "confidence": self.confidence.value if self.confidence else None,
            "note": self.note,
            "text": self.text,
            "sha256": self.sha256,
        }

    def links(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "authors": list(self.authors),
            "republishes": self.republishes,
        }


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    topics: tuple[str, ...] = ()
    quantity: Quantity | None = None
    refers_to: PartialDate | None = None  # when the event the claim is about happened
    refines: tuple[str, ...] = ()  # broader claims this one states more narrowly

    def props(self) -> dict[str, Any]:
        props = {"text": self.text, **Quantity.props_of(self.quantity)}
        if self.refers_to is not None:  # absent rather than null keeps older hashes valid
            props |= self.refers_to.props("refersTo")
        return props

    def links(self) -> dict[str, Any]:
        links: dict[str, Any] = {"topics": sorted(self.topics)}
        if self.refines:
            links["refines"] = sorted(self.refines)
        return links


@dataclass(frozen=True)
class Assertion:
    id: str
    claim: str
    by: str
    source: str
    stance: Stance
    mode: Mode
    hedge: Hedge
    quote: str
    start: int | None  # None (with end) when the quote could not be checked: no held text
    end: int | None
    asserted: AssertedDate
    cites: tuple[str, ...] = ()
    note: str | None = None
    rating: str | None = None  # a fact-checker's verdict, verbatim as it published it

    @property
    def quote_verified(self) -> bool:
        """The quote was checked against the source's held text at [start:end]."""
        return self.start is not None

    def props(self) -> dict[str, Any]:
        props = {
            "stance": self.stance.value,
            "mode": self.mode.value,
            "hedge": self.hedge.value,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            **self.asserted.props(),
            "note": self.note,
        }
        # Written only when they apply, so the hashes of older records stay valid.
        if not self.quote_verified:
            props["quoteVerified"] = False
        if self.rating is not None:
            props["rating"] = self.rating
        return props

    def links(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "by": self.by,
            "source": self.source,
            "cites": sorted(self.cites),
        }


@dataclass(frozen=True)
class Conflict:
    first: str
    second: str
    kind: ConflictKind
    note: str

    def props(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "note": self.note}

    @property
    def id(self) -> str:
        return f"{self.first}|{self.second}"

    def links(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class Candidate:
    """What a detection rule infers about two claims, stored as ``(:Candidate)`` until a
    person confirms or rejects it (never as a CONTRADICTS link).

    ``first_claim`` and ``second_claim`` are the same claim for OPPOSITE_STANCE (and for a
    REVISION on one claim); the assertions are given when the rule compared assertions.
    ``pair`` names what the candidate is about (two claims, a claim and two speakers, or
    two assertions): its id is derived from it and the kind, so detecting it again, or
    after a rejection, finds the same node.
    ``evidence`` holds what the rule read (intervals, dates, quotes, scores) as plain
    values: with kind, rule, score and threshold it is the machine-readable reason.
    """

    kind: CandidateKind
    rule: str
    score: float
    threshold: float
    explanation: str
    first_claim: str
    second_claim: str
    pair: tuple[str, ...]  # what it is about; the same pair detected again is the same node
    first_assertion: str | None = None
    second_assertion: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        key = "|".join((self.kind.value, *self.pair))
        return "cand-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    def props(self) -> dict[str, Any]:
        """The stored properties; ``status`` starts PENDING, ``recordedAt`` is set on creation."""
        return {
            "kind": self.kind.value,
            "rule": self.rule,
            "score": self.score,
            "threshold": self.threshold,
            "explanation": self.explanation,
            "evidence": json.dumps(self.evidence, sort_keys=True, ensure_ascii=False),
            "firstClaimId": self.first_claim,
            "secondClaimId": self.second_claim,
            "firstAssertionId": self.first_assertion,
            "secondAssertionId": self.second_assertion,
            "status": CandidateStatus.PENDING.value,
        }

    def links(self) -> dict[str, Any]:
        return {}


# Every kind of record a write may carry.
AnyRecord = Organization | Person | Topic | Source | Claim | Assertion | Conflict
