"""Real uvicorn on loopback under many clients: nothing fails and every acknowledged write
is in the graph; past the concurrency limit, fast refusals instead of a queue."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from neo4j import RoutingControl

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from tests.conftest import SEED_DATA
from tests.support.bare_http import Connection, Reply
from tests.support.scenarios import Scenario
from tests.support.seed import records_in_files
from tests.support.traffic import (
    PLAN,
    WRITE_EVERY,
    Corpus,
    Outcome,
    percentiles_ms,
    read_corpus,
    request_for,
    send,
)
from tests.support.uvicorn_process import RunningApi, running_api

pytestmark = pytest.mark.neo4j

CLIENTS = 32
DURATION_SECONDS = 60.0
CLIENT_TIMEOUT_SECONDS = 30.0
SEED_CLAIMS = len(records_in_files(SEED_DATA)["claims"])
TOKEN = "load-test-writer-0123456789"
WRITER = {"authorization": f"Bearer {TOKEN}"}
WRITTEN_IDS = "MATCH (c:Claim) WHERE c.id STARTS WITH $prefix RETURN c.id AS id"


@dataclass(frozen=True)
class LoadRun:
    warm_up: list[Outcome]
    outcomes: list[Outcome]  # the timed ones
    seconds: float

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in [*self.warm_up, *self.outcomes] if o.failure is not None]

    @property
    def writes(self) -> int:
        return sum(o.kind == "write" for o in [*self.warm_up, *self.outcomes])

    @property
    def written(self) -> set[str]:
        return {o.written for o in [*self.warm_up, *self.outcomes] if o.written}

    def summary(self) -> str:
        p50, p95, p99 = percentiles_ms([outcome.seconds for outcome in self.outcomes])
        return (
            f"{len(self.outcomes)} requests, {len(self.outcomes) / self.seconds:.0f} req/s, "
            f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms"
        )


async def one_client(api: RunningApi, index: int, corpus: Corpus, deadline: float) -> list[Outcome]:
    outcomes = []
    async with httpx.AsyncClient(base_url=api.base_url, timeout=CLIENT_TIMEOUT_SECONDS) as client:
        n = 0
        while time.monotonic() < deadline:
            kind = PLAN[(index + n) % len(PLAN)]
            headers = WRITER if kind == "write" else {}
            outcomes.append(await send(client, kind, request_for(kind, index, n, corpus), headers))
            n += 1
    return outcomes


async def warm_up(api: RunningApi, index: int, corpus: Corpus) -> list[Outcome]:
    """One request of each kind in turn, before the clock starts. The first of each has a
    fresh Neo4j plan and compile its queries, which takes seconds on a busy machine; with
    every client waiting on those at once, the test would time query planning."""
    async with httpx.AsyncClient(base_url=api.base_url, timeout=CLIENT_TIMEOUT_SECONDS) as client:
        return [
            await send(client, kind, request_for(kind, index, 0, corpus), WRITER)
            for kind in dict.fromkeys(PLAN)
        ]


async def load(api: RunningApi, clients: int, duration: float) -> LoadRun:
    async with httpx.AsyncClient(base_url=api.base_url, timeout=CLIENT_TIMEOUT_SECONDS) as client:
        corpus = await read_corpus(client)
    first = await warm_up(api, clients, corpus)
    started = time.monotonic()
    deadline = started + duration
    per_client = await asyncio.gather(
        *(one_client(api, index, corpus, deadline) for index in range(clients))
    )
    timed = [o for outcomes in per_client for o in outcomes]
    return LoadRun(first, timed, time.monotonic() - started)


async def written_in_graph(graph: Graph, prefix: str) -> set[str]:
    records, _, _ = await graph.driver.execute_query(
        WRITTEN_IDS, prefix=prefix, routing_=RoutingControl.READ, database_=graph.database
    )
    return {record["id"] for record in records}


@pytest.mark.slow
@pytest.mark.reliability("32 clients for 60 s on loopback")
async def test_many_clients_for_a_minute(
    writable_seed_graph: Graph, settings: Settings, tmp_path: Path, scenario: Scenario
) -> None:
    scenario.did(
        f"{CLIENTS} clients, {DURATION_SECONDS:.0f} s of provenance, search, comparePositions, "
        f"claim, sources and people pages, 1 in {WRITE_EVERY} an addClaim, on real uvicorn"
    )
    token = {"CLAIMTRACE_API_TOKENS": f"load:{TOKEN}"}
    async with running_api(settings, tmp_path / "uvicorn.log", token) as api:
        run = await load(api, CLIENTS, DURATION_SECONDS)
    failures = run.failures
    assert not failures, f"{len(failures)} of {len(run.outcomes)} failed, e.g. {failures[:3]}"
    writes = run.writes
    assert writes > 1
    assert len(run.written) == writes, "every write has a fresh id, so each must be created"
    in_graph = await written_in_graph(writable_seed_graph, "claim-load-")
    assert in_graph == run.written
    counts = await graph_counts(writable_seed_graph)
    assert counts["nodes"]["Claim"] == SEED_CLAIMS + writes
    assert api.problems() == []
    assert api.stopped_cleanly(), api.log()[-2000:]
    scenario.measure(run.summary())
    scenario.measure("0 failed")
    scenario.lost_nothing(
        f"all {writes} acknowledged addClaim in the graph by id; "
        f"Claim count exactly {SEED_CLAIMS} + {writes}"
    )


# ------------------------------------------------------------------- overload

OVERLOAD_LIMIT = 4
OVERLOAD_CLIENTS = 64
OVERLOAD_WAVES = 3
WRITES_PER_REQUEST = 10
# "Much faster": the slowest refusal against the median of the requests served.
REFUSAL_SPEEDUP = 3.0


def write_batch(tag: str) -> dict[str, str]:
    """Ten addClaim in one request. GraphQL runs mutations one after another, so a served
    request is ten database round trips in a row, while between them the API's one event
    loop is free to refuse others: what a refusal waits for is the loop, not a slot."""
    mutations = " ".join(
        f'w{i}: addClaim(input: {{id: "claim-burst-{tag}-{i}", text: "Burst claim {tag}-{i}.", '
        'topicIds: ["topic-us-response"]}) { created }'
        for i in range(WRITES_PER_REQUEST)
    )
    return {"query": f"mutation {{ {mutations} }}"}


def ids_of(tag: str) -> set[str]:
    return {f"claim-burst-{tag}-{i}" for i in range(WRITES_PER_REQUEST)}


@dataclass(frozen=True)
class Sent:
    tag: str
    answer: Reply | BaseException

    @property
    def served(self) -> bool:
        if not isinstance(self.answer, Reply) or self.answer.status != 200:
            return False
        body = self.answer.json()
        return (
            "errors" not in body
            and [w["created"] for w in body["data"].values()] == [True] * WRITES_PER_REQUEST
        )

    @property
    def overloaded(self) -> bool:
        if not isinstance(self.answer, Reply) or self.answer.status != 503:
            return False
        body = self.answer.json()
        return (
            self.answer.headers.get("retry-after", "").isdigit()
            and "data" not in body
            and [error["extensions"] for error in body["errors"]] == [{"code": "OVERLOADED"}]
        )

    @property
    def seconds(self) -> float:
        assert isinstance(self.answer, Reply)
        return self.answer.seconds


async def fire(api: RunningApi, tags: list[str], probe: httpx.AsyncClient) -> list[Sent]:
    """One write batch per tag, all at once; health and readiness are asked meanwhile.
    Connections are opened first (uvicorn closes idle ones after 5 s), so that the
    requests are timed, not TCP handshakes."""
    connections = await asyncio.gather(
        *(Connection.open(api.base_url, CLIENT_TIMEOUT_SECONDS) for _ in tags)
    )
    try:
        answers = asyncio.gather(
            *(
                c.post_json("/graphql", write_batch(tag), WRITER)
                for c, tag in zip(connections, tags, strict=True)
            ),
            return_exceptions=True,
        )
        for path in ("/healthz", "/readyz"):
            assert (await probe.get(path)).status_code == 200, f"{path} is never refused"
        return [Sent(tag, answer) for tag, answer in zip(tags, await answers, strict=True)]
    finally:
        await asyncio.gather(*(c.close() for c in connections))


async def overload(api: RunningApi) -> tuple[list[Sent], list[Sent]]:
    """The bursts, then as many requests as the limit at once (after one served first,
    so that no burst times query planning)."""
    async with httpx.AsyncClient(base_url=api.base_url, timeout=CLIENT_TIMEOUT_SECONDS) as probe:
        [warm] = await fire(api, ["warm"], probe)
        assert warm.served, warm
        bursts = []
        for wave in range(OVERLOAD_WAVES):
            bursts += await fire(api, [f"{wave}-{c}" for c in range(OVERLOAD_CLIENTS)], probe)
        after = await fire(api, [f"after-{c}" for c in range(OVERLOAD_LIMIT)], probe)
    return bursts, [warm, *after]


@pytest.mark.slow
@pytest.mark.reliability("beyond the concurrency limit")
async def test_beyond_the_limit_refusals_are_fast_and_nothing_hangs(
    writable_seed_graph: Graph, settings: Settings, tmp_path: Path, scenario: Scenario
) -> None:
    scenario.did(
        f"{OVERLOAD_WAVES} bursts of {OVERLOAD_CLIENTS} simultaneous clients, each sending "
        f"{WRITES_PER_REQUEST} addClaim, at uvicorn limited to {OVERLOAD_LIMIT} requests"
    )
    env = {"CLAIMTRACE_MAX_CONCURRENT_REQUESTS": str(OVERLOAD_LIMIT),
           "CLAIMTRACE_API_TOKENS": f"load:{TOKEN}"}  # fmt: skip
    async with running_api(settings, tmp_path / "uvicorn.log", env) as api:
        bursts, others = await overload(api)
    hung = [sent for sent in bursts if not isinstance(sent.answer, Reply)]
    assert not hung, f"every request must end within {CLIENT_TIMEOUT_SECONDS}s: {hung[:3]}"
    refused = [sent for sent in bursts if sent.overloaded]
    served = [sent for sent in bursts if sent.served]
    assert len(refused) + len(served) == len(bursts), "only 200, or 503 OVERLOADED"
    assert refused
    assert served
    assert all(sent.served for sent in others), "served normally before and afterwards"
    slowest_refusal = max(sent.seconds for sent in refused)
    served_median = statistics.median(sent.seconds for sent in served)
    assert slowest_refusal * REFUSAL_SPEEDUP < served_median, (slowest_refusal, served_median)
    written = set().union(*(ids_of(sent.tag) for sent in [*served, *others]))
    assert await written_in_graph(writable_seed_graph, "claim-burst-") == written
    counts = await graph_counts(writable_seed_graph)
    assert counts["nodes"]["Claim"] == SEED_CLAIMS + len(written)
    assert api.problems() == []
    assert api.stopped_cleanly(), api.log()[-2000:]
    scenario.measure(
        f"{len(refused)} of {len(bursts)} refused (503 OVERLOADED); slowest refusal "
        f"{slowest_refusal * 1000:.0f} ms, served median {served_median * 1000:.0f} ms "
        f"({served_median / slowest_refusal:.0f}x)"
    )
    scenario.lost_nothing(
        f"all {len(bursts)} answered, none hung or other 5xx; the {len(written)} claims of "
        f"served batches in the graph, none of the {len(refused)} refused ones"
    )
