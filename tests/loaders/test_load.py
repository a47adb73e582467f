"""Loading into the real Neo4j: counts, idempotence, append-only refusals."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.writing import AppendOnlyError, graph_counts
from claimtrace.loaders.load import load_folder
from tests.conftest import SEED_DATA
from tests.loaders.conftest import Edit
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j

SNAPSHOT = """
MATCH (n) WHERE NOT n:Migration
OPTIONAL MATCH (n)-[r]->(m)
WITH n, collect([type(r), m.id, properties(r)]) AS out
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, out
ORDER BY id
"""


async def snapshot(graph: Graph) -> list[dict[str, Any]]:
    records, _, _ = await graph.driver.execute_query(SNAPSHOT, database_=graph.database)
    return [
        {
            **record.data(),
            "out": sorted(record["out"], key=lambda link: (str(link[0]), str(link[1]))),
        }
        for record in records
    ]


async def test_counts_match_the_files(empty_graph: Graph, settings: Settings) -> None:
    files = records_in_files(SEED_DATA)
    report = await load_folder(empty_graph, SEED_DATA)
    counts = await graph_counts(empty_graph)
    assert counts["nodes"] == {
        "Source": len(files["sources"]),
        "Organization": len(files["organizations"]),
        "Person": len(files["people"]),
        "Topic": len(files["topics"]),
        "Claim": len(files["claims"]),
        "Assertion": len(files["assertions"]),
    }
    relationships = counts["relationships"]
    assert relationships["MADE"] == relationships["ABOUT"] == relationships["FOUND_IN"]
    assert relationships["MADE"] == len(files["assertions"])
    assert relationships["CONTRADICTS"] == len(files["conflicts"])
    assert relationships["CITES"] == sum(len(a.get("cites") or []) for a in files["assertions"])
    assert relationships["ABOUT_TOPIC"] == sum(len(c["topics"]) for c in files["claims"])
    assert relationships["REPUBLISHES"] == 1
    assert report.created["Assertion"] == len(files["assertions"])


async def test_loading_twice_changes_nothing(empty_graph: Graph, settings: Settings) -> None:
    await load_folder(empty_graph, SEED_DATA)
    first = await snapshot(empty_graph)
    report = await load_folder(empty_graph, SEED_DATA)
    assert await snapshot(empty_graph) == first
    assert sum(report.created.values()) == 0
    assert report.already_there("Assertion") == len(records_in_files(SEED_DATA)["assertions"])


async def test_source_text_and_hash_are_stored(seed_graph: Graph, settings: Settings) -> None:
    records, _, _ = await seed_graph.driver.execute_query(
        "MATCH (s:Source) WHERE s.text IS NOT NULL RETURN s.text AS text, s.sha256 AS sha",
        database_=settings.neo4j_database,
    )
    assert len(records) == 5
    for record in records:
        assert hashlib.sha256(record["text"].encode("utf-8")).hexdigest() == record["sha"]


async def test_changed_record_is_refused_and_its_batch_written_nowhere(
    writable_seed_graph: Graph, settings: Settings, data_copy: Path, edit: Edit
) -> None:
    before = await snapshot(writable_seed_graph)

    def change_and_add(content: dict[str, Any]) -> None:
        content["claims"][0]["text"] += " (edited)"
        new_claim = {"id": "claim-new-in-same-file", "text": "A new claim."}
        content["claims"].append(new_claim)
        assertion = dict(content["assertions"][0], id="asrt-new-in-same-file")
        assertion["claim"] = new_claim["id"]
        assertion.pop("cites", None)
        content["assertions"].append(assertion)

    edit("claims/002-jpost-iran-declared-war.yaml", change_and_add)
    shutil.rmtree(data_copy / "coverage")  # the new assertion would be missing from it
    with pytest.raises(AppendOnlyError, match="append-only") as raised:
        await load_folder(writable_seed_graph, data_copy)
    assert raised.value.kind == "Claim"
    assert await snapshot(writable_seed_graph) == before
