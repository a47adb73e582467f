"""Opening the one driver an application (or a loader run) uses, and the Graph that
carries it with its database name into data access."""

from __future__ import annotations

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
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        user_agent=USER_AGENT,
        max_connection_pool_size=pool_size or pool_size_for(settings),
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
        records, _, _ = await self.driver.execute_query(
            query, parameters, routing_=RoutingControl.READ, database_=self.database
        )
        return records

    async def write(self, query: LiteralString, **parameters: Any) -> list[Record]:
        """One write transaction on the leader."""
        records, _, _ = await self.driver.execute_query(
            query, parameters, routing_=RoutingControl.WRITE, database_=self.database
        )
        return records

    def session(self) -> AsyncSession:
        """A session for several statements in one transaction. Writes share the
        bookmarks of ``read`` and ``write``, so what they commit is read back at once,
        even from a cluster's secondaries."""
        bookmarks = self.driver.execute_query_bookmark_manager
        return self.driver.session(database=self.database, bookmark_manager=bookmarks)
