"""Time in the API: the graph as it stood at any moment, and dates as intervals."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    NEW_ASSERTION,
    NEW_CLAIM,
    RETRACT,
    error_of,
    gql,
)

pytestmark = pytest.mark.neo4j

PROVENANCE = """query ($id: ID!, $asOf: DateTime) {
  provenance(claimId: $id, asOf: $asOf) {
    independentSourceCount independentSourceCountWithRefinements
    assertions { id retractedAt when { basis date { date precision } notBefore notAfter } } } }"""
CLAIM = 'query ($asOf: DateTime) { claim(id: "claim-test-new", asOf: $asOf) { id } }'
FILTERED = """query ($filter: ClaimFilter) {
  claims(filter: $filter, first: 100) { edges { node { id } } } }"""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


async def provenance(client: httpx.AsyncClient, as_of: str | None) -> Any:
    body = await gql(client, PROVENANCE, id="claim-test-new", asOf=as_of)
    return body["data"]["provenance"]


async def test_reads_as_of_a_moment_see_the_graph_as_it_stood(writer: httpx.AsyncClient) -> None:
    before = now()
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION)
    written = now()
    await gql(writer, RETRACT, id="asrt-test-new")

    assert await provenance(writer, before) is None
    assert (await gql(writer, CLAIM, asOf=before))["data"] == {"claim": None}
    assert (await gql(writer, CLAIM, asOf=written))["data"] == {"claim": {"id": "claim-test-new"}}
    then = await provenance(writer, written)
    [assertion] = then["assertions"]
    assert assertion["retractedAt"] is None  # retracted later
    assert then["independentSourceCount"] == 1
    today = await provenance(writer, None)
    assert today["assertions"][0]["retractedAt"] is not None
    assert today["independentSourceCount"] == 0


async def test_an_author_speaks_at_publication_anyone_else_at_an_unknown_moment(
    writer: httpx.AsyncClient,
) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION)  # by the article's author
    quoted = NEW_ASSERTION | {"id": "asrt-test-quoted", "speakerId": "agent-unnamed-reports"}
    await gql(writer, ADD_ASSERTION, input=quoted)
    refused = await gql(
        writer, ADD_ASSERTION, input=quoted | {"id": "asrt-x", "assertedBasis": "PUBLICATION"}
    )
    assert error_of(refused)["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.asserted"}
    whens = {a["id"]: a["when"] for a in (await provenance(writer, None))["assertions"]}
    assert whens["asrt-test-new"] == {
        "basis": "PUBLICATION", "date": {"date": "2021-07-08T10:00", "precision": "MINUTE"},
        "notBefore": "2021-07-08T10:00", "notAfter": "2021-07-08T10:00",
    }  # fmt: skip
    assert whens["asrt-test-quoted"] == {
        "basis": "BOUNDED", "date": None, "notBefore": None, "notAfter": "2021-07-08T10:00",
    }  # fmt: skip


async def test_a_partial_date_matches_ranges_as_the_interval_it_is(
    writer: httpx.AsyncClient,
) -> None:
    await gql(writer, ADD_CLAIM, input=NEW_CLAIM)
    in_2020 = NEW_ASSERTION | {"speakerId": "agent-unnamed-reports",
                               "asserted": {"date": "2020", "precision": "YEAR"}}  # fmt: skip
    await gql(writer, ADD_ASSERTION, input=in_2020)

    async def found(**filter: Any) -> bool:
        body = await gql(writer, FILTERED, filter={"personId": "agent-unnamed-reports"} | filter)
        return {"node": {"id": "claim-test-new"}} in body["data"]["claims"]["edges"]

    # Could it fall in the range? 2020 overlaps 2020-01 as it overlaps 2020.
    assert await found(assertedFrom="2020-01")
    assert await found(assertedFrom="2020")
    assert await found(assertedTo="2020-01")
    assert not await found(assertedFrom="2021")
    # Does it certainly fall in the range?
    assert await found(assertedFrom="2020", assertedTo="2020", dateMatch="WITHIN")
    assert not await found(assertedFrom="2020-01", assertedTo="2020-06", dateMatch="WITHIN")


@pytest.mark.parametrize("date", ["2020-13", "2020-02-30", "2021-02-29"])
async def test_a_date_that_cannot_exist_is_refused(
    seed_graph: Graph, client: httpx.AsyncClient, date: str
) -> None:
    body = (await client.post("/graphql", json={"query": FILTERED, "variables": {
        "filter": {"assertedFrom": date}}})).json()  # fmt: skip
    assert body["data"] is None
    assert error_of(body)["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "filter.assertedFrom",
    }


async def test_support_for_a_narrower_claim_counts_for_the_broader_one(
    writer: httpx.AsyncClient,
) -> None:
    broad = {"id": "claim-test-broad", "text": "Iranian-supplied weapons killed US troops."}
    assert (await gql(writer, ADD_CLAIM, input=broad))["data"]["addClaim"]["created"]
    narrow = NEW_CLAIM | {"refinesIds": ["claim-test-broad"]}
    await gql(writer, ADD_CLAIM, input=narrow)
    await gql(writer, ADD_ASSERTION, input=NEW_ASSERTION)
    body = await gql(writer, PROVENANCE, id="claim-test-broad", asOf=None)
    counts = body["data"]["provenance"]
    assert (counts["independentSourceCount"], counts["independentSourceCountWithRefinements"]) == (
        0, 1,
    )  # fmt: skip
    linked = await gql(
        writer, '{ claim(id: "claim-test-broad") { refinedBy { id refines { id } } } }'
    )
    assert linked["data"]["claim"]["refinedBy"] == [
        {"id": "claim-test-new", "refines": [{"id": "claim-test-broad"}]}
    ]
