"""Liveness and readiness endpoints."""

from __future__ import annotations

import logging

from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.requests import Request
from starlette.responses import JSONResponse

from claimtrace.core.database import Graph
from claimtrace.core.migrations import MigrationError, applied_migrations, read_migrations

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    """The process is up and serving; says nothing about Neo4j."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Neo4j answers and every migration is applied; 503 with the reason otherwise.
    Either way, once Neo4j answers, ``migration`` is the highest version applied."""
    applied, reason = await readiness(request.state.graph)
    body: dict[str, object] = {"status": "ready" if reason is None else "unavailable"}
    if reason is not None:
        body["reason"] = reason
    if applied is not None:
        body["migration"] = max(applied, default=0)
    return JSONResponse(body, status_code=200 if reason is None else 503)


async def readiness(graph: Graph) -> tuple[dict[int, str] | None, str | None]:
    try:
        applied = await applied_migrations(graph)
        pending = [m for m in read_migrations() if m.version not in applied]
    except (ServiceUnavailable, SessionExpired, OSError):
        return None, "Neo4j is not reachable"
    except AuthError:
        return None, "Neo4j rejected the configured credentials"
    except (Neo4jError, MigrationError) as error:
        log.warning("readiness check failed: %s", error)
        return None, "Neo4j answered with an error"
    if pending:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in pending)
        return applied, f"schema migrations not applied: {names}"
    return applied, None
