"""Candidates read back, and reviewed by people: confirm, reject, undo.

Each review is one write transaction that also records the mutation's audit event.
It takes the candidate's lock first, so two reviews of one candidate never both see
it pending. A review is a node of its own, never changed; undoing one is another
review. Confirming makes the link the candidate proposes (CONTRADICTS for a conflict
between two claims, SAME_AS for LIKELY_SAME) with the candidate's explanation as its
note; undoing the confirmation marks that link undone, and deletes nothing: every
assertion stays on the claim it was made about.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from neo4j import AsyncManagedTransaction

from claimtrace.core import cypher
from claimtrace.core.audit import Attempt, AuditEvent, Result, check_cursor_time, record_in
from claimtrace.core.database import Graph
from claimtrace.core.errors import AlreadyReviewed, BadInput, NotFound, NotReviewed
from claimtrace.core.records import Conflict, content_hash
from claimtrace.core.store.batch import fetch_page
from claimtrace.core.store.detection import detect
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import Map, native_datetime
from claimtrace.core.store.writes import commit_audited, require
from claimtrace.core.vocabulary import (
    CandidateKind,
    CandidateStatus,
    ConflictKind,
    ReviewAction,
)

# The conflict kind a confirmed candidate's CONTRADICTS link gets.
CONFLICT_OF = {
    CandidateKind.NUMERIC: ConflictKind.NUMERIC,
    CandidateKind.REVISION: ConflictKind.REVISION,
}


@dataclass(frozen=True)
class ReviewRecord:
    id: str
    action: ReviewAction
    by: str
    reason: str | None
    recorded_at: dt.datetime
    link: str | None  # the link the confirmation made or found: CONTRADICTS, SAME_AS
    link_created: bool

    @classmethod
    def from_map(cls, value: Map) -> ReviewRecord:
        recorded_at = native_datetime(value["recordedAt"])
        assert recorded_at is not None
        return cls(
            value["id"], ReviewAction(value["action"]), value["by"], value.get("reason"),
            recorded_at, value.get("link"), bool(value.get("linkCreated")),
        )  # fmt: skip


@dataclass(frozen=True)
class CandidateRecord:
    id: str
    kind: CandidateKind
    status: CandidateStatus
    rule: str
    score: float
    threshold: float
    evidence: str  # JSON text
    explanation: str
    first_claim_id: str
    second_claim_id: str
    first_assertion_id: str | None
    second_assertion_id: str | None
    topic_ids: tuple[str, ...]
    recorded_at: dt.datetime
    reviews: tuple[ReviewRecord, ...]

    @classmethod
    def from_map(cls, value: Map) -> CandidateRecord:
        recorded_at = native_datetime(value["recordedAt"])
        assert recorded_at is not None
        return cls(
            id=value["id"], kind=CandidateKind(value["kind"]),
            status=CandidateStatus(value["status"]), rule=value["rule"],
            score=float(value["score"]), threshold=float(value["threshold"]),
            evidence=value["evidence"], explanation=value["explanation"],
            first_claim_id=value["firstClaimId"], second_claim_id=value["secondClaimId"],
            first_assertion_id=value.get("firstAssertionId"),
            second_assertion_id=value.get("secondAssertionId"),
            topic_ids=tuple(value.get("topicIds") or ()), recorded_at=recorded_at,
            reviews=tuple(ReviewRecord.from_map(r) for r in value.get("reviews") or ()),
        )  # fmt: skip


@dataclass(frozen=True)
class CandidateFilter:
    kinds: list[CandidateKind] | None = None
    statuses: list[CandidateStatus] | None = None
    claim_id: str | None = None
    topic_id: str | None = None

    def parameters(self) -> dict[str, Any]:
        return {
            "kinds": [kind.value for kind in self.kinds] if self.kinds else None,
            "statuses": [status.value for status in self.statuses] if self.statuses else None,
            "claimId": self.claim_id,
            "topicId": self.topic_id,
        }


async def candidates_page(
    graph: Graph, filters: CandidateFilter, first: int, after: Position | None
) -> Page[CandidateRecord]:
    """In the order they were recorded: recordedAt, then id."""
    if after is not None:
        check_cursor_time(after.key)
    return await fetch_page(
        graph, cypher.CANDIDATES_PAGE, filters.parameters(), "candidate",
        CandidateRecord.from_map, first, after,
    )  # fmt: skip


async def candidates_by_id(graph: Graph, ids: list[str]) -> dict[str, CandidateRecord]:
    records = await graph.read(cypher.CANDIDATES_BY_ID, ids=ids)
    found = (CandidateRecord.from_map(record["candidate"]) for record in records)
    return {candidate.id: candidate for candidate in found}


async def review(
    graph: Graph, candidate_id: str, action: ReviewAction, reason: str | None, attempt: Attempt
) -> CandidateRecord:
    """Apply one review in one audited transaction; the candidate as it then stands."""
    await commit_audited(graph, attempt, _review_audited, candidate_id, action, reason, attempt)
    return (await candidates_by_id(graph, [candidate_id]))[candidate_id]


async def _review_audited(
    tx: AsyncManagedTransaction,
    candidate_id: str,
    action: ReviewAction,
    reason: str | None,
    attempt: Attempt,
) -> AuditEvent:
    result = await tx.run(cypher.LOCK_CANDIDATE, id=candidate_id)
    record = await result.single()
    if record is None:
        raise NotFound(f"no candidate with id {candidate_id}", field="id")
    candidate, last = record["candidate"], record["last"]
    now, by = dt.datetime.now(dt.UTC), attempt.actor or ""
    if action is ReviewAction.UNDO:
        link, link_created, status = await _undo(tx, candidate, last, now, by)
    else:
        link, link_created, status = await _decide(tx, candidate, last, action, now, by)
    await _run(
        tx, cypher.RECORD_REVIEW, candidateId=candidate_id, id=str(uuid.uuid4()),
        action=action.value, by=by, reason=reason, now=now, link=link,
        linkCreated=link_created, status=status.value,
    )  # fmt: skip
    event = attempt.event(_RESULTS[action])
    await record_in(tx, event)
    return event


Outcome = tuple[str | None, bool, CandidateStatus]  # link, whether made now, new status


async def _undo(
    tx: AsyncManagedTransaction, candidate: Map, last: Map | None, now: dt.datetime, by: str
) -> Outcome:
    if last is None or candidate["status"] == CandidateStatus.PENDING:
        raise NotReviewed(f"candidate {candidate['id']} is pending: nothing to undo", field="id")
    if last["action"] == ReviewAction.CONFIRM and last["linkCreated"]:
        ends = _ends(candidate)
        await _run(
            tx, cypher.UNDO_CONFIRMED_LINK, **ends, candidateId=candidate["id"], now=now, by=by
        )
    return last.get("link"), False, CandidateStatus.PENDING


async def _decide(
    tx: AsyncManagedTransaction,
    candidate: Map,
    last: Map | None,
    action: ReviewAction,
    now: dt.datetime,
    by: str,
) -> Outcome:
    status = CandidateStatus(candidate["status"])
    if status is not CandidateStatus.PENDING:
        who = (last or {}).get("by")
        raise AlreadyReviewed(
            f"candidate {candidate['id']} was already {status.value.lower()} by {who}: "
            "undo that review first",
            field="id",
        )
    if action is ReviewAction.REJECT:
        return None, False, CandidateStatus.REJECTED
    link, created = await _confirm_link(tx, candidate, now, by)
    return link, created, CandidateStatus.CONFIRMED


_RESULTS = {
    ReviewAction.CONFIRM: Result.CONFIRMED,
    ReviewAction.REJECT: Result.REJECTED,
    ReviewAction.UNDO: Result.UNDONE,
}


async def _confirm_link(
    tx: AsyncManagedTransaction, candidate: Map, now: dt.datetime, by: str
) -> tuple[str | None, bool]:
    """The link a confirmation makes, and whether it made it (False: it was there)."""
    ends = _ends(candidate)
    if ends["first"] == ends["second"]:
        return None, False  # opposite stances on one claim: the review is the record
    kind = CandidateKind(candidate["kind"])
    note = candidate["explanation"]
    common = {**ends, "note": note, "now": now, "by": by, "candidateId": candidate["id"]}
    if kind is CandidateKind.LIKELY_SAME:
        return "SAME_AS", await _created(tx, cypher.CONFIRM_SAME_AS, **common)
    conflict = CONFLICT_OF.get(kind, ConflictKind.OPPOSITE)
    hash_ = content_hash(Conflict(ends["first"], ends["second"], conflict, note))
    created = await _created(
        tx, cypher.CONFIRM_CONTRADICTS, **common, kind=conflict.value, hash=hash_
    )
    return "CONTRADICTS", created


def _ends(candidate: Map) -> dict[str, str]:
    first, second = sorted((candidate["firstClaimId"], candidate["secondClaimId"]))
    return {"first": first, "second": second}


async def _created(tx: AsyncManagedTransaction, query: Any, **parameters: Any) -> bool:
    result = await tx.run(query, **parameters)
    return bool((await result.single(strict=True))["created"])


async def _run(tx: AsyncManagedTransaction, query: Any, **parameters: Any) -> None:
    result = await tx.run(query, **parameters)
    await result.consume()


def evidence_of(candidate: CandidateRecord) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(candidate.evidence)
    return value


@dataclass(frozen=True)
class Detected:
    ids: list[str]  # every candidate found, new or not
    created: int


async def detect_audited(
    graph: Graph, claim_ids: list[str], attempt: Attempt, most: int
) -> Detected:
    """Detection on demand for a token holder: the claims must exist; the event says
    CREATED when a new candidate was stored, ALREADY_THERE otherwise."""
    if not 1 <= len(claim_ids) <= most:
        raise BadInput(f"give between 1 and {most} claim ids", field="claimIds")
    await require(graph, claims=claim_ids)
    report = await detect(graph, claim_ids)
    created = sum(report.created.values())
    event = attempt.event(Result.CREATED if created else Result.ALREADY_THERE)
    await commit_audited(graph, attempt, _record, event)
    return Detected(report.ids, created)


async def _record(tx: AsyncManagedTransaction, event: AuditEvent) -> AuditEvent:
    await record_in(tx, event)
    return event
