"""Opening the one driver an application (or a loader run) uses."""

from __future__ import annotations

from neo4j import AsyncDriver, AsyncGraphDatabase, NotificationDisabledClassification

from api.settings import Settings

USER_AGENT = "claimtrace/0.1"


def open_driver(settings: Settings, *, pool_size: int = 50) -> AsyncDriver:
    """A driver with bounded waits, so that an outage answers fast instead of hanging.

    ``neo4j://`` URIs route: reads go to secondaries of a cluster, writes to its leader.
    """
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password),
        user_agent=USER_AGENT,
        max_connection_pool_size=pool_size,
        connection_acquisition_timeout=5.0,
        connection_timeout=5.0,
        max_transaction_retry_time=5.0,
        liveness_check_timeout=30.0,
        # An empty database makes Neo4j warn about every label it has not seen yet.
        notifications_disabled_classifications=[NotificationDisabledClassification.UNRECOGNIZED],
    )
