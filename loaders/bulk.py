"""Import files for ``neo4j-admin database import full``, written from the staging index.

The bulk path of a first load writes the same rows the transactional loader
sends to Cypher (core/plans.py, already validated and staged) as CSV files, one
per node label and relationship type, with typed headers. What the Cypher
statements derive is derived here too: ``contentHash`` and ``recordedAt`` on
nodes and conflicts, a claim's ``firstAsserted``, and the speaker or author of a
link found among people before organizations. The one value CSV cannot say, an
empty list, is left to ``FINISH_BULK_IMPORT`` after the import.

Ids are unique per label only (a person and an organization may share one), so
each label is its own id space, and a link whose end is a person or an
organization goes to one of two files.
"""

from __future__ import annotations

import csv
import datetime as dt
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from claimtrace.core.plans import Row
from claimtrace.loaders.staging import Staging

ARRAY_DELIMITER = "\x1f"  # the unit separator: never in validated text
# Property types other than string; every property not named here is a string.
TYPES = {
    "aliases": "string[]",
    "quantityValue": "double",
    "start": "long",
    "end": "long",
    "position": "long",
    "quoteVerified": "boolean",
    "recordedAt": "datetime",
}
NODE_PROPERTIES = {
    "Organization": ("name", "kind"),
    "Person": ("name", "aliases"),
    "Topic": ("name",),
    "Source": (
        "title", "url", "kind", "genre", "language", "published", "publishedPrecision",
        "publishedNotBefore", "publishedNotAfter", "confidence", "note", "text", "sha256",
    ),
    "Claim": (
        "text", "quantityValue", "quantityUnit", "quantityQualifier", "refersTo",
        "refersToPrecision",
    ),
    "Assertion": (
        "stance", "mode", "hedge", "quote", "start", "end", "asserted", "assertedPrecision",
        "assertedBasis", "assertedNotBefore", "assertedNotAfter", "note", "quoteVerified",
        "rating",
    ),
}  # fmt: skip
NODE_KINDS = {
    "organizations": "Organization",
    "people": "Person",
    "topics": "Topic",
    "sources": "Source",
    "claims": "Claim",
    "assertions": "Assertion",
}
RECORD_COLUMNS = ("contentHash", "recordedAt")


class BulkImportError(Exception):
    """A staged value the import files cannot carry as the Cypher load would store it."""


@dataclass(frozen=True)
class ImportFiles:
    """The files written and the admin tool's arguments that name them."""

    folder: Path
    arguments: list[str]
    counts: dict[str, int] = field(default_factory=dict)


def header(start: str, end: str, properties: tuple[str, ...]) -> list[str]:
    return [f":START_ID({start})", f":END_ID({end})", *(_typed(p) for p in properties)]


def _typed(name: str) -> str:
    kind = TYPES.get(name)
    return f"{name}:{kind}" if kind else name


# Relationship files: (file name, type, start id space, end id space, properties).
LINKS = (
    ("made_by_person", "MADE", "Person", "Assertion", ()),
    ("made_by_organization", "MADE", "Organization", "Assertion", ()),
    ("about", "ABOUT", "Assertion", "Claim", ()),
    ("found_in", "FOUND_IN", "Assertion", "Source", ()),
    ("cites", "CITES", "Assertion", "Assertion", ()),
    ("contradicts", "CONTRADICTS", "Claim", "Claim", ("kind", "note", *RECORD_COLUMNS)),
    ("affiliated_with", "AFFILIATED_WITH", "Person", "Organization",
     ("role", "asOf", "asOfPrecision")),
    ("published_by", "PUBLISHED_BY", "Source", "Organization", ()),
    ("written_by_person", "WRITTEN_BY", "Source", "Person", ("position",)),
    ("written_by_organization", "WRITTEN_BY", "Source", "Organization", ("position",)),
    ("republishes", "REPUBLISHES", "Source", "Source", ()),
    ("about_topic", "ABOUT_TOPIC", "Claim", "Topic", ()),
    ("refines", "REFINES", "Claim", "Claim", ()),
)  # fmt: skip


class Writers:
    """One open CSV writer per output file, each file starting with its header."""

    def __init__(self, folder: Path, stack: ExitStack) -> None:
        self.folder = folder
        self.stack = stack
        self.files: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        self.arguments: list[str] = []

    def open(self, name: str, columns: list[str], argument: str) -> None:
        path = self.folder / f"{name}.csv"
        handle: TextIO = self.stack.enter_context(path.open("w", encoding="utf-8", newline=""))
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        self.files[name] = writer
        self.counts[name] = 0
        self.arguments.append(f"{argument}={path}")

    def write(self, name: str, values: list[Any]) -> None:
        if "" in values:
            raise BulkImportError(f"{name}: an empty text cannot be told from a missing one")
        self.files[name].writerow(values)
        self.counts[name] += 1


