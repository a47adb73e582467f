"""A stated number read with its qualifier as the interval of values it allows.

``at least 196`` is [196, inf), ``more than 80`` is (80, inf), ``about 110`` is
110 give or take ``ABOUT_TOLERANCE`` of it, ``exactly 1`` is [1, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimtrace.core.vocabulary import Qualifier, Quantity

# "about 110" allows 10% either side: [99, 121].
ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def __str__(self) -> str:
        left = "[" if self.low_closed and math.isfinite(self.low) else "("
        right = "]" if self.high_closed and math.isfinite(self.high) else ")"
        return f"{left}{_number(self.low)}, {_number(self.high)}{right}"

    def precedes(self, other: Interval) -> bool:
        """Every value of this interval is below every value of ``other``."""
        if self.high < other.low:
            return True
        return self.high == other.low and not (self.high_closed and other.low_closed)

    def disjoint(self, other: Interval) -> bool:
        return self.precedes(other) or other.precedes(self)

    def gap(self, other: Interval) -> float:
        """The distance between two disjoint intervals (0 when they touch at an open end)."""
        if self.precedes(other):
            return other.low - self.high
        if other.precedes(self):
            return self.low - other.high
        return 0.0


def interval_of(quantity: Quantity) -> Interval:
    value = quantity.value
    match quantity.qualifier:
        case Qualifier.EXACTLY:
            return Interval(value, value)
        case Qualifier.AT_LEAST:
            return Interval(value, math.inf, high_closed=False)
        case Qualifier.MORE_THAN:
            return Interval(value, math.inf, low_closed=False, high_closed=False)
        case Qualifier.AT_MOST:
            return Interval(-math.inf, value, low_closed=False)
        case Qualifier.FEWER_THAN:
            return Interval(-math.inf, value, low_closed=False, high_closed=False)
        case Qualifier.ABOUT:
            margin = abs(value) * ABOUT_TOLERANCE
            return Interval(value - margin, value + margin)


def _number(value: float) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
