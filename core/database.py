"""Opening the one driver an application (or a loader run) uses, and the Graph that
carries it with its database name into data access."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncSession,
    NotificationDisabledClassification,
    Record,
    RoutingControl,
)

from claimtrace.core import telemetry
from claimtrace.core.settings import Settings

USER_AGENT = "claimtrace/0.2"
# A request's three DataLoaders (claims, sources, people) may each hold a connection at
# once, so that many per admitted request keeps the pool from being what requests wait on.
CONNECTIONS_PER_REQUEST = 3
# Admitted requests seldom wait for a connection with the pool sized as above, so a
# long wait means Neo4j is stuck: give up well before a client or proxy would.
ACQUISITION_TIMEOUT_SECONDS = 5.0


def pool_size_for(settings: Settings) -> int:
    return settings.max_concurrent_requests * CONNECTIONS_PER_REQUEST


def open_driver(settings: Settings, *, pool_size: int | None = None) -> AsyncDriver:
    """A driver with bounded waits, so that an outage answers fast instead of hanging.

    The pool follows the concurrency limit unless ``pool_size`` is given.
    ``neo4j://`` URIs route: reads go to secondaries of a cluster, writes to its leader.
    """
    size = pool_size or pool_size_for(settings)
    telemetry.POOL_MAX.set(size)
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        user_agent=USER_AGENT,
        max_connection_pool_size=size,
        connection_acquisition_timeout=ACQUISITION_TIMEOUT_SECONDS,
        connection_timeout=5.0,
        max_transaction_retry_time=5.0,
        liveness_check_timeout=30.0,
        # An empty database makes Neo4j warn about every label it has not seen yet.
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    )


@dataclass(frozen=True)
class Graph:
    """The driver and the database it serves: what every data access function takes,
    so that no query can forget which database it is for."""

    driver: AsyncDriver
    database: str

    async def read(self, query: LiteralString, **parameters: Any) -> list[Record]:
        """One read transaction, routed to a reader when the URI is ``neo4j://``."""
        return await self._execute(query, parameters, RoutingControl.READ)

    async def write(self, query: LiteralString, **parameters: Any) -> list[Record]:
        """One write transaction on the leader."""
        return await self._execute(query, parameters, RoutingControl.WRITE)

    async def _execute(
        self, query: LiteralString, parameters: dict[str, Any], routing: RoutingControl
    ) -> list[Record]:
        with telemetry.connection_held(), telemetry.round_trip(query):
            records, _, _ = await self.driver.execute_query(
                query, parameters, routing_=routing, database_=self.database
            )
        return records

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session for several statements in one transaction. Writes share the
        bookmarks of ``read`` and ``write``, so what they commit is read back at once,
        even from a cluster's secondaries. Its statements are timed with
        ``telemetry.round_trip``."""
        bookmarks = self.driver.execute_query_bookmark_manager
        with telemetry.connection_held():
            async with self.driver.session(
                database=self.database, bookmark_manager=bookmarks
            ) as session:
                yield session
