"""How a fact-checker's rating becomes a stance on the claim it reviews.

The textual rating decides, read without case, surrounding punctuation or extra
spaces ("Pants on Fire!" is "pants on fire"); a rating that explains itself
("False. The photo is from 2015.") is read by its first sentence. A rating not in
the tables is read from its numbers when the review gives them (``ratingValue``
between ``worstRating``, default 1, and ``bestRating``, default 5: the lowest third
refutes, the highest third supports). Anything else is UNDECIDED, and the import
warns. The rating itself is always kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from claimtrace.core.vocabulary import Stance

REFUTING: Final = frozenset(
    {
        "false", "mostly false", "pants on fire", "incorrect", "inaccurate", "wrong",
        "not true", "untrue", "fake", "fake news", "fabricated", "hoax", "scam", "debunked",
        "misleading", "false and misleading", "partly false", "distorts the facts",
        "four pinocchios", "three pinocchios", "falso", "faux", "falsch", "onwaar",
    }
)  # fmt: skip
SUPPORTING: Final = frozenset(
    {
        "true", "mostly true", "correct", "accurate", "verified", "confirmed", "real",
        "geppetto checkmark", "verdadero", "vrai", "wahr", "richtig", "waar",
    }
)  # fmt: skip
UNDECIDED: Final = frozenset(
    {
        "half true", "mixture", "mixed", "unproven", "unverified", "unsupported",
        "no evidence", "partly true", "partially true", "missing context", "needs context",
        "lacks context", "cherry picks", "exaggerated", "outdated", "satire",
        "two pinocchios", "one pinocchio", "research in progress",
    }
)  # fmt: skip
TABLE: Final = (
    dict.fromkeys(REFUTING, Stance.REFUTES)
    | dict.fromkeys(SUPPORTING, Stance.SUPPORTS)
    | dict.fromkeys(UNDECIDED, Stance.UNDECIDED)
)
SENTENCE_END = re.compile(r"[.;:!?\u2013\u2014]\s|[.;:!?]$|\s[\u2013\u2014-]\s")


@dataclass(frozen=True)
class Scale:
    """A rating's numbers, as ClaimReview gives them."""

    value: float
    best: float = 5.0
    worst: float = 1.0


@dataclass(frozen=True)
class Reading:
    stance: Stance
    mapped: bool  # False: neither the table nor the numbers said; UNDECIDED by default


def normalized(rating: str) -> str:
    words = re.sub(r"[\s_-]+", " ", rating.casefold())
    return words.strip(" \t\n.,;:!?\"'()[]\u201c\u201d\u2018\u2019")


def stance_of(rating: str, scale: Scale | None = None) -> Reading:
    """The stance a rating takes on the claim it reviews; see the module docstring."""
    whole = normalized(rating)
    if whole in TABLE:
        return Reading(TABLE[whole], True)
    first = normalized(SENTENCE_END.split(rating, maxsplit=1)[0])
    if first in TABLE:
        return Reading(TABLE[first], True)
    if scale is not None and scale.best != scale.worst:
        position = (scale.value - scale.worst) / (scale.best - scale.worst)
        if position <= 1 / 3:
            return Reading(Stance.REFUTES, True)
        if position >= 2 / 3:
            return Reading(Stance.SUPPORTS, True)
        return Reading(Stance.UNDECIDED, True)
    return Reading(Stance.UNDECIDED, False)
