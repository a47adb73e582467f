"""Serve the ASGI app in-process, lifespan included, to httpx clients."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.types import Receive, Scope, Send

LOOPBACK = ("127.0.0.1", 123)


@contextlib.asynccontextmanager
async def serve(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's lifespan and hand out a client; as uvicorn does, each
    request gets a shallow copy of the lifespan state."""
    async with serve_to(app, LOOPBACK) as (client,):
        yield client


@contextlib.asynccontextmanager
async def serve_to(
    app: Starlette, *addresses: tuple[str, int]
) -> AsyncIterator[tuple[httpx.AsyncClient, ...]]:
    """As ``serve``, with one client per address (the client address the app sees)."""
    async with app.router.lifespan_context(app) as state:
        lifespan_state: dict[str, Any] = dict(state or {})

        async def with_state(scope: Scope, receive: Receive, send: Send) -> None:
            scope["state"] = dict(lifespan_state)
            await app(scope, receive, send)

        async with contextlib.AsyncExitStack() as stack:
            clients = [
                await stack.enter_async_context(
                    httpx.AsyncClient(
                        transport=httpx.ASGITransport(app=with_state, client=address),
                        base_url="http://claimtrace.test",
                    )
                )
                for address in addresses
            ]
            yield tuple(clients)
