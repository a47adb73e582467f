"""What a quantity measures.

A quantity names what it measures in two places: its unit says what is counted
("US troops killed"), and the rest of its claim's sentence says of what, where and
when ("... by EFPs supplied by Iran ... in Iraq"). Two quantities measure the same
thing when both agree: the same unit (case and spacing aside) and the same sentence
once the stated amount itself ("at least 196") is taken out. When the amount cannot
be found in the sentence (written as words, "more than a dozen"), nothing is taken
out, so the quantity is compared with no other: detection never guesses a match.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from claimtrace.core.vocabulary import Quantity

_TOKEN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?|[^\W\d_]+(?:['\u2019][^\W\d_]+)?", re.UNICODE)
# Words that qualify an amount just before it ("at least", "about", "more than" ...).
_QUALIFYING = frozenset(
    [
        "at",
        "least",
        "most",
        "more",
        "than",
        "fewer",
        "less",
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "up",
        "to",
        "exactly",
        "only",
        "no",
    ]
)
_SMALL_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


@dataclass(frozen=True)
class Measure:
    unit: str
    frame: str  # the claim's words without the amount, lower case, single spaces

    @property
    def key(self) -> str:
        """A short stable key (stored on the claim as ``quantityMeasure``)."""
        text = f"{self.unit}\n{self.frame}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def normal_unit(unit: str) -> str:
    return " ".join(unit.lower().split())


def measure_of(text: str, quantity: Quantity) -> Measure:
    words = [match.lower() for match in _TOKEN.findall(text)]
    at = _amount_position(words, quantity.value)
    if at is not None:
        start = at
        while start > 0 and words[start - 1] in _QUALIFYING:
            start -= 1
        words = words[:start] + words[at + 1 :]
    return Measure(normal_unit(quantity.unit), " ".join(words))


def _amount_position(words: list[str], value: float) -> int | None:
    """The first word that writes ``value`` (196, 2,500, 2.5, nine)."""
    for position, word in enumerate(words):
        if _value_of(word) == value:
            return position
    return None


def _value_of(word: str) -> float | None:
    if word[0].isdigit():
        try:
            return float(word.replace(",", ""))
        except ValueError:
            return None
    return _SMALL_NUMBERS.get(word)
