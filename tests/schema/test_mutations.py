"""Mutations: token required, same validation as the loader, typed errors, nothing overwritten."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    ADD_SOURCE,
    AUTH,
    EFP_QUOTE,
    JPOST,
    LINK,
    NEW_ASSERTION,
    NEW_CLAIM,
    RETRACT,
    error_of,
    gql,
)

pytestmark = pytest.mark.neo4j


async def test_writes_need_a_token_and_reads_do_not(writer: httpx.AsyncClient) -> None:
    for headers in ({"authorization": "Bearer wrong-token-0000000000"}, {"x": "none"}):
        body = await gql(writer, ADD_CLAIM, headers=headers, input=NEW_CLAIM)
        assert body["data"] is None
        assert error_of(body)["extensions"] == {"code": "UNAUTHENTICATED"}
    read = await gql(writer, '{ claim(id: "claim-test-new") { id } }', headers={"x": "none"})
    assert read == {"data": {"claim": None}}


async def test_add_claim_then_assertion_then_retract(writer: httpx.AsyncClient) -> None:
    body = await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    assert body["data"]["addClaim"] == {
        "created": True,
        "claim": {"id": "claim-test-new", "text": "A new claim.",
                  "quantity": {"value": 3.0, "qualifier": "EXACTLY"}},
    }  # fmt: skip
    again = await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    assert again["data"]["addClaim"]["created"] is False
    added = await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION)
    assert added["data"]["addAssertion"]["assertion"]["speaker"] == {"name": "Seth J. Frantzman"}
    retracted = await gql(writer, RETRACT, id="asrt-test-new")
    assert retracted["data"]["retractAssertion"]["assertion"]["retractedAt"] is not None
    twice = await gql(writer, RETRACT, id="asrt-test-new")
    assert "already retracted" in error_of(twice)["message"]
    provenance = await gql(
        writer, '{ provenance(claimId: "claim-test-new") { assertions { id retractedAt } } }'
    )
    [kept] = provenance["data"]["provenance"]["assertions"]
    assert kept["retractedAt"] == retracted["data"]["retractAssertion"]["assertion"]["retractedAt"]


async def test_a_quote_off_by_one_is_refused_and_writes_nothing(
    writer: httpx.AsyncClient, writable_seed_graph: Graph, settings: Settings
) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    before = await graph_counts(writable_seed_graph)
    body = await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION | {"start": 1903, "end": 1959})
    error = error_of(body)
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.quote"}
    assert "is not the source text at [1903:1959]" in error["message"]
    assert await graph_counts(writable_seed_graph) == before


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"claimId": "claim-none"}, "NOT_FOUND", "input.claims"),
        ({"speakerId": "person-none"}, "NOT_FOUND", "input.agents"),
        ({"sourceId": "src-none"}, "NOT_FOUND", "input.sources"),
        ({"citesIds": ["asrt-none"]}, "NOT_FOUND", "input.assertions"),
        ({"asserted": {"date": "2021-13", "precision": "MONTH"}},
         "BAD_USER_INPUT", "input.asserted"),
        ({"id": "Not An Id"}, "BAD_USER_INPUT", "input.id"),
    ],
)  # fmt: skip
async def test_assertion_errors_are_typed(
    writer: httpx.AsyncClient, change: dict[str, Any], code: str, field: str
) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    error = error_of(await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION | change))
    assert error["extensions"] == {"code": code, "field": field}


async def test_other_content_under_a_known_id_is_a_duplicate(writer: httpx.AsyncClient) -> None:
    body = await gql(
        writer, ADD_CLAIM, input={"id": "claim-efp-196-killed", "text": "Something else."}
    )
    assert error_of(body)["extensions"] == {"code": "DUPLICATE", "field": "input.id"}


async def test_link_conflict_reads_both_ways(writer: httpx.AsyncClient) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    body = await gql(
        writer, LINK,
        input={"claimIds": ["claim-test-new", "claim-efp-196-killed"], "kind": "NUMERIC",
               "note": "Different counts."},
    )  # fmt: skip
    assert body["data"]["linkConflict"] == {
        "created": True,
        "conflict": {"kind": "NUMERIC", "note": "Different counts.",
                     "otherClaim": {"id": "claim-efp-196-killed"}},
    }  # fmt: skip
    back = await gql(writer, '{ conflicts(claimId: "claim-efp-196-killed") { otherClaim { id } } }')
    assert back["data"]["conflicts"] == [{"otherClaim": {"id": "claim-test-new"}}]
    self_link = await gql(
        writer, LINK, input={"claimIds": ["claim-test-new"] * 2, "kind": "OPPOSITE", "note": "x"}
    )
    assert error_of(self_link)["extensions"]["code"] == "BAD_USER_INPUT"


async def test_add_source_with_text(writer: httpx.AsyncClient) -> None:
    body = await gql(
        writer, ADD_SOURCE,
        input={"id": "src-test-statement", "title": "A statement", "kind": "STATEMENT",
               "published": {"date": "2024-02-03", "precision": "DAY"},
               "publisherId": "org-us-defense-department", "authorIds": ["person-kenneth-mckenzie"],
               "text": "We will respond."},
    )  # fmt: skip
    assert body["data"]["addSource"] == {
        "created": True,
        "source": {"id": "src-test-statement", "title": "A statement",
                   "publisher": {"name": "US Department of Defense"},
                   "authors": [{"name": "Kenneth McKenzie"}]},
    }  # fmt: skip
    bad_kind = await gql(
        writer, ADD_SOURCE,
        input={"id": "src-test-2", "title": "x", "kind": "TWEET",
               "published": {"date": "2024", "precision": "YEAR"}},
    )  # fmt: skip
    assert error_of(bad_kind)["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.kind"}


async def test_mutations_over_get_are_refused(writer: httpx.AsyncClient) -> None:
    mutation = 'mutation { retractAssertion(id: "asrt-jpost-11") { assertion { id } } }'
    response = await writer.get("/graphql", params={"query": mutation}, headers=AUTH)
    assert response.status_code in {400, 405}
    assert "mutation" in response.text.lower()


async def test_non_json_bodies_are_refused(writer: httpx.AsyncClient) -> None:
    response = await writer.post(
        "/graphql", content=b"query=mutation", headers=AUTH | {"content-type": "text/plain"}
    )
    assert response.status_code in {400, 415}


async def test_oversized_bodies_are_refused_before_parsing(writer: httpx.AsyncClient) -> None:
    response = await writer.post(
        "/graphql", json={"query": "{ topics { id } }", "padding": "x" * 30_000}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "PAYLOAD_TOO_LARGE"}


SEED_EFP_ASSERTION = {
    "id": "asrt-jpost-11", "claimId": "claim-efp-196-killed", "speakerId": "agent-unnamed-reports",
    "sourceId": JPOST, "stance": "SUPPORTS", "mode": "REPORTED", "hedge": "CERTAIN",
    "quote": EFP_QUOTE, "start": 1902, "end": 1958,
    "note": "Second-hand; the author does not name the reports and does not make the figure "
    "his own.",
}  # fmt: skip
EFP_SOURCES = '{ provenance(claimId: "claim-efp-196-killed") { independentSourceCount } }'


async def test_a_resent_assertion_cannot_gain_citations(
    writer: httpx.AsyncClient, writable_seed_graph: Graph, settings: Settings
) -> None:
    identical = await gql(writer, ADD_ASSERTION, input=SEED_EFP_ASSERTION)
    assert identical["data"]["addAssertion"]["created"] is False
    itself = await gql(
        writer, ADD_ASSERTION, input=SEED_EFP_ASSERTION | {"citesIds": ["asrt-jpost-11"]}
    )
    assert error_of(itself)["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.cites"}
    assert "cites itself" in error_of(itself)["message"]
    other = await gql(
        writer, ADD_ASSERTION, input=SEED_EFP_ASSERTION | {"citesIds": ["asrt-jpost-12"]}
    )
    assert error_of(other)["extensions"] == {"code": "DUPLICATE", "field": "input.id"}
    records, _, _ = await writable_seed_graph.driver.execute_query(
        "MATCH (:Assertion {id: 'asrt-jpost-11'})-[c:CITES]->() RETURN count(c) AS n",
        database_=settings.neo4j_database,
    )
    assert records[0]["n"] == 0
    answer = await gql(writer, EFP_SOURCES)
    assert answer["data"]["provenance"]["independentSourceCount"] == 1


async def test_a_resent_claim_or_source_cannot_gain_links(
    writer: httpx.AsyncClient, writable_seed_graph: Graph, settings: Settings
) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    topics = [*NEW_CLAIM["topicIds"], "topic-us-troop-presence"]
    more = await gql(writer, ADD_CLAIM, input=NEW_CLAIM | {"topicIds": topics})
    assert error_of(more)["extensions"] == {"code": "DUPLICATE", "field": "input.id"}
    source = {"id": "src-test-links", "title": "A test", "kind": "ARTICLE",
              "published": {"date": "2021", "precision": "YEAR"}}  # fmt: skip
    assert (await gql(writer, ADD_SOURCE, input=source))["data"]["addSource"]["created"] is True
    authored = await gql(
        writer, ADD_SOURCE, input=source | {"authorIds": ["person-seth-frantzman"]}
    )
    assert error_of(authored)["extensions"] == {"code": "DUPLICATE", "field": "input.id"}
    records, _, _ = await writable_seed_graph.driver.execute_query(
        "RETURN COUNT { (:Claim {id: 'claim-test-new'})-[:ABOUT_TOPIC]->() } AS topics, "
        "COUNT { (:Source {id: 'src-test-links'})-[:WRITTEN_BY]->() } AS authors",
        database_=settings.neo4j_database,
    )
    assert records[0].data() == {"topics": 1, "authors": 0}
