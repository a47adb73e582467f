"""The PROV export, read back by independent readers: the prov package reads PROV-JSON and
PROV-JSONLD; rdflib parses the Turtle and the JSON-LD, and SPARQL asserts the key triples."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import prov.model as pm
import pytest
import rdflib
from rdflib.namespace import XSD

from claimtrace.core.interchange import w3c_prov
from tests.interchange import sparql
from tests.interchange.records import END, PROVENANCE, RETRACTED, START

PREFIXES = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX ct: <urn:claimtrace:ns#>
PREFIX assertion: <urn:claimtrace:assertion:>
PREFIX source: <urn:claimtrace:source:>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# PROV-O writes a relation as a binary triple, a qualified node, or both.
QUOTED_FROM = """{ ?a prov:wasQuotedFrom ?s } UNION
  { ?a prov:qualifiedQuotation|prov:qualifiedDerivation ?q .
    ?q a prov:Quotation ; prov:entity ?s }"""
ATTRIBUTED_TO = (
    "{ ?a prov:wasAttributedTo ?who } UNION { ?a prov:qualifiedAttribution/prov:agent ?who }"
)


@pytest.fixture(scope="module")
def document() -> pm.ProvDocument:
    return w3c_prov.provenance_document([PROVENANCE])


def graphs(document: pm.ProvDocument) -> dict[str, rdflib.Graph]:
    return {
        "turtle": rdflib.Graph().parse(data=w3c_prov.prov_turtle(document), format="turtle"),
        "json-ld": rdflib.Graph().parse(data=w3c_prov.prov_jsonld(document), format="json-ld"),
    }


def ask(graph: rdflib.Graph, query: str) -> bool:
    return sparql.ask(graph, PREFIXES + query)


def select(graph: rdflib.Graph, query: str) -> list[tuple[Any, ...]]:
    return sparql.rows(graph, PREFIXES + query)


def values(graph: rdflib.Graph, query: str) -> set[Any]:
    return {row[0] for row in select(graph, query)}


def test_the_prov_package_reads_back_prov_json_and_prov_jsonld(document: pm.ProvDocument) -> None:
    from_json = pm.ProvDocument.deserialize(content=w3c_prov.prov_json(document), format="json")
    from_jsonld = pm.ProvDocument.deserialize(
        content=w3c_prov.prov_jsonld(document), format="jsonld"
    )
    assert from_json == document
    assert from_jsonld == document
    assert len(document.records) > 20


def test_the_jsonld_embeds_its_context_so_no_reader_needs_the_network(
    document: pm.ProvDocument,
) -> None:
    context = json.loads(w3c_prov.prov_jsonld(document))["@context"]
    assert all(isinstance(entry, dict) for entry in context)


@pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
def test_every_quotation_has_a_source_and_an_agent(document: pm.ProvDocument, syntax: str) -> None:
    graph = graphs(document)[syntax]
    assertions = values(graph, "SELECT ?a WHERE { ?a a ct:Assertion }")
    assert len(assertions) == 5  # three of the claim's, two down the CITES chain
    assert not ask(
        graph, f"ASK {{ ?a a ct:Assertion FILTER NOT EXISTS {{ {QUOTED_FROM} ?s a ct:Source }} }}"
    )
    assert not ask(
        graph,
        f"ASK {{ ?a a ct:Assertion FILTER NOT EXISTS {{ {ATTRIBUTED_TO} ?who a prov:Agent }} }}",
    )


@pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
def test_no_time_is_more_precise_than_the_data(document: pm.ProvDocument, syntax: str) -> None:
    graph = graphs(document)[syntax]
    assert not ask(
        graph,
        "ASK { { ?e prov:generatedAtTime ?t } UNION { ?g a prov:Generation ; prov:atTime ?t } }",
    )
    month = values(
        graph,
        """SELECT ?d WHERE { assertion:asrt-stated prov:qualifiedGeneration ?g .
           ?g ct:date ?d }""",
    )
    assert month == {rdflib.Literal("2020-03", datatype=XSD.gYearMonth).toPython()}
    month_types = (
        "SELECT DISTINCT (datatype(?d) AS ?t) WHERE { ?g ct:date ?d ; ct:precision 'MONTH' }"
    )
    assert select(graph, month_types) == [(str(XSD.gYearMonth),)]
    bounds = select(
        graph,
        """SELECT ?from ?to WHERE { assertion:asrt-stated prov:qualifiedGeneration ?g .
           ?g ct:notBefore ?from ; ct:notAfter ?to ; ct:dateBasis "STATED" }""",
    )
    assert bounds == [(dt.datetime(2020, 3, 1, 0, 0, 0), dt.datetime(2020, 3, 31, 23, 59, 59))]
    unknown = select(
        graph,
        """SELECT ?to WHERE { assertion:asrt-reported prov:qualifiedGeneration ?g .
           ?g ct:notAfter ?to ; ct:dateBasis "BOUNDED" FILTER NOT EXISTS { ?g ct:date ?d }
           FILTER NOT EXISTS { ?g ct:notBefore ?b } }""",
    )
    assert unknown == [(dt.datetime(2020, 3, 31, 23, 59, 59),)]


@pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
def test_spans_chains_republications_and_retractions(
    document: pm.ProvDocument, syntax: str
) -> None:
    graph = graphs(document)[syntax]
    span = select(
        graph,
        """SELECT ?start ?end ?unit WHERE {
           assertion:asrt-stated prov:qualifiedQuotation|prov:qualifiedDerivation ?q .
           ?q a prov:Quotation ; ct:start ?start ; ct:end ?end ; ct:offsetUnit ?unit }""",
    )
    assert span == [(START, END, "unicode-code-point")]
    assert ask(
        graph,
        """ASK { { assertion:asrt-reported prov:hadPrimarySource assertion:asrt-first } UNION
               { assertion:asrt-reported prov:qualifiedPrimarySource|prov:qualifiedDerivation ?d .
                 ?d a prov:PrimarySource ; prov:entity assertion:asrt-first } }""",
    )
    assert ask(
        graph,
        """ASK { assertion:asrt-origin prov:wasDerivedFrom|prov:qualifiedDerivation/prov:entity
                 assertion:asrt-first }""",
    )
    assert ask(
        graph,
        """ASK { source:src-herald prov:qualifiedDerivation ?d .
                 ?d a ct:Republication ; prov:entity source:src-wire }""",
    )
    retracted = values(
        graph,
        """SELECT ?t WHERE { { assertion:asrt-reported prov:invalidatedAtTime ?t } UNION
           { assertion:asrt-reported prov:qualifiedInvalidation/prov:atTime ?t } }""",
    )
    assert {value.astimezone(dt.UTC) for value in retracted} == {RETRACTED}


@pytest.mark.parametrize("syntax", ["turtle", "json-ld"])
def test_an_unverified_quote_claims_no_span(document: pm.ProvDocument, syntax: str) -> None:
    graph = graphs(document)[syntax]
    assert ask(
        graph, 'ASK { assertion:asrt-verdict ct:quoteVerified false ; ct:rating "Mostly True" }'
    )
    assert not ask(
        graph,
        """ASK { assertion:asrt-verdict prov:qualifiedQuotation|prov:qualifiedDerivation ?q .
                 ?q ct:start ?s }""",
    )
    quoted = QUOTED_FROM.replace("?a", "assertion:asrt-verdict")
    assert values(graph, f"SELECT ?s WHERE {{ {quoted} }}") == {"urn:claimtrace:source:src-review"}


def test_sources_are_attributed_to_their_publisher_and_authors(document: pm.ProvDocument) -> None:
    graph = graphs(document)["turtle"]
    roles = select(
        graph,
        """SELECT ?who ?role WHERE { source:src-herald prov:qualifiedAttribution ?q .
           ?q prov:agent ?who ; ct:role ?role }""",
    )
    assert {(str(who).rsplit(":", 1)[-1], role) for who, role in roles} == {
        ("org-herald", "publisher"),
        ("person-ada-reporter", "author"),
    }


def test_every_element_is_written_once_for_a_set_of_claims() -> None:
    document = w3c_prov.provenance_document([PROVENANCE, PROVENANCE])
    assert document == w3c_prov.provenance_document([PROVENANCE])


def test_prov_n_is_written_for_people() -> None:
    text = w3c_prov.prov_n(w3c_prov.provenance_document([PROVENANCE]))
    assert "wasInvalidatedBy(assertion:asrt-reported" in text
    assert 'ct:dateBasis="BOUNDED"' in text
