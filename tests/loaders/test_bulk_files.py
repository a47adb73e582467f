"""The import files of the bulk path, written without a database."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from claimtrace.core.validation import ValidationError
from claimtrace.loaders.bulk import ARGUMENTS_FILE
from claimtrace.loaders.bulk_load import write_bulk_files
from claimtrace.loaders.cli import main
from claimtrace.loaders.local_neo4j import NotLocal, instance_for
from tests.conftest import SEED_DATA
from tests.loaders.conftest import Edit
from tests.support.seed import records_in_files


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_every_record_goes_to_its_file_with_typed_columns(tmp_path: Path) -> None:
    assert main(["bulk-files", str(SEED_DATA), str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    files = records_in_files(SEED_DATA)
    assertions = rows_of(out / "Assertion.csv")
    assert assertions[0][:7] == [
        "id:ID(Assertion)", "stance", "mode", "hedge", "quote", "start:long", "end:long",
    ]  # fmt: skip
    assert "recordedAt:datetime" in assertions[0]
    assert len(assertions) - 1 == len(files["assertions"])
    made = rows_of(out / "made_by_person.csv")[1:] + rows_of(out / "made_by_organization.csv")[1:]
    assert len(made) == len(files["assertions"])
    arguments = (out / ARGUMENTS_FILE).read_text(encoding="utf-8").splitlines()
    named = {argument.rpartition("=")[2] for argument in arguments if "=" in argument}
    assert {str(path) for path in out.glob("*.csv")} <= named
    assert "--id-type=string" in arguments


def test_a_refused_folder_writes_no_file(tmp_path: Path, data_copy: Path, edit: Edit) -> None:
    edit("sources.yaml", lambda content: content["sources"][0].pop("title"))
    with pytest.raises(ValidationError):
        write_bulk_files(data_copy, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_server_that_is_no_local_instance_is_not_bulk_loaded() -> None:
    with pytest.raises(NotLocal, match="not one of this checkout's local Neo4j instances"):
        instance_for("neo4j+s://example.databases.neo4j.io")
