"""Reading a data folder, one unit at a time, into the staging index.

data/sources.yaml, data/entities.yaml   shared records
data/claims/*.yaml                      one document's claims per file (see data/README.md)
data/claims/*.jsonl                     the same, one document per line (bulk corpora)
data/documents/...                      the texts the sources point at

Each unit (a YAML claims file, or one JSON line) is validated on its own and
staged; what needs the whole folder is checked afterwards in SQL. Only the
unit at hand and the shared sources are held in memory.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimtrace.core import validation as check
from claimtrace.core.plans import rows_of
from claimtrace.core.records import (
    AnyRecord,
    Assertion,
    Claim,
    Conflict,
    Person,
    Source,
)
from claimtrace.core.validation import Problems
from claimtrace.loaders.coverage import Quoted, check_coverage
from claimtrace.loaders.staging import StagedUnit, Staging

SECTIONS = (
    "source",
    "organizations",
    "people",
    "topics",
    "sources",
    "claims",
    "assertions",
    "conflicts",
)
SHARED_FILES = ("sources.yaml", "entities.yaml")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
AGENTS = "organization|person"


class DocumentTexts(Mapping[str, str]):
    """The texts of a folder's documents, read when asked for (never all at once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def __getitem__(self, name: str) -> str:
        path = (self.folder / name).resolve()
        if self.folder in path.parents and path.is_file():
            with contextlib.suppress(UnicodeDecodeError):
                return path.read_text(encoding="utf-8")
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@dataclass
class FolderReader:
    folder: Path
    problems: Problems
    texts: DocumentTexts
    shared_sources: dict[str, Source]
    # Where each assertion quotes its source: kept only when the folder has coverage files.
    quoted: list[Quoted] | None = None

    def display_name(self, path: Path) -> str:
        parent = self.folder.parent
        return str(path.relative_to(parent)) if parent in path.parents else str(path)


def stage_folder(folder: Path, staging: Staging, *, coverage: bool = True) -> None:
    """Read, validate and stage everything under ``folder``; ValidationError on any problem.

    When the folder has ``coverage/`` files, they are checked too (unless ``coverage``
    is False, as when drafting them)."""
    covered = folder / "coverage"
    reader = _read_folder(folder, staging, keep_quotes=coverage and covered.is_dir())
    # Coverage is about valid records: a refused assertion would show up as missing too.
    if reader.quoted is not None and not reader.problems.found:
        texts = {s.id: s.text for s in reader.shared_sources.values() if s.text is not None}
        check_coverage(covered, texts, reader.quoted, reader.problems)
    reader.problems.raise_if_any()


def quoted_spans(folder: Path) -> tuple[dict[str, str], list[Quoted]]:
    """The texts of the folder's shared sources, and where each assertion quotes its
    source (for drafting coverage files); ValidationError if the folder is invalid."""
    with Staging.create() as staging:
        reader = _read_folder(folder, staging, keep_quotes=True)
        reader.problems.raise_if_any()
    texts = {s.id: s.text for s in reader.shared_sources.values() if s.text is not None}
    return texts, reader.quoted or []


def _read_folder(folder: Path, staging: Staging, *, keep_quotes: bool) -> FolderReader:
    problems = Problems()
    if not folder.is_dir():
        problems.add(str(folder), "(folder)", "(path)", "is not a folder")
        problems.raise_if_any()
    reader = FolderReader(folder, problems, DocumentTexts(folder), {})
    if keep_quotes:
        reader.quoted = []
    for name in SHARED_FILES:
        path = folder / name
        if path.exists():
            raw = _load_yaml(path, reader)
            staging.add(
                _read_unit(reader.display_name(path), raw, reader, shared=True), shared=True
            )
    claim_paths = sorted(
        p for p in (folder / "claims").glob("*") if p.suffix in {".yaml", ".jsonl"}
    )
    for path in claim_paths:
        for label, raw in _units_of(path, reader):
            staging.add(_read_unit(label, raw, reader, shared=False))
    staging.cross_check(problems)
    return reader


def _units_of(path: Path, reader: FolderReader) -> Iterator[tuple[str, Mapping[str, Any]]]:
    name = reader.display_name(path)
    if path.suffix == ".yaml":
        yield name, _load_yaml(path, reader)
        return
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                label = f"{name}:{number}"
                yield label, _checked_sections(_parse_json(line, label, reader), label, reader)


def _parse_json(line: str, label: str, reader: FolderReader) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        reader.problems.add(label, "(line)", "(syntax)", f"is not valid JSON: {error}")
        return {}


