"""Vocabularies and small value types shared by every domain."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from claimtrace.core.errors import BadInput, preview
from claimtrace.core.vocabulary import (
    AssertedDate,
    CandidateKind,
    CandidateStatus,
    ConflictKind,
    DateBasis,
    DateMatch,
    Hedge,
    Mode,
    PartialDate,
    Precision,
    Qualifier,
    Quantity,
    ReviewAction,
    Stance,
)

__all__ = [
    "AsOf",
    "AssertedDate",
    "CandidateKind",
    "CandidateStatus",
    "ConflictKind",
    "DateBasis",
    "DateMatch",
    "Hedge",
    "Mode",
    "PartialDate",
    "Precision",
    "Qualifier",
    "Quantity",
    "ReviewAction",
    "Span",
    "Stance",
    "check_partial_date",
    "optional_id",
]


AsOf = Annotated[
    dt.datetime | None,
    strawberry.argument(
        description="The graph as it stood at this moment: what was recorded later is absent, "
        "and a retraction made later is not applied. Now when null."
    ),
]


def check_partial_date(field: str, value: str | None) -> PartialDate | None:
    """A filter date: 2020, 2020-03, 2020-03-11 or 2020-03-11T10:00, one that exists."""
    if value is None:
        return None
    date = PartialDate.parse(value)
    if date is None:
        raise BadInput(
            f"{field.rsplit('.', 1)[-1]} must be a date that exists, like 2020, 2020-03 or "
            f"2020-03-11; got {preview(value)}",
            field=field,
        )
    return date


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
strawberry.enum(
    CandidateKind,
    description="What detection suggests: NUMERIC, the same measured quantity with values that "
    "cannot both hold; REVISION, one speaker's opposite positions at different dates; "
    "OPPOSITE_STANCE, two speakers' opposite stances on one claim; LIKELY_SAME, two claims that "
    "probably state one proposition.",
)
strawberry.enum(CandidateStatus, description="PENDING until a person CONFIRMED or REJECTED it.")
strawberry.enum(ReviewAction, description="What a person did to a candidate.")
strawberry.enum(
    DateBasis,
    description="Where an assertion's date comes from: STATED by the text; PUBLICATION, the "
    "speaker is an author of the source; BOUNDED, unknown but no later than the publication.",
)
strawberry.enum(
    DateMatch,
    description="How a date range treats partial dates, which are intervals: OVERLAPS, could "
    "fall in the range; WITHIN, certainly falls in it.",
)
strawberry.type(
    PartialDate, description="A date known only to its precision: 2020, 2020-03, 2020-03-11 ..."
)
strawberry.type(
    AssertedDate,
    description="When an assertion was made, as far as the evidence tells: the date (null when "
    "unknown), its basis, and the earliest and latest moments it can have been made (ISO "
    "minutes, inclusive; notBefore null when unknown).",
)
strawberry.type(
    Quantity, description="A number a claim states, with its qualifier ('at least 196')."
)


@strawberry.type(description="Where a quote stands in its source text: text[start:end].")
class Span:
    start: int
    end: int
