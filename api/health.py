"""Liveness and readiness endpoints."""

from __future__ import annotations

import logging

from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.requests import Request
from starlette.responses import JSONResponse

from claimtrace.core.database import Graph
from claimtrace.core.migrations import MigrationError, pending_migrations

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    """The process is up and serving; says nothing about Neo4j."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Neo4j answers and every migration is applied; 503 with the reason otherwise."""
    reason = await _unready_reason(request.state.graph)
    if reason is None:
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)


async def _unready_reason(graph: Graph) -> str | None:
    try:
        pending = await pending_migrations(graph)
    except (ServiceUnavailable, SessionExpired, OSError):
        return "Neo4j is not reachable"
    except AuthError:
        return "Neo4j rejected the configured credentials"
    except (Neo4jError, MigrationError) as error:
        log.warning("readiness check failed: %s", error)
        return "Neo4j answered with an error"
    if pending:
        names = ", ".join(f"{m.version:04d}_{m.name}" for m in pending)
        return f"schema migrations not applied: {names}"
    return None
