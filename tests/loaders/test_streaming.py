"""JSON Lines units and references across units: staged, checked, then written in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.plans import WriteBatch
from claimtrace.core.settings import Settings
from claimtrace.core.validation import ValidationError
from claimtrace.core.writing import graph_counts
from claimtrace.loaders.load import check_folder, load_folder
from claimtrace.loaders.reading import stage_folder
from claimtrace.loaders.staging import Staging

ENTITIES = """
organizations:
  - {id: org-paper, name: The Paper, kind: PUBLISHER}
people:
  - {id: person-ann, name: Ann}
topics:
  - {id: topic-t, name: A topic}
"""
FIRST_TEXT = "Ann says the bridge fell. Nothing else."
SECOND_TEXT = "Officials say the bridge stands."


def document(number: int, text: str, **sections: Any) -> dict[str, Any]:
    source_id = f"src-{number}"
    source = {
        "id": source_id,
        "file": f"documents/{number}.txt",
        "title": f"Document {number}",
        "kind": "ARTICLE",
        "language": "en",
        "published": {"date": f"2024-01-0{number}", "precision": "DAY"},
        "publisher": "org-paper",
    }
    return {"source": source_id, "sources": [source], **sections}


def assertion(number: int, claim: str, quote: str, text: str, **more: Any) -> dict[str, Any]:
    start = text.index(quote)
    return {
        "id": f"asrt-{number}",
        "claim": claim,
        "by": "person-ann",
        "stance": "SUPPORTS",
        "mode": "AUTHORIAL",
        "hedge": "CERTAIN",
        "quote": quote,
        "start": start,
        "end": start + len(quote),
        **more,
    }


@pytest.fixture
def jsonl_folder(tmp_path: Path) -> Path:
    """Line 1 asserts a claim defined on line 2 and cites an assertion of line 2."""
    folder = tmp_path / "bulk"
    (folder / "documents").mkdir(parents=True)
    (folder / "claims").mkdir()
    (folder / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (folder / "documents" / "1.txt").write_text(FIRST_TEXT, encoding="utf-8")
    (folder / "documents" / "2.txt").write_text(SECOND_TEXT, encoding="utf-8")
    first = document(
        1,
        FIRST_TEXT,
        claims=[{"id": "claim-fell", "text": "The bridge fell.", "topics": ["topic-t"]}],
        assertions=[
            assertion(1, "claim-fell", "the bridge fell", FIRST_TEXT),
            assertion(2, "claim-stands", "Nothing else", FIRST_TEXT, cites=["asrt-3"]),
        ],
    )
    second = document(
        2,
        SECOND_TEXT,
        claims=[{"id": "claim-stands", "text": "The bridge stands.", "topics": ["topic-t"]}],
        assertions=[assertion(3, "claim-stands", "the bridge stands", SECOND_TEXT)],
        conflicts=[{"claims": ["claim-fell", "claim-stands"], "kind": "OPPOSITE", "note": "n"}],
    )
    lines = [json.dumps(first), "", json.dumps(second)]
    (folder / "claims" / "000.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def plan_of(folder: Path, max_rows: int) -> list[WriteBatch]:
    with Staging.create() as staging:
        stage_folder(folder, staging)
        return list(staging.batches(max_rows))


def test_each_line_is_a_unit_and_a_claim_goes_with_its_first_use(jsonl_folder: Path) -> None:
    shared, first, second = plan_of(jsonl_folder, max_rows=1)
    assert shared.files == ["(shared records)"]
    assert [row["id"] for row in shared.people] == ["person-ann"]
    assert first.files == ["bulk/claims/000.jsonl:1"]
    assert second.files == ["bulk/claims/000.jsonl:3"]  # the blank line is skipped
    assert sorted(row["id"] for row in first.claims) == ["claim-fell", "claim-stands"]
    assert second.claims == []
    assert first.cites == []  # its far end is written with the second unit
    assert second.cites == [{"from": "asrt-2", "to": "asrt-3"}]
    assert [row["first"] for row in second.conflicts] == ["claim-fell"]


def test_small_units_share_a_batch(jsonl_folder: Path) -> None:
    _, both = plan_of(jsonl_folder, max_rows=1_000)
    assert both.files == ["bulk/claims/000.jsonl:1", "bulk/claims/000.jsonl:3"]
    assert len(both.assertions) == 3
    assert both.cites == [{"from": "asrt-2", "to": "asrt-3"}]


@pytest.mark.neo4j
async def test_a_jsonl_folder_loads_with_every_link(
    jsonl_folder: Path, empty_graph: Graph, settings: Settings
) -> None:
    report = await load_folder(empty_graph, jsonl_folder, max_batch_rows=1)
    counts = await graph_counts(empty_graph)
    assert counts["nodes"] == {
        "Source": 2, "Organization": 1, "Person": 1, "Topic": 1, "Claim": 2, "Assertion": 3,
    }  # fmt: skip
    relationships = counts["relationships"]
    assert (relationships["CITES"], relationships["CONTRADICTS"]) == (1, 1)
    assert relationships["FOUND_IN"] == relationships["MADE"] == 3
    assert report.created["Assertion"] == 3


@pytest.mark.neo4j
async def test_each_batch_is_recorded_at_the_time_it_is_written(
    jsonl_folder: Path, empty_graph: Graph
) -> None:
    """Subscribers follow recordedAt: a long load's later batches must not carry the
    time the load started, long before they became visible."""
    await load_folder(empty_graph, jsonl_folder, max_batch_rows=1)
    records = await empty_graph.read("MATCH (a:Assertion) RETURN a.id AS id, a.recordedAt AS at")
    at = {record["id"]: record["at"] for record in records}
    assert at["asrt-1"] == at["asrt-2"]  # one batch
    assert at["asrt-3"] > at["asrt-1"]  # the next one


def test_a_bad_line_is_named_by_file_and_line(jsonl_folder: Path) -> None:
    path = jsonl_folder / "claims" / "000.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(ValidationError) as raised:
        check_folder(jsonl_folder)
    [problem] = raised.value.problems
    assert problem.file == "bulk/claims/000.jsonl:4"
    assert problem.field == "(syntax)"


def test_a_dangling_cite_in_a_later_line_is_found(jsonl_folder: Path) -> None:
    path = jsonl_folder / "claims" / "000.jsonl"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"asrt-3"]', '"asrt-404"]'), encoding="utf-8"
    )
    with pytest.raises(ValidationError) as raised:
        check_folder(jsonl_folder)
    [problem] = raised.value.problems
    assert (problem.file, problem.record, problem.field) == (
        "bulk/claims/000.jsonl:1",
        "assertion asrt-2",
        "cites",
    )
    assert problem.message == "assertion 'asrt-404' does not exist"
