"""The per-request GraphQL context."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from neo4j import AsyncDriver


@dataclass
class Context:
    """What every resolver may use; built fresh for each request."""

    driver: AsyncDriver
    database: str
    request: Request
    response: Response | None = None
