"""Prometheus metrics of the API, and ``/metrics`` that serves them with the core's.

GraphQL requests are counted and timed per operation name and outcome (``ok`` or
the first error's ``extensions.code``). Operation names are the client's, so only
the first ``MAX_OPERATION_NAMES`` distinct well-formed names get a series of their
own; the rest share ``(other)``, and unnamed operations are ``(anonymous)``.
Requests refused by a limit are counted per limit.

In development ``/metrics`` is open unless ``CLAIMTRACE_METRICS_TOKEN`` is set; in
production it is served only with that token as a bearer token, and not at all
(404) without one.
"""

from __future__ import annotations

import hmac
import platform
import re
import time
from collections.abc import Iterator

import neo4j
from graphql import GraphQLError
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, Info
from prometheus_client.exposition import generate_latest
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from strawberry.extensions import SchemaExtension

import claimtrace
from claimtrace.core.request_context import current
from claimtrace.core.settings import Settings
from claimtrace.core.telemetry import LATENCY_BUCKETS

MAX_OPERATION_NAMES = 100
ANONYMOUS = "(anonymous)"
OTHER = "(other)"
_OPERATION_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")
_CODE = re.compile(r"[A-Z][A-Z_]{0,39}")
# What a refused document without a code of its own (a validation error) counts as.
INVALID_DOCUMENT = "INVALID_DOCUMENT"

# Each limit of the API (README, "Limits") and the error code it answers with.
LIMIT_OF_CODE = {
    "OVERLOADED": "concurrency",
    "PAYLOAD_TOO_LARGE": "body_size",
    "REQUEST_TIMEOUT": "body_timeout",
    "QUERY_TOO_COSTLY": "cost",
    "QUERY_LIMIT_EXCEEDED": "document",
    "EXECUTION_TIMEOUT": "execution_time",
    "RATE_LIMITED": "rate",
    "RESPONSE_TOO_LARGE": "answer_size",
}

REQUESTS = Counter(
    "claimtrace_graphql_requests",
    "GraphQL operations answered, by operation name and outcome",
    ["operation", "outcome"],
)
REQUEST_SECONDS = Histogram(
    "claimtrace_graphql_request_seconds",
    "Time to answer a GraphQL operation, from parsing to the result",
    ["operation", "outcome"],
    buckets=LATENCY_BUCKETS,
)
REFUSALS = Counter("claimtrace_refusals", "Requests refused by a limit", ["limit"])
for _limit in LIMIT_OF_CODE.values():
    REFUSALS.labels(_limit)
BUILD = Info("claimtrace_build", "The running claimtrace")
BUILD.info(
    {
        "version": claimtrace.__version__,
        "python": platform.python_version(),
        "neo4j_driver": neo4j.__version__,
    }
)


def refused(code: str) -> None:
    """Count a refusal by the limit that answers with ``code``."""
    limit = LIMIT_OF_CODE.get(code)
    if limit is not None:
        REFUSALS.labels(limit).inc()


class OperationNames:
    """Folds client-chosen operation names into a bounded set of label values."""

    def __init__(self, limit: int = MAX_OPERATION_NAMES) -> None:
        self.limit = limit
        self.known: set[str] = set()

    def label(self, name: str | None) -> str:
        if name is None:
            return ANONYMOUS
        if name in self.known:
            return name
        if len(self.known) >= self.limit or not _OPERATION_NAME.fullmatch(name):
            return OTHER
        self.known.add(name)
        return name


# One per process, like the registry whose series it bounds.
OPERATION_NAMES = OperationNames()


def outcome_of(errors: list[GraphQLError] | None) -> str:
    if not errors:
        return "ok"
    code = (errors[0].extensions or {}).get("code")
    if not isinstance(code, str):
        return INVALID_DOCUMENT
    return code if _CODE.fullmatch(code) else "OTHER"


class RequestMetrics(SchemaExtension):
    """Counts and times each operation; outermost, so that it sees every refusal."""

    def __init__(self, names: OperationNames = OPERATION_NAMES) -> None:
        self.names = names

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except GraphQLError as error:
            self._record(started, [error])
            raise
        context = self.execution_context
        errors = context.result.errors if context.result else context.pre_execution_errors
        self._record(started, list(errors or ()))

    def on_execute(self) -> Iterator[None]:
        info = current()
        if info is not None:
            info.operation = self._operation()
        yield

    def _operation(self) -> str:
        return self.names.label(self.execution_context.operation_name)

    def _record(self, started: float, errors: list[GraphQLError]) -> None:
        operation = self._operation()
        outcome = outcome_of(errors)
        REQUESTS.labels(operation, outcome).inc()
        REQUEST_SECONDS.labels(operation, outcome).observe(time.perf_counter() - started)
        refused(outcome)
        info = current()
        if info is not None:
            info.operation, info.outcome = operation, outcome


def metrics_route(settings: Settings) -> Route | None:
    """``/metrics``, or None when production has no token to protect it with."""
    token = settings.metrics_token
    if settings.production and token is None:
        return None

    async def metrics(request: Request) -> Response:
        if token is not None and not _bearer_is(request, token):
            return JSONResponse(
                {"errors": [{"message": "A bearer token is required for /metrics."}]},
                status_code=401,
                headers={"www-authenticate": "Bearer"},
            )
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return Route("/metrics", metrics, methods=["GET"])


def _bearer_is(request: Request, token: str) -> bool:
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.encode(), token.encode())
