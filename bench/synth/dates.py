"""Partial dates as the data folder writes them, from day ordinals."""

from __future__ import annotations

import datetime as dt
import random

from bench.synth.vocabulary import MONTHS

FIRST_DAY = dt.date(2019, 1, 1).toordinal()
LAST_DAY = dt.date(2024, 12, 31).toordinal()

PartialDate = dict[str, str]


def partial(ordinal: int, precision: str, rng: random.Random) -> PartialDate:
    day = dt.date.fromordinal(ordinal)
    if precision == "YEAR":
        text = f"{day.year:04d}"
    elif precision == "MONTH":
        text = f"{day.year:04d}-{day.month:02d}"
    elif precision == "DAY":
        text = day.isoformat()
    else:
        text = f"{day.isoformat()}T{rng.randrange(6, 23):02d}:{rng.randrange(0, 60, 5):02d}"
    return {"date": text, "precision": precision}


def dateline(ordinal: int) -> str:
    """'4 July 2021'."""
    day = dt.date.fromordinal(ordinal)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def spoken(ordinal: int, exact_day: bool) -> str:
    """How a text names the day: 'on 4 July 2021' or 'in July 2021'."""
    if exact_day:
        return f"on {dateline(ordinal)}"
    day = dt.date.fromordinal(ordinal)
    return f"in {MONTHS[day.month - 1]} {day.year}"


def document_day(index: int, expected_documents: int, rng: random.Random) -> int:
    """Documents run through the period in order, a few days either way."""
    span = LAST_DAY - FIRST_DAY
    ordinal = FIRST_DAY + span * index // max(expected_documents, 1) + rng.randint(-4, 4)
    return min(max(ordinal, FIRST_DAY), LAST_DAY)
