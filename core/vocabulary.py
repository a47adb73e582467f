"""The vocabulary of the provenance graph: its enums and small value types.

Everything that names a kind of thing (a stance, a mode, a date's precision ...)
is defined here once. The loader, the mutations and the read path all use these
types; the GraphQL schema registers them as its enums and value types
(schema/common.py) instead of declaring its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Stance(StrEnum):
    """A speaker's position on a claim (the FEVER labels)."""

    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"
    UNDECIDED = "UNDECIDED"


class Mode(StrEnum):
    """How the words reach the document."""

    AUTHORIAL = "AUTHORIAL"
    DIRECT_QUOTE = "DIRECT_QUOTE"
    PARAPHRASE = "PARAPHRASE"
    REPORTED = "REPORTED"


class Hedge(StrEnum):
    """How firmly the speaker commits: likely, presumably, may, might ..."""

    CERTAIN = "CERTAIN"
    LIKELY = "LIKELY"
    POSSIBLE = "POSSIBLE"


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "YEAR"
    MONTH = "MONTH"
    DAY = "DAY"
    MINUTE = "MINUTE"


class DateBasis(StrEnum):
    """Where an assertion's date comes from."""

    STATED = "STATED"  # the text gives it
    PUBLICATION = "PUBLICATION"  # the speaker is an author: said when the source was published
    BOUNDED = "BOUNDED"  # unknown: no later than the source's publication


class DateMatch(StrEnum):
    """How a date range filter treats a partial date, which is an interval."""

    OVERLAPS = "OVERLAPS"  # could fall in the range
    WITHIN = "WITHIN"  # certainly falls in the range


class Qualifier(StrEnum):
    """How a stated number is meant: at least 196, about 110, exactly 1 ..."""

    EXACTLY = "EXACTLY"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    ABOUT = "ABOUT"
    AT_MOST = "AT_MOST"
    FEWER_THAN = "FEWER_THAN"


class ConflictKind(StrEnum):
    """Why two claims cannot both hold."""

    OPPOSITE = "OPPOSITE"
    NUMERIC = "NUMERIC"
    REVISION = "REVISION"


class CandidateKind(StrEnum):
    """What detection suggests about two claims (or two assertions of one claim)."""

    NUMERIC = "NUMERIC"  # the same measured quantity, values that cannot both hold
    REVISION = "REVISION"  # one speaker, opposite positions at different dates
    OPPOSITE_STANCE = "OPPOSITE_STANCE"  # two speakers, opposite stances on one claim
    LIKELY_SAME = "LIKELY_SAME"  # two claims that probably state one proposition


class CandidateStatus(StrEnum):
    """Where a candidate stands: inferred, then decided by a person."""

    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"


class ReviewAction(StrEnum):
    """What a person did to a candidate; each is recorded, never changed."""

    CONFIRM = "CONFIRM"
    REJECT = "REJECT"
    UNDO = "UNDO"  # takes a confirmation or a rejection back: the candidate is PENDING again


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


DATE_FORMATS = {
    Precision.YEAR: "%Y",
    Precision.MONTH: "%Y-%m",
    Precision.DAY: "%Y-%m-%d",
    Precision.MINUTE: "%Y-%m-%dT%H:%M",
}
DATE_SHAPES = {
    # ASCII digits: strptime would read other scripts' digits too, and they sort apart.
    Precision.YEAR: re.compile(r"[0-9]{4}"),
    Precision.MONTH: re.compile(r"[0-9]{4}-[0-9]{2}"),
    Precision.DAY: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    Precision.MINUTE: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"),
}


# Dates repeat across a corpus (many assertions share a day): parsing each distinct one
# once is most of what reading dates costs.
@functools.lru_cache(maxsize=1 << 16)
def is_date_of(date: str, precision: Precision) -> bool:
    """``date`` is written as ``precision`` asks (ASCII digits, whole value) and exists."""
    if not DATE_SHAPES[precision].fullmatch(date):
        return False
    try:
        dt.datetime.strptime(date, DATE_FORMATS[precision])
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1 << 16)
def interval_of(date: str, precision: Precision) -> tuple[str, str]:
    """The first and the last minute of a partial date's interval, as ISO minutes."""
    start = dt.datetime.strptime(date, DATE_FORMATS[precision])
    match precision:
        case Precision.YEAR:
            after = start.replace(year=start.year + 1)
        case Precision.MONTH:
            after = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        case Precision.DAY:
            after = start + dt.timedelta(days=1)
        case Precision.MINUTE:
            after = start + dt.timedelta(minutes=1)
    return start.strftime(MINUTE), (after - dt.timedelta(minutes=1)).strftime(MINUTE)


