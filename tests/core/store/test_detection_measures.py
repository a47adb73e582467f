"""Detection keeps, on each claim stating a quantity, the key of what it measures: written
when it is missing or stale, and left alone (no write at all) when it is current."""

from __future__ import annotations

import pytest

from claimtrace.core import telemetry
from claimtrace.core.database import Graph
from claimtrace.core.detection.measures import measure_of
from claimtrace.core.store.detection import detect
from claimtrace.core.vocabulary import Qualifier, Quantity

pytestmark = pytest.mark.neo4j

EFP = "claim-efp-196-killed"
READ = "MATCH (c:Claim {id: $id}) RETURN c.quantityMeasure AS measure"
SET = "MATCH (c:Claim {id: $id}) SET c.quantityMeasure = $measure"


def _measure_writes() -> float:
    """How many set_quantity_measures round trips this process has made."""
    [metric] = telemetry.CYPHER_SECONDS.labels("set_quantity_measures", "ok").collect()
    return float(next(s.value for s in metric.samples if s.name.endswith("_count")))


async def _stored(graph: Graph) -> str | None:
    [record] = await graph.read(READ, id=EFP)
    return record["measure"]  # type: ignore[no-any-return]


async def test_a_current_measure_is_not_written_again(writable_seed_graph: Graph) -> None:
    graph = writable_seed_graph
    text = "Explosively formed penetrators (EFPs) supplied by Iran killed at least 196 US troops in Iraq."  # noqa: E501
    expected = measure_of(text, Quantity(196, "US troops killed", Qualifier.AT_LEAST)).key
    await graph.write(SET, id=EFP, measure="stale")
    before = _measure_writes()
    await detect(graph, [EFP])
    assert await _stored(graph) == expected
    assert _measure_writes() == before + 1
    await detect(graph, [EFP])
    assert _measure_writes() == before + 1
