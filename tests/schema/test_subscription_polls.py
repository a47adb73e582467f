"""A subscription's poll that finds the database away ends it with a typed error."""

from __future__ import annotations

import pytest
from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable

from claimtrace.schema.subscriptions import _polled


async def away() -> int:
    raise ServiceUnavailable("no route")


async def test_the_database_away_ends_a_subscription_with_service_unavailable() -> None:
    with pytest.raises(GraphQLError) as raised:
        await _polled(away())
    assert raised.value.extensions == {"code": "SERVICE_UNAVAILABLE"}
    assert "no route" not in raised.value.message
