"""Source records: a document's publication metadata, and originals never seen.

A few documents are copies of another source: either of an earlier document
or of an original whose text was never seen (listed in sources.yaml, no file).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from bench.synth import vocabulary as words
from bench.synth.dates import FIRST_DAY, LAST_DAY, partial
from bench.synth.entities import Agent, Cast
from bench.synth.memory import EarlierSource, Memory
from bench.synth.mix import Mix, below, pick, skewed

KINDS = Mix([
    ("ARTICLE", 0.55), ("BRIEF", 0.15), ("REPORT", 0.10), ("STATEMENT", 0.10), ("POST", 0.10),
])  # fmt: skip
PRECISIONS = Mix([("DAY", 0.5), ("MONTH", 0.3), ("MINUTE", 0.2)])
CONFIDENCES = Mix([("HIGH", 0.5), ("MEDIUM", 0.35), ("LOW", 0.15)])
REPUBLISHED_SHARE = 0.02
NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Original:
    source: EarlierSource
    day: int


@dataclass
class Originals:
    """Unseen originals, by day, handed out so that each is republished before any twice."""

    waiting: list[Original]
    due: list[Original] = field(default_factory=list)
    used: int = 0

    def __len__(self) -> int:
        return len(self.waiting) + len(self.due)

    def pick(self, day: int, rng: random.Random) -> EarlierSource | None:
        while self.waiting and self.waiting[-1].day <= day:
            self.due.append(self.waiting.pop())
        if not self.due:
            return None
        if self.used < len(self.due):
            self.used += 1
            return self.due[self.used - 1].source
        return pick(self.due, rng).source


def unseen_originals(
    count: int, titles: list[str], rng: random.Random
) -> tuple[list[dict[str, Any]], Originals]:
    records: list[dict[str, Any]] = []
    originals: list[Original] = []
    for number in range(1, count + 1):
        day = rng.randint(FIRST_DAY, LAST_DAY)
        source = EarlierSource(f"src-syn-orig-{number:05d}", titles[number - 1])
        records.append({
            "id": source.id,
            "title": source.title,
            "kind": pick(("BRIEF", "REPORT"), rng),
            "genre": "analysis brief (original, not seen)",
            "language": "en",
            "published": partial(day, "MONTH", rng),
            "confidence": "LOW",
            "note": "The original of a republished copy; text, publisher and author unknown.",
        })  # fmt: skip
        originals.append(Original(source, day))
    originals.sort(key=lambda original: (-original.day, original.source.id))
    return records, Originals(originals)


@dataclass(frozen=True)
class Byline:
    """Who published a document and who wrote it; the first author speaks for it."""

    publisher: Agent
    authors: list[Agent]


def byline(cast: Cast, rng: random.Random) -> Byline:
    publisher = skewed(cast.publishers, rng)
    if rng.random() < 0.25:
        return Byline(publisher, [publisher])
    first = skewed(cast.journalists, rng)
    second = pick(cast.journalists, rng) if rng.random() < 0.25 else first
    return Byline(publisher, [first] if second == first else [first, second])


def republished(
    day: int, memory: Memory, originals: Originals, rng: random.Random
) -> EarlierSource | None:
    if rng.random() >= REPUBLISHED_SHARE:
        return None
    earlier = memory.sources.items
    if earlier and rng.random() < 0.5:
        return earlier[below(len(earlier), rng)]
    return originals.pick(day, rng)


def source_record(
    source: EarlierSource, file: str, day: int, byline: Byline,
    copy_of: EarlierSource | None, rng: random.Random,
) -> dict[str, Any]:  # fmt: skip
    kind = KINDS.draw(rng)
    precision = PRECISIONS.draw(rng)
    record: dict[str, Any] = {"id": source.id, "file": file, "title": source.title}
    if rng.random() < 0.7:
        record["url"] = _url(byline.publisher, day, source.title)
    record["kind"] = kind
    record["genre"] = pick(words.GENRES[kind], rng)
    record["language"] = "en"
    record["published"] = partial(day, precision, rng)
    record["publisher"] = byline.publisher.id
    record["authors"] = [author.id for author in byline.authors]
    if copy_of is not None:
        record["republishes"] = copy_of.id
    record["confidence"] = "LOW" if copy_of else CONFIDENCES.draw(rng)
    if precision == "MONTH":
        record["note"] = "No dateline in the text; the month comes from internal evidence."
    return record


def _url(publisher: Agent, day: int, title: str) -> str:
    host = NOT_SLUG.sub("-", publisher.name.lower()).strip("-")
    slug = NOT_SLUG.sub("-", title.lower()).strip("-")[:60].rstrip("-")
    published = dt.date.fromordinal(day)
    return f"https://www.{host}.example/{published.year}/{published.month:02d}/{slug}"
