"""DataLoaders, built fresh for every request so nothing is cached across requests."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from claimtrace.core.database import Graph
from claimtrace.core.store.claims import claims_by_id
from claimtrace.core.store.people import PersonRecord, people_by_id
from claimtrace.core.store.records import ClaimRecord, SourceRecord
from claimtrace.core.store.sources import sources_by_id


@dataclass(frozen=True)
class DataLoaders:
    claims: DataLoader[str, ClaimRecord | None]
    sources: DataLoader[str, SourceRecord | None]
    people: DataLoader[str, PersonRecord | None]


def build_dataloaders(graph: Graph) -> DataLoaders:
    """Each load function sends one query per batch and answers in key order."""

    async def load_claims(ids: list[str]) -> list[ClaimRecord | None]:
        return await claims_by_id(graph, ids)

    async def load_sources(ids: list[str]) -> list[SourceRecord | None]:
        return await sources_by_id(graph, ids)

    async def load_people(ids: list[str]) -> list[PersonRecord | None]:
        return await people_by_id(graph, ids)

    return DataLoaders(
        claims=DataLoader(load_fn=load_claims),
        sources=DataLoader(load_fn=load_sources),
        people=DataLoader(load_fn=load_people),
    )
