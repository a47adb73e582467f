"""Vocabularies and small value types shared by every domain."""

from __future__ import annotations

import re

import strawberry

from claimtrace.core.errors import BadInput, preview
from claimtrace.core.vocabulary import (
    ConflictKind,
    Hedge,
    Mode,
    PartialDate,
    Precision,
    Qualifier,
    Quantity,
    Stance,
)

__all__ = [
    "ConflictKind",
    "Hedge",
    "Mode",
    "PartialDate",
    "Precision",
    "Qualifier",
    "Quantity",
    "Span",
    "Stance",
    "check_partial_date",
    "optional_id",
]

# ASCII digits only, and the whole value: `$` alone would also let a trailing newline pass.
PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def check_partial_date(field: str, value: str | None) -> str | None:
    """A filter date: 2020, 2020-03 or 2020-03-11 (compared as ISO text)."""
    if value is not None and not PARTIAL_DATE.fullmatch(value):
        raise BadInput(
            f"{field.rsplit('.', 1)[-1]} must be a date like 2020, 2020-03 or 2020-03-11; "
            f"got {preview(value)}",
            field=field,
        )
    return value


def optional_id(value: strawberry.ID | None) -> str | None:
    return None if value is None else str(value)


# The core's vocabulary, registered as this schema's enums and value types: the
# GraphQL names are these, the Python types are the core's own (core/vocabulary.py).
strawberry.enum(Stance, description="A speaker's position on a claim (the FEVER labels).")
strawberry.enum(Mode, description="How the words reach the document.")
strawberry.enum(
    Hedge, description="How firmly the speaker commits: likely, presumably, may, might ..."
)
strawberry.enum(Precision, name="DatePrecision", description="How much of a date is known.")
strawberry.enum(Qualifier, name="QuantityQualifier")
strawberry.enum(ConflictKind, description="Why two claims cannot both hold.")
strawberry.type(
    PartialDate, description="A date known only to its precision: 2020, 2020-03, 2020-03-11 ..."
)
strawberry.type(
    Quantity, description="A number a claim states, with its qualifier ('at least 196')."
)


@strawberry.type(description="Where a quote stands in its source text: text[start:end].")
class Span:
    start: int
    end: int
