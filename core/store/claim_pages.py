"""Pages of claims: filtered lists in date order, and ranked full-text searches.

A list page starts where its most selective filter points (a source's, a person's, a
publisher's or a topic's claims) or, without one, reads claims in the order of their
index; the query is one of a fixed set of named constants, chosen by which filters are
present. A search ranks claims by their best full-text hit (score, then id) and reads
only as many of the best hits as the page needs.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Any, LiteralString

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.errors import BadInput
from claimtrace.core.search import SearchQuery, parse_search
from claimtrace.core.snippets import Snippet, snippet
from claimtrace.core.store.records import ClaimRecord, Map
from claimtrace.core.vocabulary import DateMatch, PartialDate, Stance

# Claims no assertion dates yet sort after every dated one; this key stands for "no
# date" in cursors (it sorts after every ISO date).
UNASSERTED_KEY = "~"
# A search reads its best hits in rounds, this many times more each round, until the
# page's ranking is certain (every claim on it scores above the lowest hit read).
HIT_GROWTH = 8
FIRST_HITS = 200
MAX_HITS = 1_000_000


class ClaimOrder(enum.Enum):
    RELEVANCE = "RELEVANCE"
    FIRST_ASSERTED = "FIRST_ASSERTED"


@dataclass(frozen=True)
class ClaimFilterRecord:
    """What ``claims`` may be filtered by; None means "any"."""

    search: str | None = None
    topic_id: str | None = None
    person_id: str | None = None
    source_id: str | None = None
    publisher_id: str | None = None
    asserted_from: PartialDate | None = None
    asserted_to: PartialDate | None = None
    date_match: DateMatch = DateMatch.OVERLAPS
    has_conflicts: bool | None = None
    stance: Stance | None = None

    @property
    def filters_assertions(self) -> bool:
        return any(
            value is not None
            for value in (
                self.person_id, self.source_id, self.publisher_id, self.stance,
                self.asserted_from, self.asserted_to,
            )
        )  # fmt: skip

    def parameters(self) -> dict[str, Any]:
        """The query parameters of every condition but the search."""
        return {
            "topicId": self.topic_id,
            "hasConflicts": self.has_conflicts,
            "filterAssertions": self.filters_assertions,
            "personId": self.person_id,
            "sourceId": self.source_id,
            "publisherId": self.publisher_id,
            "stance": self.stance.value if self.stance else None,
            "assertedFrom": self.asserted_from.earliest if self.asserted_from else None,
            "assertedTo": self.asserted_to.latest if self.asserted_to else None,
            "within": self.date_match is DateMatch.WITHIN,
        }

    def search_query(self) -> SearchQuery | None:
        return parse_search(self.search) if self.search is not None else None


@dataclass(frozen=True)
class ClaimHit:
    """A claim on a page; with a search, its best hit's score and snippet (in the claim's
    text, or in the quote of the assertion ``assertion_id``)."""

    claim: ClaimRecord
    score: float | None = None
    snippet: Snippet | None = None
    assertion_id: str | None = None


@dataclass(frozen=True)
class ClaimPage:
    hits: list[tuple[ClaimHit, str]]  # each with its cursor
    has_next: bool
    has_previous: bool


@dataclass(frozen=True)
class _Cursor:
    key: str | float
    id: str


def claim_order(where: ClaimFilterRecord, order: ClaimOrder | None) -> ClaimOrder:
    """Relevance for a search, date otherwise, unless asked; relevance needs a search."""
    if order is None:
        return ClaimOrder.RELEVANCE if where.search is not None else ClaimOrder.FIRST_ASSERTED
    if order is ClaimOrder.RELEVANCE and where.search is None:
        raise BadInput("orderBy RELEVANCE needs a search", field="orderBy")
    return order


async def claims_page(
    graph: Graph,
    where: ClaimFilterRecord,
    first: int,
    after: str | None = None,
    order: ClaimOrder | None = None,
) -> ClaimPage:
    """Up to ``first`` claims after the cursor ``after`` (of this same filter and order)."""
    order = claim_order(where, order)
    query = where.search_query()
    fingerprint = _fingerprint(where, order, query)
    position = _decode(after, fingerprint)
    if query is not None and order is ClaimOrder.RELEVANCE:
        rows = await _ranked(graph, where, query, first + 1, position)
    elif query is not None:
        rows = await _searched_by_date(graph, where, query, first + 1, position)
    else:
        rows = await _listed(graph, where, first + 1, position)
    hits = [(hit, _encode(cursor, fingerprint)) for hit, cursor in rows[:first]]
    return ClaimPage(hits, has_next=len(rows) > first, has_previous=after is not None)


async def _listed(
    graph: Graph, where: ClaimFilterRecord, limit: int, after: _Cursor | None
) -> list[tuple[ClaimHit, _Cursor]]:
    parameters = where.parameters()
    rows: list[tuple[ClaimHit, _Cursor]] = []
    if after is None or after.key != UNASSERTED_KEY:
        key, after_id = (str(after.key), after.id) if after else ("", "")
        query = await _dated_query(graph, where, limit)
        if query is None:  # a topic, person or publisher with no claim at all
            return []
        records = await graph.read(query, **parameters, afterKey=key, afterId=after_id, limit=limit)
        rows = [_dated_row(record) for record in records]
    if len(rows) < limit and not where.filters_assertions:
        after_id = after.id if after and after.key == UNASSERTED_KEY else ""
        query = (
            cypher.CLAIMS_PAGE_UNASSERTED_TOPIC if where.topic_id else cypher.CLAIMS_PAGE_UNASSERTED
        )
        records = await graph.read(query, **parameters, afterId=after_id, limit=limit - len(rows))
        rows += [_dated_row(record) for record in records]
    return rows


async def _dated_query(graph: Graph, where: ClaimFilterRecord, limit: int) -> LiteralString | None:
    """The list query that starts from the filter that reaches the fewest claims, or reads
    the date index in order when that is cheaper; None when a filter reaches none.

    Reading a filter's ``n`` claims and keeping the first ``limit`` costs about ``n``;
    reading the index in order until ``limit`` of them come up costs about
    ``limit * claims / n``: the index wins when ``n * n > limit * claims``."""
    if where.source_id is not None:  # a source holds a few dozen assertions
        return cypher.CLAIMS_PAGE_SOURCE
    given = {
        cypher.CLAIMS_PAGE_TOPIC: where.topic_id,
        cypher.CLAIMS_PAGE_PERSON: where.person_id,
        cypher.CLAIMS_PAGE_PUBLISHER: where.publisher_id,
    }
    if not any(value is not None for value in given.values()):
        return cypher.CLAIMS_PAGE_ALL
    [reach] = await graph.read(cypher.CLAIMS_PAGE_REACH, **where.parameters())
    reached = {
        cypher.CLAIMS_PAGE_TOPIC: reach["topic"],
        cypher.CLAIMS_PAGE_PERSON: reach["person"],
        cypher.CLAIMS_PAGE_PUBLISHER: reach["publisher"],
    }
    query, smallest = min(
        ((query, reached[query]) for query, value in given.items() if value is not None),
        key=lambda pair: pair[1],
    )
    if smallest == 0:
        return None
    return cypher.CLAIMS_PAGE_ALL if smallest * smallest > limit * reach["claims"] else query


def _dated_row(record: Map) -> tuple[ClaimHit, _Cursor]:
    claim = ClaimRecord.from_map(record["claim"])
    return ClaimHit(claim), _Cursor(claim.first_asserted or UNASSERTED_KEY, claim.id)


async def _ranked(
    graph: Graph,
    where: ClaimFilterRecord,
    query: SearchQuery,
    limit: int,
    after: _Cursor | None,
) -> list[tuple[ClaimHit, _Cursor]]:
    """The best claims after ``after``: reads more of the best hits until every claim of
    the page scores strictly above the lowest hit read (ties at that score may be
    unread), or no hit is left."""
    hits = max(FIRST_HITS, 4 * limit)
    while True:
        [record] = await graph.read(
            cypher.CLAIM_SEARCH_BEST,
            **where.parameters(),
            search=query.lucene(),
            hits=hits,
            afterScore=after.key if after else None,
            afterId=after.id if after else None,
            limit=limit,
        )
        exhausted = record["hitCount"] < hits
        rows = record["rows"]
        if not exhausted:
            rows = [row for row in rows if row["score"] > record["floor"]]
        if exhausted or len(rows) >= limit or hits >= MAX_HITS:
            return [_searched_row(row, query, row["score"]) for row in rows]
        hits *= HIT_GROWTH


async def _searched_by_date(
    graph: Graph,
    where: ClaimFilterRecord,
    query: SearchQuery,
    limit: int,
    after: _Cursor | None,
) -> list[tuple[ClaimHit, _Cursor]]:
    records = await graph.read(
        cypher.CLAIM_SEARCH_DATED,
        **where.parameters(),
        search=query.lucene(),
        unassertedKey=UNASSERTED_KEY,
        afterKey=str(after.key) if after else "",
        afterId=after.id if after else "",
        limit=limit,
    )
    return [_searched_row(record, query, record["sortKey"]) for record in records]


def _searched_row(row: Map, query: SearchQuery, key: str | float) -> tuple[ClaimHit, _Cursor]:
    claim = ClaimRecord.from_map(row["claim"])
    # The best hit: the highest score, the claim's own text before a quote at equal score.
    best = max(row["matches"], key=lambda match: (match["score"], match["assertionId"] is None))
    hit = ClaimHit(
        claim,
        score=row["score"],
        snippet=snippet(best["text"], query.phrases),
        assertion_id=best["assertionId"],
    )
    return hit, _Cursor(key, claim.id)


def _fingerprint(where: ClaimFilterRecord, order: ClaimOrder, query: SearchQuery | None) -> str:
    """What a cursor belongs to: the order and the filter (the search as parsed)."""
    described = json.dumps(
        [order.value, query.normalized() if query else None, where.parameters()],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:16]


def _encode(cursor: _Cursor, fingerprint: str) -> str:
    raw = json.dumps(["claims", fingerprint, cursor.key, cursor.id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii")


def _decode(cursor: str | None, fingerprint: str) -> _Cursor | None:
    if cursor is None:
        return None
    try:
        kind, owner, key, item_id = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise BadInput("after is not a cursor from this API", field="after") from None
    if kind != "claims" or not isinstance(key, str | float) or not isinstance(item_id, str):
        raise BadInput("after is not a cursor from this API", field="after")
    if owner != fingerprint:
        raise BadInput(
            "after is a cursor of another claims query (another filter, search or order)",
            field="after",
        )
    return _Cursor(key, item_id)
