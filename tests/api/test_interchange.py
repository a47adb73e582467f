"""The export endpoints on the seed corpus, each answer read back by an independent reader."""

from __future__ import annotations

import hashlib

import httpx
import prov.model as pm
import pytest
import rdflib

from claimtrace.core.database import Graph
from claimtrace.core.store.sources import source_texts
from tests.interchange import sparql

pytestmark = pytest.mark.neo4j

EFP = "claim-efp-196-killed"
DETERRENCE = "claim-soleimani-strike-restored-deterrence"
JPOST = "src-jpost-2021-iran-declared-war"
QUOTE = "Reports say that the EFPs killed at least 196 US troops."


async def get(client: httpx.AsyncClient, path: str, accept: str | None = None) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    return await client.get(path, headers=headers)


async def test_the_provenance_of_a_claim_in_every_prov_format(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    path = f"/claims/{EFP}/provenance"
    jsonld = await get(client, path, "application/ld+json")
    prov_json = await get(client, path, "application/json")
    turtle = await get(client, path, "text/turtle")
    provn = await get(client, path, "text/provenance-notation")
    for response, media_type in (
        (jsonld, "application/ld+json"), (prov_json, "application/json"),
        (turtle, "text/turtle"), (provn, "text/provenance-notation"),
    ):  # fmt: skip
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media_type)
        assert response.headers["vary"] == "Accept"
    from_json = pm.ProvDocument.deserialize(content=prov_json.text, format="json")
    from_jsonld = pm.ProvDocument.deserialize(content=jsonld.text, format="jsonld")
    assert from_json == from_jsonld
    graph = rdflib.Graph().parse(data=turtle.text, format="turtle")
    rows = sparql.rows(
        graph,
        """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ct: <urn:claimtrace:ns#>
        SELECT ?quote ?start ?end ?who WHERE {
          ?a a ct:Assertion ; prov:value ?quote ; prov:wasAttributedTo ?who ;
             prov:qualifiedQuotation ?q . ?q ct:start ?start ; ct:end ?end }""",
    )
    assert [(q, s, e, str(w)) for q, s, e, w in rows] == [
        (QUOTE, 1902, 1958, "urn:claimtrace:organization:agent-unnamed-reports")
    ]
    assert "wasAttributedTo(source:src-jpost-2021-iran-declared-war" in provn.text


async def test_a_filtered_set_of_claims_pages_with_a_link_to_the_next(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    first = await get(
        client, "/claims/provenance?topicId=topic-attacks-and-casualties&first=2", "text/turtle"
    )
    assert first.status_code == 200
    link = first.headers["link"]
    assert link.endswith('>; rel="next"')
    claims_in = {
        str(claim)
        for claim in rdflib.Graph()
        .parse(data=first.text, format="turtle")
        .subjects(rdflib.RDF.type, rdflib.URIRef("urn:claimtrace:ns#Claim"))
    }
    assert len(claims_in) == 2
    following = await client.get(link[1 : link.index(">")], headers={"accept": "text/turtle"})
    claims_next = set(
        map(
            str,
            rdflib.Graph()
            .parse(data=following.text, format="turtle")
            .subjects(rdflib.RDF.type, rdflib.URIRef("urn:claimtrace:ns#Claim")),
        )
    )
    assert len(claims_next) == 2
    assert claims_in.isdisjoint(claims_next)


async def test_annotations_anchor_each_quote_in_its_held_text(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    response = await get(client, f"/claims/{EFP}/annotations")
    assert response.headers["content-type"] == (
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    )
    [annotation] = response.json()["first"]["items"]
    quote, position = annotation["target"]["selector"]
    text = (await source_texts(seed_graph, [JPOST]))[JPOST]
    assert quote["exact"] == text[position["start"] : position["end"]] == QUOTE
    assert text[: position["start"]].endswith(quote["prefix"])
    assert text[position["end"] :].startswith(quote["suffix"])
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert annotation["target"]["ct:textSha256"] == digest


async def test_the_debate_and_the_claim_review(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    debate = (await get(client, f"/claims/{DETERRENCE}/aif")).json()
    kinds = {node["type"] for node in debate["nodes"]}
    assert {"I", "L", "YA", "RA", "CA"} <= kinds
    assert len(debate["locutions"]) == len([n for n in debate["nodes"] if n["type"] == "L"])
    review = (await get(client, f"/claims/{EFP}/review", "application/ld+json")).json()
    [claim] = review["@graph"]  # no verdicts on the seed corpus
    assert claim["firstAppearance"] == {"@id": f"urn:claimtrace:source:{JPOST}"}
    assert "datePublished" not in claim  # the reports are undated


@pytest.mark.parametrize(
    ("path", "accept", "status", "code", "field"),
    [
        ("/claims/claim-nothing/provenance", None, 404, "NOT_FOUND", "id"),
        ("/claims/claim-nothing/aif", None, 404, "NOT_FOUND", "id"),
        (f"/claims/{EFP}/provenance", "text/html", 406, "NOT_ACCEPTABLE", "Accept"),
        ("/claims/provenance?first=101", None, 400, "BAD_USER_INPUT", "first"),
        ("/claims/provenance?assertedFrom=2020-13", None, 400, "BAD_USER_INPUT", "assertedFrom"),
        ("/claims/provenance?after=nonsense", None, 400, "BAD_USER_INPUT", "after"),
        ("/claims/provenance?colour=red", None, 400, "BAD_USER_INPUT", "colour"),
    ],
)
async def test_bad_requests_are_typed_errors(
    seed_graph: Graph,
    client: httpx.AsyncClient,
    path: str,
    accept: str | None,
    status: int,
    code: str,
    field: str,
) -> None:
    response = await get(client, path, accept)
    assert response.status_code == status
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": code, "field": field}
