"""Detection over the graph: read what the rules need for a set of claims, run the
rules (core/detection/rules.py), and store what they find as candidates.

``detect`` is scoped to the claims a write touched (the loader calls it after each
batch, the mutations after each write); ``detect_all`` walks every claim, a page at
a time. Both are deterministic for a given graph, and storing is idempotent: a
candidate is merged on its id, so one found again, or rejected, is left as it is.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import re
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction, Record
from neo4j.exceptions import ConstraintError

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.detection import rules
from claimtrace.core.detection.rules import Position, QuantityClaim
from claimtrace.core.records import Candidate
from claimtrace.core.search import Term
from claimtrace.core.vocabulary import (
    AssertedDate,
    CandidateKind,
    Hedge,
    Qualifier,
    Quantity,
    Stance,
)

T = TypeVar("T")
ALL_KINDS = frozenset(CandidateKind)
# Claims read per round trip; detect_all walks the graph in pages of this many.
CHUNK = 2_000
# How many full-text hits (claims and quotes) are read for each claim's words.
SIMILAR_HITS = 50
# Words of a claim sent to the full-text index (Lucene allows 1,024 clauses).
QUERY_WORDS = 64
# The field of the full-text index that holds claims' sentences (assertions' words are in
# ``quote``): a claim's words are looked up there, so quotes cannot crowd claims out of the
# hits, and a claim's score is what it is for the whole index.
CLAIM_FIELD = "text"
# The full-text lookups of a page run in this many transactions at once: Neo4j runs each
# transaction on one thread, and the lookups are most of detection's time.
LOOKUP_PARTS = 2
# Connections one detection holds at most: the stance reads, the NUMERIC read and the
# lookups run side by side. A driver that runs detection needs a pool this large.
DETECTION_CONNECTIONS = 2 + LOOKUP_PARTS
STORE_ATTEMPTS = 3
_WORD = re.compile(r"\w+")
# Lucene's English stop words.
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)


@dataclass
class DetectionReport:
    claims: int = 0
    found: Counter[str] = field(default_factory=Counter)  # proposed by the rules
    created: Counter[str] = field(default_factory=Counter)  # new candidates stored
    seconds: float = 0.0
    ids: list[str] = field(default_factory=list)  # what one ``detect`` found (not summed)

    def add(self, other: DetectionReport) -> None:
        self.claims += other.claims
        self.found += other.found
        self.created += other.created
        self.seconds += other.seconds


async def detect(
    graph: Graph,
    claim_ids: Collection[str],
    kinds: Collection[CandidateKind] = ALL_KINDS,
    recorded_at: dt.datetime | None = None,
) -> DetectionReport:
    """Run the rules for ``claim_ids`` against the whole graph; store what they find."""
    started = time.perf_counter()
    ids = sorted(set(claim_ids))
    report = DetectionReport(claims=len(ids))
    for chunk in _chunks(ids, CHUNK):
        found = await _candidates_for(graph, chunk, kinds)
        report.found.update(candidate.kind.value for candidate in found)
        report.ids += sorted({candidate.id for candidate in found})
        report.created += await store_candidates(graph, found, recorded_at)
    report.seconds = time.perf_counter() - started
    return report


async def detect_all(
    graph: Graph,
    kinds: Collection[CandidateKind] = ALL_KINDS,
    on_page: Callable[[DetectionReport], None] | None = None,
) -> DetectionReport:
    """``detect`` over every claim, a page of ``CHUNK`` claims at a time."""
    total, after = DetectionReport(), ""
    while ids := await _claim_ids_after(graph, after):
        page = await detect(graph, ids, kinds)
        total.add(page)
        if on_page is not None:
            on_page(total)
        after = ids[-1]
    return total


async def _claim_ids_after(graph: Graph, after: str) -> list[str]:
    records = await graph.read(cypher.CLAIM_IDS_PAGE, after=after, limit=CHUNK)
    return [record["id"] for record in records]


Links = dict[str, tuple[set[str], set[str]]]  # claim: (conflicting claims, linked claims)


async def _links(graph: Graph, ids: list[str]) -> Links:
    records = await graph.read(cypher.DETECT_CLAIM_LINKS, ids=ids)
    return {r["id"]: (set(r["conflicting"]), set(r["linked"])) for r in records}


async def _candidates_for(
    graph: Graph, ids: list[str], kinds: Collection[CandidateKind]
) -> list[Candidate]:
    """The quantity rules and the stance rules read side by side; their candidates are
    returned in the same order either way (NUMERIC, LIKELY_SAME, then the stances)."""
    links = asyncio.ensure_future(_links(graph, ids))
    try:
        quantities, stances = await side_by_side(
            _quantity_candidates(graph, ids, links, kinds),
            _stance_candidates(graph, ids, links, kinds),
        )
    finally:
        links.cancel()
    return quantities + stances


async def _quantity_candidates(
    graph: Graph, ids: list[str], links: Awaitable[Links], kinds: Collection[CandidateKind]
) -> list[Candidate]:
    if not {CandidateKind.NUMERIC, CandidateKind.LIKELY_SAME} & set(kinds):
        return []
    quantities = await _quantity_claims(graph, ids)
    numeric, likely_same = await side_by_side(
        _numeric(graph, quantities, links) if CandidateKind.NUMERIC in kinds else _none(),
        _likely_same(graph, quantities, links) if CandidateKind.LIKELY_SAME in kinds else _none(),
    )
    return numeric + likely_same


async def _stance_candidates(
    graph: Graph, ids: list[str], links: Awaitable[Links], kinds: Collection[CandidateKind]
) -> list[Candidate]:
    if not {CandidateKind.REVISION, CandidateKind.OPPOSITE_STANCE} & set(kinds):
        return []
    return await _stances(graph, ids, await links, kinds)


async def _none() -> list[Candidate]:
    return []


# ------------------------------------------------------------------ quantities


async def _quantity_claims(graph: Graph, ids: list[str]) -> list[QuantityClaim]:
    records = await graph.read(cypher.DETECT_QUANTITY_CLAIMS, ids=ids)
    claims = [_quantity_claim(record.data()) for record in records]
    stored = {record["id"]: record["measure"] for record in records}
    rows = [
        {"id": claim.id, "measure": claim.measure.key}
        for claim in claims
        if stored[claim.id] != claim.measure.key
    ]
    if rows:  # a claim whose text or quantity changed, or one never detected on
        await graph.write(cypher.SET_QUANTITY_MEASURES, rows=rows)
    return claims


def _quantity_claim(value: dict[str, Any]) -> QuantityClaim:
    quantity = Quantity(float(value["value"]), value["unit"], Qualifier(value["qualifier"]))
    return QuantityClaim(value["id"], value["text"], quantity)


async def _numeric(
    graph: Graph, claims: list[QuantityClaim], read_links: Awaitable[Links]
) -> list[Candidate]:
    measures = sorted({claim.measure.key for claim in claims})
    records = await graph.read(cypher.CLAIMS_BY_MEASURE, measures=measures)
    links = await read_links
    by_measure: dict[str, list[QuantityClaim]] = defaultdict(list)
    for record in records:
        other = _quantity_claim(record.data())
        by_measure[other.measure.key].append(other)
    found = []
    for claim in claims:
        conflicting = links.get(claim.id, (set(), set()))[0]
        for other in by_measure[claim.measure.key]:
            if other.id not in conflicting and (candidate := rules.numeric(claim, other)):
                found.append(candidate)
    return found


async def _likely_same(
    graph: Graph, claims: list[QuantityClaim], read_links: Awaitable[Links]
) -> list[Candidate]:
    queries = {claim.id: full_text_query(claim.text) for claim in claims}
    rows = [{"id": claim_id, "query": query} for claim_id, query in queries.items() if query]
    if not rows:
        return []
    records = await _similar(graph, rows)
    links = await read_links
    by_id = {claim.id: claim for claim in claims}
    found = []
    for record in records:
        claim, hits = by_id[record["id"]], record["hits"]
        own = next((hit["score"] for hit in hits if hit["id"] == claim.id), None)
        linked = links.get(claim.id, (set(), set()))[1]
        for hit in hits:
            if own is None or hit["id"] in linked:
                continue
            other = _quantity_claim(hit)
            if candidate := rules.likely_same(claim, other, min(hit["score"] / own, 1.0)):
                found.append(candidate)
    return found


async def _similar(graph: Graph, rows: list[dict[str, str]]) -> list[Record]:
    """The full-text hits of each row, in the order of ``rows``: the rows are split
    into ``LOOKUP_PARTS`` reads that run at once."""
    size = -(-len(rows) // LOOKUP_PARTS)
    parts = await side_by_side(
        *(
            graph.read(cypher.SIMILAR_CLAIMS, rows=part, limit=SIMILAR_HITS)
            for part in _chunks(rows, size)
        )
    )
    return [record for part in parts for record in part]


def full_text_query(text: str) -> str:
    """A claim's distinct words, common ones left out, as literal terms for the claims'
    field of the full-text index; empty when it has none (then nothing is looked up). The
    index keeps stop words, and a term that nearly every claim holds costs the most to
    score while telling the least."""
    words = [word.lower() for word in _WORD.findall(text)]
    distinct = dict.fromkeys(word for word in words if word not in _STOP_WORDS)
    return " ".join(f"{CLAIM_FIELD}:{Term(word).lucene()}" for word in list(distinct)[:QUERY_WORDS])


# ------------------------------------------------------------------ stances


async def _stances(
    graph: Graph,
    ids: list[str],
    links: Links,
    kinds: Collection[CandidateKind],
) -> list[Candidate]:
    conflicting = {other for claim in ids for other in links.get(claim, (set(), set()))[0]}
    wanted = sorted(set(ids) | conflicting)
    records = await graph.read(cypher.DETECT_POSITIONS, ids=wanted)
    positions = {
        r["claim"]: [_position(r["claim"], r["text"], p) for p in r["positions"]] for r in records
    }
    found: list[Candidate] = []
    for claim in ids:
        mine = positions.get(claim, [])
        if CandidateKind.OPPOSITE_STANCE in kinds:
            found += _opposite_stances(mine)
        if CandidateKind.REVISION in kinds:
            found += _found(rules.revision(x, y) for x, y in itertools.combinations(mine, 2))
            for other in sorted(links.get(claim, (set(), set()))[0]):
                pairs = itertools.product(mine, positions.get(other, []))
                found += _found(rules.revision(x, y, claims_conflict=True) for x, y in pairs)
    return found


def _opposite_stances(positions: list[Position]) -> list[Candidate]:
    """One candidate per claim and pair of speakers: each speaker's earliest assertion
    of each stance stands for them."""
    first: dict[tuple[str, Stance], Position] = {}
    for position in sorted(positions, key=lambda p: (p.asserted.not_after, p.assertion)):
        first.setdefault((position.speaker, position.stance), position)
    pairs = itertools.combinations(first.values(), 2)
    return list(_found(rules.opposite_stance(x, y) for x, y in pairs))


def _position(claim: str, text: str, value: dict[str, Any]) -> Position:
    return Position(
        assertion=value["assertion"], claim=claim, claim_text=text,
        speaker=value["speaker"], speaker_name=value["speakerName"],
        stance=Stance(value["stance"]), hedge=Hedge(value["hedge"]), quote=value["quote"],
        asserted=AssertedDate.from_props(value),
    )  # fmt: skip


def _found(candidates: Iterable[Candidate | None]) -> Iterator[Candidate]:
    return (candidate for candidate in candidates if candidate is not None)


# ------------------------------------------------------------------ storing


async def store_candidates(
    graph: Graph, candidates: list[Candidate], recorded_at: dt.datetime | None = None
) -> Counter[str]:
    """Merge ``candidates`` on their ids in one transaction; how many were new, by kind."""
    unique = list({candidate.id: candidate for candidate in candidates}.values())
    if not unique:
        return Counter()
    rows = [_row(candidate) for candidate in unique]
    at = recorded_at or dt.datetime.now(dt.UTC)
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            async with graph.session() as session:
                return await session.execute_write(_store, rows, at)
        except ConstraintError:  # another detection created the same candidate meanwhile
            if attempt == STORE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


async def _store(
    tx: AsyncManagedTransaction, rows: list[dict[str, Any]], at: dt.datetime
) -> Counter[str]:
    result = await tx.run(cypher.STORE_CANDIDATES, rows=rows, recordedAt=at)
    record = await result.single(strict=True)
    return Counter(record["createdKinds"])


def _row(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.id,
        "firstClaim": candidate.first_claim,
        "secondClaim": candidate.second_claim,
        "firstAssertion": candidate.first_assertion,
        "secondAssertion": candidate.second_assertion,
        "props": candidate.props(),
    }


def _chunks(values: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


async def side_by_side(*steps: Awaitable[T]) -> list[T]:
    """The results of ``steps``, run at once, in their order. The first failure is
    raised as it is, and the steps still running are cancelled."""
    tasks = [asyncio.ensure_future(step) for step in steps]
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        for task in tasks:
            task.cancel()
