"""What the core reports about its work: Prometheus metrics and OpenTelemetry spans.

Only the libraries' APIs are used here. Metrics go to prometheus_client's default
registry, which the API serves at ``/metrics`` (and the loader can write to a file);
spans go to whatever tracer provider the process installed, a no-op when none was.
A Cypher round trip is known by its query's name (``core/cypher.py``), never by its
text or its parameters.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode
from prometheus_client import Counter, Gauge, Histogram

from claimtrace.core import cypher

# From a cached point lookup (a millisecond) to a load batch (seconds).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

CYPHER_SECONDS = Histogram(
    "claimtrace_cypher_seconds",
    "Cypher round trips by named query and outcome (ok or the driver's error class)",
    ["query", "outcome"],
    buckets=LATENCY_BUCKETS,
)
CONNECTIONS_IN_USE = Gauge(
    "claimtrace_neo4j_connections_in_use",
    "Driver connections held right now (one per running query or open session)",
)
POOL_MAX = Gauge(
    "claimtrace_neo4j_connection_pool_max", "The driver's maximum connection pool size"
)
LOADER_ROWS = Counter(
    "claimtrace_loader_rows", "Rows written by batched loads, by kind of record", ["kind"]
)
LOADER_BATCHES = Counter(
    "claimtrace_loader_batches", "Batches written by loads (each one transaction)"
)
LOADER_BATCH_SECONDS = Histogram(
    "claimtrace_loader_batch_seconds",
    "Time to write one load batch, commit included",
    buckets=LATENCY_BUCKETS,
)

_tracer = trace.get_tracer("claimtrace.core")


@contextmanager
def round_trip(query: str) -> Iterator[None]:
    """Time one Cypher round trip and trace it as a client span named after its query."""
    name = cypher.name_of(query)
    attributes = {"db.system.name": "neo4j", "db.query.summary": name}
    # The driver's messages may quote stored values: a span keeps only the error's class.
    with _tracer.start_as_current_span(
        f"cypher {name}",
        kind=SpanKind.CLIENT,
        attributes=attributes,
        record_exception=False,
        set_status_on_exception=False,
    ) as span:
        outcome = "ok"
        started = time.perf_counter()
        try:
            yield
        except BaseException as error:
            outcome = type(error).__name__
            span.set_status(Status(StatusCode.ERROR, outcome))
            span.set_attribute("error.type", outcome)
            raise
        finally:
            CYPHER_SECONDS.labels(name, outcome).observe(time.perf_counter() - started)


@contextmanager
def connection_held() -> Iterator[None]:
    CONNECTIONS_IN_USE.inc()
    try:
        yield
    finally:
        CONNECTIONS_IN_USE.dec()


@contextmanager
def load_batch(rows: dict[str, int]) -> Iterator[None]:
    """Count a load batch and its rows once it is committed."""
    started = time.perf_counter()
    yield
    LOADER_BATCH_SECONDS.observe(time.perf_counter() - started)
    LOADER_BATCHES.inc()
    for kind, count in rows.items():
        if count:
            LOADER_ROWS.labels(kind).inc(count)
