"""An ASGI middleware that bounds how many GraphQL requests are served at once.

Beyond the limit a request is answered at once with 503 and ``Retry-After``: a
client learns in a millisecond that it should come back, instead of waiting in a
queue until some timeout gives up on it. Health checks are never limited, so an
orchestrator can tell a busy API from a dead one. A request is counted only once its
body is in (the app reads it first, api/limits.py): waiting on a slow client holds no slot.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from claimtrace.api.metrics import refused

# GraphQL, and the exports (api/interchange.py), which read as much as a query does.
LIMITED_PATHS = frozenset({"/graphql"})
LIMITED_PREFIXES = ("/claims/",)


def is_limited(path: str) -> bool:
    return path in LIMITED_PATHS or path.startswith(LIMITED_PREFIXES)


class ConcurrencyLimit:
    def __init__(self, app: ASGIApp, limit: int, retry_after_seconds: int = 1) -> None:
        if limit < 1:
            raise ValueError(f"the concurrency limit must be at least 1, got {limit}")
        self.app = app
        self.limit = limit
        self.in_flight = 0
        self._headers = [
            (b"content-type", b"application/json"),
            (b"retry-after", str(retry_after_seconds).encode("ascii")),
        ]
        self._body = _overloaded_body(retry_after_seconds)
        self._headers.append((b"content-length", str(len(self._body)).encode("ascii")))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_limited(scope["path"]):
            await self.app(scope, receive, send)
            return
        # One event loop: nothing runs between this test and the increment below.
        if self.in_flight >= self.limit:
            await self._refuse(send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _refuse(self, send: Send) -> None:
        refused("OVERLOADED")
        await send({"type": "http.response.start", "status": 503, "headers": self._headers})
        await send({"type": "http.response.body", "body": self._body})


def _overloaded_body(retry_after_seconds: int) -> bytes:
    error = {
        "message": f"The server is busy; retry in {retry_after_seconds} s.",
        "extensions": {"code": "OVERLOADED"},
    }
    return json.dumps({"errors": [error]}).encode("utf-8")
