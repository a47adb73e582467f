"""The per-request GraphQL context."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import AsyncDriver
from starlette.requests import Request

from api.dataloaders import DataLoaders


@dataclass
class Context:
    """What every resolver may use; built fresh for each request."""

    driver: AsyncDriver
    database: str
    loaders: DataLoaders
    request: Request
    writer: str | None = None  # the name of the caller's bearer token, if valid
