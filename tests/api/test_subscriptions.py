"""Subscriptions over graphql-transport-ws, with a real WebSocket client against real
uvicorn processes on the test database: a write through one process reaches a
subscriber of another; the bounds, the tokens, the origins and the shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimtrace.core.database import Graph
from claimtrace.core.plans import WriteBatch, rows_of
from claimtrace.core.records import Conflict
from claimtrace.core.settings import Settings
from claimtrace.core.vocabulary import ConflictKind
from claimtrace.core.writing import write_batch
from tests.support.uvicorn_process import RunningApi, running_api
from tests.support.websocket import Subscriber, acknowledged, subscriber
from tests.support.writing import (
    ADD_ASSERTION,
    ADD_CLAIM,
    AUTH,
    LINK,
    NEW_ASSERTION,
    NEW_CLAIM,
    TOKEN,
    TOKEN_NAME,
)

pytestmark = pytest.mark.neo4j

POLL = "0.2"
BASE_ENV = {
    "CLAIMTRACE_API_TOKENS": f"{TOKEN_NAME}:{TOKEN}",
    "CLAIMTRACE_SUBSCRIPTION_POLL_SECONDS": POLL,
}
TIGHT_ENV = BASE_ENV | {
    "CLAIMTRACE_MODE": "production",
    "CLAIMTRACE_WEBSOCKET_ORIGINS": "https://desk.example",
    "CLAIMTRACE_MAX_WEBSOCKETS": "2",
    "CLAIMTRACE_SUBSCRIPTIONS_PER_CONNECTION": "2",
    "CLAIMTRACE_SUBSCRIPTION_QUEUE": "3",
    "CLAIMTRACE_SUBSCRIPTION_EVENTS_PER_SECOND": "1",
    "CLAIMTRACE_HEAD_TIMEOUT_SECONDS": "2",  # also the time given to connection_init
}
DISAGREEMENTS = """subscription (
  $topic: ID, $kinds: [ConflictKind!], $candidates: [CandidateKind!]) {
  disagreementAppeared(topicId: $topic, kinds: $kinds, candidateKinds: $candidates) {
    status kind candidateKind candidateId note claims { id } recordedAt } }"""
ASSERTIONS = """subscription ($claim: ID!) {
  assertionAdded(claimId: $claim) { id stance quote speaker { name } } }"""
TAJI = "claim-hill-taji-rockets-june-2019"
MOSUL = "claim-hill-mosul-rockets-june-2019"
TRAINING = "claim-hill-coalition-trains-iraqis-at-taji"  # the only one about troop presence
THREE_DAYS = "claim-hill-rockets-three-days-june-2019"
EFP = "claim-efp-196-killed"
# A count of the EFPs' victims that the seed's "at least 196" excludes: detection finds it.
FEWER_EFP: dict[str, Any] = {
    "id": "claim-test-efp-150", "topicIds": ["topic-attacks-and-casualties"],
    "text": "Explosively formed penetrators (EFPs) supplied by Iran killed 150 US troops in Iraq.",
    "quantity": {"value": 150, "unit": "US troops killed", "qualifier": "EXACTLY"},
}  # fmt: skip
TROOP_PRESENCE = "topic-us-troop-presence"
# Long enough for several polls of 0.2 s: an event due would have arrived.
SETTLE_SECONDS = 1.5


@pytest.fixture(scope="module")
async def pair(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[RunningApi, RunningApi]]:
    """Two API processes on one database."""
    logs = tmp_path_factory.mktemp("pair")
    async with (
        running_api(settings, logs / "a.log", BASE_ENV) as a,
        running_api(settings, logs / "b.log", BASE_ENV) as b,
    ):
        yield a, b
    for api in (a, b):
        assert api.stopped_cleanly()
        assert api.problems() == []


@pytest.fixture(scope="module")
async def tight(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningApi]:
    """An API in production mode with small bounds, and one other origin allowed."""
    logs = tmp_path_factory.mktemp("tight")
    async with running_api(settings, logs / "tight.log", TIGHT_ENV) as api:
        yield api
    assert api.stopped_cleanly()
    assert api.problems() == []


async def write(api: RunningApi, query: str, **variables: Any) -> Any:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=30) as client:
        response = await client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=AUTH
        )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def link(api: RunningApi, first: str, second: str, note: str) -> None:
    conflict = {"claimIds": [first, second], "kind": "NUMERIC", "note": note}
    assert (await write(api, LINK, input=conflict))["linkConflict"]["created"] is True


@contextlib.asynccontextmanager
async def subscribed(
    api: RunningApi, query: str, payload: dict[str, Any] | None = None, **variables: Any
) -> AsyncIterator[Subscriber]:
    async with acknowledged(api.base_url, payload) as client:
        await client.subscribe("1", query, **variables)
        await asyncio.sleep(SETTLE_SECONDS)  # its first poll has taken note of the present
        yield client


def disagreement(message: dict[str, Any]) -> dict[str, Any]:
    assert message["type"] == "next", message
    event: dict[str, Any] = message["payload"]["data"]["disagreementAppeared"]
    return event


def error_code(message: dict[str, Any]) -> str:
    """The code of a subscription's error: in an ``error`` message, or in a ``next``
    message's errors (an error raised once the stream has started)."""
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    code: str = errors[0]["extensions"]["code"]
    return code


