"""Fact-checks as published, read into the records of the graph.

Three shapes are read:

- schema.org ``ClaimReview`` JSON-LD: one object, a list of them, or an ``@graph``
  (where ``itemReviewed``, ``author`` and ``publisher`` may name another node by
  ``@id``);
- a ``DataFeed`` whose ``dataFeedElement`` items hold ClaimReviews;
- the JSON of the Fact Check Tools API's ``claims:search`` (``claims[]`` with
  ``text``, ``claimant``, ``claimDate`` and ``claimReview[]``).

Each review becomes: the claim (one per text, so two fact-checkers reviewing the
same words review one claim), the fact-checker (an organization, or a person when
the review says so), the review as a source (its URL, title, date, language), the
verdict as an assertion by the fact-checker (stance read from the rating, the
rating kept verbatim: core/interchange/ratings.py) and, when the review names a
claimant, the claim as the review reports it, asserted by the claimant. No text of
these sources is held, so every quote is marked unverified and has no span.

Ids are derived from content (the claim's text, the review's URL, names), so
importing the same file twice creates nothing the second time. The raw records go
through core/validation.py like every other input; any problem refuses the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from claimtrace.core import validation as check
from claimtrace.core.interchange.ratings import Scale, stance_of
from claimtrace.core.records import AnyRecord, Source
from claimtrace.core.validation import Problems
from claimtrace.core.vocabulary import PartialDate

UNDETERMINED_LANGUAGE = "und"  # BCP 47: the language is not stated
ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T.*)?)?)?")


@dataclass(frozen=True)
class Agent:
    name: str
    is_person: bool


@dataclass(frozen=True)
class Review:
    """One review, whatever shape it was published in; ``label`` says where it was."""

    label: str
    claim_text: str
    fact_checker: Agent
    publisher: Agent | None
    rating: str
    scale: Scale | None
    published: PartialDate
    url: str | None
    title: str | None
    language: str
    claimant: Agent | None = None
    claim_date: PartialDate | None = None


@dataclass
class Imported:
    """The validated records of one file, each id once, and what a curator should know."""

    records: dict[str, AnyRecord] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def import_records(document: Any, file: str, problems: Problems) -> Imported:
    """The records ``document`` (parsed JSON) holds; problems noted in ``problems``."""
    imported = Imported()
    reviews = list(_reviews(document, file, problems))
    if not reviews and not problems.found:
        problems.add(file, "(document)", "(shape)", "holds no ClaimReview")
    importer = _Importer(file, problems, imported)
    for review in reviews:
        importer.add(review)
    return imported


# ------------------------------------------------------------------ shapes


def _reviews(document: Any, file: str, problems: Problems) -> Iterator[Review]:
    if isinstance(document, Mapping) and "claims" in document:
        yield from _api_reviews(document, file, problems)
        return
    nodes = _Nodes(document)
    if isinstance(document, Mapping) and "dataFeedElement" in document:
        candidates = _feed_items(document, file, problems)
    elif isinstance(document, Mapping) and "@graph" in document:
        candidates = [(f"@graph[{n}]", node) for n, node in enumerate(_list(document["@graph"]))]
    elif isinstance(document, list):
        candidates = [(f"[{n}]", node) for n, node in enumerate(document)]
    elif isinstance(document, Mapping) and _is_a(document, "ClaimReview"):
        candidates = [("(document)", document)]
    else:
        problems.add(
            file, "(document)", "(shape)",
            "is neither ClaimReview JSON-LD (an object, a list or an @graph), a DataFeed "
            "nor a Fact Check Tools claims:search answer",
        )  # fmt: skip
        return
    for label, node in candidates:
        if isinstance(node, Mapping) and _is_a(node, "ClaimReview"):
            review = _jsonld_review(node, nodes, _Reader(file, label, problems))
            if review is not None:
                yield review


def _feed_items(document: Mapping[str, Any], file: str, problems: Problems) -> list[Any]:
    found = []
    for n, element in enumerate(_list(document["dataFeedElement"])):
        if isinstance(element, Mapping) and _is_a(element, "ClaimReview"):
            found.append((f"dataFeedElement[{n}]", element))
        elif isinstance(element, Mapping) and "item" in element:
            for m, item in enumerate(_list(element["item"])):
                found.append((f"dataFeedElement[{n}].item[{m}]", item))
        else:
            problems.add(file, f"dataFeedElement[{n}]", "item", "holds no ClaimReview")
    return found


def _jsonld_review(node: Mapping[str, Any], nodes: _Nodes, read: _Reader) -> Review | None:
    item = nodes.resolve(node.get("itemReviewed"))
    item = item if isinstance(item, Mapping) else {}
    claim_text = read.text(node, "claimReviewed", required=False) or read.text(
        item, "text", "itemReviewed.text", required=False
    )
    if claim_text is None:
        read.fail("claimReviewed", "the claim's text is missing (claimReviewed)")
    author = read.agent(nodes.resolve(node.get("author")), "author")
    publisher = read.agent(nodes.resolve(node.get("publisher")), "publisher", required=False)
    rating = nodes.resolve(node.get("reviewRating"))
    rating = rating if isinstance(rating, Mapping) else {}
    textual = read.text(rating, "alternateName", "reviewRating.alternateName")
    published = read.date(node, "datePublished")
    if not read.ok or claim_text is None or author is None or textual is None:
        return None
    assert published is not None
    language = read.language(node.get("inLanguage"))
    claimant = read.agent(nodes.resolve(item.get("author")), "itemReviewed.author", required=False)
    return Review(
        label=read.label,
        claim_text=claim_text,
        fact_checker=author,
        publisher=publisher if publisher is not None else (None if author.is_person else author),
        rating=textual,
        scale=_scale(rating),
        published=published,
        url=read.text(node, "url", required=False),
        title=read.text(node, "headline", required=False)
        or read.text(node, "name", required=False),
        language=language,
        claimant=claimant,
        claim_date=read.date(item, "datePublished", "itemReviewed.datePublished", required=False),
    )


def _api_reviews(document: Mapping[str, Any], file: str, problems: Problems) -> Iterator[Review]:
    for n, claim in enumerate(_list(document["claims"])):
        read = _Reader(file, f"claims[{n}]", problems)
        if not isinstance(claim, Mapping):
            read.fail("(record)", "must be an object")
            continue
        text = read.text(claim, "text")
        claimant = read.text(claim, "claimant", required=False)
        claimed = _Claimed(
            text or "", Agent(claimant, False) if claimant else None,
            read.date(claim, "claimDate", required=False),
        )  # fmt: skip
        reviews = _list(claim.get("claimReview"))
        if not reviews:
            read.fail("claimReview", "no review of this claim")
        for m, raw in enumerate(reviews):
            review = _api_review(
                raw, claimed, _Reader(file, f"claims[{n}].claimReview[{m}]", problems)
            )
            if review is not None and read.ok:
                yield review


@dataclass(frozen=True)
class _Claimed:
    """What the API says of a claim, shared by its reviews."""

    text: str
    claimant: Agent | None
    date: PartialDate | None


def _api_review(raw: Any, claimed: _Claimed, read: _Reader) -> Review | None:
    if not isinstance(raw, Mapping):
        read.fail("(record)", "must be an object")
        return None
    publisher = read.agent(raw.get("publisher"), "publisher")
    rating = read.text(raw, "textualRating")
    published = read.date(raw, "reviewDate")
    if not read.ok or publisher is None or rating is None or published is None:
        return None
    return Review(
        label=read.label,
        claim_text=claimed.text,
        fact_checker=publisher,
        publisher=publisher,
        rating=rating,
        scale=None,
        published=published,
        url=read.text(raw, "url", required=False),
        title=read.text(raw, "title", required=False),
        language=read.text(raw, "languageCode", required=False) or UNDETERMINED_LANGUAGE,
        claimant=claimed.claimant,
        claim_date=claimed.date,
    )


# ------------------------------------------------------------------ values


class _Nodes:
    """The nodes of an ``@graph`` by ``@id``, to resolve references."""

    def __init__(self, document: Any) -> None:
        graph = document.get("@graph") if isinstance(document, Mapping) else None
        self.by_id = {
            node["@id"]: node
            for node in _list(graph)
            if isinstance(node, Mapping) and isinstance(node.get("@id"), str)
        }

    def resolve(self, value: Any) -> Any:
        value = _single(value)
        if isinstance(value, Mapping) and set(value) == {"@id"}:
            return self.by_id.get(value["@id"], value)
        return value


@dataclass
class _Reader:
    """Reads the fields of one review, noting problems against its place in the file."""

    file: str
    label: str
    problems: Problems
    ok: bool = True

    def fail(self, name: str, message: str) -> None:
        self.ok = False
        self.problems.add(self.file, self.label, name, message)

    def text(
        self, raw: Mapping[str, Any], key: str, name: str | None = None, *, required: bool = True
    ) -> str | None:
        value = _single(raw.get(key))
        if isinstance(value, Mapping) and "@value" in value:
            value = value["@value"]
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None or required:
            self.fail(name or key, "required text is missing or empty" if required else
                      "must be non-empty text when given")  # fmt: skip
        return None

    def date(
        self, raw: Mapping[str, Any], key: str, name: str | None = None, *, required: bool = True
    ) -> PartialDate | None:
        text = self.text(raw, key, name, required=required)
        if text is None:
            return None
        date = partial_date(text)
        if date is None:
            self.fail(name or key, f"{text!r} is not an ISO 8601 date that exists")
        return date

    def agent(self, value: Any, name: str, *, required: bool = True) -> Agent | None:
        value = _single(value)
        if value is None and not required:
            return None
        if isinstance(value, str) and value.strip():
            return Agent(value.strip(), False)
        if not isinstance(value, Mapping):
            self.fail(name, "must name who it is (an object with a name)")
            return None
        agent_name = self.text(value, "name", f"{name}.name")
        return Agent(agent_name, _is_a(value, "Person")) if agent_name else None

    def language(self, value: Any) -> str:
        value = _single(value)
        if isinstance(value, Mapping):
            value = value.get("alternateName") or value.get("name")
        return value.strip() if isinstance(value, str) and value.strip() else UNDETERMINED_LANGUAGE


def partial_date(text: str) -> PartialDate | None:
    """An ISO 8601 date as a partial date of the precision it has, kept to the day at
    most: a time of day (often a stand-in midnight, and with a zone the model cannot
    keep) is dropped rather than trusted."""
    match = ISO_DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if day is not None:
        return PartialDate.parse(f"{year}-{month}-{day}")
    if month is not None:
        return PartialDate.parse(f"{year}-{month}")
    return PartialDate.parse(year)


def _scale(rating: Mapping[str, Any]) -> Scale | None:
    values = [
        _number(_single(rating.get(key))) for key in ("ratingValue", "bestRating", "worstRating")
    ]
    value, best, worst = values
    if value is None:
        return None
    return Scale(value, 5.0 if best is None else best, 1.0 if worst is None else worst)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _single(value: Any) -> Any:
    """schema.org allows one value or a list; a list of one is that value."""
    if isinstance(value, list) and len(value) == 1:
        return value[0]
    return value


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_a(node: Mapping[str, Any], kind: str) -> bool:
    """``@type`` names ``kind`` (``ClaimReview``, ``schema:ClaimReview`` or its IRI)."""
    return any(
        isinstance(name, str) and re.split(r"[/:#]", name)[-1] == kind
        for name in _list(node.get("@type"))
    )


# ------------------------------------------------------------------ records


@dataclass
class _Importer:
    """Turns reviews into raw records and validates each (core/validation.py)."""

    file: str
    problems: Problems
    imported: Imported

    def add(self, review: Review) -> None:
        where = f"{self.file} {review.label}"
        checker = self.agent(review.fact_checker, "factcheck", where)
        publisher = None
        if review.publisher is not None and not review.publisher.is_person:
            publisher = self.agent(review.publisher, "factcheck", where)
        claim_text = " ".join(unicodedata.normalize("NFC", review.claim_text).split())
        claim_id = "claim-cr-" + _digest(claim_text)
        self.keep(check.claim({"id": claim_id, "text": claim_text}, where, self.problems), where)
        source = check.source(_source(review, checker, publisher), where, self.problems, {})
        self.keep(source, where)
        if source is None or checker is None:
            return
        reading = stance_of(review.rating, review.scale)
        if not reading.mapped:
            self.imported.warnings.append(
                f"{where}: rating {review.rating!r} is not in the mapping: recorded as UNDECIDED"
            )
        verdict = {
            "id": "asrt-cr-" + _digest(source.id, claim_id, checker),
            "claim": claim_id, "by": checker, "stance": reading.stance.value,
            "mode": "AUTHORIAL", "hedge": "CERTAIN", "quote": review.rating,
            "quote_verified": False, "rating": review.rating, "asserted": "publication",
        }  # fmt: skip
        self.keep(check.assertion(verdict, where, self.problems, source), where)
        if review.claimant is not None:
            self.add_claimant(review, claim_text, claim_id, source, where)

    def add_claimant(
        self, review: Review, claim_text: str, claim_id: str, source: Source, where: str
    ) -> None:
        """The claim as the review reports it, said by the claimant the review names."""
        assert review.claimant is not None
        speaker = self.agent(review.claimant, "claimant", where)
        if speaker is None:
            return
        claimed = {
            "id": "asrt-cr-" + _digest(source.id, claim_id, speaker, "claimant"),
            "claim": claim_id, "by": speaker, "stance": "SUPPORTS", "mode": "PARAPHRASE",
            "hedge": "CERTAIN", "quote": claim_text, "quote_verified": False,
            "asserted": _asserted(review.claim_date),
        }  # fmt: skip
        self.keep(check.assertion(claimed, where, self.problems, source), where)

    def agent(self, agent: Agent, role: str, where: str) -> str | None:
        """The id of the person or organization ``agent`` names; its record kept."""
        prefix = "person" if agent.is_person else "org"
        agent_id = f"{prefix}-{role}-{_slug(agent.name)}-{_digest(agent.name)[:8]}"
        record: AnyRecord | None
        if agent.is_person:
            record = check.person({"id": agent_id, "name": agent.name}, where, self.problems)
        else:
            kind = "PUBLISHER" if role == "factcheck" else "OTHER"
            raw = {"id": agent_id, "name": agent.name, "kind": kind}
            record = check.organization(raw, where, self.problems)
        self.keep(record, where)
        return agent_id if record is not None else None

    def keep(self, record: AnyRecord | None, where: str) -> None:
        if record is None:
            return
        key = f"{type(record).__name__}:{record.id}"
        known = self.imported.records.get(key)
        if known is not None and known != record:
            self.problems.add(
                where, f"{type(record).__name__.lower()} {record.id}", "id",
                "given twice in this file with different content",
            )  # fmt: skip
            return
        self.imported.records[key] = record


def _source(review: Review, checker: str | None, publisher: str | None) -> dict[str, Any]:
    """The review as a source: no text of it is held."""
    key = review.url or "\n".join(
        (review.fact_checker.name, " ".join(review.claim_text.split()), review.published.date)
    )
    return {
        "id": "src-cr-" + _digest(key),
        "title": review.title or review.url or f"ClaimReview by {review.fact_checker.name}",
        "url": review.url,
        "kind": "ARTICLE",
        "genre": "fact-check",
        "language": review.language,
        "published": {"date": review.published.date, "precision": review.published.precision.value},
        "publisher": publisher,
        "authors": [checker] if checker else [],
    }


def _asserted(date: PartialDate | None) -> Any:
    """The claimant's date when the review states it, else unknown (no later than it)."""
    if date is None:
        return "unknown"
    return {"date": date.date, "precision": date.precision.value}


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60].strip("-") or "agent"
