"""Writes through the API: validated by the same rules as the loader's files
(core/validation.py), planned by the same rows (core/plans.py) and written by the
same statements (core/writing.py), one transaction per mutation, together with the
mutation's audit event.

Ids are chosen by the client, so a write can be retried: the same content again
is accepted as already there, other content under a known id is refused. That
holds under concurrency too: MERGE on a uniquely constrained id lets one
transaction create the node, and the others, once it commits, find it.

Every transaction runs in ``Graph.session``, on the bookmarks every read uses, so
a read that follows a write (in this request or a later
one) sees it, even when reads go to the secondaries of a cluster.

A commit whose answer is lost (``IncompleteCommit``) is never retried here:
it reaches the caller as COMMIT_OUTCOME_UNKNOWN.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import ConstraintError

from claimtrace.core import cypher, telemetry
from claimtrace.core import validation as check
from claimtrace.core.audit import Attempt, AuditEvent, Result, record_in
from claimtrace.core.database import Graph
from claimtrace.core.errors import BadInput, Duplicate, NotFound
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import AnyRecord
from claimtrace.core.store.detection import detect
from claimtrace.core.validation import Problems, QuotedSource
from claimtrace.core.vocabulary import PartialDate
from claimtrace.core.writing import AppendOnlyError, write_in

log = logging.getLogger(__name__)
INPUT = "input"
# A MERGE racing another on the same new id may, rarely, meet the uniqueness
# constraint instead of the other's node; run again, it finds the node.
CONSTRAINT_ATTEMPTS = 3
P = ParamSpec("P")


class _DistinctClock:
    """UTC now, but never the same instant twice in this process: a node's
    ``recordedAt`` tells which of several racing writes created it."""

    def __init__(self) -> None:
        self._last = dt.datetime.min.replace(tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        self._last = max(dt.datetime.now(dt.UTC), self._last + dt.timedelta(microseconds=1))
        return self._last


_clock = _DistinctClock()


def _refuse_problems(problems: Problems) -> None:
    if problems.found:
        problem = problems.found[0]
        raise BadInput(f"{problem.field}: {problem.message}", field=f"input.{problem.field}")


async def require(graph: Graph, **ids: list[str]) -> None:
    wanted = {kind: ids.get(kind, []) for kind in
              ("claims", "agents", "organizations", "sources", "assertions", "topics")}  # fmt: skip
    records = await graph.read(cypher.MISSING_REFERENCES, **wanted)
    for kind, missing in records[0].data().items():
        if missing:
            raise NotFound(f"no {kind[:-1]} with id {', '.join(missing)}", field=f"input.{kind}")


async def commit_audited(
    graph: Graph,
    attempt: Attempt,
    work: Callable[Concatenate[AsyncManagedTransaction, P], Awaitable[AuditEvent]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> AuditEvent:
    """Run ``work`` (which records the audit event) as one write transaction."""
    for attempt_number in range(1, CONSTRAINT_ATTEMPTS + 1):
        try:
            async with graph.session() as session:
                event = await session.execute_write(work, *args, **kwargs)
        except ConstraintError:
            if attempt_number == CONSTRAINT_ATTEMPTS:
                raise
            log.info("%s: raced another write of the same id; running again", attempt.operation)
            continue
        attempt.recorded = event
        return event
    raise AssertionError("unreachable")


async def _write(graph: Graph, batch: WriteBatch, kind: str, attempt: Attempt) -> bool:
    """Write atomically; True if the record was created, False if it was already there."""
    try:
        event = await commit_audited(graph, attempt, write_audited, batch, kind, attempt)
    except AppendOnlyError as error:
        raise Duplicate(
            f"{', '.join(error.ids)} already exists with different content; "
            "records are append-only: use a new id",
            field="input.id",
        ) from None
    return event.result is Result.CREATED


async def write_audited(
    tx: AsyncManagedTransaction, batch: WriteBatch, kind: str, attempt: Attempt
) -> AuditEvent:
    created = await write_in(tx, batch, _clock.now())
    event = attempt.event(Result.CREATED if created[kind] > 0 else Result.ALREADY_THERE)
    await record_in(tx, event)
    return event


async def _detect_after(graph: Graph, claim_ids: list[str]) -> None:
    """Detection on the claims a committed write touched. The write stands whatever
    happens here, so a failure is logged, not reported: detection can be run again on
    demand (detectCandidates, claimtrace-load detect)."""
    try:
        await detect(graph, claim_ids)
    except Exception:
        log.exception("detection after a write failed for claims %s", ", ".join(claim_ids))


def _batch(operation: str, record: AnyRecord) -> WriteBatch:
    return WriteBatch.of(operation, rows_of(record))


async def add_claim(graph: Graph, raw: dict[str, Any], attempt: Attempt) -> bool:
    problems = Problems()
    claim = check.claim(raw, INPUT, problems)
    _refuse_problems(problems)
    assert claim is not None
    await require(graph, topics=list(claim.topics), claims=list(claim.refines))
    created = await _write(graph, _batch("addClaim", claim), "Claim", attempt)
    await _detect_after(graph, [claim.id])
    return created


async def add_source(graph: Graph, raw: dict[str, Any], text: str | None, attempt: Attempt) -> bool:
    problems = Problems()
    if text is not None:
        raw = raw | {"file": "(request)"}
    source = check.source(raw, INPUT, problems, {"(request)": text} if text is not None else {})
    _refuse_problems(problems)
    assert source is not None
    await require(
        graph,
        organizations=[source.publisher] if source.publisher else [],
        agents=list(source.authors),
        sources=[source.republishes] if source.republishes else [],
    )  # fmt: skip
    return await _write(graph, _batch("addSource", source), "Source", attempt)


async def add_assertion(graph: Graph, raw: dict[str, Any], attempt: Attempt) -> bool:
    claim_id, speaker, source_id = raw.get("claim"), raw.get("by"), raw.get("source")
    cites = list(raw.get("cites") or [])
    await require(
        graph,
        claims=[str(claim_id)], agents=[str(speaker)], sources=[str(source_id)], assertions=cites,
    )  # fmt: skip
    found_in = await _source_for_quote(graph, str(source_id))
    problems = Problems()
    assertion = check.assertion(
        {k: v for k, v in raw.items() if k != "source"}, INPUT, problems, found_in
    )
    _refuse_problems(problems)
    assert assertion is not None
    created = await _write(graph, _batch("addAssertion", assertion), "Assertion", attempt)
    await _detect_after(graph, [assertion.claim])
    return created


async def _source_for_quote(graph: Graph, source_id: str) -> QuotedSource:
    records = await graph.read(cypher.SOURCE_FOR_QUOTE, id=source_id)
    value = records[0]["source"]
    published = PartialDate.from_props(value, "published")
    assert published is not None  # every source has a publication date
    return QuotedSource(value["id"], value["text"], published, tuple(value["authors"]))


async def link_conflict(graph: Graph, raw: dict[str, Any], attempt: Attempt) -> bool:
    problems = Problems()
    conflict = check.conflict(raw, INPUT, problems)
    _refuse_problems(problems)
    assert conflict is not None
    await require(graph, claims=[conflict.first, conflict.second])
    batch = _batch("linkConflict", conflict)
    created = await _write(graph, batch, "CONTRADICTS", attempt)
    await _detect_after(graph, [conflict.first, conflict.second])
    return created


async def retract_assertion(
    graph: Graph, assertion_id: str, reason: str | None, attempt: Attempt
) -> None:
    """Record the retraction, by the writing token's name, once."""
    await require(graph, assertions=[assertion_id])
    await commit_audited(graph, attempt, _retract_audited, assertion_id, reason, attempt)


async def _retract_audited(
    tx: AsyncManagedTransaction, assertion_id: str, reason: str | None, attempt: Attempt
) -> AuditEvent:
    with telemetry.round_trip(cypher.RETRACT_ASSERTION):
        result = await tx.run(
            cypher.RETRACT_ASSERTION,
            id=assertion_id,
            now=_clock.now(),
            by=attempt.actor,
            reason=reason,
        )
        before = (await result.single(strict=True))["before"]
    if before is not None:
        raise BadInput(
            f"assertion {assertion_id} was already retracted at {before.iso_format()}",
            field="id",
        )
    event = attempt.event(Result.RETRACTED)
    await record_in(tx, event)
    return event