# ------------------------------------------------------------- across processes


async def test_a_conflict_written_through_one_process_reaches_a_subscriber_of_another(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    a, b = pair
    async with subscribed(b, DISAGREEMENTS) as client:
        await link(a, TAJI, MOSUL, "Written through process A.")
        event = disagreement(await client.receive())
        assert await client.quiet_for(SETTLE_SECONDS) == []  # once, not once per poll
    assert event["status"] == "CONFIRMED"
    assert (event["kind"], event["candidateKind"], event["candidateId"]) == ("NUMERIC", None, None)
    assert event["note"] == "Written through process A."
    assert sorted(c["id"] for c in event["claims"]) == sorted([TAJI, MOSUL])


async def test_an_assertion_added_through_one_process_reaches_a_subscriber_of_another(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    a, b = pair
    await write(a, ADD_CLAIM, input=NEW_CLAIM)
    async with subscribed(b, ASSERTIONS, claim=NEW_CLAIM["id"]) as client:
        await write(a, ADD_ASSERTION, input=NEW_ASSERTION)
        message = await client.receive()
        assert await client.quiet_for(SETTLE_SECONDS) == []
    assert message["payload"]["data"]["assertionAdded"] == {
        "id": NEW_ASSERTION["id"],
        "stance": "SUPPORTS",
        "quote": NEW_ASSERTION["quote"],
        "speaker": {"name": "Seth J. Frantzman"},
    }


async def test_assertions_of_a_claim_that_does_not_exist_are_refused_typed(
    pair: tuple[RunningApi, RunningApi], seed_graph: Graph
) -> None:
    _, b = pair
    async with subscriber(b.base_url) as client:
        await client.init()
        await client.subscribe("1", ASSERTIONS, claim="claim-nowhere")
        refused = await client.receive()
    assert error_code(refused) == "NOT_FOUND"
    assert refused["payload"]["errors"][0]["extensions"]["field"] == "claimId"


async def test_what_was_recorded_before_subscribing_is_not_delivered(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    a, b = pair
    await link(a, TAJI, MOSUL, "Before.")
    async with subscribed(b, DISAGREEMENTS) as client:
        assert await client.quiet_for(SETTLE_SECONDS) == []


async def test_links_recorded_at_the_same_instant_arrive_each_once(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    """One batch, one recordedAt: the cursor's tie-break (the pair of ids) keeps them apart."""
    _, b = pair
    pairs = [(TAJI, MOSUL), (TAJI, THREE_DAYS), (MOSUL, THREE_DAYS), (EFP, TAJI)]
    conflicts = [conflict(pair, f"Tie {i}.") for i, pair in enumerate(pairs)]
    batch = WriteBatch.of("test", [row for c in conflicts for row in rows_of(c)])
    async with subscribed(b, DISAGREEMENTS) as client:
        await write_batch(writable_seed_graph, batch, time_now())
        events = [disagreement(await client.receive()) for _ in pairs]
        assert await client.quiet_for(SETTLE_SECONDS) == []
    assert sorted(e["note"] for e in events) == [f"Tie {i}." for i in range(len(pairs))]
    assert len({e["recordedAt"] for e in events}) == 1


async def test_a_topic_and_kinds_filter_what_is_delivered(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    a, b = pair
    async with subscribed(b, DISAGREEMENTS, topic=TROOP_PRESENCE, kinds=["NUMERIC"]) as client:
        await link(a, TAJI, MOSUL, "Not about troop presence.")
        await write(a, LINK, input={"claimIds": [TRAINING, MOSUL], "kind": "OPPOSITE",
                                    "note": "About troop presence, but OPPOSITE."})  # fmt: skip
        await link(a, TRAINING, TAJI, "About troop presence.")
        event = disagreement(await client.receive())
        assert await client.quiet_for(SETTLE_SECONDS) == []
    assert event["note"] == "About troop presence."


# ------------------------------------------------------------------ tokens


async def test_candidates_need_a_token_and_reach_its_holder_then_their_confirmation(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    """A claim added through A is followed by detection there; the candidate it finds
    reaches a token holder subscribed on B, and so does the link its confirmation makes."""
    a, b = pair
    async with subscriber(b.base_url) as anonymous:
        await anonymous.init()
        await anonymous.subscribe("1", DISAGREEMENTS, candidates=["NUMERIC"])
        assert error_code(await anonymous.receive()) == "UNAUTHENTICATED"
    authorized = {"authorization": f"Bearer {TOKEN}"}
    query = {"kinds": ["NUMERIC"], "candidates": ["NUMERIC"]}
    async with subscribed(b, DISAGREEMENTS, authorized, **query) as client:
        await write(a, ADD_CLAIM, input=FEWER_EFP)
        candidate = disagreement(await client.receive())
        confirm = "mutation ($id: ID!) { confirmCandidate(id: $id) { status } }"
        confirmed = await write(a, confirm, id=candidate["candidateId"])
        assert confirmed["confirmCandidate"]["status"] == "CONFIRMED"
        link = disagreement(await client.receive())
        assert await client.quiet_for(SETTLE_SECONDS) == []
    assert (candidate["status"], candidate["candidateKind"], candidate["kind"]) == (
        "CANDIDATE",
        "NUMERIC",
        None,
    )
    assert "[196, inf)" in candidate["note"]
    assert sorted(c["id"] for c in candidate["claims"]) == sorted([EFP, FEWER_EFP["id"]])
    assert (link["status"], link["kind"], link["candidateId"]) == ("CONFIRMED", "NUMERIC", None)
    assert link["note"] == candidate["note"]


async def test_a_wrong_token_closes_the_connection_with_4403(
    pair: tuple[RunningApi, RunningApi],
) -> None:
    _, b = pair
    async with subscriber(b.base_url) as client:
        await client.send({"type": "connection_init", "payload": {"authorization": "Bearer x"}})
        assert await client.closed() == (4403, "Forbidden")


async def test_queries_and_mutations_are_refused_over_websocket(
    pair: tuple[RunningApi, RunningApi], writable_seed_graph: Graph
) -> None:
    _, b = pair
    async with subscriber(b.base_url) as client:
        await client.init({"authorization": f"Bearer {TOKEN}"})
        await client.subscribe("1", "{ topics { id } }")
        refused = await client.receive()
        assert await client.receive() == {"id": "1", "type": "complete"}
        await client.subscribe("2", LINK, input={"claimIds": [TAJI, MOSUL], "kind": "NUMERIC",
                                                  "note": "Over a socket."})  # fmt: skip
        refused_write = await client.receive()
    for message in (refused, refused_write):
        assert message["type"] == "next"
        assert message["payload"]["data"] is None
        assert error_code(message) == "METHOD_NOT_ALLOWED"
    records = await writable_seed_graph.read(
        "MATCH (:Claim {id: $a})-[r:CONTRADICTS]-(:Claim {id: $b}) RETURN count(r) AS n",
        a=TAJI,
        b=MOSUL,
    )
    assert records[0]["n"] == 0


async def test_a_subscription_over_http_is_refused(pair: tuple[RunningApi, RunningApi]) -> None:
    _, b = pair
    query = {"query": DISAGREEMENTS}
    async with httpx.AsyncClient(base_url=b.base_url, timeout=10) as client:
        plain = await client.post("/graphql", json=query)
        streamed = await client.post(
            "/graphql",
            json=query,
            headers={"accept": 'multipart/mixed;subscriptionSpec="1.0",application/json'},
        )
    for response in (plain, streamed):
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert body["data"] is None
        assert error_code({"type": "next", "payload": body}) == "METHOD_NOT_ALLOWED"


# ------------------------------------------------------------------ bounds


async def test_a_connection_holds_a_bounded_number_of_subscriptions(
    tight: RunningApi, seed_graph: Graph
) -> None:
    async with subscriber(tight.base_url) as client:
        await client.init()
        for op_id in ("1", "2", "3"):
            await client.subscribe(op_id, DISAGREEMENTS)
        message = await client.receive()
    assert message["id"] == "3"
    assert error_code(message) == "SUBSCRIPTION_LIMIT"


async def test_a_process_holds_a_bounded_number_of_connections(tight: RunningApi) -> None:
    async with (
        acknowledged(tight.base_url),
        acknowledged(tight.base_url),
        subscriber(tight.base_url) as third,
    ):
        code, reason = await third.closed()
    assert code == 1013
    assert reason is not None
    assert "2 WebSocket connections at most" in reason
    async with acknowledged(tight.base_url) as later:  # once the others have gone
        assert "connection_ack" in later.transcript[-1]


async def test_events_leave_a_connection_at_its_rate(
    tight: RunningApi, writable_seed_graph: Graph
) -> None:
    """One event a second: three found by one poll take at least two seconds to arrive."""
    pairs = [(TAJI, MOSUL), (TAJI, THREE_DAYS), (MOSUL, THREE_DAYS)]
    async with subscribed(tight, DISAGREEMENTS) as client:
        await write_conflicts(writable_seed_graph, pairs)
        arrivals = []
        for _ in pairs:
            disagreement(await client.receive())
            arrivals.append(time.monotonic())
    assert arrivals[-1] - arrivals[0] >= 1.9


async def test_more_new_events_than_the_queue_holds_end_the_subscription_typed(
    tight: RunningApi, writable_seed_graph: Graph
) -> None:
    pairs = [(TAJI, MOSUL), (TAJI, THREE_DAYS), (MOSUL, THREE_DAYS), (EFP, TAJI)]
    async with subscribed(tight, DISAGREEMENTS) as client:
        await write_conflicts(writable_seed_graph, pairs)
        ended = await client.receive()
        completed = await client.receive()
    assert error_code(ended) == "SUBSCRIPTION_OVERFLOW"
    assert ended["payload"]["errors"][0]["extensions"]["events"] == 4
    assert completed == {"id": "1", "type": "complete"}


async def test_a_connection_that_never_initialises_is_closed_with_4408(tight: RunningApi) -> None:
    async with subscriber(tight.base_url) as client:
        started = time.monotonic()
        assert await client.closed() == (4408, "Connection initialisation timeout")
    assert time.monotonic() - started >= 1.9


async def test_a_message_over_64_kib_closes_the_connection_with_1009(tight: RunningApi) -> None:
    async with subscriber(tight.base_url) as client:
        await client.init()
        await client.subscribe("1", DISAGREEMENTS, topic="t" * 70_000)
        code, _ = await client.closed()
    assert code == 1009


# ------------------------------------------------------------------ origins


async def test_pages_of_other_origins_may_not_open_a_socket_unless_listed(
    tight: RunningApi,
) -> None:
    from websockets.exceptions import InvalidStatus

    with pytest.raises(InvalidStatus) as refused:
        async with subscriber(tight.base_url, origin="https://elsewhere.example"):
            pass
    assert refused.value.response.status_code == 403
    async with subscriber(tight.base_url, origin="https://desk.example") as listed:
        assert (await listed.init())["type"] == "connection_ack"


async def test_websocket_is_served_on_graphql_only(pair: tuple[RunningApi, RunningApi]) -> None:
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    _, b = pair
    url = b.base_url.replace("http://", "ws://") + "/healthz"
    with pytest.raises(InvalidStatus) as refused:
        async with connect(url, open_timeout=15):
            pass
    assert refused.value.response.status_code == 403


# ------------------------------------------------------------------ shutdown


async def test_shutdown_closes_subscriptions_with_1001_and_stops_cleanly(
    settings: Settings, seed_graph: Graph, tmp_path: Path
) -> None:
    async with (
        running_api(settings, tmp_path / "uvicorn.log", BASE_ENV) as api,
        subscribed(api, DISAGREEMENTS) as client,
    ):
        started = time.monotonic()
        stopping = asyncio.create_task(api.stop())
        code, reason = await client.closed()
        await stopping
        seconds = time.monotonic() - started
    assert (code, reason) == (1001, "The server is shutting down; connect again.")
    assert seconds < 5  # uvicorn's graceful shutdown would have waited 5 s for the socket
    assert api.stopped_cleanly(), api.log()[-2000:]
    assert api.problems() == []


# ------------------------------------------------------------------ helpers


def time_now() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC)


def conflict(pair: tuple[str, str], note: str) -> Conflict:
    first, second = sorted(pair)  # stored from the smaller id to the larger
    return Conflict(first, second, ConflictKind.NUMERIC, note)


async def write_conflicts(graph: Graph, pairs: list[tuple[str, str]]) -> None:
    """Several links in one transaction, so that one poll finds them all."""
    conflicts = [conflict(pair, f"Batch {i}.") for i, pair in enumerate(pairs)]
    batch = WriteBatch.of("test", [row for c in conflicts for row in rows_of(c)])
    await write_batch(graph, batch, time_now())
