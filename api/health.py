"""Liveness and readiness endpoints."""

from __future__ import annotations

import logging

from neo4j import AsyncDriver
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired
from starlette.requests import Request
from starlette.responses import JSONResponse

from claimtrace.core.migrations import MigrationError, pending_migrations

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    """The process is up and serving; says nothing about Neo4j."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Neo4j answers and every migration is applied; 503 with the reason otherwise."""
    driver: AsyncDriver = request.state.driver
    database: str = request.state.database
    reason = await _unready_reason(driver, database)
    if reason is None:
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)


async def _unready_reason(driver: AsyncDriver, database: str) -> str | None:
    try:
        pending = await pending_migrations(driver, database)
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
