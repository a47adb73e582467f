"""Quotes as W3C Web Annotations: both selectors, both offset units, the text's hash,
the text-fragment link; and rdflib reads the JSON-LD with the annotation vocabulary."""

from __future__ import annotations

import copy
import json
from typing import Any

import rdflib

from claimtrace.core.interchange import web_annotations as wa
from tests.interchange import sparql
from tests.interchange.records import COPY, END, PROVENANCE, QUOTE, SHA, START, TEXT, TEXTS

# The terms of the W3C context (http://www.w3.org/ns/anno.jsonld) these annotations
# use, as it defines them, so that rdflib can read them without the network.
ANNO_TERMS = {
    "oa": "http://www.w3.org/ns/oa#",
    "as": "https://www.w3.org/ns/activitystreams#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "type": "@type",
    "id": "@id",
    "Annotation": "oa:Annotation",
    "AnnotationCollection": "as:OrderedCollection",
    "AnnotationPage": "as:OrderedCollectionPage",
    "SpecificResource": "oa:SpecificResource",
    "TextualBody": "oa:TextualBody",
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
    "body": {"@type": "@id", "@id": "oa:hasBody"},
    "target": {"@type": "@id", "@id": "oa:hasTarget"},
    "source": {"@type": "@id", "@id": "oa:hasSource"},
    "selector": {"@type": "@id", "@id": "oa:hasSelector"},
    "motivation": {"@type": "@vocab", "@id": "oa:motivatedBy"},
    "purpose": {"@type": "@vocab", "@id": "oa:hasPurpose"},
    "describing": "oa:describing",
    "tagging": "oa:tagging",
    "value": "rdf:value",
    "exact": "oa:exact",
    "prefix": "oa:prefix",
    "suffix": "oa:suffix",
    "start": {"@id": "oa:start", "@type": "xsd:nonNegativeInteger"},
    "end": {"@id": "oa:end", "@type": "xsd:nonNegativeInteger"},
    "created": {"@id": "dcterms:created", "@type": "xsd:dateTime"},
    "label": "rdfs:label",
    "total": {"@id": "as:totalItems", "@type": "xsd:nonNegativeInteger"},
    "first": {"@type": "@id", "@id": "as:first"},
    "startIndex": {"@id": "as:startIndex", "@type": "xsd:nonNegativeInteger"},
    "items": {"@id": "as:items", "@type": "@id", "@container": "@list"},
}


def collection() -> dict[str, Any]:
    return wa.annotation_collection(
        PROVENANCE, TEXTS, "https://api.example.org/claims/x/annotations"
    )


def items() -> dict[str, dict[str, Any]]:
    return {item["id"].rsplit(":", 1)[-1]: item for item in collection()["first"]["items"]}


def test_a_held_text_gives_both_selectors_its_hash_and_a_text_fragment_link() -> None:
    assert START < 32
    target = items()["asrt-stated"]["target"]
    quote, position = target["selector"]
    assert (
        quote
        == {
            "type": "TextQuoteSelector",
            "exact": QUOTE,
            "prefix": TEXT[:START],  # fewer than 32 characters precede it
            "suffix": TEXT[END : END + 32],
        }
    )
    assert (position["start"], position["end"], position["ct:unit"]) == (
        START, END, "unicode-code-point",
    )  # fmt: skip
    # One character before the quote lies beyond U+FFFF: UTF-16 counts it twice.
    assert (position["ct:utf16Start"], position["ct:utf16End"]) == (START + 1, END + 1)
    assert TEXT.encode("utf-16-le")[2 * (START + 1) : 2 * (END + 1)].decode("utf-16-le") == QUOTE
    assert target["ct:textSha256"] == SHA
    assert target["source"] == COPY.url
    assert target["ct:textFragmentLink"] == (
        "https://news.example.org/base-hit#:~:text=The%20base%20was%20hit%20twice%2C%20officials%20said."
    )


def test_an_unverified_quote_has_only_its_words() -> None:
    verdict = items()["asrt-verdict"]
    assert verdict["ct:quoteVerified"] is False
    assert verdict["target"]["selector"] == {"type": "TextQuoteSelector", "exact": "Mostly True"}
    assert "ct:textFragmentLink" not in verdict["target"]


def test_a_quote_found_more_than_once_is_linked_with_the_words_around_it() -> None:
    again = "the base was hit twice"
    start = TEXT.index(again, TEXT.index("Later"))
    fragment = wa.text_fragment(TEXT, start, start + len(again))
    assert fragment == (
        "#:~:text=twice%2C%20officials%20said.%20Later-,"
        "the%20base%20was%20hit%20twice,-again%2C%20as%20the%20base"
    )


def test_a_long_quote_is_linked_by_its_first_and_last_words_with_dashes_encoded() -> None:
    text = "Intro. " + " ".join(f"word{n}" for n in range(30)) + " well-known end. Outro."
    start, end = text.index("word0"), text.index(" Outro")
    assert wa.text_fragment(text, start, end) == (
        "#:~:text=word0%20word1%20word2%20word3,word28%20word29%20well%2Dknown%20end."
    )


def test_rdflib_reads_the_annotations_with_the_annotation_vocabulary() -> None:
    document = copy.deepcopy(collection())
    assert document["@context"][0] == wa.ANNOTATION_CONTEXT
    document["@context"] = [ANNO_TERMS, document["@context"][1]]
    graph = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    found = {
        str(annotation).rsplit(":", 1)[-1]: (exact, start)
        for annotation, exact, start in sparql.rows(
            graph,
            """PREFIX oa: <http://www.w3.org/ns/oa#>
            SELECT ?annotation ?exact ?start WHERE {
              ?annotation a oa:Annotation ; oa:hasTarget ?target .
              ?target oa:hasSelector ?quote .
              ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
              OPTIONAL { ?target oa:hasSelector ?position . ?position oa:start ?start } }""",
        )
    }
    assert found == {
        "asrt-stated": (QUOTE, START),
        "asrt-reported": (QUOTE, START),
        "asrt-verdict": ("Mostly True", None),
    }
