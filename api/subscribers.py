"""The WebSocket connections of this API process: how many may be open, and closing
them all when the process stops.

A connection over the limit is accepted and closed at once with 1013 (try again
later), which a client such as graphql-ws retries. On shutdown uvicorn closes every
connection (with 1001, api/ws_protocol.py); the lifespan then waits for their
subscriptions to stop polling, closing with 1001 any connection still open,
before the driver is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.websockets import WebSocket, WebSocketState

from claimtrace.api.ws_protocol import GOING_AWAY, SHUTTING_DOWN

TRY_AGAIN_LATER = 1013
CLOSE_WAIT_SECONDS = 5.0


class Subscribers:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open: dict[WebSocket, asyncio.Event] = {}
        self.closing = False

    @contextlib.asynccontextmanager
    async def admitted(self, websocket: WebSocket) -> AsyncIterator[bool]:
        """True while ``websocket`` counts against the limit; False if it may not open."""
        if self.closing or len(self.open) >= self.limit:
            yield False
            return
        done = self.open[websocket] = asyncio.Event()
        try:
            yield True
        finally:
            del self.open[websocket]
            done.set()

    async def close_all(self) -> None:
        self.closing = True
        for websocket in list(self.open):
            if websocket.application_state is WebSocketState.CONNECTED:
                with contextlib.suppress(RuntimeError, OSError):
                    await websocket.close(GOING_AWAY, SHUTTING_DOWN)
        waits = [asyncio.create_task(event.wait()) for event in self.open.values()]
        if waits:
            await asyncio.wait(waits, timeout=CLOSE_WAIT_SECONDS)
            for wait in waits:
                wait.cancel()


def full_message(limit: int) -> str:
    return f"This server holds {limit} WebSocket connections at most; retry shortly."
