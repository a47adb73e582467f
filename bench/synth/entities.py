"""Organizations, anonymous agents, people and topics: the shared cast of the corpus.

Their number grows slowly with the corpus (a few thousand at most), since
every document draws its publisher, authors and speakers from them.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.synth import vocabulary as words
from bench.synth.dates import FIRST_DAY, LAST_DAY, partial
from bench.synth.mix import Mix

ORGANIZATION_SHARES = (
    ("PUBLISHER", 0.25), ("THINK_TANK", 0.15), ("GOVERNMENT", 0.15), ("MILITARY", 0.10),
    ("ARMED_GROUP", 0.15), ("POLITICAL", 0.10), ("OTHER", 0.10),
)  # fmt: skip
AFFILIATION_COUNTS = Mix([(0, 0.10), (1, 0.55), (2, 0.25), (3, 0.10)])
AS_OF_PRECISIONS = Mix([("MONTH", 0.6), ("DAY", 0.2), ("YEAR", 0.2)])


@dataclass(frozen=True)
class Agent:
    id: str
    name: str


@dataclass
class Cast:
    """Who can publish, write and speak, and what claims can be about."""

    publishers: list[Agent] = field(default_factory=list)
    organizations: list[Agent] = field(default_factory=list)
    anonymous: list[Agent] = field(default_factory=list)
    people: list[Agent] = field(default_factory=list)
    journalists: list[Agent] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def record_count(self) -> dict[str, int]:
        return {kind: len(records) for kind, records in self.records.items()}


def _clamp(value: int, low: int, high: int) -> int:
    return min(max(value, low), high)


def make_cast(claims: int, rng: random.Random) -> Cast:
    cast = Cast()
    organizations = _organizations(_clamp(claims // 2000, 40, 500), cast, rng)
    anonymous = _anonymous(_clamp(claims // 20000, 8, 60), cast, rng)
    people = _people(_clamp(claims // 400, 60, 2400), cast, rng)
    topics = _topics(_clamp(claims // 2500, 12, 400), cast, rng)
    cast.records = {
        "organizations": organizations + anonymous,
        "people": people,
        "topics": topics,
    }
    return cast


def _unique(count: int, make: Callable[[], str]) -> list[str]:
    names: list[str] = []
    taken: set[str] = set()
    while len(names) < count:
        for _ in range(20):
            name = make()
            if name not in taken:
                break
        else:
            name = f"{name} ({len(names) + 1})"
        taken.add(name)
        names.append(name)
    return names


def _organization_name(kind: str, rng: random.Random) -> str:
    pattern = rng.choice(words.ORGANIZATION_PATTERNS[kind])
    return pattern.format(
        c=rng.choice(words.CITIES),
        w=rng.choice(words.PUBLISHER_WORDS),
        f=rng.choice(words.FIELDS),
        m=rng.choice(words.MINISTRIES),
        u=rng.choice(words.UNITS),
        a=rng.choice(words.ARMED_WORDS),
    )


def _organizations(total: int, cast: Cast, rng: random.Random) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for kind, share in ORGANIZATION_SHARES:
        make = functools.partial(_organization_name, kind, rng)
        names = _unique(max(2, int(total * share)), make)
        for name in names:
            agent = Agent(f"org-syn-{len(records) + 1:04d}", name)
            records.append({"id": agent.id, "name": name, "kind": kind})
            cast.organizations.append(agent)
            if kind in ("PUBLISHER", "THINK_TANK"):
                cast.publishers.append(agent)
    return records


def _anonymous(total: int, cast: Cast, rng: random.Random) -> list[dict[str, Any]]:
    def phrase() -> str:
        return rng.choice(words.ANONYMOUS_PHRASES).format(c=rng.choice(words.CITIES))

    records: list[dict[str, Any]] = []
    for number, text in enumerate(_unique(total, phrase), start=1):
        agent = Agent(f"agent-syn-{number:03d}", text)
        records.append({"id": agent.id, "name": f"Unnamed {text}", "kind": "ANONYMOUS"})
        cast.anonymous.append(agent)
    return records


def _people(total: int, cast: Cast, rng: random.Random) -> list[dict[str, Any]]:
    first, last = words.FIRST_NAMES, words.LAST_NAMES
    records: list[dict[str, Any]] = []
    for number, pick in enumerate(rng.sample(range(len(first) * len(last)), total), start=1):
        given, family = first[pick % len(first)], last[pick // len(first)]
        agent = Agent(f"person-syn-{number:05d}", f"{given} {family}")
        record: dict[str, Any] = {"id": agent.id, "name": agent.name}
        if rng.random() < 0.3:
            record["aliases"] = [family if rng.random() < 0.5 else f"{given[0]}. {family}"]
        affiliations = [_affiliation(cast, rng) for _ in range(AFFILIATION_COUNTS.draw(rng))]
        if affiliations:
            record["affiliations"] = affiliations
        records.append(record)
        cast.people.append(agent)
    cast.journalists = cast.people[: max(10, total // 5)]
    return records


def _affiliation(cast: Cast, rng: random.Random) -> dict[str, Any]:
    organization = rng.choice(cast.organizations)
    day = rng.randint(FIRST_DAY - 2000, LAST_DAY)
    return {
        "organization": organization.id,
        "role": rng.choice(words.ROLES),
        "as_of": partial(day, AS_OF_PRECISIONS.draw(rng), rng),
    }


def _topics(total: int, cast: Cast, rng: random.Random) -> list[dict[str, Any]]:
    settings = [*words.CITIES, *words.COUNTRIES, *map(str, range(2019, 2025))]

    def name() -> str:
        setting = rng.choice(settings)
        joint = ", " if setting.isdigit() else " in "
        return f"{rng.choice(words.TOPIC_THEMES)}{joint}{setting}"

    records: list[dict[str, Any]] = []
    for number, text in enumerate(_unique(total, name), start=1):
        topic_id = f"topic-syn-{number:03d}"
        records.append({"id": topic_id, "name": text[0].upper() + text[1:]})
        cast.topics.append(topic_id)
    return records
