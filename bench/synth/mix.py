"""Weighted and skewed random picks, cheap enough to call millions of times."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Mix(Generic[T]):
    """Values drawn with fixed relative weights (to a thousandth)."""

    def __init__(self, weighted: Sequence[tuple[T, float]]) -> None:
        total = sum(weight for _, weight in weighted)
        self.table = [
            value for value, weight in weighted for _ in range(round(1000 * weight / total))
        ]

    def draw(self, rng: random.Random) -> T:
        return self.table[int(rng.random() * len(self.table))]


def skewed(items: Sequence[T], rng: random.Random) -> T:
    """Early items come up far more often: a few prominent speakers, many rare ones."""
    return items[int(len(items) * rng.random() ** 1.6)]


def rounded_count(mean: float, rng: random.Random) -> int:
    """A whole number whose expected value is ``mean``."""
    whole = int(mean)
    return whole + (1 if rng.random() < mean - whole else 0)


def pick(items: Sequence[T], rng: random.Random) -> T:
    """Like ``rng.choice``, for a fraction of its cost."""
    return items[int(rng.random() * len(items))]


def below(bound: int, rng: random.Random) -> int:
    """Like ``rng.randrange(bound)``, for a fraction of its cost."""
    return int(rng.random() * bound)
