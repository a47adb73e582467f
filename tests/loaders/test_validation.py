"""Every validation error path names the file, the record and the field; nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.validation import Problem, ValidationError
from claimtrace.core.writing import graph_counts
from claimtrace.loaders.load import check_folder, load_folder
from tests.loaders.conftest import Edit

JPOST = "claims/002-jpost-iran-declared-war.yaml"
JPOST_FILE = f"data/{JPOST}"


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(ValidationError) as raised:
        check_folder(folder)
    return raised.value.problems


def first_assertion(content: dict[str, Any]) -> dict[str, Any]:
    assertion: dict[str, Any] = content["assertions"][0]
    return assertion


SEED = Path(__file__).resolve().parents[2] / "data"


def test_the_seed_corpus_is_valid() -> None:
    totals = check_folder(SEED).totals
    assert totals["Claim"] >= 200
    assert totals["Assertion"] >= 250


def test_every_held_document_has_its_sentences_accounted_for() -> None:
    held = {s["id"] for s in yaml.safe_load((SEED / "sources.yaml").read_text())["sources"]
            if s.get("file")}  # fmt: skip
    covered = {path.stem for path in (SEED / "coverage").glob("*.yaml")}
    assert covered == held
    # check_folder (above) refuses a TODO, a missing sentence or an unlisted assertion.


def test_a_sentence_left_out_of_coverage_refuses_the_folder(data_copy: Path) -> None:
    path = data_copy / "coverage" / "src-jpost-2021-iran-declared-war.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    without_assertions = next(i for i, e in enumerate(content["sentences"]) if "none" in e)
    dropped = content["sentences"].pop(without_assertions)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    [problem] = problems_of(data_copy)
    assert problem.record == f"sentence at {dropped['at']}"
    assert problem.message.startswith("not accounted for")


def test_quote_off_by_one_character(data_copy: Path, edit: Edit) -> None:
    captured: dict[str, Any] = {}

    def shift(content: dict[str, Any]) -> None:
        assertion = first_assertion(content)
        assertion["start"] += 1
        assertion["end"] += 1
        captured.update(assertion)

    edit(JPOST, shift)
    [problem] = problems_of(data_copy)
    assert problem.file == JPOST_FILE
    assert problem.record == f"assertion {captured['id']}"
    assert problem.field == "quote"
    assert "is not the source text at" in problem.message


def test_quote_with_one_character_changed(data_copy: Path, edit: Edit) -> None:
    def change(content: dict[str, Any]) -> None:
        assertion = first_assertion(content)
        assertion["quote"] = assertion["quote"][:-1] + "#"

    edit(JPOST, change)
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.field) == (JPOST_FILE, "quote")


def test_dangling_reference(data_copy: Path, edit: Edit) -> None:
    edit(JPOST, lambda content: first_assertion(content).update(claim="claim-nowhere"))
    problems = problems_of(data_copy)
    assert any(
        p.field == "claim" and "claim 'claim-nowhere' does not exist" in p.message for p in problems
    )


def test_dangling_speaker(data_copy: Path, edit: Edit) -> None:
    edit(JPOST, lambda content: first_assertion(content).update(by="person-nobody"))
    [problem] = problems_of(data_copy)
    assert problem.field == "by"
    assert "person or organization 'person-nobody' does not exist" in problem.message


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2020-13", "MONTH"), ("2020-03-11", "MONTH"), ("2021-02-30", "DAY"), ("2021", "DECADE")],
)
def test_bad_date(data_copy: Path, edit: Edit, date: str, precision: str) -> None:
    edit(
        JPOST,
        lambda content: first_assertion(content).update(
            asserted={"date": date, "precision": precision}
        ),
    )
    problems = problems_of(data_copy)
    assert [p.field for p in problems] == ["asserted"]
    assert problems[0].record.startswith("assertion ")


def test_unknown_enum(data_copy: Path, edit: Edit) -> None:
    edit(JPOST, lambda content: first_assertion(content).update(stance="MAYBE"))
    [problem] = problems_of(data_copy)
    assert problem.field == "stance"
    assert "'MAYBE' is not one of SUPPORTS, REFUTES, UNDECIDED" in problem.message


def test_duplicate_id(data_copy: Path, edit: Edit) -> None:
    def duplicate(content: dict[str, Any]) -> None:
        content["assertions"][1]["id"] = content["assertions"][0]["id"]

    edit(JPOST, duplicate)
    problems = problems_of(data_copy)
    assert any(p.field == "id" and "duplicate id" in p.message for p in problems)


def test_misspelt_field(data_copy: Path, edit: Edit) -> None:
    def misspell(content: dict[str, Any]) -> None:
        assertion = first_assertion(content)
        assertion["stnace"] = assertion.pop("stance")

    edit(JPOST, misspell)
    fields = {p.field for p in problems_of(data_copy)}
    assert fields == {"stnace", "stance"}


def test_unasserted_claim(data_copy: Path, edit: Edit) -> None:
    def add_claim(content: dict[str, Any]) -> None:
        content["claims"].append({"id": "claim-orphan", "text": "Nobody says this."})

    edit(JPOST, add_claim)
    [problem] = problems_of(data_copy)
    assert problem.record == "claim claim-orphan"
    assert "no assertion" in problem.message


@pytest.mark.neo4j
async def test_a_refused_folder_writes_nothing(
    empty_graph: Graph, settings: Settings, data_copy: Path, edit: Edit
) -> None:
    edit(JPOST, lambda content: first_assertion(content).update(stance="MAYBE"))
    with pytest.raises(ValidationError):
        await load_folder(empty_graph, data_copy)
    counts = await graph_counts(empty_graph)
    assert set(counts["nodes"].values()) == {0}
    assert set(counts["relationships"].values()) == {0}
