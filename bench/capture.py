"""Which Cypher the API sends for a GraphQL request, text and parameters exactly.

The app runs in this process, lifespan included, on a real driver wrapped so that
every query passing through it (``execute_query``, and ``run`` on sessions and in
their transactions) is noted before it is sent on to Neo4j.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any, NamedTuple

import httpx
from neo4j import AsyncDriver
from starlette.types import Receive, Scope, Send

from claimtrace.api.app import create_app
from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings

GraphQLBody = Mapping[str, Any]


class SentQuery(NamedTuple):
    query: str
    parameters: dict[str, Any]


class CaptureError(RuntimeError):
    """The request did not succeed, so what it sent is not what a success sends."""


class QueryLog:
    def __init__(self) -> None:
        self.sent: list[SentQuery] = []

    def note(
        self, query: Any, parameters: Mapping[str, Any] | None, extra: Mapping[str, Any]
    ) -> None:
        merged = dict(parameters or {}) | {k: v for k, v in extra.items() if not k.endswith("_")}
        self.sent.append(SentQuery(str(query), copy.deepcopy(merged)))

    def take(self) -> list[SentQuery]:
        sent, self.sent = self.sent, []
        return sent


class RecordingTransaction:
    def __init__(self, transaction: Any, log: QueryLog) -> None:
        self._transaction = transaction
        self._log = log

    async def run(
        self, query: Any, parameters: Mapping[str, Any] | None = None, **extra: Any
    ) -> Any:
        self._log.note(query, parameters, extra)
        return await self._transaction.run(query, parameters, **extra)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transaction, name)


class RecordingSession:
    def __init__(self, session: Any, log: QueryLog) -> None:
        self._session = session
        self._log = log

    async def __aenter__(self) -> RecordingSession:
        await self._session.__aenter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._session.__aexit__(*exc)

    async def run(
        self, query: Any, parameters: Mapping[str, Any] | None = None, **extra: Any
    ) -> Any:
        self._log.note(query, parameters, extra)
        return await self._session.run(query, parameters, **extra)

    async def execute_read(self, work: Callable[..., Awaitable[Any]], *args: Any, **kw: Any) -> Any:
        return await self._session.execute_read(self._recorded(work), *args, **kw)

    async def execute_write(
        self, work: Callable[..., Awaitable[Any]], *args: Any, **kw: Any
    ) -> Any:
        return await self._session.execute_write(self._recorded(work), *args, **kw)

    def _recorded(self, work: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def recorded(transaction: Any, *args: Any, **kw: Any) -> Any:
            return await work(RecordingTransaction(transaction, self._log), *args, **kw)

        return recorded

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


class RecordingDriver:
    def __init__(self, driver: AsyncDriver, log: QueryLog) -> None:
        self._driver = driver
        self._log = log

    async def execute_query(
        self, query: Any, parameters_: Mapping[str, Any] | None = None, **extra: Any
    ) -> Any:
        self._log.note(query, parameters_, extra)
        return await self._driver.execute_query(
            query, dict(parameters_) if parameters_ is not None else None, **extra
        )

    def session(self, **config: Any) -> RecordingSession:
        return RecordingSession(self._driver.session(**config), self._log)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


async def capture_queries(
    settings: Settings, bodies: Sequence[GraphQLBody]
) -> list[list[SentQuery]]:
    """For each body in turn, the queries its request sent; raises CaptureError
    if a request answers other than 200 or with GraphQL errors."""
    log = QueryLog()
    captured = []
    async with in_process_client(settings, log) as client:
        log.take()  # start-up queries (migrations) belong to no request
        for body in bodies:
            response = await client.post("/graphql", json=dict(body))
            if response.status_code != 200 or "errors" in response.json():
                raise CaptureError(
                    f"{response.status_code} for {dict(body)}: {response.text[:500]}"
                )
            captured.append(log.take())
    return captured


async def capture_request(settings: Settings, body: GraphQLBody) -> list[SentQuery]:
    """The queries one request sends."""
    (sent,) = await capture_queries(settings, [body])
    return sent


@contextlib.asynccontextmanager
async def in_process_client(settings: Settings, log: QueryLog) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan, served to an httpx client without a socket; each
    request gets a shallow copy of the lifespan state, as under uvicorn."""

    def recording_driver(app_settings: Settings) -> Any:
        return RecordingDriver(open_driver(app_settings), log)

    app = create_app(settings, driver_factory=recording_driver)
    async with app.router.lifespan_context(app) as state:
        lifespan_state: dict[str, Any] = dict(state or {})

        async def with_state(scope: Scope, receive: Receive, send: Send) -> None:
            scope["state"] = dict(lifespan_state)
            await app(scope, receive, send)

        transport = httpx.ASGITransport(app=with_state)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench.local") as client:
            yield client
