"""The bulk path (neo4j-admin database import) builds the graph the transactional loader
builds: every node, label, property with its type, and link with its properties."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import apply_migrations
from claimtrace.core.settings import Settings
from claimtrace.core.validation import ValidationError
from claimtrace.loaders.bulk_load import NotEmpty, bulk_load_local
from claimtrace.loaders.load import load_folder
from tests.conftest import SEED_DATA
from tests.loaders.conftest import Edit
from tests.loaders.test_killed_load import without_load_times
from tests.loaders.test_load import snapshot

pytestmark = pytest.mark.neo4j

WIPE = "MATCH (n) WHERE NOT n:Migration DETACH DELETE n"


def typed(value: Any) -> Any:
    """A value with its type, so that 2 and 2.0 (an integer and a float) differ."""
    if isinstance(value, list):
        return ["list", [typed(item) for item in value]]
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    return [type(value).__name__, value]


def load_time_types(graph: list[dict[str, Any]]) -> set[str]:
    """The types of every recordedAt (its value is the one thing two loads differ in)."""
    types = {type(node["props"]["recordedAt"]).__name__ for node in graph}
    return types | {
        type(props["recordedAt"]).__name__
        for node in graph
        for _, _, props in node["out"]
        if props and "recordedAt" in props
    }


def labelled(nodes: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    return [node for node in nodes if ["str", label] in node["labels"][1]]


@pytest.fixture
async def own_graph(settings: Settings) -> AsyncIterator[Graph]:
    """The test database through a driver of its own, empty: a bulk import leaves a
    driver's bookmarks pointing past the new store's transactions."""
    async with open_driver(settings) as driver:
        graph = Graph(driver, settings.neo4j_database)
        await apply_migrations(graph)
        await graph.write(WIPE)
        yield graph


async def as_loaded(settings: Settings) -> tuple[list[Any], set[str]]:
    async with open_driver(settings) as driver:
        whole = await snapshot(Graph(driver, settings.neo4j_database))
    return [typed(node) for node in without_load_times(whole)], load_time_types(whole)


async def transactional_then_bulk(
    graph: Graph, settings: Settings, folder: Path
) -> tuple[tuple[list[Any], set[str]], tuple[list[Any], set[str]]]:
    # What was loaded, without the candidates detection adds after each batch: the bulk
    # path's detection is a pass of its own after the import (claimtrace-load).
    await load_folder(graph, folder, detection=False)
    transactional = await as_loaded(settings)
    await graph.write(WIPE)
    await bulk_load_local(settings, folder)
    return transactional, await as_loaded(settings)


@pytest.mark.replaces_store
async def test_the_seed_corpus_bulk_loads_into_the_same_graph(
    own_graph: Graph, settings: Settings
) -> None:
    transactional, bulk = await transactional_then_bulk(own_graph, settings, SEED_DATA)
    assert bulk == transactional
    nodes, load_times = bulk
    assert len(nodes) == 654
    assert load_times == {"DateTime"}
    claims = labelled(nodes, "Claim")
    assert all(claim["props"]["firstAsserted"][0] == "str" for claim in claims)
    people = labelled(nodes, "Person")
    assert ["list", []] in [person["props"]["aliases"] for person in people]


@pytest.mark.replaces_store
async def test_a_generated_corpus_bulk_loads_into_the_same_graph(
    own_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    counts = generate(tmp_path / "corpus", claims=400, seed=5)
    transactional, bulk = await transactional_then_bulk(own_graph, settings, tmp_path / "corpus")
    assert bulk == transactional
    assert len(labelled(bulk[0], "Assertion")) == counts.assertions


async def test_a_database_that_holds_records_is_refused(
    seed_graph: Graph, settings: Settings
) -> None:
    before = await snapshot(seed_graph)
    with pytest.raises(NotEmpty):
        await bulk_load_local(settings, SEED_DATA)
    assert await snapshot(seed_graph) == before


async def test_an_invalid_folder_touches_nothing(
    empty_graph: Graph, settings: Settings, data_copy: Path, edit: Edit
) -> None:
    edit("sources.yaml", lambda content: content["sources"][0].pop("title"))
    with pytest.raises(ValidationError):
        await bulk_load_local(settings, data_copy)
    assert await snapshot(empty_graph) == []
