"""Concurrent writes: one node per id whatever the race, losers answer created: false or
DUPLICATE, different writes all land, and a read right after a write sees it."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

import httpx
import pytest
from neo4j import AsyncManagedTransaction

from claimtrace.core.audit import Attempt, AuditEvent, Result
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import Claim
from claimtrace.core.settings import Settings
from claimtrace.core.store import writes
from claimtrace.core.writing import graph_counts
from tests.support.scenarios import Scenario
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    AUTH,
    NEW_ASSERTION,
    audit_events,
    count_nodes,
    new_request_id,
)

pytestmark = pytest.mark.neo4j

RACERS = 50


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    request_id = new_request_id()
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers=AUTH | {"x-request-id": request_id},
    )
    body: dict[str, Any] = response.json()
    return request_id, body


async def race(
    client: httpx.AsyncClient, query: str, variables: list[dict[str, Any]], scenario: Scenario
) -> list[tuple[str, dict[str, Any]]]:
    """All requests at once, on one app (one driver, one connection pool)."""
    started = time.monotonic()
    answers = await asyncio.gather(*(post(client, query, v) for v in variables))
    scenario.measure(f"{len(variables)} requests in {time.monotonic() - started:.1f}s")
    return answers


def created_flags(answers: list[tuple[str, dict[str, Any]]], field: str) -> Counter[bool]:
    for _, body in answers:
        assert "errors" not in body, body["errors"]
    return Counter(body["data"][field]["created"] for _, body in answers)


async def results_of(graph: Graph, answers: list[tuple[str, dict[str, Any]]]) -> Counter[str]:
    """The audit results of the requests; each must have left exactly one event."""
    results: Counter[str] = Counter()
    for request_id, _ in answers:
        [event] = await audit_events(graph, request_id)
        results[event["result"]] += 1
    return results


@pytest.mark.reliability("50 identical addClaim at once")
async def test_identical_claims_at_once_make_one_node(
    writer: httpx.AsyncClient,
    writable_seed_graph: Graph,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(f"{RACERS} concurrent addClaim, one client-chosen id, identical content")
    claim = {"id": "claim-test-race", "text": "Raced.", "topicIds": ["topic-us-response"]}
    answers = await race(writer, ADD_CLAIM, [{"input": claim}] * RACERS, scenario)
    assert created_flags(answers, "addClaim") == {True: 1, False: RACERS - 1}
    assert await count_nodes(writable_seed_graph, "Claim", "claim-test-race") == 1
    assert await results_of(writable_seed_graph, answers) == {
        "CREATED": 1, "ALREADY_THERE": RACERS - 1
    }  # fmt: skip
    scenario.lost_nothing("1 node, 1 created: true, 49 created: false, 50 audit events")


@pytest.mark.reliability("50 identical addAssertion at once")
async def test_identical_assertions_at_once_make_one_node(
    writer: httpx.AsyncClient,
    writable_seed_graph: Graph,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(f"{RACERS} concurrent addAssertion, one client-chosen id, identical content")
    assertion = NEW_ASSERTION | {"id": "asrt-test-race", "claimId": "claim-efp-196-killed"}
    answers = await race(writer, ADD_ASSERTION, [{"input": assertion}] * RACERS, scenario)
    assert created_flags(answers, "addAssertion") == {True: 1, False: RACERS - 1}
    assert await count_nodes(writable_seed_graph, "Assertion", "asrt-test-race") == 1
    records, _, _ = await writable_seed_graph.driver.execute_query(
        "MATCH (a:Assertion {id: $id}) "
        "RETURN COUNT { (a)-[:ABOUT]->() } AS about, COUNT { ()-[:MADE]->(a) } AS made, "
        "COUNT { (a)-[:FOUND_IN]->() } AS foundIn",
        id=assertion["id"],
        database_=settings.neo4j_database,
    )
    assert dict(records[0]) == {"about": 1, "made": 1, "foundIn": 1}
    assert await results_of(writable_seed_graph, answers) == {
        "CREATED": 1, "ALREADY_THERE": RACERS - 1
    }  # fmt: skip
    scenario.lost_nothing("1 node with 1 link of each kind, 1 created: true, 49 created: false")


@pytest.mark.reliability("50 different addClaim, then 50 different addAssertion, at once")
async def test_different_writes_at_once_all_land(
    writer: httpx.AsyncClient,
    writable_seed_graph: Graph,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(
        f"{RACERS} concurrent addClaim with distinct ids, then {RACERS} concurrent "
        "addAssertion with distinct ids (one speaker, one source, distinct claims)"
    )
    records, _, _ = await writable_seed_graph.driver.execute_query(
        "MATCH (c:Claim) RETURN c.id AS id ORDER BY id LIMIT $n",
        n=RACERS,
        database_=settings.neo4j_database,
    )
    seed_claims = [record["id"] for record in records]
    assert len(seed_claims) == RACERS
    before = (await graph_counts(writable_seed_graph))["nodes"]
    claims = [{"input": {"id": f"claim-test-many-{i}", "text": f"Claim {i}."}} for i in range(50)]
    assertions = [
        {"input": NEW_ASSERTION | {"id": f"asrt-test-many-{i}", "claimId": claim_id}}
        for i, claim_id in enumerate(seed_claims)
    ]
    claim_answers = await race(writer, ADD_CLAIM, claims, scenario)
    assertion_answers = await race(writer, ADD_ASSERTION, assertions, scenario)
    assert created_flags(claim_answers, "addClaim") == {True: RACERS}
    assert created_flags(assertion_answers, "addAssertion") == {True: RACERS}
    after = (await graph_counts(writable_seed_graph))["nodes"]
    assert after["Claim"] - before["Claim"] == RACERS
    assert after["Assertion"] - before["Assertion"] == RACERS
    scenario.lost_nothing(f"Claim +{RACERS}, Assertion +{RACERS}, every answer created: true")


@pytest.mark.reliability("50 addClaim, one id, different content, at once")
async def test_one_id_with_different_contents_at_once_has_one_winner(
    writer: httpx.AsyncClient,
    writable_seed_graph: Graph,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(f"{RACERS} concurrent addClaim, one id, {RACERS} different texts")
    variants = [
        {"input": {"id": "claim-test-contested", "text": f"Version {i}."}} for i in range(50)
    ]
    answers = await race(writer, ADD_CLAIM, variants, scenario)
    winners = [body["data"]["addClaim"] for _, body in answers if body.get("data")]
    codes = Counter(
        body["errors"][0]["extensions"]["code"] for _, body in answers if "errors" in body
    )
    assert len(winners) == 1
    assert winners[0]["created"] is True
    assert codes == {"DUPLICATE": RACERS - 1}
    records, _, _ = await writable_seed_graph.driver.execute_query(
        "MATCH (c:Claim {id: 'claim-test-contested'}) RETURN c.text AS text",
        database_=settings.neo4j_database,
    )
    assert [record["text"] for record in records] == [winners[0]["claim"]["text"]]
    assert await results_of(writable_seed_graph, answers) == {
        "CREATED": 1, "REFUSED": RACERS - 1
    }  # fmt: skip
    scenario.lost_nothing("1 node holding the winner's text; 49 DUPLICATE, none overwrote it")


@pytest.mark.reliability("read right after write")
async def test_a_read_right_after_a_write_sees_it(
    writer: httpx.AsyncClient, writable_seed_graph: Graph, scenario: Scenario
) -> None:
    scenario.did("20 times: addClaim, then at once a new request reading that claim")
    for i in range(20):
        claim = {"id": f"claim-test-ryw-{i}", "text": f"Read me {i}."}
        _, written = await post(writer, ADD_CLAIM, {"input": claim})
        assert written["data"]["addClaim"]["created"] is True
        _, read = await post(
            writer, "query ($id: ID!) { claim(id: $id) { text } }", {"id": claim["id"]}
        )
        assert read == {"data": {"claim": {"text": claim["text"]}}}
    scenario.lost_nothing("20 of 20 writes read back by the next request")


async def test_writes_advance_the_bookmarks_that_reads_wait_for(
    writable_seed_graph: Graph, settings: Settings
) -> None:
    """Writes and reads share the driver's execute_query bookmark manager: after a write,
    the bookmarks every later read waits for include it (what keeps a read routed to a
    cluster secondary from missing the write)."""
    async with open_driver(settings) as driver:
        manager = driver.execute_query_bookmark_manager
        graph = Graph(driver, settings.neo4j_database)
        await graph.read("RETURN 1")
        before = await manager.get_bookmarks()
        attempt = Attempt("req-bookmarks", "desk", "addClaim", ("claim-test-bookmarks",))
        raw = {"id": "claim-test-bookmarks", "text": "Bookmarked."}
        assert await writes.add_claim(graph, raw, attempt) is True
        after = await manager.get_bookmarks()
    assert before
    assert after
    assert after != before


async def test_a_write_meeting_the_uniqueness_constraint_runs_again_and_finds_the_node(
    writable_seed_graph: Graph, settings: Settings
) -> None:
    """Should a MERGE ever lose its race to the constraint rather than to the other
    node, the write runs again, and then answers as already there."""
    existing = "claim-test-constraint"
    batch = WriteBatch.of("addClaim", rows_of(Claim(id=existing, text="Once.")))
    first = Attempt(new_request_id(), "desk", "addClaim", (existing,))
    created = await writes.commit_audited(
        writable_seed_graph, first, writes.write_audited, batch, "Claim", first
    )
    assert created.result is Result.CREATED
    attempt = Attempt(new_request_id(), "desk", "addClaim", (existing,))
    runs = 0

    async def meets_the_constraint_once(
        tx: AsyncManagedTransaction, batch: WriteBatch, kind: str, attempt: Attempt
    ) -> AuditEvent:
        nonlocal runs
        runs += 1
        if runs == 1:
            result = await tx.run("CREATE (:Claim {id: $id})", id=existing)
            await result.consume()
        return await writes.write_audited(tx, batch, kind, attempt)

    event = await writes.commit_audited(
        writable_seed_graph, attempt, meets_the_constraint_once, batch, "Claim", attempt
    )
    assert runs == 2
    assert event.result is Result.ALREADY_THERE
    assert attempt.recorded == event
    assert await count_nodes(writable_seed_graph, "Claim", existing) == 1
    [stored] = await audit_events(writable_seed_graph, attempt.request_id)
    assert stored["id"] == event.id
