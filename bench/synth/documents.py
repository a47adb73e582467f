"""One synthetic document: its text, its source record, claims, assertions and conflicts.

A document only ever refers to itself, to earlier documents (through the
bounded memory) and to the shared records, so it can be written as soon as
it is made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from bench.synth import vocabulary as words
from bench.synth.claims import ClaimSpec, fresh_claim, rival_claim
from bench.synth.dates import dateline, document_day, partial
from bench.synth.entities import Agent, Cast
from bench.synth.memory import EarlierClaim, EarlierSource, Memory
from bench.synth.mix import Mix, below, pick, rounded_count, skewed
from bench.synth.sentences import Layout, filler, sentence, statement
from bench.synth.sources import Byline, Originals, byline, republished, source_record

MODES = Mix([("AUTHORIAL", 0.46), ("DIRECT_QUOTE", 0.31), ("PARAPHRASE", 0.15), ("REPORTED", 0.08)])
STANCES = Mix([("SUPPORTS", 0.88), ("REFUTES", 0.08), ("UNDECIDED", 0.04)])
HEDGES = Mix([("CERTAIN", 0.82), ("LIKELY", 0.15), ("POSSIBLE", 0.03)])
ASSERTIONS_PER_CLAIM = (2.5, 3.5)
EARLIER_SHARE = 0.15  # assertions about claims defined in earlier documents
CITING_SHARE = 0.66  # of those, the ones passing on an earlier assertion
RIVAL_SHARE = 1 / 7  # claims made to contradict another
FILLER_SHARE = 0.35
ASSERTION_NOTES = (
    "The speaker repeats a position stated earlier.",
    "Hedged in the text.",
    "The attribution is the author's.",
    "Undated in the text; the source's date applies.",
)  # fmt: skip


PER_FILE = 1000  # documents per claims file, and texts per folder


def document_file(index: int, per_file: int = PER_FILE) -> str:
    return f"documents/{index // per_file:03d}/{index:06d}.txt"


@dataclass
class Tally:
    documents: int = 0
    claims: int = 0
    assertions: int = 0
    cites: int = 0
    conflicts: int = 0
    quantities: int = 0
    republished: int = 0

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True, slots=True)
class About:
    """A claim an assertion is about; ``earlier`` is set when another document defined it."""

    id: str
    spec: ClaimSpec
    body: str  # the spec's wording, made once
    earlier: EarlierClaim | None = None


@dataclass(frozen=True)
class Voices:
    byline: Byline
    named: list[Agent]
    anonymous: list[Agent]


@dataclass
class Document:
    file: str
    text: str
    record: dict[str, Any]
    tally: Tally


@dataclass
class Counters:
    claims: int = 0
    assertions: int = 0
    sources: int = 0

    def claim(self) -> str:
        self.claims += 1
        return f"claim-syn-{self.claims:07d}"

    def assertion(self) -> str:
        self.assertions += 1
        return f"asrt-syn-{self.assertions:08d}"

    def source(self) -> str:
        self.sources += 1
        return f"src-syn-{self.sources:06d}"


@dataclass
class Draft:
    """What is being made for the current document."""

    day: int
    tally: Tally = field(default_factory=Tally)
    own: list[About] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    assertions: list[dict[str, Any]] = field(default_factory=list)
    latest: dict[str, str] = field(default_factory=dict)
    passed_on: list[tuple[EarlierClaim, str]] = field(default_factory=list)


class DocumentMaker:
    def __init__(
        self, cast: Cast, memory: Memory, originals: Originals, documents: int,
        rng: random.Random, per_file: int = PER_FILE,
    ) -> None:  # fmt: skip
        self.cast = cast
        self.memory = memory
        self.originals = originals
        self.expected_documents = documents
        self.per_file = per_file
        self.rng = rng
        self.ids = Counters()
        self.subjects = [agent.name for agent in (*cast.organizations, *cast.people)]
        rng.shuffle(self.subjects)

    def make(self, index: int, claims: int) -> Document:
        rng = self.rng
        draft = Draft(document_day(index, self.expected_documents, rng))
        copy_of = republished(draft.day, self.memory, self.originals, rng)
        voices = self._voices()
        self._claims(draft, claims, self._topics())
        title = copy_of.title if copy_of else self._title(draft.own[0])
        layout = self._header(title, voices.byline, draft.day)
        for about in self._plan(draft):
            self._assert(draft, about, voices, layout)
        layout.footer(f"Tags: {', '.join(rng.sample(words.CITIES, 3))}")
        source = EarlierSource(self.ids.source(), title)
        file = document_file(index, self.per_file)
        record = source_record(source, file, draft.day, voices.byline, copy_of, rng)
        self._remember(draft, source)
        draft.tally.documents = 1
        draft.tally.republished = int(copy_of is not None)
        return Document(file, layout.text(), self._line(source.id, record, draft), draft.tally)

    def _voices(self) -> Voices:
        rng, cast = self.rng, self.cast
        named = [
            skewed(cast.people, rng) if rng.random() < 0.7 else skewed(cast.organizations, rng)
            for _ in range(rng.randint(2, 6))
        ]
        anonymous = [pick(cast.anonymous, rng) for _ in range(rng.randint(1, 2))]
        return Voices(byline(cast, rng), named, anonymous)

    def _topics(self) -> list[str]:
        picked = [skewed(self.cast.topics, self.rng) for _ in range(3)]
        return list(dict.fromkeys(picked))

    def _title(self, about: About) -> str:
        ending = pick(words.TITLE_ENDINGS, self.rng)
        return f"{about.body} {ending}" if ending else about.body

    def _claims(self, draft: Draft, count: int, topics: list[str]) -> None:
        rng = self.rng
        for _ in range(count):
            claim_id = self.ids.claim()
            target = self._rival_target(draft)
            if target is None:
                spec = fresh_claim(self.subjects, draft.day, rng)
            else:
                spec, kind, note = rival_claim(target.spec, draft.day, rng)
                conflict = {"claims": [claim_id, target.id], "kind": kind, "note": note}
                draft.conflicts.append(conflict)
            body = spec.body()
            record: dict[str, Any] = {
                "id": claim_id,
                "text": f"{body}.",
                "topics": self._claim_topics(topics),
            }
            quantity = spec.quantity()
            if quantity is not None:
                record["quantity"] = quantity
                draft.tally.quantities += 1
            draft.claims.append(record)
            draft.own.append(About(claim_id, spec, body))
        draft.tally.claims = count
        draft.tally.conflicts = len(draft.conflicts)

    def _rival_target(self, draft: Draft) -> About | None:
        rng = self.rng
        if rng.random() >= RIVAL_SHARE:
            return None
        if self.memory.has_claims() and (not draft.own or rng.random() < 0.5):
            earlier = self.memory.pick_claim(rng)
            return About(earlier.id, earlier.spec, earlier.body, earlier)
        return pick(draft.own, rng) if draft.own else None

    def _claim_topics(self, topics: list[str]) -> list[str]:
        rng = self.rng
        first = pick(self.cast.topics, rng) if rng.random() < 0.1 else pick(topics, rng)
        second = pick(topics, rng)
        return [first, second] if rng.random() < 0.4 and second != first else [first]

    def _plan(self, draft: Draft) -> list[About]:
        """Every claim of the document at least once, a few claims of earlier documents."""
        rng = self.rng
        count = len(draft.own)
        total = rounded_count(count * rng.uniform(*ASSERTIONS_PER_CLAIM), rng)
        earlier = rounded_count(total * EARLIER_SHARE, rng) if self.memory.has_claims() else 0
        own_extra = max(total - earlier - count, 0)
        plan = [*draft.own, *(pick(draft.own, rng) for _ in range(own_extra))]
        for _ in range(earlier):
            claim = self.memory.pick_claim(rng)
            plan.append(About(claim.id, claim.spec, claim.body, claim))
        rng.shuffle(plan)
        return plan

    def _header(self, title: str, written: Byline, day: int) -> Layout:
        layout = Layout()
        layout.line(title)
        if written.authors[0] != written.publisher:
            layout.line(f"By {' and '.join(author.name for author in written.authors)}")
        layout.line(f"{written.publisher.name} — {dateline(day)}")
        layout.line("")
        return layout

    def _assert(self, draft: Draft, about: About, voices: Voices, layout: Layout) -> None:
        rng = self.rng
        mode, stance, hedge = MODES.draw(rng), STANCES.draw(rng), HEDGES.draw(rng)
        speaker = self._speaker(mode, voices)
        said = statement(about.body, stance, hedge, rng)
        wording = sentence(mode, speaker.name, said, rng)
        start = layout.sentence(wording.text, rng) + wording.quote_from
        if rng.random() < FILLER_SHARE:
            layout.sentence(filler(rng), rng)
        assertion_id = self.ids.assertion()
        record: dict[str, Any] = {
            "id": assertion_id,
            "claim": about.id,
            "by": speaker.id,
            "stance": stance,
            "mode": mode,
            "hedge": hedge,
            "quote": wording.text[wording.quote_from : wording.quote_from + wording.quote_length],
            "start": start,
            "end": start + wording.quote_length,
        }
        self._extras(record, mode, draft.day, about, draft)
        draft.assertions.append(record)
        draft.latest[about.id] = assertion_id
        draft.tally.assertions += 1
        if about.earlier is not None:
            draft.passed_on.append((about.earlier, assertion_id))

    def _speaker(self, mode: str, voices: Voices) -> Agent:
        if mode == "AUTHORIAL":
            return voices.byline.authors[0]
        if mode == "REPORTED":
            return pick(voices.anonymous, self.rng)
        return pick(voices.named, self.rng)

    def _extras(
        self, record: dict[str, Any], mode: str, day: int, about: About, draft: Draft
    ) -> None:
        """The optional fields: an earlier date of speech, a cited assertion, a note."""
        rng = self.rng
        chance = rng.random()
        if mode in ("DIRECT_QUOTE", "PARAPHRASE") and chance < 0.15:
            record["asserted"] = partial(day - below(30, rng), "DAY", rng)
        elif chance < 0.03:
            precision = "YEAR" if chance < 0.01 else "MONTH"
            record["asserted"] = partial(day - rng.randrange(30, 1000), precision, rng)
        if about.earlier is not None and rng.random() < CITING_SHARE:
            record["cites"] = [about.earlier.latest]
            draft.tally.cites += 1
        if rng.random() < 0.04:
            record["note"] = pick(ASSERTION_NOTES, rng)

    def _remember(self, draft: Draft, source: EarlierSource) -> None:
        for earlier, assertion_id in draft.passed_on:
            earlier.latest = assertion_id
        for about in draft.own:
            claim = EarlierClaim(about.id, about.spec, about.body, draft.latest[about.id])
            self.memory.remember_claim(claim, self.rng)
        self.memory.sources.add(source)

    @staticmethod
    def _line(source_id: str, record: dict[str, Any], draft: Draft) -> dict[str, Any]:
        line: dict[str, Any] = {
            "source": source_id,
            "sources": [record],
            "claims": draft.claims,
            "assertions": draft.assertions,
        }
        if draft.conflicts:
            line["conflicts"] = draft.conflicts
        return line
