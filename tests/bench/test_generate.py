"""The synthetic corpus: reproducible, of the size asked, and internally consistent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.generate import Counts, generate, main

CLAIMS = 1200
SEED = 7
PER_FILE = 25

Line = dict[str, Any]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Counts]:
    folder = tmp_path_factory.mktemp("corpus") / "data"
    return folder, generate(folder, CLAIMS, SEED, per_file=PER_FILE)


@pytest.fixture(scope="module")
def lines(corpus: tuple[Path, Counts]) -> list[Line]:
    return list(read_lines(corpus[0]))


def read_lines(folder: Path) -> Iterator[Line]:
    for path in sorted((folder / "claims").glob("*.jsonl")):
        with path.open(encoding="utf-8") as file:
            for text in file:
                yield json.loads(text)


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def shared(folder: Path) -> dict[str, Any]:
    entities = yaml.safe_load((folder / "entities.yaml").read_text(encoding="utf-8"))
    sources = yaml.safe_load((folder / "sources.yaml").read_text(encoding="utf-8"))
    return {**entities, **sources}


def test_same_seed_gives_identical_bytes(corpus: tuple[Path, Counts], tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, CLAIMS, SEED, per_file=PER_FILE)
    assert files(again) == files(corpus[0])


def test_another_seed_gives_another_corpus(corpus: tuple[Path, Counts], tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate(other, CLAIMS, SEED + 1, per_file=PER_FILE)
    first, second = files(corpus[0]), files(other)
    assert first["claims/00000.jsonl"] != second["claims/00000.jsonl"]


def test_counts_are_the_size_asked(corpus: tuple[Path, Counts], lines: list[Line]) -> None:
    counts = corpus[1]
    claims = sum(len(line["claims"]) for line in lines)
    assertions = sum(len(line["assertions"]) for line in lines)
    assert claims == counts.claims == CLAIMS
    assert assertions == counts.assertions
    assert 2.7 * CLAIMS < assertions < 3.3 * CLAIMS
    assert len(lines) == counts.documents
    assert 0.07 * assertions < counts.cites < 0.13 * assertions
    assert CLAIMS / 10 < counts.conflicts < CLAIMS / 5
    assert counts.sources == counts.documents + len(shared(corpus[0])["sources"])


def test_documents_are_sharded(corpus: tuple[Path, Counts], lines: list[Line]) -> None:
    folder = corpus[0]
    claim_files = sorted(path.name for path in (folder / "claims").iterdir())
    assert len(claim_files) == -(-len(lines) // PER_FILE) > 1
    assert claim_files[0] == "00000.jsonl"
    assert all(len(list(shard.iterdir())) <= PER_FILE for shard in (folder / "documents").iterdir())


def test_every_quote_is_its_span_of_the_text(
    corpus: tuple[Path, Counts], lines: list[Line]
) -> None:
    for line in lines:
        (source,) = line["sources"]
        text = (corpus[0] / source["file"]).read_text(encoding="utf-8")
        for assertion in line["assertions"]:
            assert text[assertion["start"] : assertion["end"]] == assertion["quote"]
    assert any(not text.isascii() for text in files(corpus[0]).values() if text)


def test_references_never_point_forward(corpus: tuple[Path, Counts], lines: list[Line]) -> None:
    known = shared(corpus[0])
    agents = {record["id"] for record in [*known["organizations"], *known["people"]]}
    topics = {record["id"] for record in known["topics"]}
    sources = {record["id"] for record in known["sources"]}
    claims: set[str] = set()
    assertions: set[str] = set()
    for line in lines:
        (source,) = line["sources"]
        assert line["source"] == source["id"]
        assert source.get("republishes", next(iter(sources))) in sources
        assert {source["publisher"], *source["authors"]} <= agents
        sources.add(source["id"])
        claims.update(claim["id"] for claim in line["claims"])
        assert all(set(claim["topics"]) <= topics for claim in line["claims"])
        for assertion in line["assertions"]:
            assert assertion["claim"] in claims
            assert assertion["by"] in agents
            assert set(assertion.get("cites", [])) <= assertions  # earlier documents only
        assertions.update(assertion["id"] for assertion in line["assertions"])
        for conflict in line.get("conflicts", []):
            assert set(conflict["claims"]) <= claims


def test_every_claim_is_asserted_in_its_own_document(lines: list[Line]) -> None:
    for line in lines:
        asserted = {assertion["claim"] for assertion in line["assertions"]}
        assert {claim["id"] for claim in line["claims"]} <= asserted


def test_ids_are_unique(lines: list[Line]) -> None:
    ids = [
        record["id"]
        for line in lines
        for section in ("sources", "claims", "assertions")
        for record in line[section]
    ]
    assert len(ids) == len(set(ids))


def test_conflicts_are_distinct_pairs_of_two_claims(lines: list[Line]) -> None:
    pairs = [frozenset(c["claims"]) for line in lines for c in line.get("conflicts", [])]
    assert all(len(pair) == 2 for pair in pairs)
    assert len(pairs) == len(set(pairs))
    kinds = {c["kind"] for line in lines for c in line.get("conflicts", [])}
    assert kinds == {"OPPOSITE", "NUMERIC", "REVISION"}


def test_records_hold_no_nulls(lines: list[Line]) -> None:
    def nulls(value: Any) -> bool:
        if isinstance(value, dict):
            return any(nulls(item) for item in value.values())
        if isinstance(value, list):
            return any(nulls(item) for item in value)
        return value is None

    assert not any(nulls(line) for line in lines)


def test_mixes_cover_the_vocabularies(lines: list[Line]) -> None:
    assertions = [assertion for line in lines for assertion in line["assertions"]]
    for field, values in {
        "mode": {"AUTHORIAL", "DIRECT_QUOTE", "PARAPHRASE", "REPORTED"},
        "stance": {"SUPPORTS", "REFUTES", "UNDECIDED"},
        "hedge": {"CERTAIN", "LIKELY", "POSSIBLE"},
    }.items():
        assert {assertion[field] for assertion in assertions} == values
    supports = sum(assertion["stance"] == "SUPPORTS" for assertion in assertions)
    assert supports > 0.8 * len(assertions)


def test_command_refuses_a_folder_in_use_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["--claims", "40", "--out", str(tmp_path)]) == 1
    (tmp_path / "notes.txt").unlink()
    assert main(["--claims", "40", "--out", str(tmp_path)]) == 0
    assert main(["--claims", "30", "--out", str(tmp_path), "--force"]) == 0
    assert "claims=30 " in capsys.readouterr().out
    assert sum(len(line["claims"]) for line in read_lines(tmp_path)) == 30