SHAPE_PRECISION = {
    len("2020"): Precision.YEAR,
    len("2020-03"): Precision.MONTH,
    len("2020-03-11"): Precision.DAY,
    len("2020-03-11T10:00"): Precision.MINUTE,
}
MINUTE = "%Y-%m-%dT%H:%M"  # every interval bound is an ISO minute: they compare as text


@dataclass(frozen=True)
class PartialDate:
    """An ISO date of stated precision: 2020, 2020-03, 2020-03-11, 2021-07-08T10:00.

    It stands for an interval: 2020-03 is every minute from 2020-03-01T00:00 to
    2020-03-31T23:59. ``earliest`` and ``latest`` are its bounds, inclusive.
    """

    date: str
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """The partial date ``text`` writes, its precision read from its shape;
        None unless it is well formed and exists (2020-13 and 2020-02-30 do not)."""
        precision = SHAPE_PRECISION.get(len(text))
        if precision is None or not is_date_of(text, precision):
            return None
        return cls(text, precision)

    @property
    def earliest(self) -> str:
        return interval_of(self.date, self.precision)[0]

    @property
    def latest(self) -> str:
        return interval_of(self.date, self.precision)[1]

    @classmethod
    def from_props(cls, props: Mapping[str, Any], name: str) -> PartialDate | None:
        """Stored as ``<name>`` and ``<name>Precision``; None when either is missing."""
        date, precision = props.get(name), props.get(f"{name}Precision")
        return None if date is None or precision is None else cls(date, Precision(precision))

    def props(self, name: str) -> dict[str, str]:
        return {name: self.date, f"{name}Precision": self.precision.value}


@dataclass(frozen=True)
class Quantity:
    """A number a claim states, with its qualifier ('at least 196')."""

    value: float
    unit: str
    qualifier: Qualifier

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> Quantity | None:
        """Stored on its claim as quantityValue, quantityUnit, quantityQualifier."""
        if props.get("quantityValue") is None:
            return None
        return cls(
            float(props["quantityValue"]),
            props["quantityUnit"],
            Qualifier(props["quantityQualifier"]),
        )

    @staticmethod
    def props_of(quantity: Quantity | None) -> dict[str, Any]:
        return {
            "quantityValue": quantity.value if quantity else None,
            "quantityUnit": quantity.unit if quantity else None,
            "quantityQualifier": quantity.qualifier.value if quantity else None,
        }


@dataclass(frozen=True)
class AssertedDate:
    """When an assertion was made, as far as the evidence tells, and why.

    ``date`` is None when unknown (BOUNDED). ``not_before`` and ``not_after`` bound
    the moment it was made (ISO minutes, inclusive): the date's own interval when
    known; when unknown, no lower bound and the end of the source's publication.
    """

    basis: DateBasis
    date: PartialDate | None
    not_before: str | None
    not_after: str

    @classmethod
    def known(cls, basis: DateBasis, date: PartialDate) -> AssertedDate:
        return cls(basis, date, date.earliest, date.latest)

    @classmethod
    def unknown(cls, published: PartialDate) -> AssertedDate:
        return cls(DateBasis.BOUNDED, None, None, published.latest)

    @classmethod
    def from_props(cls, props: Mapping[str, Any]) -> AssertedDate:
        return cls(
            DateBasis(props["assertedBasis"]),
            PartialDate.from_props(props, "asserted"),
            props.get("assertedNotBefore"),
            props["assertedNotAfter"],
        )

    def props(self) -> dict[str, Any]:
        return {
            "asserted": self.date.date if self.date else None,
            "assertedPrecision": self.date.precision.value if self.date else None,
            "assertedBasis": self.basis.value,
            "assertedNotBefore": self.not_before,
            "assertedNotAfter": self.not_after,
        }
