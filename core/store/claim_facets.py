"""Counts over the claims a filter matches: totals, and claims and assertions per value of
each facet asked for, in one query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import LiteralString

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.errors import BadInput
from claimtrace.core.store.claim_pages import ClaimFilterRecord
from claimtrace.core.store.records import Map

# What each facet counts by: a claim's topics; its matching assertions' stance, mode,
# speaker, source's publisher, and the year or month they were made (when known).
FACETS = ("topic", "stance", "mode", "publisher", "speaker", "year", "month")
MAX_BUCKETS = 100


@dataclass(frozen=True)
class BucketRecord:
    key: str
    label: str | None
    claims: int
    assertions: int | None  # None for topics (a claim's topic is not an assertion's)


@dataclass(frozen=True)
class FacetRecord:
    name: str
    buckets: tuple[BucketRecord, ...]  # the largest, by claims then key
    values: int  # how many values the facet has in all


@dataclass(frozen=True)
class FacetsRecord:
    claims: int
    assertions: int
    facets: tuple[FacetRecord, ...]


def check_facets(names: Sequence[str], buckets: int) -> tuple[str, ...]:
    unknown = [name for name in names if name not in FACETS]
    if unknown:
        raise BadInput(
            f"unknown facet {unknown[0]!r}; the facets are {', '.join(FACETS)}", field="facets"
        )
    if not 1 <= buckets <= MAX_BUCKETS:
        raise BadInput(
            f"buckets must be between 1 and {MAX_BUCKETS}; got {buckets}", field="buckets"
        )
    return tuple(dict.fromkeys(names))


async def claim_facets(
    graph: Graph, where: ClaimFilterRecord, names: Sequence[str], buckets: int
) -> FacetsRecord:
    """The counts for the claims ``where`` matches; each facet keeps its ``buckets`` largest
    values."""
    names = check_facets(names, buckets)
    query = where.search_query()
    [record] = await graph.read(
        _facets_query(where),
        **where.parameters(),
        search=query.lucene() if query else None,
        facets=list(names),
    )
    found = {facet["name"]: facet["buckets"] for facet in record["facets"] if facet["name"]}
    return FacetsRecord(
        claims=record["claims"],
        assertions=record["assertions"],
        facets=tuple(_facet(name, found.get(name) or [], buckets) for name in names),
    )


def _facets_query(where: ClaimFilterRecord) -> LiteralString:
    if where.search is not None:
        return cypher.CLAIM_FACETS_SEARCH
    if where.source_id is not None:
        return cypher.CLAIM_FACETS_SOURCE
    if where.person_id is not None:
        return cypher.CLAIM_FACETS_PERSON
    if where.publisher_id is not None:
        return cypher.CLAIM_FACETS_PUBLISHER
    if where.topic_id is not None:
        return cypher.CLAIM_FACETS_TOPIC
    return cypher.CLAIM_FACETS_ALL


def _facet(name: str, buckets: list[Map], keep: int) -> FacetRecord:
    ordered = sorted(buckets, key=lambda bucket: (-bucket["claims"], bucket["key"]))
    return FacetRecord(
        name=name,
        buckets=tuple(
            BucketRecord(b["key"], b.get("label"), b["claims"], b.get("assertions"))
            for b in ordered[:keep]
        ),
        values=len(buckets),
    )
