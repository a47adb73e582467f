"""The vocabulary of the provenance graph: its enums and small value types.

Everything that names a kind of thing (a stance, a mode, a date's precision ...)
is defined here once. The loader, the mutations and the read path all use these
types; the GraphQL schema registers them as its enums and value types
(schema/common.py) instead of declaring its own.
"""

from __future__ import annotations

import datetime as dt
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


def is_date_of(date: str, precision: Precision) -> bool:
    """``date`` is written as ``precision`` asks (ASCII digits, whole value) and exists."""
    if not DATE_SHAPES[precision].fullmatch(date):
        return False
    try:
        dt.datetime.strptime(date, DATE_FORMATS[precision])
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class PartialDate:
    """An ISO date of stated precision: 2020, 2020-03, 2020-03-11, 2021-07-08T10:00."""

    date: str
    precision: Precision

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
