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

from claimtrace.core.errors import SERVICE_UNAVAILABLE, BadInput
from claimtrace.core.follow import Event, Follower, Overflow, ReadPage
from claimtrace.core.store.claims import assertions_by_id, claims_by_id
from claimtrace.core.store.feed import (
    AssertionRecorded,
    ConflictRecorded,
    assertions_recorded,
    conflicts_recorded,
)
from claimtrace.core.vocabulary import ConflictKind
from claimtrace.schema.claims import Assertion, Claim
from claimtrace.schema.context import Context
from claimtrace.schema.live import LiveConnection, overflow

log = logging.getLogger(__name__)
E = TypeVar("E", bound=Event)
T = TypeVar("T")
Info = strawberry.Info[Context, None]


@strawberry.enum(description="Where a disagreement stands.")
class DisagreementStatus(enum.Enum):
    CONFIRMED = "CONFIRMED"


@strawberry.type(description="Two claims that cannot both hold, as recorded.")
class DisagreementEvent:
    status: DisagreementStatus
    kind: ConflictKind
    note: str = strawberry.field(description="Why the two claims conflict.")
    claims: list[Claim] = strawberry.field(description="The two claims, by id.")
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
            raise BadInput(f"no claim with id {claim_id}", field="claimId")
        read = partial(assertions_recorded, graph, str(claim_id))
        async for assertion in _follow(info, read, partial(_assertions, info)):
            yield assertion

    @strawberry.subscription(
        description="Each confirmed conflict (CONTRADICTS link) recorded from now on with a "
        "claim about the topic (any topic if none is given), of the given kinds (any if "
        "none are given), once, soon after it is recorded."
    )
    async def disagreement_appeared(
        self,
        info: Info,
        topic_id: strawberry.ID | None = None,
        kinds: list[ConflictKind] | None = None,
    ) -> AsyncGenerator[DisagreementEvent, None]:
        topic = None if topic_id is None else str(topic_id)
        read = partial(conflicts_recorded, info.context.graph, topic, kinds)
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


async def _disagreements(info: Info, events: Sequence[ConflictRecorded]) -> list[DisagreementEvent]:
    ids = sorted({i for e in events for i in (e.first_claim_id, e.second_claim_id)})
    claims = dict(zip(ids, await claims_by_id(info.context.graph, ids), strict=True))
    return [
        DisagreementEvent(
            status=DisagreementStatus.CONFIRMED,
            kind=event.kind,
            note=event.note,
            claims=[
                Claim.from_record(record)
                for record in (claims[event.first_claim_id], claims[event.second_claim_id])
                if record is not None
            ],
            recorded_at=event.cursor.at,
        )
        for event in events
    ]
