"""Bounded memory of earlier documents, so that later ones can refer back to them.

Only a window of recent claims and a uniform sample of older ones are kept:
generation runs in constant memory whatever the corpus size.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bench.synth.claims import ClaimSpec
from bench.synth.mix import below

T = TypeVar("T")

RECENT_CLAIMS = 4000
OLDER_CLAIMS = 4000
RECENT_SOURCES = 500
OLDER_SHARE = 0.3


@dataclass(slots=True)
class EarlierClaim:
    id: str
    spec: ClaimSpec
    body: str
    latest: str  # the latest assertion about the claim: what a later assertion cites


@dataclass(frozen=True, slots=True)
class EarlierSource:
    id: str
    title: str


class Ring(Generic[T]):
    """The last ``size`` items added."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: list[T] = []
        self.next = 0

    def add(self, item: T) -> None:
        if len(self.items) < self.size:
            self.items.append(item)
        else:
            self.items[self.next] = item
        self.next = (self.next + 1) % self.size


class Reservoir(Generic[T]):
    """A uniform sample of ``size`` items among all those ever added (algorithm R)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: list[T] = []
        self.seen = 0

    def add(self, item: T, rng: random.Random) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(item)
            return
        slot = below(self.seen, rng)
        if slot < self.size:
            self.items[slot] = item


@dataclass
class Memory:
    recent: Ring[EarlierClaim] = field(default_factory=lambda: Ring(RECENT_CLAIMS))
    older: Reservoir[EarlierClaim] = field(default_factory=lambda: Reservoir(OLDER_CLAIMS))
    sources: Ring[EarlierSource] = field(default_factory=lambda: Ring(RECENT_SOURCES))

    def has_claims(self) -> bool:
        return bool(self.recent.items)

    def pick_claim(self, rng: random.Random) -> EarlierClaim:
        pool = self.older.items if rng.random() < OLDER_SHARE else self.recent.items
        return pool[below(len(pool), rng)]

    def remember_claim(self, claim: EarlierClaim, rng: random.Random) -> None:
        self.recent.add(claim)
        self.older.add(claim, rng)
