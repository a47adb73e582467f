"""DataLoaders, built fresh for every request so nothing is cached across requests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from claimtrace.core.database import Graph
from claimtrace.core.store.claims import claim_refinements, claims_by_id
from claimtrace.core.store.people import PersonRecord, people_by_id
from claimtrace.core.store.records import ClaimRecord, RefinementsRecord, SourceRecord
from claimtrace.core.store.sources import sources_by_id


@dataclass(frozen=True)
class DataLoaders:
    claims: DataLoader[str, ClaimRecord | None]
    sources: DataLoader[str, SourceRecord | None]
    people: DataLoader[str, PersonRecord | None]
    refinements: DataLoader[tuple[str, dt.datetime | None], RefinementsRecord]


def build_dataloaders(graph: Graph) -> DataLoaders:
    """Each load function sends one query per batch and answers in key order."""

    async def load_claims(ids: list[str]) -> list[ClaimRecord | None]:
        return await claims_by_id(graph, ids)

    async def load_sources(ids: list[str]) -> list[SourceRecord | None]:
        return await sources_by_id(graph, ids)

    async def load_people(ids: list[str]) -> list[PersonRecord | None]:
        return await people_by_id(graph, ids)

    async def load_refinements(
        keys: list[tuple[str, dt.datetime | None]],
    ) -> list[RefinementsRecord]:
        # Keys asked as of different moments are rare: one query per distinct moment.
        found: dict[tuple[str, dt.datetime | None], RefinementsRecord] = {}
        for as_of in dict.fromkeys(moment for _, moment in keys):
            ids = [claim_id for claim_id, moment in keys if moment == as_of]
            for record in await claim_refinements(graph, ids, as_of):
                found[(record.id, as_of)] = record
        return [found[key] for key in keys]

    return DataLoaders(
        claims=DataLoader(load_fn=load_claims),
        sources=DataLoader(load_fn=load_sources),
        people=DataLoader(load_fn=load_people),
        refinements=DataLoader(load_fn=load_refinements),
    )