def _load_yaml(path: Path, reader: FolderReader) -> Mapping[str, Any]:
    name = reader.display_name(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        reader.problems.add(name, "(file)", "(syntax)", f"is not valid UTF-8 YAML: {error}")
        return {}
    return _checked_sections({} if raw is None else raw, name, reader)


def _checked_sections(raw: Any, name: str, reader: FolderReader) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        reader.problems.add(name, "(file)", "(top level)", "must be a mapping of sections")
        return {}
    for unknown in sorted(set(raw) - set(SECTIONS), key=str):
        reader.problems.add(
            name, "(file)", str(unknown), f"unknown section; known: {', '.join(SECTIONS)}"
        )
    return raw


def _read_unit(
    name: str, raw: Mapping[str, Any], reader: FolderReader, *, shared: bool
) -> StagedUnit:
    problems = reader.problems
    unit = StagedUnit(name)

    def section(key: str) -> list[Any]:
        value = raw.get(key) or []
        if not isinstance(value, list):
            problems.add(name, "(file)", key, "must be a list of records")
            return []
        return value

    for item in section("organizations"):
        if (organization := check.organization(item, name, problems)) is not None:
            unit.record(organization.id, "organization")
            _stage(unit, organization)
    for item in section("people"):
        if (person := check.person(item, name, problems)) is not None:
            _stage_person(unit, person)
    for item in section("topics"):
        if (topic := check.topic(item, name, problems)) is not None:
            unit.record(topic.id, "topic")
            _stage(unit, topic)
    local_sources: dict[str, Source] = {}
    for item in section("sources"):
        if (source := check.source(item, name, problems, reader.texts)) is not None:
            _stage_source(unit, source)
            (reader.shared_sources if shared else local_sources)[source.id] = source
    found_in = _file_source(name, raw.get("source"), local_sources, reader)
    if found_in is not None:
        unit.need(found_in.id, "quoted")
    for item in section("claims"):
        if (claim := check.claim(item, name, problems)) is not None:
            _stage_claim(unit, claim)
    for item in section("assertions"):
        if isinstance(item, Mapping) and isinstance(item.get("claim"), str):
            # A refused assertion must not also make its claim look unasserted.
            unit.need(item["claim"], "asserted")
        if (assertion := check.assertion(item, name, problems, found_in)) is not None:
            _stage_assertion(unit, assertion)
            if reader.quoted is not None and assertion.start is not None:
                assert assertion.end is not None
                quoted = Quoted(assertion.id, assertion.source, assertion.start, assertion.end)
                reader.quoted.append(quoted)
    for item in section("conflicts"):
        if (conflict := check.conflict(item, name, problems)) is not None:
            _stage_conflict(unit, conflict)
    return unit


def _file_source(
    name: str, source_id: Any, local: Mapping[str, Source], reader: FolderReader
) -> Source | None:
    if source_id is None:
        return None
    match = local.get(source_id) if isinstance(source_id, str) else None
    match = match or (reader.shared_sources.get(source_id) if isinstance(source_id, str) else None)
    if match is None:
        reader.problems.add(
            name, "(file)", "source", f"source {source_id!r} is not in sources.yaml or this file"
        )
    return match


def _stage(unit: StagedUnit, record: AnyRecord) -> None:
    for planned in rows_of(record):
        unit.stage(planned.kind, planned.owner, planned.row, target=planned.target)


def _stage_person(unit: StagedUnit, person: Person) -> None:
    unit.record(person.id, "person")
    for affiliation in person.affiliations:
        unit.expect(
            f"person {person.id}", "affiliations", affiliation.organization, "organization",
            "organization",
        )  # fmt: skip
    _stage(unit, person)


def _stage_source(unit: StagedUnit, source: Source) -> None:
    label = f"source {source.id}"
    unit.record(source.id, "source")
    if source.publisher:
        unit.expect(label, "publisher", source.publisher, "organization", "organization")
    for author in source.authors:
        unit.expect(label, "authors", author, AGENTS, "person or organization")
    if source.republishes:
        unit.expect(label, "republishes", source.republishes, "source", "source")
    _stage(unit, source)


def _stage_claim(unit: StagedUnit, claim: Claim) -> None:
    unit.record(claim.id, "claim")
    unit.need(claim.id, "defined")
    for topic in claim.topics:
        unit.expect(f"claim {claim.id}", "topics", topic, "topic", "topic")
    for broader in claim.refines:
        unit.expect(f"claim {claim.id}", "refines", broader, "claim", "claim")
    _stage(unit, claim)
    unit.size += 1


def _stage_assertion(unit: StagedUnit, assertion: Assertion) -> None:
    label = f"assertion {assertion.id}"
    unit.record(assertion.id, "assertion")
    unit.expect(label, "claim", assertion.claim, "claim", "claim")
    unit.expect(label, "by", assertion.by, AGENTS, "person or organization")
    for cited in assertion.cites:
        unit.expect(label, "cites", cited, "assertion", "assertion")
    _stage(unit, assertion)
    unit.size += 1


def _stage_conflict(unit: StagedUnit, conflict: Conflict) -> None:
    label = f"conflict {conflict.first} <> {conflict.second}"
    for claim_id in (conflict.first, conflict.second):
        unit.expect(label, "claims", claim_id, "claim", "claim")
        unit.need(claim_id, "contradicted")
    unit.pairs.append((conflict.first, conflict.second))
    _stage(unit, conflict)
