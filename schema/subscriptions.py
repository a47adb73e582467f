"""Subscriptions, served over WebSocket (graphql-transport-ws): what is recorded from
now on, read back from the database by each subscription's own polls (core/follow.py).
No process tells another what it wrote, so any number of API processes, reading
from any member of a cluster, deliver the same events."""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from functools import partial
from typing import TypeVar

import strawberry
from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from claimtrace.core.errors import SERVICE_UNAVAILABLE, NotFound, Unauthenticated
from claimtrace.core.follow import Event, Follower, Overflow, ReadPage
from claimtrace.core.store.claims import assertions_by_id, claims_by_id
from claimtrace.core.store.feed import (
    AssertionRecorded,
    CandidateRecorded,
    Disagreement,
    assertions_recorded,
    disagreements_recorded,
)
from claimtrace.core.store.records import ClaimRecord
from claimtrace.core.vocabulary import CandidateKind, ConflictKind
from claimtrace.schema.claims import Assertion, Claim
from claimtrace.schema.context import Context
from claimtrace.schema.live import LiveConnection, overflow

log = logging.getLogger(__name__)
E = TypeVar("E", bound=Event)
T = TypeVar("T")
Info = strawberry.Info[Context, None]


@strawberry.enum(description="Whether a person has decided on a disagreement.")
class DisagreementStatus(enum.Enum):
    CONFIRMED = "CONFIRMED"  # a CONTRADICTS link, typed in or confirmed by a person
    CANDIDATE = "CANDIDATE"  # found by detection, not reviewed yet


@strawberry.type(description="Two claims that cannot both hold, or may not, as recorded.")
class DisagreementEvent:
    status: DisagreementStatus
    kind: ConflictKind | None = strawberry.field(description="A confirmed conflict's kind.")
    candidate_kind: CandidateKind | None = strawberry.field(
        description="A candidate's kind; null for a confirmed conflict."
    )
    note: str = strawberry.field(
        description="Why the two claims conflict: a confirmed conflict's note, or the "
        "sentence detection wrote for a candidate."
    )
    claims: list[Claim] = strawberry.field(
        description="The two claims (one, for a candidate about one claim's assertions)."
    )
    candidate_id: strawberry.ID | None = strawberry.field(description="Null when CONFIRMED.")
    rule: str | None = strawberry.field(description="The rule that found a candidate.")
    score: float | None = strawberry.field(description="A candidate's score under its rule.")
    threshold: float | None = strawberry.field(description="The score a candidate passed.")
    recorded_at: dt.datetime


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Each assertion about the claim recorded from now on (a write on any "
        "API process), once, soon after it is recorded."
    )
    async def assertion_added(
        self, info: Info, claim_id: strawberry.ID
    ) -> AsyncGenerator[Assertion, None]:
        graph = info.context.graph
        if not (await claims_by_id(graph, [str(claim_id)]))[0]:
            raise NotFound(f"no claim with id {claim_id}", field="claimId")
        read = partial(assertions_recorded, graph, str(claim_id))
        async for assertion in _follow(info, read, partial(_assertions, info)):
            yield assertion

    @strawberry.subscription(
        description="Each confirmed conflict (CONTRADICTS link) recorded from now on with a "
        "claim about the topic (any topic if none is given), of the given kinds (any if none "
        "are given); with candidateKinds, also each new candidate of those kinds that "
        "detection records (unreviewed: this needs a token, in connection_init's payload). "
        "Each once, soon after it is recorded."
    )
    async def disagreement_appeared(
        self,
        info: Info,
        topic_id: strawberry.ID | None = None,
        kinds: list[ConflictKind] | None = None,
        candidate_kinds: list[CandidateKind] | None = None,
    ) -> AsyncGenerator[DisagreementEvent, None]:
        if candidate_kinds and info.context.writer is None:
            raise Unauthenticated(
                "Candidates are unreviewed: subscribing to them needs a token, sent as "
                '{"authorization": "Bearer ..."} in connection_init\'s payload.'
            )
        topic = None if topic_id is None else str(topic_id)
        read = partial(
            disagreements_recorded, info.context.graph, topic, kinds, candidate_kinds or ()
        )
        async for disagreement in _follow(info, read, partial(_disagreements, info)):
            yield disagreement


async def _follow(
    info: Info,
    read: ReadPage[E],
    shaped: Callable[[Sequence[E]], Awaitable[list[T]]],
) -> AsyncGenerator[T, None]:
    live = _live(info)
    limits = live.limits
    with live.subscription():
        follower = Follower(read, dt.timedelta(seconds=limits.lookback_seconds))
        await _polled(follower.start())
        while True:
            await asyncio.sleep(limits.poll_seconds)
            try:
                events = await _polled(follower.poll(live.room))
            except Overflow as error:
                raise overflow(error.new, error.room) from None
            live.waiting += len(events)
            left = len(events)
            try:
                for item in await shaped(events) if events else []:
                    await live.pace.take()
                    live.waiting -= 1
                    left -= 1
                    yield item
            finally:
                live.waiting -= left


async def _polled(work: Awaitable[T]) -> T:
    try:
        return await work
    except (ServiceUnavailable, SessionExpired):
        log.warning("a subscription's poll found the database away; the subscription ended")
        raise GraphQLError(
            "The database is unavailable; subscribe again shortly.",
            extensions={"code": SERVICE_UNAVAILABLE},
        ) from None


def _live(info: Info) -> LiveConnection:
    live = info.context.live
    if live is None:  # the HTTP view serves no subscription; this is a safeguard
        raise GraphQLError(
            "Subscriptions are served over WebSocket (graphql-transport-ws) only.",
            extensions={"code": "BAD_REQUEST"},
        )
    return live


async def _assertions(info: Info, events: Sequence[AssertionRecorded]) -> list[Assertion]:
    records = await assertions_by_id(info.context.graph, [e.assertion_id for e in events])
    return [Assertion.from_record(record) for record in records if record is not None]


async def _disagreements(info: Info, events: Sequence[Disagreement]) -> list[DisagreementEvent]:
    ids = sorted({i for e in events for i in (e.first_claim_id, e.second_claim_id)})
    claims = dict(zip(ids, await claims_by_id(info.context.graph, ids), strict=True))
    return [_disagreement(event, claims) for event in events]


def _disagreement(event: Disagreement, claims: dict[str, ClaimRecord | None]) -> DisagreementEvent:
    records = [claims[i] for i in dict.fromkeys((event.first_claim_id, event.second_claim_id))]
    shown = [Claim.from_record(record) for record in records if record is not None]
    if isinstance(event, CandidateRecorded):
        return DisagreementEvent(
            status=DisagreementStatus.CANDIDATE,
            kind=None,
            candidate_kind=event.kind,
            note=event.note,
            claims=shown,
            candidate_id=strawberry.ID(event.candidate_id),
            rule=event.rule,
            score=event.score,
            threshold=event.threshold,
            recorded_at=event.cursor.at,
        )
    return DisagreementEvent(
        status=DisagreementStatus.CONFIRMED,
        kind=event.kind,
        candidate_kind=None,
        note=event.note,
        claims=shown,
        candidate_id=None,
        rule=None,
        score=None,
        threshold=None,
        recorded_at=event.cursor.at,
    )
