"""A repeated query is validated once: the validation cache must hit across requests."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from strawberry.extensions.validation_cache import _get_validate_cache

from claimtrace.api.protection import CACHE_SIZE
from claimtrace.core.database import Graph

pytestmark = pytest.mark.neo4j

QUERY = {"query": "{ topics { id } }"}


async def test_the_second_identical_request_is_a_cache_hit(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    cache: Any = _get_validate_cache(CACHE_SIZE)  # an lru_cache wrapper
    assert (await client.post("/graphql", json=QUERY)).status_code == 200
    before = cache.cache_info()
    for _ in range(3):
        assert (await client.post("/graphql", json=QUERY)).status_code == 200
    after = cache.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (3, 0)
