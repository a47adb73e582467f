"""Opening the one driver an application (or a loader run) uses."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase, NotificationDisabledClassification

from claimtrace.core.settings import Settings

USER_AGENT = "claimtrace/0.1"
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
