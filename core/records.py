"""Validated records of the provenance graph, as the loader writes them.

Each record knows its Neo4j property map (``props``) and a content hash over
it, which is how a reload tells "already there" from "changed" (refused:
provenance data is append-only).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Stance(StrEnum):
    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"
    UNDECIDED = "UNDECIDED"


class Mode(StrEnum):
    AUTHORIAL = "AUTHORIAL"
    DIRECT_QUOTE = "DIRECT_QUOTE"
    PARAPHRASE = "PARAPHRASE"
    REPORTED = "REPORTED"


class Hedge(StrEnum):
    CERTAIN = "CERTAIN"
    LIKELY = "LIKELY"
    POSSIBLE = "POSSIBLE"


class Precision(StrEnum):
    YEAR = "YEAR"
    MONTH = "MONTH"
    DAY = "DAY"
    MINUTE = "MINUTE"


class Qualifier(StrEnum):
    EXACTLY = "EXACTLY"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    ABOUT = "ABOUT"
    AT_MOST = "AT_MOST"
    FEWER_THAN = "FEWER_THAN"


class ConflictKind(StrEnum):
    OPPOSITE = "OPPOSITE"
    NUMERIC = "NUMERIC"
    REVISION = "REVISION"


class OrganizationKind(StrEnum):
    PUBLISHER = "PUBLISHER"
    THINK_TANK = "THINK_TANK"
    GOVERNMENT = "GOVERNMENT"
    MILITARY = "MILITARY"
    ARMED_GROUP = "ARMED_GROUP"
    POLITICAL = "POLITICAL"
    ANONYMOUS = "ANONYMOUS"
    OTHER = "OTHER"


class SourceKind(StrEnum):
    ARTICLE = "ARTICLE"
    BRIEF = "BRIEF"
    REPORT = "REPORT"
    STATEMENT = "STATEMENT"
    POST = "POST"


class Confidence(StrEnum):
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


@dataclass(frozen=True)
class PartialDate:
    """An ISO date of stated precision: 2020, 2020-03, 2020-03-11, 2021-07-08T10:00."""

    date: str
    precision: Precision


def content_hash(props: dict[str, Any]) -> str:
    canonical = json.dumps(props, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    kind: OrganizationKind

    def props(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind.value}


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


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()

    def props(self) -> dict[str, Any]:
        return {"name": self.name, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Topic:
    id: str
    name: str

    def props(self) -> dict[str, Any]:
        return {"name": self.name}


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
            "published": self.published.date,
            "publishedPrecision": self.published.precision.value,
            "confidence": self.confidence.value if self.confidence else None,
            "note": self.note,
            "text": self.text,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    qualifier: Qualifier


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    topics: tuple[str, ...] = ()
    quantity: Quantity | None = None

    def props(self) -> dict[str, Any]:
        quantity = self.quantity
        return {
            "text": self.text,
            "quantityValue": quantity.value if quantity else None,
            "quantityUnit": quantity.unit if quantity else None,
            "quantityQualifier": quantity.qualifier.value if quantity else None,
        }


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
    start: int
    end: int
    asserted: PartialDate
    cites: tuple[str, ...] = ()
    note: str | None = None

    def props(self) -> dict[str, Any]:
        return {
            "stance": self.stance.value,
            "mode": self.mode.value,
            "hedge": self.hedge.value,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "asserted": self.asserted.date,
            "assertedPrecision": self.asserted.precision.value,
            "note": self.note,
        }


@dataclass(frozen=True)
class Conflict:
    first: str
    second: str
    kind: ConflictKind
    note: str

    def props(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "note": self.note}
