"""Claims: what they say, how they are worded, and the rival claims that contradict them."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Any

from bench.synth import vocabulary as words
from bench.synth.dates import spoken
from bench.synth.mix import Mix, below, pick, skewed

SHAPES = Mix([("event", 0.50), ("policy", 0.35), ("quantity", 0.15)])
NUMBERS = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 40, 50, 85, 100, 150, 200, 500, 2500)


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """The parts a claim's wording is made of, kept so a rival can be worded from them."""

    shape: str
    subject: str
    verb: int
    object: str
    when: str
    negated: bool = False
    value: int = 0
    qualifier: int = 0

    def body(self) -> str:
        """The claim as a clause, without the final full stop; it opens with a proper name."""
        if self.shape == "quantity":
            phrase, _ = words.QUANTITIES[self.verb]
            amount = f"{words.QUALIFIERS[self.qualifier][1]}{self.value:,}"
            return f"{self.subject} {phrase.format(n=amount, t=self.object)} {self.when}"
        verbs = words.EVENT_VERBS if self.shape == "event" else words.POLICY_VERBS
        return f"{self.subject} {verbs[self.verb][self.negated]} {self.object} {self.when}"

    def quantity(self) -> dict[str, Any] | None:
        if self.shape != "quantity":
            return None
        return {
            "value": self.value,
            "unit": words.QUANTITIES[self.verb][1],
            "qualifier": words.QUALIFIERS[self.qualifier][0],
        }


def fresh_claim(subjects: list[str], day: int, rng: random.Random) -> ClaimSpec:
    shape = SHAPES.draw(rng)
    subject = skewed(subjects, rng)
    when_day = day - below(90, rng)
    if shape == "policy":
        month = dt.date.fromordinal(when_day)
        return ClaimSpec(
            shape,
            subject,
            below(len(words.POLICY_VERBS), rng),
            pick(words.POLICIES, rng).format(country=pick(words.COUNTRIES, rng)),
            f"as of {words.MONTHS[month.month - 1]} {month.year}",
        )
    when = spoken(when_day, exact_day=rng.random() < 0.6)
    if shape == "quantity":
        return ClaimSpec(
            shape,
            subject,
            below(len(words.QUANTITIES), rng),
            pick(words.TARGETS, rng),
            when,
            value=pick(NUMBERS, rng),
            qualifier=below(len(words.QUALIFIERS), rng),
        )
    attack = f"{pick(words.ATTACKS, rng)} {pick(words.TARGETS, rng)}"
    return ClaimSpec(shape, subject, below(len(words.EVENT_VERBS), rng), attack, when)


def rival_claim(target: ClaimSpec, day: int, rng: random.Random) -> tuple[ClaimSpec, str, str]:
    """A claim that cannot hold together with ``target``, its conflict kind and why."""
    if target.shape == "quantity":
        value = target.value * pick((2, 3, 5), rng) + rng.randrange(1, 10)
        rival = replace(target, value=value)
        unit = words.QUANTITIES[target.verb][1]
        note = f"The same events, {target.value:,} against {value:,} {unit}."
        return rival, "NUMERIC", note
    flipped = replace(target, negated=not target.negated)
    later = dt.date.fromordinal(day)
    later_when = f"as of {words.MONTHS[later.month - 1]} {later.year}"
    if target.shape == "policy" and target.when != later_when and rng.random() < 0.6:
        rival = replace(flipped, when=later_when)
        note = (
            f"{target.subject} changed position on {target.object}: "
            f"{target.when}, then {rival.when}."
        )
        return rival, "REVISION", note
    verbs = words.EVENT_VERBS if target.shape == "event" else words.POLICY_VERBS
    affirmed = f"{target.subject} {verbs[target.verb][0]} {target.object}"
    note = f"One affirms what the other denies: whether {affirmed}."
    return flipped, "OPPOSITE", note
