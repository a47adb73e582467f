"""Reading a data folder: sources, entities and claim files, validated as a whole.

data/sources.yaml, data/entities.yaml   shared records
data/claims/*.yaml                      one file per document (see data/README.md)
data/documents/*.txt                    the texts the sources point at
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders import validation as check
from loaders.records import Assertion, Claim, Conflict, Corpus, Source
from loaders.validation import Problems

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


@dataclass
class ClaimFile:
    """What one claims file contributes: written together, in one transaction."""

    path: str
    source: str | None
    claims: list[Claim] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class DataSet:
    corpus: Corpus
    claim_files: list[ClaimFile]


def read_data(folder: Path) -> DataSet:
    """Read and validate everything under ``folder``; raise ValidationError on any problem."""
    problems = Problems()
    if not folder.is_dir():
        problems.add(str(folder), "(folder)", "(path)", "is not a folder")
        problems.raise_if_any()
    shared = [folder / "sources.yaml", folder / "entities.yaml"]
    claim_paths = sorted((folder / "claims").glob("*.yaml"))
    raw_files = {
        path: _load_yaml(path, folder, problems)
        for path in [*shared, *claim_paths]
        if path.exists()
    }
    texts = _document_texts(folder, raw_files.values())
    corpus = Corpus()
    origin: dict[str, str] = {}
    claim_files: list[ClaimFile] = []
    for path, raw in raw_files.items():
        name = str(path.relative_to(folder.parent)) if folder.parent in path.parents else str(path)
        claim_file = _read_file(name, raw, corpus, origin, texts, problems)
        if path in claim_paths:
            claim_files.append(claim_file)
    check.cross_check(corpus, origin, problems)
    problems.raise_if_any()
    return DataSet(corpus, claim_files)


def _load_yaml(path: Path, folder: Path, problems: Problems) -> dict[str, Any]:
    name = str(path.relative_to(folder.parent))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.add(name, "(file)", "(syntax)", f"is not valid UTF-8 YAML: {error}")
        return {}
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.add(name, "(file)", "(top level)", "must be a mapping of sections")
        return {}
    for unknown in sorted(set(raw) - set(SECTIONS), key=str):
        problems.add(name, "(file)", str(unknown), f"unknown section; known: {', '.join(SECTIONS)}")
    return raw


def _document_texts(folder: Path, raw_files: Any) -> dict[str, str]:
    texts: dict[str, str] = {}
    for raw in raw_files:
        for source in raw.get("sources") or []:
            file = source.get("file") if isinstance(source, Mapping) else None
            if isinstance(file, str) and file not in texts:
                path = (folder / file).resolve()
                if folder.resolve() in path.parents and path.is_file():
                    with contextlib.suppress(UnicodeDecodeError):
                        texts[file] = path.read_text(encoding="utf-8")
    return texts


def _read_file(
    name: str,
    raw: Mapping[str, Any],
    corpus: Corpus,
    origin: dict[str, str],
    texts: Mapping[str, str],
    problems: Problems,
) -> ClaimFile:
    def section(key: str) -> list[Any]:
        value = raw.get(key) or []
        if not isinstance(value, list):
            problems.add(name, "(file)", key, "must be a list of records")
            return []
        return value

    def keep(record: Any, into: list[Any]) -> None:
        if record is not None:
            into.append(record)
            origin.setdefault(record.id, name)

    for item in section("organizations"):
        keep(check.organization(item, name, problems), corpus.organizations)
    for item in section("people"):
        keep(check.person(item, name, problems), corpus.people)
    for item in section("topics"):
        keep(check.topic(item, name, problems), corpus.topics)
    for item in section("sources"):
        keep(check.source(item, name, problems, texts), corpus.sources)
    found_in = _file_source(name, raw.get("source"), corpus.sources, problems)
    claim_file = ClaimFile(name, found_in.id if found_in else None)
    for item in section("claims"):
        keep(check.claim(item, name, problems), claim_file.claims)
    for item in section("assertions"):
        if isinstance(item, Mapping) and isinstance(item.get("claim"), str):
            corpus.claims_named_by_assertions.add(item["claim"])
        keep(check.assertion(item, name, problems, found_in), claim_file.assertions)
    for item in section("conflicts"):
        record = check.conflict(item, name, problems)
        if record is not None:
            claim_file.conflicts.append(record)
            origin[f"conflict:{record.first}:{record.second}"] = name
    corpus.claims.extend(claim_file.claims)
    corpus.assertions.extend(claim_file.assertions)
    corpus.conflicts.extend(claim_file.conflicts)
    return claim_file


def _file_source(
    name: str, source_id: Any, sources: list[Source], problems: Problems
) -> Source | None:
    if source_id is None:
        return None
    match = next((s for s in sources if s.id == source_id), None)
    if match is None:
        problems.add(name, "(file)", "source", f"source {source_id!r} is not in sources.yaml")
    return match
