"""The request being served, for every log line and span it causes.

The API sets it at the edge of each request (its id) and fills it in as the request
goes (the operation, its outcome); the log format and the tracer read it. Outside a
request, as in the loader, there is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class RequestInfo:
    request_id: str
    operation: str | None = None
    outcome: str | None = None


_CURRENT: ContextVar[RequestInfo | None] = ContextVar("claimtrace_request", default=None)


def current() -> RequestInfo | None:
    return _CURRENT.get()


@contextmanager
def serving(request_id: str) -> Iterator[RequestInfo]:
    """Make a new request current here and in the tasks started meanwhile."""
    info = RequestInfo(request_id)
    token = _CURRENT.set(info)
    try:
        yield info
    finally:
        _CURRENT.reset(token)
