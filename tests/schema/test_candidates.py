"""Candidates through the API: found after a write, listed with their reasons, confirmed,
rejected and undone by a token holder, each review audited and nothing deleted."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.counting import counting_factory
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    ADD_SOURCE,
    EFP_QUOTE,
    NEW_ASSERTION,
    error_of,
    gql,
    writer_client,
)

pytestmark = pytest.mark.neo4j

EFP = "claim-efp-196-killed"
FEWER = {
    "id": "claim-test-efp-150", "topicIds": ["topic-attacks-and-casualties"],
    "text": "Explosively formed penetrators (EFPs) supplied by Iran killed 150 US troops in Iraq.",
    "quantity": {"value": 150, "unit": "US troops killed", "qualifier": "EXACTLY"},
}  # fmt: skip
MORE_ID = "claim-test-efp-200"
MORE = FEWER | {
    "id": MORE_ID,
    "text": "Explosively formed penetrators (EFPs) supplied by Iran killed at least 200 US troops "
    "in Iraq.",
    "quantity": {"value": 200, "unit": "US troops killed", "qualifier": "AT_LEAST"},
}
CANDIDATES = """query ($filter: CandidateFilter) { candidates(filter: $filter, first: 100) {
  edges { node { id kind status explanation firstClaimId secondClaimId
                 reason { kind rule score threshold evidence }
                 firstAssertion { id } secondAssertion { id } } } } }"""
FIELDS = "id status reviews { action by reason link linkCreated }"
CONFIRM = f"mutation ($id: ID!) {{ confirmCandidate(id: $id) {{ {FIELDS} }} }}"
REJECT = f"mutation ($id: ID!, $reason: String!) {{ rejectCandidate(id: $id, reason: $reason) {{ {FIELDS} }} }}"  # noqa: E501
UNDO = f"mutation ($id: ID!, $reason: String!) {{ undoCandidateReview(id: $id, reason: $reason) {{ {FIELDS} }} }}"  # noqa: E501
DETECT = "mutation ($ids: [ID!]!) { detectCandidates(claimIds: $ids) { created candidates { id status } } }"  # noqa: E501
CONFLICTS = '{ conflicts(claimId: "claim-efp-196-killed") { kind note otherClaim { id } } }'


async def candidates(client: httpx.AsyncClient, **filters: Any) -> list[dict[str, Any]]:
    body = await gql(client, CANDIDATES, filter=filters)
    return [edge["node"] for edge in body["data"]["candidates"]["edges"]]


async def test_seed_candidates_are_opposite_stances_only(writer: httpx.AsyncClient) -> None:
    """The seed corpus's curators recorded no numeric conflict the texts do not support,
    and detection invents none: its candidates are the opposite stances on single claims."""
    found = await candidates(writer)
    assert {c["kind"] for c in found} == {"OPPOSITE_STANCE"}
    assert len(found) == 10
    assert all(c["firstClaimId"] == c["secondClaimId"] for c in found)
    assert all(c["reason"]["score"] >= c["reason"]["threshold"] for c in found)


SIDES = """{ candidates(first: 100) { edges { node {
  firstClaimId firstAssertionId secondAssertionId
  firstAssertion { id quote stance speaker { name } when { date { date } notAfter } }
  secondAssertion { id quote stance speaker { name } when { date { date } notAfter } } } } } }"""


async def test_the_assertions_compared_come_with_each_candidate_in_one_query(
    seed_graph: Graph, settings: Settings
) -> None:
    made, factory = counting_factory()
    async with writer_client(settings, factory) as client:
        [driver] = made
        driver.sent.clear()  # start-up (migrations) is not a request
        body = await gql(client, SIDES)
    found = [edge["node"] for edge in body["data"]["candidates"]["edges"]]
    assert len(found) == 10
    for candidate in found:
        assert candidate["firstAssertion"]["id"] == candidate["firstAssertionId"]
        assert candidate["secondAssertion"]["id"] == candidate["secondAssertionId"]
    [deterrence] = [
        c
        for c in found
        if (c["firstAssertionId"], c["secondAssertionId"]) == ("asrt-ac-33", "asrt-soufan-01")
    ]
    assert deterrence["firstAssertion"]["quote"] == "had “reasserted US deterrence” against Iran"
    assert deterrence["firstAssertion"]["stance"] == "SUPPORTS"
    assert deterrence["secondAssertion"]["speaker"] == {"name": "The Soufan Center"}
    assert deterrence["secondAssertion"]["when"]["date"] == {"date": "2020-06-22"}
    assert [text for text, _ in driver.sent].count(cypher.ASSERTIONS_BY_ID) == 1


async def test_reading_candidates_needs_a_token(writer: httpx.AsyncClient) -> None:
    body = await gql(writer, CANDIDATES, headers={"x": "none"}, filter={})
    assert error_of(body)["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_write_is_followed_by_detection(writer: httpx.AsyncClient) -> None:
    assert (await gql(writer, ADD_CLAIM, input=FEWER))["data"]["addClaim"]["created"]
    [numeric] = await candidates(writer, kinds=["NUMERIC"])
    assert (numeric["firstClaimId"], numeric["secondClaimId"]) == (EFP, FEWER["id"])
    evidence = json.loads(numeric["reason"]["evidence"])
    assert (evidence["firstInterval"], evidence["secondInterval"]) == ("[196, inf)", "[150, 150]")
    assert numeric["reason"]["rule"] == "numeric/disjoint-intervals"
    assert (numeric["firstAssertion"], numeric["secondAssertion"]) == (None, None)
    assert "[196, inf)" in numeric["explanation"]
    assert "[150, 150]" in numeric["explanation"]


async def test_confirm_undo_reject_round_trip(writer: httpx.AsyncClient, graph: Graph) -> None:
    await gql(writer, ADD_CLAIM, input=FEWER)
    [numeric] = await candidates(writer, kinds=["NUMERIC"])
    confirmed = (await gql(writer, CONFIRM, id=numeric["id"]))["data"]["confirmCandidate"]
    assert confirmed["status"] == "CONFIRMED"
    assert confirmed["reviews"] == [
        {
            "action": "CONFIRM",
            "by": "desk",
            "reason": None,
            "link": "CONTRADICTS",
            "linkCreated": True,
        }
    ]
    conflicts = (await gql(writer, CONFLICTS))["data"]["conflicts"]
    assert {
        "kind": "NUMERIC",
        "note": numeric["explanation"],
        "otherClaim": {"id": FEWER["id"]},
    } in conflicts

    again = await gql(writer, CONFIRM, id=numeric["id"])
    assert error_of(again)["extensions"] == {"code": "ALREADY_REVIEWED", "field": "id"}

    undone = (await gql(writer, UNDO, id=numeric["id"], reason="counts differ in scope"))["data"]
    assert undone["undoCandidateReview"]["status"] == "PENDING"
    conflicts = (await gql(writer, CONFLICTS))["data"]["conflicts"]
    assert FEWER["id"] not in {c["otherClaim"]["id"] for c in conflicts}
    links = await graph.read(
        "MATCH (:Claim {id: $a})-[r:CONTRADICTS]->(:Claim {id: $b}) RETURN r.undoneBy AS by",
        a=EFP, b=FEWER["id"],
    )  # fmt: skip
    assert [record["by"] for record in links] == ["desk"]  # kept, marked undone

    rejected = await gql(writer, REJECT, id=numeric["id"], reason="different periods")
    reviews = rejected["data"]["rejectCandidate"]["reviews"]
    assert [r["action"] for r in reviews] == ["CONFIRM", "UNDO", "REJECT"]
    assert reviews[-1]["reason"] == "different periods"
    detected = (await gql(writer, DETECT, ids=[EFP, FEWER["id"]]))["data"]["detectCandidates"]
    assert detected["created"] == 0
    assert {"id": numeric["id"], "status": "REJECTED"} in detected["candidates"]


async def test_reviews_are_audited(writer: httpx.AsyncClient, graph: Graph) -> None:
    await gql(writer, ADD_CLAIM, input=FEWER)
    [numeric] = await candidates(writer, kinds=["NUMERIC"])
    await gql(writer, REJECT, id=numeric["id"], reason="different periods")
    await gql(writer, REJECT, id=numeric["id"], reason="twice")
    records = await graph.read(
        "MATCH (e:AuditEvent {operation: 'rejectCandidate'}) RETURN e.result AS result, "
        "e.code AS code, e.target AS target ORDER BY e.at"
    )
    assert [record.data() for record in records] == [
        {"result": "REJECTED", "code": None, "target": [numeric["id"]]},
        {"result": "REFUSED", "code": "ALREADY_REVIEWED", "target": [numeric["id"]]},
    ]


async def test_likely_same_confirmed_as_a_same_as_link(
    writer: httpx.AsyncClient, graph: Graph
) -> None:
    await gql(writer, ADD_CLAIM, input=MORE)
    [same] = await candidates(writer, kinds=["LIKELY_SAME"])
    assert (same["firstClaimId"], same["secondClaimId"]) == (EFP, MORE["id"])
    assert same["reason"]["score"] >= same["reason"]["threshold"]
    assert await candidates(writer, kinds=["NUMERIC"]) == []  # [196, inf) and [200, inf) agree
    confirmed = (await gql(writer, CONFIRM, id=same["id"]))["data"]["confirmCandidate"]
    assert confirmed["reviews"][0]["link"] == "SAME_AS"
    records = await graph.read(
        "MATCH (a:Claim)-[r:SAME_AS]->(b:Claim) RETURN a.id AS a, b.id AS b, "
        "COUNT { (:Assertion)-[:ABOUT]->(b) } AS assertions"
    )
    assert [record.data() for record in records] == [{"a": EFP, "b": MORE["id"], "assertions": 0}]


WIRE_TEXT = "Officials said explosively formed penetrators killed at least 200 US troops in Iraq."
WIRE = {
    "id": "src-test-wire", "title": "A wire report", "kind": "ARTICLE", "text": WIRE_TEXT,
    "published": {"date": "2021-08-01", "precision": "DAY"},
}  # fmt: skip
COUNTS = """query ($id: ID!, $asOf: DateTime) { provenance(claimId: $id, asOf: $asOf) {
  independentSourceCount independentSourceCountWithRefinements } }"""


async def source_counts(
    client: httpx.AsyncClient, claim_id: str, as_of: str | None = None
) -> tuple[int, int]:
    counts = (await gql(client, COUNTS, id=claim_id, asOf=as_of))["data"]["provenance"]
    return counts["independentSourceCount"], counts["independentSourceCountWithRefinements"]


async def test_a_confirmed_same_as_counts_the_other_claims_outlets(
    writer: httpx.AsyncClient,
) -> None:
    """The Jerusalem Post supports the EFP claim, a wire report (no publisher: it is its
    own outlet) the likely same claim of 200: once confirmed the same proposition, each
    claim has two independent sources; as of before, and after an undo, one."""
    assert (await gql(writer, ADD_SOURCE, input=WIRE))["data"]["addSource"]["created"]
    await gql(writer, ADD_CLAIM, input=MORE)
    quote = "explosively formed penetrators killed at least 200 US troops"
    start = WIRE_TEXT.index(quote)
    support = NEW_ASSERTION | {
        "id": "asrt-test-wire", "claimId": MORE_ID, "sourceId": WIRE["id"],
        "speakerId": "agent-unnamed-reports", "mode": "REPORTED", "quote": quote,
        "start": start, "end": start + len(quote),
    }  # fmt: skip
    assert (await gql(writer, ADD_ASSERTION, input=support))["data"]["addAssertion"]["created"]
    assert await source_counts(writer, EFP) == (1, 1)
    assert await source_counts(writer, MORE_ID) == (1, 1)
    before = dt.datetime.now(dt.UTC).isoformat()
    [same] = await candidates(writer, kinds=["LIKELY_SAME"])
    await gql(writer, CONFIRM, id=same["id"])
    assert await source_counts(writer, EFP) == (2, 2)
    assert await source_counts(writer, MORE_ID) == (2, 2)
    assert await source_counts(writer, EFP, as_of=before) == (1, 1)
    await gql(writer, UNDO, id=same["id"], reason="200 counts another period")
    assert await source_counts(writer, EFP) == (1, 1)


async def test_review_errors_are_typed_and_write_nothing(
    writer: httpx.AsyncClient, graph: Graph
) -> None:
    [first, *_] = await candidates(writer)
    missing = await gql(writer, CONFIRM, id="cand-000000000000000000000000")
    assert error_of(missing)["extensions"] == {"code": "NOT_FOUND", "field": "id"}
    blank = await gql(writer, REJECT, id=first["id"], reason="  ")
    assert error_of(blank)["extensions"] == {"code": "BAD_USER_INPUT", "field": "reason"}
    pending = await gql(writer, UNDO, id=first["id"], reason="nothing")
    assert error_of(pending)["extensions"] == {"code": "NOT_REVIEWED", "field": "id"}
    anonymous = await gql(writer, CONFIRM, headers={"x": "none"}, id=first["id"])
    assert error_of(anonymous)["extensions"]["code"] == "UNAUTHENTICATED"
    reviews = await graph.read("MATCH (r:CandidateReview) RETURN count(r) AS n")
    assert reviews[0]["n"] == 0
    unknown = await gql(writer, DETECT, ids=["claim-nothing"])
    assert error_of(unknown)["extensions"]["code"] == "NOT_FOUND"


async def test_a_speaker_changing_position_is_a_revision(writer: httpx.AsyncClient) -> None:
    """Barbara Slavin refuted the deterrence claim in March 2020; an assertion of hers
    supporting it, dated July 2021, makes a REVISION with both dates and quotes."""
    turn = NEW_ASSERTION | {
        "id": "asrt-test-slavin-turn", "claimId": "claim-soleimani-strike-restored-deterrence",
        "speakerId": "person-barbara-slavin", "mode": "PARAPHRASE",
        "asserted": {"date": "2021-07", "precision": "MONTH"},
    }  # fmt: skip
    assert (await gql(writer, ADD_ASSERTION, input=turn))["data"]["addAssertion"]["created"]
    [revision] = await candidates(writer, kinds=["REVISION"])
    evidence = json.loads(revision["reason"]["evidence"])
    assert (evidence["first"]["assertion"], evidence["first"]["date"]) == ("asrt-ac-34", "2020-03")
    assert (evidence["second"]["assertion"], evidence["second"]["date"]) == (turn["id"], "2021-07")
    assert revision["explanation"].startswith("Barbara Slavin changed position. First: ")
    assert "in 2020-03" in revision["explanation"]
    assert "in 2021-07" in revision["explanation"]
    assert EFP_QUOTE in revision["explanation"]
