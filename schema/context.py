"""The per-request GraphQL context."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from claimtrace.core.database import Graph
from claimtrace.schema.dataloaders import DataLoaders
from claimtrace.schema.live import LiveConnection


@dataclass
class Context:
    """What every resolver may use; built fresh for each request."""

    graph: Graph  # the driver and its database, opened once in the app's lifespan
    loaders: DataLoaders
    request: Request
    request_id: str  # the caller's X-Request-ID if well formed, else a fresh UUID
    writer: str | None = None  # the name of the caller's bearer token, if valid
    mutations_audited: int = 0  # mutation fields of this request that wrote their audit event
    # The answer's status and headers, before it is written (e.g. 429 and Retry-After).
    response: Response | None = None
    # Over WebSocket: the connection's subscription bounds (None for an HTTP request).
    live: LiveConnection | None = None
    connection_params: dict[str, object] | None = None  # connection_init's payload
