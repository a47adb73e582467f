"""DataLoaders, built fresh for every request so nothing is cached across requests."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver
from strawberry.dataloader import DataLoader

from api.store.claims import claims_by_id
from api.store.records import ClaimRecord


@dataclass(frozen=True)
class DataLoaders:
    claims: DataLoader[str, ClaimRecord | None]


def build_dataloaders(driver: AsyncDriver, database: str) -> DataLoaders:
    async def load_claims(ids: list[str]) -> list[ClaimRecord | None]:
        return await claims_by_id(driver, database, ids)

    return DataLoaders(claims=DataLoader(load_fn=load_claims))
