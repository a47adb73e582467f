"""Logs and traces of each request.

``RequestScope`` makes the request current (core/request_context.py) so that every
log line and span it causes carries its id, and writes one ``claimtrace.access``
line when it is answered: method, path, status, duration and outcome.

Traces use the OpenTelemetry SDK, configured by the standard ``OTEL_*`` variables:
with ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``..._TRACES_ENDPOINT``) set, spans are
exported over OTLP/HTTP; ``OTEL_TRACES_EXPORTER=console`` prints them instead. With
neither, no tracer is installed and no tracing middleware runs: a no-op. The spans
are the HTTP request (opentelemetry-instrumentation-asgi), the GraphQL operation and
its resolvers (Strawberry's extension, without arguments and with the document cut
to a prefix) and each Cypher round trip (core/telemetry.py).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Generator, Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import LifecycleStep
from strawberry.extensions.tracing import OpenTelemetryExtension

from claimtrace.core.audit import bounded, request_id_from
from claimtrace.core.request_context import current, serving

access_log = logging.getLogger("claimtrace.access")

REQUEST_ID_ATTRIBUTE = "claimtrace.request_id"
# Probes and scrapes come every few seconds: their lines are for DEBUG only.
QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
SERVICE_NAME = "claimtrace"


class RequestScope:
    """Inside StandardHeaders (which chose the request id), outside everything else."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        request_id = state.get("request_id") or request_id_from(None)
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        started = time.perf_counter()
        with serving(request_id) as info:
            try:
                await self.app(scope, receive, send_noting_status)
            finally:
                extra = {
                    "method": scope["method"],
                    "path": bounded(scope["path"]),
                    "status": status,
                    "durationMs": round((time.perf_counter() - started) * 1000, 2),
                    "outcome": info.outcome or ("ok" if status < 400 else str(status)),
                }
                level = logging.DEBUG if scope["path"] in QUIET_PATHS else logging.INFO
                access_log.log(
                    level, "%s %s %d", scope["method"], extra["path"], status, extra=extra
                )


class RequestIdOnSpans(SpanProcessor):
    """Every span started inside a request carries the request's id."""

    def on_start(self, span: Span, parent_context: otel_context.Context | None = None) -> None:
        info = current()
        if info is not None:
            span.set_attribute(REQUEST_ID_ATTRIBUTE, info.request_id)

    def on_end(self, span: ReadableSpan) -> None:
        return None


def tracing_installed() -> bool:
    return isinstance(trace.get_tracer_provider(), TracerProvider)


def install_tracing(exporter: SpanExporter, *, batch: bool = True) -> TracerProvider:
    """Install the SDK's tracer provider for this process, exporting to ``exporter``."""
    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    provider.add_span_processor(RequestIdOnSpans())
    processor = BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter)
    provider.add_span_processor(processor)
    trace.set_tracer_provider(provider)
    return provider


def configure_tracing(environ: Mapping[str, str] | None = None) -> bool:
    """Install tracing as the OTEL_* variables say, once; True when traces are on."""
    env = os.environ if environ is None else environ
    if tracing_installed():
        return True
    exporter = _exporter_from(env)
    if exporter is None:
        return False
    install_tracing(exporter)
    return True


def _exporter_from(env: Mapping[str, str]) -> SpanExporter | None:
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    endpoint = env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or env.get(
        "OTEL_EXPORTER_OTLP_ENDPOINT"
    )
    kind = env.get("OTEL_TRACES_EXPORTER", "otlp" if endpoint else "none").strip().lower()
    if kind == "console":
        return ConsoleSpanExporter()
    if kind == "otlp" and endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter()
    return None


# Of a GraphQL document, a span keeps this much: enough to recognise the query.
TRACED_DOCUMENT_PREFIX = 200


def _no_arguments(args: dict[str, Any], info: Any) -> dict[str, Any]:
    """Resolver arguments are client data: spans carry none of them."""
    return {}


class GraphQLTracing(OpenTelemetryExtension):
    """Strawberry's OpenTelemetry extension, keeping no argument and a bounded document."""

    def __init__(self) -> None:
        super().__init__(arg_filter=_no_arguments)

    def on_operation(self) -> Generator[None, None, None]:
        steps = super().on_operation()
        next(steps)
        span = self._span_holder[LifecycleStep.OPERATION]
        span.set_attribute("query", bounded_document(self.execution_context.query))
        try:
            yield
        finally:
            next(steps, None)


def bounded_document(query: str | None) -> str:
    text = query or ""
    if len(text) <= TRACED_DOCUMENT_PREFIX:
        return text
    return f"{text[:TRACED_DOCUMENT_PREFIX]}... ({len(text)} characters)"
