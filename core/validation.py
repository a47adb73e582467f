"""Turning raw mappings (a YAML or JSON record, a mutation's input) into validated
records: every rule a single record must meet, for the loader and the API alike.
What needs the whole folder (references, unique ids) is checked by the loader.

Nothing is written unless everything validates. Every problem names the
file, the record and the field, so a curator can go straight to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from claimtrace.core.errors import preview
from claimtrace.core.records import (
    Affiliation,
    Assertion,
    Claim,
    Conflict,
    Organization,
    Person,
    Source,
    Topic,
)
from claimtrace.core.vocabulary import (
    DATE_FORMATS,
    AssertedDate,
    Confidence,
    ConflictKind,
    DateBasis,
    Hedge,
    Mode,
    OrganizationKind,
    PartialDate,
    Precision,
    Qualifier,
    Quantity,
    SourceKind,
    Stance,
    is_date_of,
)

E = TypeVar("E", bound=StrEnum)
# A refused quote is shown what the source reads at its span, up to this much.
QUOTED_SOURCE_LENGTH = 500

MAX_ID_LENGTH = 200
# Matched against the whole value (fullmatch): `$` alone also accepts a trailing newline.
ID_PATTERN = re.compile(rf"[a-z0-9][a-z0-9._-]{{0,{MAX_ID_LENGTH - 1}}}")


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: field '{self.field}': {self.message}"


class ValidationError(Exception):
    """The input is refused as a whole; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {problem}" for problem in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s); nothing was written:\n{shown}{more}")


@dataclass
class Problems:
    found: list[Problem] = field(default_factory=list)

    def add(self, file: str, record: str, field_name: str, message: str) -> None:
        self.found.append(Problem(file, record, field_name, message))

    def raise_if_any(self) -> None:
        if self.found:
            raise ValidationError(self.found)


class Fields:
    """Reads the fields of one raw record, noting every problem instead of stopping."""

    def __init__(
        self, raw: Any, file: str, label: str, allowed: Iterable[str], problems: Problems
    ) -> None:
        self.file = file
        self.problems = problems
        self.ok = True
        self.raw: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        raw_id = self.raw.get("id")
        self.label = f"{label} {raw_id}" if isinstance(raw_id, str) else label
        if not isinstance(raw, Mapping):
            self.fail("(record)", f"expected a mapping of fields, got {type(raw).__name__}")
            return
        for unknown in sorted(set(self.raw) - set(allowed), key=str):
            self.fail(str(unknown), "unknown field")

    def fail(self, name: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.file, self.label, name, message)

    def text(self, name: str) -> str:
        value = self.raw.get(name)
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "required text is missing or empty")
            return ""
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "must be non-empty text when given")
            return None
        return value

    def record_id(self, name: str = "id") -> str:
        value = self.text(name)
        if value and not ID_PATTERN.fullmatch(value):
            self.fail(
                name, f"{preview(value)} is not a valid id (lower-case letters, digits, - . _)"
            )
        return value

    def optional_id(self, name: str) -> str | None:
        return self.record_id(name) if self.raw.get(name) is not None else None

    def ids(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, "must be a list of ids")
            return ()
        if len(set(value)) != len(value):
            self.fail(name, "lists the same id twice")
        return tuple(value)

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(name, "must be a list of texts")
            return ()
        return tuple(value)

    def integer(self, name: str) -> int:
        value = self.raw.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(name, "must be a whole number >= 0")
            return -1
        return value

    def enum(self, name: str, kind: type[E]) -> E:
        value = self.raw.get(name)
        return self.enum_value(name, value, kind)

    def optional_enum(self, name: str, kind: type[E]) -> E | None:
        value = self.raw.get(name)
        return None if value is None else self.enum_value(name, value, kind)

    def enum_value(self, name: str, value: Any, kind: type[E]) -> E:
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self.fail(name, f"{preview(value)} is not one of {allowed}")
            return next(iter(kind))

    def date(self, name: str) -> PartialDate:
        value = self.raw.get(name)
        checked = self.partial_date(name, value)
        if checked is None:
            self.fail(name, "required date is missing")
            return PartialDate("1970", Precision.YEAR)
        return checked

    def partial_date(self, name: str, value: Any) -> PartialDate | None:
        if value is None:
            return None
        if not isinstance(value, Mapping) or set(value) != {"date", "precision"}:
            self.fail(name, "must be {date: ..., precision: YEAR|MONTH|DAY|MINUTE}")
            return None
        precision = self.enum_value(name, value["precision"], Precision)
        date = str(value["date"])
        if not is_date_of(date, precision):
            shape = DATE_FORMATS[precision].replace("%", "")
            self.fail(
                name, f"{preview(date)} is not a valid {precision.value} date (expected {shape})"
            )
            return None
        return PartialDate(date, precision)