def write_import_files(staging: Staging, folder: Path, recorded_at: dt.datetime) -> ImportFiles:
    """Write every staged row into ``folder``; the staging must have passed its checks."""
    folder = folder.resolve()  # the arguments name the files wherever the tool runs
    folder.mkdir(parents=True, exist_ok=True)
    people = staging.ids_of("person")
    with ExitStack() as stack:
        writers = Writers(folder, stack)
        for label, properties in NODE_PROPERTIES.items():
            columns = [f"id:ID({label})", *(_typed(p) for p in properties)]
            columns += [_typed(c) for c in RECORD_COLUMNS]
            extra = ["firstAsserted"] if label == "Claim" else []
            writers.open(label, columns + extra, f"--nodes={label}")
        for name, kind, start, end, properties in LINKS:
            writers.open(name, header(start, end, properties), f"--relationships={kind}")
        rows = RowWriter(writers, people, recorded_at.isoformat())
        for kind, row in staging.rows(claims=False):
            rows.write(kind, row)
        for kind, row in staging.rows(claims=True):  # after their assertions
            rows.write(kind, row)
        return ImportFiles(folder, writers.arguments, dict(writers.counts))


@dataclass
class RowWriter:
    """Turns one staged row into its node line and link lines."""

    writers: Writers
    people: set[str]
    recorded_at: str
    first_asserted: dict[str, str] = field(default_factory=dict)
    seen_affiliations: set[tuple[str, str, str]] = field(default_factory=set)

    def write(self, kind: str, row: Row) -> None:
        label = NODE_KINDS.get(kind)
        if label is not None:
            self.node(label, row)
            if label == "Assertion":
                self.assertion_links(row)
        else:
            getattr(self, kind)(row)

    def node(self, label: str, row: Row) -> None:
        props = row["props"]
        properties = NODE_PROPERTIES[label]
        if not props.keys() <= set(properties):
            unknown = sorted(props.keys() - set(properties))
            raise BulkImportError(f"{label} {row['id']}: no import column for {unknown}")
        values = [row["id"], *(_value(props.get(p)) for p in properties)]
        values += [row["hash"], self.recorded_at]
        if label == "Claim":
            values.append(self.first_asserted.get(row["id"]))
        self.writers.write(label, values)

    def assertion_links(self, row: Row) -> None:
        assertion, claim = row["id"], row["claim"]
        by = "made_by_person" if row["by"] in self.people else "made_by_organization"
        self.writers.write(by, [row["by"], assertion])
        self.writers.write("about", [assertion, claim])
        self.writers.write("found_in", [assertion, row["source"]])
        not_after = row["props"]["assertedNotAfter"]
        known = self.first_asserted.get(claim)
        if known is None or not_after < known:
            self.first_asserted[claim] = not_after

    def cites(self, row: Row) -> None:
        self.writers.write("cites", [row["from"], row["to"]])

    def conflicts(self, row: Row) -> None:
        props = row["props"]
        values = [row["first"], row["second"], props["kind"], props["note"]]
        self.writers.write("contradicts", [*values, row["hash"], self.recorded_at])

    def affiliations(self, row: Row) -> None:
        key = (row["person"], row["organization"], row["role"])
        if key not in self.seen_affiliations:  # one link per role, as MERGE keeps it
            self.seen_affiliations.add(key)
            self.writers.write("affiliated_with", [*key, row["asOf"], row["asOfPrecision"]])

    def published_by(self, row: Row) -> None:
        self.writers.write("published_by", [row["source"], row["organization"]])

    def written_by(self, row: Row) -> None:
        agent = row["agent"]
        name = "written_by_person" if agent in self.people else "written_by_organization"
        self.writers.write(name, [row["source"], agent, row["position"]])

    def republishes(self, row: Row) -> None:
        self.writers.write("republishes", [row["source"], row["original"]])

    def claim_topics(self, row: Row) -> None:
        self.writers.write("about_topic", [row["claim"], row["topic"]])

    def refines(self, row: Row) -> None:
        self.writers.write("refines", [row["claim"], row["broader"]])


def _value(value: Any) -> Any:
    """A property as its CSV field: lists joined, booleans spelled as Neo4j reads them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(ARRAY_DELIMITER in item for item in value):
            raise BulkImportError("a list item holds the array delimiter (U+001F)")
        return ARRAY_DELIMITER.join(value) if value else None
    return value


ARGUMENTS_FILE = "neo4j-admin-import.args"


def admin_arguments(files: ImportFiles) -> list[str]:
    """The arguments of ``neo4j-admin database import full <database>`` after the name."""
    return [
        "--id-type=string",
        "--array-delimiter=U+001F",
        "--multiline-fields=true",
        "--strict=true",
        *files.arguments,
    ]


def write_arguments_file(files: ImportFiles) -> Path:
    """The admin tool's arguments, one a line, beside the files they name."""
    path = files.folder / ARGUMENTS_FILE
    path.write_text("\n".join(admin_arguments(files)) + "\n", encoding="utf-8")
    return path
