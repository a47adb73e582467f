"""A claim as schema.org Claim JSON-LD with its verdicts as ClaimReviews, read back by rdflib."""

from __future__ import annotations

import json

import rdflib

from claimtrace.core.interchange import claimreview
from tests.interchange import sparql
from tests.interchange.records import COPY, PROVENANCE, REVIEW

# schema.org's context maps every term into its vocabulary; rdflib gets it inline.
SCHEMA_TERMS = {"@vocab": "https://schema.org/"}


def test_the_claim_has_its_appearances_first_appearance_author_and_date() -> None:
    document = claimreview.claim_document(PROVENANCE)
    assert document["@context"] == "https://schema.org"
    claim = document["@graph"][0]
    assert claim["@type"] == "Claim"
    assert claim["text"] == PROVENANCE.claim.text
    assert [work["@id"] for work in claim["appearance"]] == [
        "urn:claimtrace:source:src-herald", "urn:claimtrace:source:src-review",
    ]  # fmt: skip
    assert claim["firstAppearance"] == {"@id": "urn:claimtrace:source:src-herald"}
    assert claim["author"]["name"] == "Ada Reporter"
    assert claim["datePublished"] == "2020-03"  # a month: no day is made up
    herald = claim["appearance"][0]
    assert herald["url"] == COPY.url
    assert herald["isBasedOn"]["headline"] == "Base hit, officials say"  # the original


def test_a_verdict_is_a_claim_review_with_its_rating_verbatim() -> None:
    [review] = claimreview.claim_document(PROVENANCE)["@graph"][1:]
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly True"}
    assert review["itemReviewed"] == {"@id": "urn:claimtrace:claim:claim-base-hit-twice"}
    assert (review["url"], review["datePublished"]) == (REVIEW.url, "2020-04-02")
    assert review["author"]["name"] == "Example Checks"


def test_rdflib_reads_the_claim_and_its_review() -> None:
    document = claimreview.claim_document(PROVENANCE) | {"@context": SCHEMA_TERMS}
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    rows = sparql.rows(
        graph,
        """PREFIX schema: <https://schema.org/>
        SELECT ?text ?rating ?first WHERE {
          ?review a schema:ClaimReview ; schema:itemReviewed ?claim ;
                  schema:reviewRating/schema:alternateName ?rating .
          ?claim a schema:Claim ; schema:text ?text ; schema:firstAppearance ?first }""",
    )
    assert [(t, r, str(f)) for t, r, f in rows] == [
        (PROVENANCE.claim.text, "Mostly True", "urn:claimtrace:source:src-herald")
    ]