# ---------------------------------------------------------------- one record each


def organization(raw: Any, file: str, problems: Problems) -> Organization | None:
    f = Fields(raw, file, "organization", ("id", "name", "kind"), problems)
    record = Organization(f.record_id(), f.text("name"), f.enum("kind", OrganizationKind))
    return record if f.ok else None


def person(raw: Any, file: str, problems: Problems) -> Person | None:
    f = Fields(raw, file, "person", ("id", "name", "aliases", "affiliations"), problems)
    affiliations = tuple(
        a for a in (_affiliation(item, f) for item in _list(f, "affiliations")) if a is not None
    )
    record = Person(f.record_id(), f.text("name"), f.texts("aliases"), affiliations)
    return record if f.ok else None


def _affiliation(raw: Any, owner: Fields) -> Affiliation | None:
    if not isinstance(raw, Mapping) or set(raw) - {"organization", "role", "as_of"}:
        owner.fail("affiliations", "each is {organization, role, as_of}")
        return None
    organization_id = raw.get("organization")
    role = raw.get("role")
    if not isinstance(organization_id, str) or not isinstance(role, str) or not role:
        owner.fail("affiliations", "each needs an organization id and a role")
        return None
    return Affiliation(organization_id, role, owner.partial_date("affiliations", raw.get("as_of")))


def topic(raw: Any, file: str, problems: Problems) -> Topic | None:
    f = Fields(raw, file, "topic", ("id", "name"), problems)
    record = Topic(f.record_id(), f.text("name"))
    return record if f.ok else None


SOURCE_FIELDS = (
    "id", "file", "title", "url", "kind", "genre", "language", "published",
    "publisher", "authors", "republishes", "confidence", "note",
)  # fmt: skip


def source(raw: Any, file: str, problems: Problems, texts: Mapping[str, str]) -> Source | None:
    """``texts`` maps a source's ``file`` value to the document's text."""
    f = Fields(raw, file, "source", SOURCE_FIELDS, problems)
    text_file = f.optional_text("file")
    text = None
    if text_file is not None:
        text = texts.get(text_file)
        if text is None:
            f.fail("file", f"document {text_file!r} does not exist or is not UTF-8 text")
    record = Source(
        id=f.record_id(),
        title=f.text("title"),
        kind=f.enum("kind", SourceKind),
        language=f.text("language"),
        published=f.date("published"),
        url=f.optional_text("url"),
        genre=f.optional_text("genre"),
        publisher=f.optional_id("publisher"),
        authors=f.ids("authors"),
        republishes=f.optional_id("republishes"),
        confidence=f.optional_enum("confidence", Confidence),
        note=f.optional_text("note"),
        text=text,
        sha256=_sha256(text) if text is not None else None,
    )
    return record if f.ok else None


def _sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CLAIM_FIELDS = ("id", "text", "topics", "quantity", "refers_to", "refines")


def claim(raw: Any, file: str, problems: Problems) -> Claim | None:
    f = Fields(raw, file, "claim", CLAIM_FIELDS, problems)
    record = Claim(
        id=f.record_id(),
        text=f.text("text"),
        topics=f.ids("topics"),
        quantity=_quantity(f),
        refers_to=f.partial_date("refers_to", f.raw.get("refers_to")),
        refines=f.ids("refines"),
    )
    if record.id and record.id in record.refines:
        f.fail("refines", "refines itself")
    return record if f.ok else None


def _quantity(f: Fields) -> Quantity | None:
    raw = f.raw.get("quantity")
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) != {"value", "unit", "qualifier"}:
        f.fail("quantity", "must be {value, unit, qualifier}")
        return None
    value, unit = raw["value"], raw["unit"]
    if not isinstance(value, int | float) or isinstance(value, bool):
        f.fail("quantity", f"value {preview(value)} is not a number")
        return None
    if not isinstance(unit, str) or not unit.strip():
        f.fail("quantity", "unit is missing")
        return None
    return Quantity(float(value), unit, f.enum_value("quantity", raw["qualifier"], Qualifier))


ASSERTION_FIELDS = (
    "id", "claim", "by", "stance", "mode", "hedge", "quote", "start", "end",
    "quote_verified", "asserted", "cites", "note", "rating",
)  # fmt: skip


@dataclass(frozen=True)
class QuotedSource:
    """What checking an assertion needs of the source it quotes."""

    id: str
    text: str | None
    published: PartialDate
    authors: tuple[str, ...] = ()


PUBLICATION = "publication"  # `asserted: publication`: said when the source was published
UNKNOWN = "unknown"  # `asserted: unknown`: no later than the source's publication


