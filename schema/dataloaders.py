"""DataLoaders, built fresh for every request so nothing is cached across requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from strawberry.dataloader import DataLoader

from claimtrace.core.database import Graph
from claimtrace.core.store.claims import assertions_by_id, claim_refinements, claims_by_id
from claimtrace.core.store.people import PersonRecord, organizations_by_id, people_by_id
from claimtrace.core.store.records import (
    AgentRecord,
    AssertionRecord,
    ClaimRecord,
    RefinementsRecord,
    SourceRecord,
)
from claimtrace.core.store.sources import source_texts, sources_by_id
from claimtrace.core.store.topics import TopicRecord, claim_topic_ids, topics_by_id

R = TypeVar("R")
AsOfKey = tuple[str, dt.datetime | None]  # an id, and the moment it is read as of (None: now)


@dataclass(frozen=True)
class DataLoaders:
    claims: DataLoader[str, ClaimRecord | None]
    assertions: DataLoader[str, AssertionRecord | None]
    sources: DataLoader[str, SourceRecord | None]
    people: DataLoader[str, PersonRecord | None]
    organizations: DataLoader[str, AgentRecord | None]
    topics: DataLoader[str, TopicRecord | None]
    refinements: DataLoader[AsOfKey, RefinementsRecord]
    claim_topic_ids: DataLoader[str, tuple[str, ...]]
    source_texts: DataLoader[str, str | None]


def build_dataloaders(graph: Graph, *, cache: bool = True) -> DataLoaders:
    """Each load function sends one query per batch and answers in key order. A
    WebSocket connection lives long: its loaders batch but keep nothing (``cache``)."""

    async def load_refinements(keys: list[AsOfKey]) -> list[RefinementsRecord]:
        # Keys asked as of different moments are rare: one query per distinct moment.
        found: dict[AsOfKey, RefinementsRecord] = {}
        for as_of in dict.fromkeys(moment for _, moment in keys):
            ids = [claim_id for claim_id, moment in keys if moment == as_of]
            for record in await claim_refinements(graph, ids, as_of):
                found[(record.id, as_of)] = record
        return [found[key] for key in keys]

    async def load_texts(ids: list[str]) -> list[str | None]:
        texts = await source_texts(graph, ids)
        return [texts.get(source_id) for source_id in ids]

    async def load_claim_topic_ids(ids: list[str]) -> list[tuple[str, ...]]:
        return await claim_topic_ids(graph, ids)

    return DataLoaders(
        claims=_loader(graph, claims_by_id, cache),
        assertions=_loader(graph, assertions_by_id, cache),
        sources=_loader(graph, sources_by_id, cache),
        people=_loader(graph, people_by_id, cache),
        organizations=_loader(graph, organizations_by_id, cache),
        topics=_loader(graph, topics_by_id, cache),
        refinements=DataLoader(load_fn=load_refinements, cache=cache),
        claim_topic_ids=DataLoader(load_fn=load_claim_topic_ids, cache=cache),
        source_texts=DataLoader(load_fn=load_texts, cache=cache),
    )


def _loader(
    graph: Graph,
    by_id: Callable[[Graph, Sequence[str]], Awaitable[list[R | None]]],
    cache: bool,
) -> DataLoader[str, R | None]:
    async def load(ids: list[str]) -> list[R | None]:
        return await by_id(graph, ids)

    return DataLoader(load_fn=load, cache=cache)
