"""A graphql-transport-ws client over a real WebSocket (the websockets library)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from claimtrace.api.subscribers import TRY_AGAIN_LATER

PROTOCOL = Subprotocol("graphql-transport-ws")


class Subscriber:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.transcript: list[str] = []  # every message, both ways, as sent

    async def send(self, message: dict[str, Any]) -> None:
        text = json.dumps(message)
        self.transcript.append(f"> {text}")
        await self.connection.send(text)

    async def receive(self, within: float = 15.0) -> dict[str, Any]:
        text = await asyncio.wait_for(self.connection.recv(), within)
        assert isinstance(text, str)
        self.transcript.append(f"< {text}")
        message: dict[str, Any] = json.loads(text)
        return message

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def subscribe(self, op_id: str, query: str, **variables: Any) -> None:
        payload = {"query": query, "variables": variables}
        await self.send({"id": op_id, "type": "subscribe", "payload": payload})

    async def quiet_for(self, seconds: float) -> list[dict[str, Any]]:
        """Whatever arrives within ``seconds`` (nothing, when all is well)."""
        found = []
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                while True:
                    found.append(await self.receive(within=seconds))
        return found

    async def closed(self, within: float = 15.0) -> tuple[int | None, str | None]:
        """The close code and reason the server sent, once it has closed the connection."""
        try:
            async with asyncio.timeout(within):
                while True:
                    await self.receive(within=within)
        except ConnectionClosed as closed:
            self.transcript.append(f"closed by the server: {closed.rcvd}")
            return (closed.rcvd.code, closed.rcvd.reason) if closed.rcvd else (None, None)


@contextlib.asynccontextmanager
async def subscriber(base_url: str, *, origin: str | None = None) -> AsyncIterator[Subscriber]:
    url = base_url.replace("http://", "ws://") + "/graphql"
    headers = {"Origin": origin} if origin else None
    async with connect(
        url, subprotocols=[PROTOCOL], additional_headers=headers, open_timeout=15
    ) as connection:
        yield Subscriber(connection)


@contextlib.asynccontextmanager
async def acknowledged(
    base_url: str, payload: dict[str, Any] | None = None, *, within: float = 10.0
) -> AsyncIterator[Subscriber]:
    """An initialised connection, retried for ``within`` seconds while the server answers
    1013 (try again later); the caller's own use of it is not timed.

    A server frees a connection's place once its subscriptions have stopped, a moment
    after the client has gone; graphql-ws clients retry, and so does this.
    """
    deadline = time.monotonic() + within
    while True:
        async with subscriber(base_url) as client:
            try:
                ack = await client.init(payload)
            except ConnectionClosed as closed:
                refused = closed.rcvd is not None and closed.rcvd.code == TRY_AGAIN_LATER
                if not refused or time.monotonic() > deadline:
                    raise
            else:
                assert ack["type"] == "connection_ack", ack
                yield client
                return
        await asyncio.sleep(0.05)