def asserted_date(f: Fields, speaker: str, found_in: Source | QuotedSource | None) -> AssertedDate:
    """An assertion's date and its basis. A stated date must not be later than the
    source; the publication date belongs to its authors only; without either, the
    date is unknown, bounded by the publication. Nothing else is ever assumed."""
    raw = f.raw.get("asserted")
    published = found_in.published if found_in else PartialDate("1970", Precision.YEAR)
    is_author = found_in is not None and speaker in found_in.authors
    if raw is None:
        raw = PUBLICATION if is_author else UNKNOWN
    if raw == UNKNOWN:
        return AssertedDate.unknown(published)
    if raw == PUBLICATION:
        if not is_author:
            f.fail(
                "asserted",
                f"{speaker} is not an author of the source: its publication date is not when "
                "they said it (give the date the text states, or unknown)",
            )
        return AssertedDate.known(DateBasis.PUBLICATION, published)
    if isinstance(raw, str):
        f.fail(
            "asserted", f"must be {{date, precision}}, {PUBLICATION} or {UNKNOWN}; got {raw[:40]!r}"
        )
        return AssertedDate.unknown(published)
    stated = f.partial_date("asserted", raw)
    if stated is None:
        return AssertedDate.unknown(published)
    if stated.earliest > published.latest:
        f.fail("asserted", f"{stated.date} is after the source's publication ({published.date})")
    return AssertedDate.known(DateBasis.STATED, stated)


def assertion(
    raw: Any, file: str, problems: Problems, found_in: Source | QuotedSource | None
) -> Assertion | None:
    f = Fields(raw, file, "assertion", ASSERTION_FIELDS, problems)
    speaker = f.record_id("by")
    if found_in is None:
        f.fail("(file)", "assertions need the file's `source` to name a known source")
    verified = _quote_verified(f)
    record = Assertion(
        id=f.record_id(),
        claim=f.record_id("claim"),
        by=speaker,
        source=found_in.id if found_in else "",
        stance=f.enum("stance", Stance),
        mode=f.enum("mode", Mode),
        hedge=f.enum("hedge", Hedge),
        quote=f.text("quote"),
        start=f.integer("start") if verified else None,
        end=f.integer("end") if verified else None,
        asserted=asserted_date(f, speaker, found_in),
        cites=f.ids("cites"),
        note=f.optional_text("note"),
        rating=f.optional_text("rating"),
    )
    if record.id and record.id in record.cites:
        f.fail("cites", "cites itself")
    if f.ok and found_in is not None:
        if verified:
            _check_quote(record, found_in, f)
        elif found_in.text is not None:
            f.fail(
                "quote_verified",
                f"source {found_in.id} holds its text: the quote must be checked against it "
                "(give start and end)",
            )
    return record if f.ok else None


def _quote_verified(f: Fields) -> bool:
    """``quote_verified: false`` says no held text can check the quote: then no span."""
    value = f.raw.get("quote_verified", True)
    if not isinstance(value, bool):
        f.fail("quote_verified", "must be true or false")
        return True
    if not value:
        for name in ("start", "end"):
            if f.raw.get(name) is not None:
                f.fail(name, "an unverified quote has no span")
    return value


def _check_quote(record: Assertion, found_in: Source | QuotedSource, f: Fields) -> None:
    text = found_in.text
    if text is None:
        f.fail(
            "quote",
            f"source {found_in.id} has no text to quote from (without it, mark the quote "
            "quote_verified: false and give no span)",
        )
        return
    assert record.start is not None
    assert record.end is not None
    if not record.start < record.end <= len(text):
        f.fail(
            "end", f"span [{record.start}:{record.end}] is outside the text (length {len(text)})"
        )
        return
    actual = text[record.start : record.end]
    if actual != record.quote:
        f.fail(
            "quote",
            f"is not the source text at [{record.start}:{record.end}], which reads "
            f"{preview(actual, QUOTED_SOURCE_LENGTH)}",
        )


def conflict(raw: Any, file: str, problems: Problems) -> Conflict | None:
    f = Fields(raw, file, "conflict", ("claims", "kind", "note"), problems)
    pair = f.ids("claims")
    if len(pair) != 2:
        f.fail("claims", "must name exactly two different claims")
        pair = ("", "")
    first, second = sorted(pair)
    f.label = f"conflict {first} <> {second}"
    record = Conflict(first, second, f.enum("kind", ConflictKind), f.text("note"))
    return record if f.ok else None


def _list(f: Fields, name: str) -> list[Any]:
    value = f.raw.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list):
        f.fail(name, "must be a list")
        return []
    return value
