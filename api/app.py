"""The ASGI application: ``uvicorn api.app:create_app --factory``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import TypedDict

from neo4j import AsyncDriver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route, WebSocketRoute
from strawberry.extensions import SchemaExtension

from claimtrace.api import explorer, interchange
from claimtrace.api.admission import Gate
from claimtrace.api.concurrency import ConcurrencyLimit
from claimtrace.api.graphql_view import GraphQLView
from claimtrace.api.headers import StandardHeaders
from claimtrace.api.health import healthz, readyz
from claimtrace.api.http_protocol import HEAD_TIMEOUT_SECONDS
from claimtrace.api.limits import AnswerSizeLimit, RequestBody
from claimtrace.api.metrics import RequestMetrics, metrics_route
from claimtrace.api.observability import GraphQLTracing, RequestScope, configure_tracing
from claimtrace.api.protection import extensions
from claimtrace.api.subscribers import Subscribers
from claimtrace.core import logs
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.settings import Settings
from claimtrace.schema import build_schema

log = logging.getLogger(__name__)
MIGRATION_RETRY_SECONDS = 5.0


class State(TypedDict):
    """Lifespan state, handed to every request as ``request.state``."""

    graph: Graph
    subscribers: Subscribers


def create_app(
    settings: Settings | None = None,
    *,
    driver_factory: Callable[[Settings], AsyncDriver] = open_driver,
    configure_logs: bool | None = None,
) -> Starlette:
    """Build the app; settings come from the environment unless given.

    The process's logging becomes JSON lines (``core/logs.py``) when ``configure_logs``
    says so, by default when the settings come from the environment (a served app, not
    a test's); tracing is installed as the OTEL_* variables say."""
    if configure_logs is None:
        configure_logs = settings is None
    settings = settings or Settings.from_env()
    if configure_logs:
        logs.configure(settings.log_level)
    tracing = configure_tracing()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[State]:
        driver = driver_factory(settings)
        graph = Graph(driver, settings.neo4j_database)
        migrating = None
        if not await _try_migrations(graph):
            migrating = asyncio.create_task(_migrate_until_done(graph))
        subscribers = Subscribers(settings.subscriptions.max_connections)
        try:
            yield {"graph": graph, "subscribers": subscribers}
        finally:
            # Subscriptions stop polling before the driver they poll with is closed.
            await subscribers.close_all()
            if migrating is not None:
                migrating.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await migrating
            await driver.close()

    graphql = _graphql_view(settings, tracing=tracing)
    metrics = metrics_route(settings)
    routes = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        *([metrics] if metrics is not None else []),
        *interchange.ROUTES,
        *explorer.routes(),
    ]
    traced = [Middleware(OpenTelemetryMiddleware, exclude_spans=["receive", "send"])]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        # Outermost first: every answer carries the standard headers. A request counts
        # against the concurrency limit only once its whole body is in: a client that
        # sends slowly (or not at all) holds no slot.
        middleware=[
            Middleware(StandardHeaders),
            Middleware(RequestScope),
            *(traced if tracing else []),
            Middleware(
                RequestBody,
                max_bytes=settings.max_body_bytes,
                timeout_seconds=settings.body_timeout_seconds,
            ),
            Middleware(ConcurrencyLimit, limit=settings.max_concurrent_requests),
            Middleware(AnswerSizeLimit, max_bytes=settings.max_response_bytes),
        ],
    )


def _graphql_view(settings: Settings, *, tracing: bool) -> GraphQLView:
    """Production turns off GraphiQL, introspection and "did you mean" suggestions.
    Metrics come first among the extensions, so that they see every refusal."""
    production = settings.production
    observing: list[Callable[[], SchemaExtension]] = [RequestMetrics]
    if tracing:
        observing.append(GraphQLTracing)
    schema = build_schema(
        [*observing, *extensions(settings, Gate.from_settings(settings))],
        hide_suggestions=production,
    )
    return GraphQLView(
        schema,
        settings.api_tokens,
        graphiql=not production,
        get_queries=settings.allow_get_queries,
        subscriptions=settings.subscriptions,
        connection_init_seconds=HEAD_TIMEOUT_SECONDS,
    )


async def _try_migrations(graph: Graph) -> bool:
    try:
        applied = await apply_migrations(graph)
    except (ServiceUnavailable, SessionExpired, OSError) as error:
        log.warning("Neo4j not reachable, migrations deferred: %s", type(error).__name__)
        return False
    except Neo4jError as error:
        log.error("migrations failed: %s", error.code)
        return False
    for migration in applied:
        log.info("applied migration %04d_%s", migration.version, migration.name)
    return True


async def _migrate_until_done(graph: Graph) -> None:
    """While Neo4j is away, keep trying (readyz answers 503 meanwhile)."""
    while True:
        await asyncio.sleep(MIGRATION_RETRY_SECONDS)
        if await _try_migrations(graph):
            return
