"""Vocabularies and small value types shared by every domain."""

from __future__ import annotations

import re
from enum import Enum

import strawberry

from claimtrace.core.errors import BadInput
from claimtrace.core.store.records import PartialDateRecord, QuantityRecord

# ASCII digits only, and the whole value: `$` alone would also let a trailing newline pass.
PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def check_partial_date(field: str, value: str | None) -> str | None:
    """A filter date: 2020, 2020-03 or 2020-03-11 (compared as ISO text)."""
    if value is not None and not PARTIAL_DATE.fullmatch(value):
        raise BadInput(
            f"{field.rsplit('.', 1)[-1]} must be a date like 2020, 2020-03 or 2020-03-11; "
            f"got {value!r}",
            field=field,
        )
    return value


def optional_id(value: strawberry.ID | None) -> str | None:
    return None if value is None else str(value)


@strawberry.enum(description="A speaker's position on a claim (the FEVER labels).")
class Stance(Enum):
    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"
    UNDECIDED = "UNDECIDED"


@strawberry.enum(description="How the words reach the document.")
class Mode(Enum):
    AUTHORIAL = "AUTHORIAL"
    DIRECT_QUOTE = "DIRECT_QUOTE"
    PARAPHRASE = "PARAPHRASE"
    REPORTED = "REPORTED"


@strawberry.enum(description="How firmly the speaker commits: likely, presumably, may, might ...")
class Hedge(Enum):
    CERTAIN = "CERTAIN"
    LIKELY = "LIKELY"
    POSSIBLE = "POSSIBLE"


@strawberry.enum(description="How much of a date is known.")
class DatePrecision(Enum):
    YEAR = "YEAR"
    MONTH = "MONTH"
    DAY = "DAY"
    MINUTE = "MINUTE"


@strawberry.enum
class QuantityQualifier(Enum):
    EXACTLY = "EXACTLY"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    ABOUT = "ABOUT"
    AT_MOST = "AT_MOST"
    FEWER_THAN = "FEWER_THAN"


@strawberry.enum(description="Why two claims cannot both hold.")
class ConflictKind(Enum):
    OPPOSITE = "OPPOSITE"
    NUMERIC = "NUMERIC"
    REVISION = "REVISION"


@strawberry.type(description="A date known only to its precision: 2020, 2020-03, 2020-03-11 ...")
class PartialDate:
    date: str
    precision: DatePrecision

    @classmethod
    def from_record(cls, record: PartialDateRecord | None) -> PartialDate | None:
        if record is None:
            return None
        return cls(date=record.date, precision=DatePrecision(record.precision))


@strawberry.type(description="A number a claim states, with its qualifier ('at least 196').")
class Quantity:
    value: float
    unit: str
    qualifier: QuantityQualifier

    @classmethod
    def from_record(cls, record: QuantityRecord | None) -> Quantity | None:
        if record is None:
            return None
        return cls(
            value=record.value, unit=record.unit, qualifier=QuantityQualifier(record.qualifier)
        )


@strawberry.type(description="Where a quote stands in its source text: text[start:end].")
class Span:
    start: int
    end: int
