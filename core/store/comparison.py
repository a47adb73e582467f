"""Analysts side by side: one Cypher query (COMPARE_POSITIONS)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.store.records import ClaimRecord, Map
from claimtrace.core.vocabulary import ConflictKind, Stance


@dataclass(frozen=True)
class PositionRecord:
    person_id: str
    stance: Stance
    assertion_id: str
    quote: str


@dataclass(frozen=True)
class ComparisonRowRecord:
    claim: ClaimRecord
    positions: tuple[PositionRecord, ...]


@dataclass(frozen=True)
class ContradictionRecord:
    first_claim: str
    second_claim: str
    kind: ConflictKind
    note: str


@dataclass(frozen=True)
class PairRecord:
    first: str
    second: str
    agreements: tuple[str, ...]
    opposed: tuple[str, ...]
    contradicting: tuple[ContradictionRecord, ...]
    only_first: tuple[str, ...]
    only_second: tuple[str, ...]

    @classmethod
    def from_map(cls, value: Map) -> PairRecord:
        return cls(
            first=value["first"],
            second=value["second"],
            agreements=tuple(value["agreements"]),
            opposed=tuple(value["opposed"]),
            contradicting=tuple(
                ContradictionRecord(
                    c["firstClaim"], c["secondClaim"], ConflictKind(c["kind"]), c["note"]
                )
                for c in value["contradicting"]
            ),
            only_first=tuple(value["onlyFirst"]),
            only_second=tuple(value["onlySecond"]),
        )


@dataclass(frozen=True)
class ComparisonRecord:
    people: tuple[tuple[str, str], ...]
    rows: tuple[ComparisonRowRecord, ...]
    pairs: tuple[PairRecord, ...]
    topic_found: bool

    @classmethod
    def from_map(cls, value: Map) -> ComparisonRecord:
        return cls(
            people=tuple((p["id"], p["name"]) for p in value["people"]),
            rows=tuple(
                ComparisonRowRecord(
                    ClaimRecord.from_map(row["claim"]),
                    tuple(
                        PositionRecord(
                            p["personId"], Stance(p["stance"]), p["assertionId"], p["quote"]
                        )
                        for p in row["positions"]
                    ),
                )
                for row in value["rows"]
            ),
            pairs=tuple(PairRecord.from_map(p) for p in value["pairs"]),
            topic_found=value["topicFound"],
        )


async def compare_positions(
    graph: Graph,
    person_ids: Sequence[str],
    topic_id: str | None,
    as_of: dt.datetime | None = None,
) -> ComparisonRecord:
    records = await graph.read(
        cypher.COMPARE_POSITIONS, personIds=list(person_ids), topicId=topic_id, asOf=as_of
    )
    return ComparisonRecord.from_map(records[0])
