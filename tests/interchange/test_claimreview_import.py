"""Reading published fact-checks: every documented shape, and broken files refused with a
problem naming the record (hand-written files in fixtures/)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, TypeVar

import pytest

from claimtrace.core.interchange import claimreview
from claimtrace.core.interchange.claimreview_import import Imported, import_records, partial_date
from claimtrace.core.interchange.ratings import Scale, stance_of
from claimtrace.core.records import Assertion, Claim, Organization, Person, Source
from claimtrace.core.validation import Problem, Problems
from claimtrace.core.vocabulary import DateBasis, PartialDate, Precision, Stance
from tests.interchange.records import PROVENANCE

FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T")


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def imported(document: Any, file: str = "f.json") -> Imported:
    problems = Problems()
    result = import_records(document, file, problems)
    assert problems.found == []
    return result


def refused(document: Any) -> list[Problem]:
    problems = Problems()
    import_records(document, "broken.json", problems)
    assert problems.found
    return problems.found


def of_kind(result: Imported, kind: type[T]) -> list[T]:
    return [r for r in result.records.values() if isinstance(r, kind)]


def test_two_fact_checkers_reviewing_the_same_words_review_one_claim() -> None:
    result = imported(load("two_reviews.jsonld"))
    [claim] = of_kind(result, Claim)
    assert claim.text == "All US troops have left Iraq."  # spacing as published is evened out
    verdicts = [a for a in of_kind(result, Assertion) if a.rating is not None]
    assert {(a.rating, a.stance) for a in verdicts} == {
        ("False", Stance.REFUTES), ("Pants on Fire!", Stance.REFUTES),
    }  # fmt: skip
    assert {a.claim for a in of_kind(result, Assertion)} == {claim.id}
    for verdict in verdicts:
        assert (verdict.quote, verdict.start, verdict.end) == (verdict.rating, None, None)
        assert not verdict.quote_verified
        assert verdict.asserted.basis is DateBasis.PUBLICATION
    dates = {s.url: s.published for s in of_kind(result, Source)}
    assert dates["https://verify.example.com/fact-check/troops-iraq"] == PartialDate(
        "2024-02-22",
        Precision.DAY,  # the time of day and zone are not kept
    )
    assert all(s.text is None for s in of_kind(result, Source))


def test_the_claimant_says_the_claim_as_each_review_reports_it() -> None:
    result = imported(load("two_reviews.jsonld"))
    [poster] = of_kind(result, Person)
    claimed = [a for a in of_kind(result, Assertion) if a.by == poster.id]
    assert len(claimed) == 2  # one per review that reports it
    for assertion in claimed:
        assert (assertion.stance, assertion.rating) == (Stance.SUPPORTS, None)
        assert assertion.asserted.basis is DateBasis.STATED
        assert assertion.asserted.date == PartialDate("2024-02-18", Precision.DAY)


def test_every_shape_gives_the_same_records_for_the_same_review() -> None:
    jsonld, feed, api = (
        imported(load(name)) for name in ("two_reviews.jsonld", "feed.json", "factcheck_api.json")
    )
    first_review = "https://checks.example.org/2024/02/us-troops-leaving-iraq"
    for result in (jsonld, feed, api):
        [source] = [s for s in of_kind(result, Source) if s.url == first_review]
        [verdict] = [a for a in of_kind(result, Assertion) if a.source == source.id and a.rating]
        assert (source.title, verdict.stance) == (
            "No, all US troops have not left Iraq",
            Stance.REFUTES,
        )
    ids = [
        {r.id for r in of_kind(result, Assertion) if r.rating == "False"}
        for result in (jsonld, feed, api)
    ]
    assert ids[0] == ids[1] == ids[2]
    [spanish] = [a for a in of_kind(api, Assertion) if a.rating == "Falso"]
    assert spanish.stance is Stance.REFUTES
    assert {s.language for s in of_kind(api, Source)} == {"en", "es"}


def test_a_feed_reads_items_given_as_a_list_or_alone_and_ratings_by_their_first_sentence() -> None:
    result = imported(load("feed.json"))
    assert len(of_kind(result, Claim)) == 2
    [accurate] = [
        a for a in of_kind(result, Assertion) if a.rating and a.rating.startswith("Accurate")
    ]
    assert accurate.stance is Stance.SUPPORTS


def test_a_single_review_with_an_organization_as_claimant_and_a_month() -> None:
    result = imported(load("single_review.jsonld"))
    [source] = of_kind(result, Source)
    assert source.published == PartialDate("2024-03", Precision.MONTH)
    kinds = {o.name: o.kind.value for o in of_kind(result, Organization)}
    assert kinds == {"Example Checks": "PUBLISHER", "Example Ministry": "OTHER"}
    claimed = [a for a in of_kind(result, Assertion) if a.rating is None]
    assert [a.asserted.basis for a in claimed] == [DateBasis.BOUNDED]  # no date given


def test_importing_the_same_document_gives_the_same_records() -> None:
    document = load("two_reviews.jsonld")
    assert imported(document).records == imported(copy.deepcopy(document)).records


def test_an_exported_claim_reads_back_as_the_same_verdict() -> None:
    result = imported(claimreview.claim_document(PROVENANCE))
    [verdict] = [a for a in of_kind(result, Assertion) if a.rating is not None]
    assert (verdict.rating, verdict.stance) == ("Mostly True", Stance.SUPPORTS)
    [claim] = of_kind(result, Claim)
    assert claim.text == PROVENANCE.claim.text
    [ada] = of_kind(result, Person)  # the claimant, as the exported claim's author
    assert ada.name == "Ada Reporter"


def without(document: dict[str, Any], *path: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    holder: Any = broken
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    return broken


def changed(document: dict[str, Any], value: Any, *path: Any) -> dict[str, Any]:
    broken = copy.deepcopy(document)
    holder: Any = broken
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return broken


TWO = load("two_reviews.jsonld")
API = load("factcheck_api.json")
BROKEN = [
    (
        "no rating",
        without(TWO, "@graph", 1, "reviewRating", "alternateName"),
        "@graph[1]",
        "reviewRating.alternateName",
    ),
    ("no claim text", without(TWO, "@graph", 0, "claimReviewed"), "@graph[0]", "claimReviewed"),
    ("no fact-checker", without(TWO, "@graph", 0, "author"), "@graph[0]", "author"),
    (
        "a date that does not exist",
        changed(TWO, "2024-02-30", "@graph", 1, "datePublished"),
        "@graph[1]",
        "datePublished",
    ),
    ("no review date", without(TWO, "@graph", 0, "datePublished"), "@graph[0]", "datePublished"),
    (
        "claimed after the review",
        changed(TWO, "2024-03-01", "@graph", 0, "itemReviewed", "datePublished"),
        "@graph[0]",
        "asserted",
    ),
    ("api: no text", without(API, "claims", 0, "text"), "claims[0]", "text"),
    (
        "api: no rating",
        without(API, "claims", 0, "claimReview", 1, "textualRating"),
        "claims[0].claimReview[1]",
        "textualRating",
    ),
    (
        "api: review not an object",
        changed(API, "False", "claims", 0, "claimReview", 0),
        "claims[0].claimReview[0]",
        "(record)",
    ),
    (
        "not a fact-check",
        {"@context": "https://schema.org", "@type": "NewsArticle"},
        "(document)",
        "(shape)",
    ),
    (
        "a graph without reviews",
        {"@graph": [{"@type": "Claim", "text": "x"}]},
        "(document)",
        "(shape)",
    ),
]


@pytest.mark.parametrize(
    ("document", "record", "field"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN]
)
def test_a_broken_record_is_refused_by_name(document: Any, record: str, field: str) -> None:
    problems = refused(document)
    assert any(record in f"{p.file} {p.record}" and p.field == field for p in problems), problems


def test_partial_dates_keep_the_precision_they_have_and_at_most_the_day() -> None:
    assert partial_date("2024") == PartialDate("2024", Precision.YEAR)
    assert partial_date("2024-02") == PartialDate("2024-02", Precision.MONTH)
    assert partial_date("2024-02-20T23:30:00-05:00") == PartialDate("2024-02-20", Precision.DAY)
    assert partial_date("20 February 2024") is None
    assert partial_date("2024-13") is None


@pytest.mark.parametrize(
    ("rating", "scale", "stance", "mapped"),
    [
        ("False", None, Stance.REFUTES, True),
        ("  PANTS ON FIRE! ", None, Stance.REFUTES, True),
        ("Half-True", None, Stance.UNDECIDED, True),
        ("Mostly true", None, Stance.SUPPORTS, True),
        ("False. The photo was taken in 2015.", None, Stance.REFUTES, True),
        ("Verdict pending review", Scale(1.0), Stance.REFUTES, True),
        ("Verdict pending review", Scale(5.0), Stance.SUPPORTS, True),
        ("Verdict pending review", Scale(3.0), Stance.UNDECIDED, True),
        ("Verdict pending review", None, Stance.UNDECIDED, False),
    ],
)
def test_ratings_map_to_stances(
    rating: str, scale: Scale | None, stance: Stance, mapped: bool
) -> None:
    reading = stance_of(rating, scale)
    assert (reading.stance, reading.mapped) == (stance, mapped)


def test_an_unmapped_rating_is_undecided_and_warned_about() -> None:
    document = changed(
        TWO, {"@type": "Rating", "alternateName": "Curious"}, "@graph", 1, "reviewRating"
    )
    result = imported(document)
    [verdict] = [a for a in of_kind(result, Assertion) if a.rating == "Curious"]
    assert verdict.stance is Stance.UNDECIDED
    assert len(result.warnings) == 1
    assert "'Curious' is not in the mapping" in result.warnings[0]
