"""Clients that send slowly, or not at all, cost a real uvicorn nothing.

64 connections that send the headers of a POST and a few bytes of its body, then
wait, used to hold every slot of the concurrency limit for as long as they liked:
every other client got 503. Now a request counts only once its body is in, a body that
does not arrive in time is answered 408 and its connection closed, and uvicorn's
protocol bounds the time and size of each request's head.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.bare_http import Connection
from tests.support.scenarios import Scenario
from tests.support.uvicorn_process import RunningApi, running_api

pytestmark = pytest.mark.neo4j

SLOW_CLIENTS = 64
BODY_TIMEOUT_SECONDS = 3.0
HEAD_TIMEOUT_SECONDS = 1.0
SAMPLES = 30
QUERY = {"query": '{ claim(id: "claim-efp-196-killed") { id text } }'}
ANSWER = {"claim": {"id": "claim-efp-196-killed"}}
ENV = {
    "CLAIMTRACE_BODY_TIMEOUT_SECONDS": str(BODY_TIMEOUT_SECONDS),
    "CLAIMTRACE_HEAD_TIMEOUT_SECONDS": str(HEAD_TIMEOUT_SECONDS),
}
# The headers of a POST announcing 100 bytes of body, and 9 of them.
HALF_SENT = (
    b"POST /graphql HTTP/1.1\r\nhost: claimtrace\r\ncontent-type: application/json\r\n"
    b"content-length: 100\r\n\r\n"
    b'{"query":'
)


@dataclass(frozen=True)
class Ending:
    """How the server ended a connection: what it sent, when, and whether it closed."""

    status: int | None
    code: str | None
    seconds: float
    closed: bool


async def ending(
    reader: asyncio.StreamReader, since: float, within: float, *, reset_is_closed: bool = False
) -> Ending:
    """Everything the server sends until it closes the connection (at most ``within``)."""
    try:
        data = await asyncio.wait_for(reader.read(), within)
        closed = True
    except TimeoutError:
        data, closed = b"", False
    except ConnectionResetError:
        data, closed = b"", reset_is_closed
    seconds = time.monotonic() - since
    if not data:
        return Ending(None, None, seconds, closed)
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    code = json.loads(body)["errors"][0]["extensions"]["code"]
    return Ending(status, code, seconds, closed)


async def latencies(api: RunningApi, count: int) -> list[float]:
    """``count`` simple queries in a row on one keep-alive connection; each must succeed."""
    connection = await Connection.open(api.base_url, reply_seconds=10)
    try:
        replies = [await connection.post_json("/graphql", QUERY) for _ in range(count)]
    finally:
        await connection.close()
    assert [reply.status for reply in replies] == [200] * count, [r.body for r in replies]
    assert all(reply.json()["data"]["claim"]["id"] == ANSWER["claim"]["id"] for reply in replies)
    return [reply.seconds for reply in replies]


@contextlib.asynccontextmanager
async def raw_connections(
    api: RunningApi, *firsts: bytes
) -> AsyncIterator[list[asyncio.StreamReader]]:
    """One connection per item of ``firsts``, each sent those bytes; closed afterwards."""
    host, port = api.base_url.removeprefix("http://").split(":")
    opened = await asyncio.gather(*(asyncio.open_connection(host, int(port)) for _ in firsts))
    try:
        for (_, writer), first in zip(opened, firsts, strict=True):
            writer.write(first)
        yield [reader for reader, _ in opened]
    finally:
        for _, writer in opened:
            writer.close()
        for _, writer in opened:
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()


@pytest.mark.reliability("slow bodies")
async def test_half_sent_bodies_leave_other_clients_served_at_their_usual_speed(
    seed_graph: Graph, settings: Settings, tmp_path: Path, scenario: Scenario
) -> None:
    scenario.did(
        f"{SLOW_CLIENTS} connections send the headers of a POST and 9 of its 100 bytes, "
        f"then wait; meanwhile {SAMPLES} simple queries; body deadline {BODY_TIMEOUT_SECONDS:g} s"
    )
    async with running_api(settings, tmp_path / "uvicorn.log", ENV) as api:
        await latencies(api, 5)  # warm: query plans, connections
        before = await latencies(api, SAMPLES)
        opened = time.monotonic()
        async with raw_connections(api, *[HALF_SENT] * SLOW_CLIENTS) as slow:
            during = await latencies(api, SAMPLES)
            measured_within = time.monotonic() - opened
            endings = await asyncio.gather(
                *(ending(reader, opened, BODY_TIMEOUT_SECONDS + 10) for reader in slow)
            )
        after = await latencies(api, SAMPLES)
    assert measured_within < BODY_TIMEOUT_SECONDS, "measured while they all still waited"
    assert {(e.status, e.code, e.closed) for e in endings} == {(408, "REQUEST_TIMEOUT", True)}
    latest = max(e.seconds for e in endings)
    assert min(e.seconds for e in endings) > BODY_TIMEOUT_SECONDS * 0.9
    assert latest < BODY_TIMEOUT_SECONDS + 5
    idle = statistics.median(before + after)
    busy = statistics.median(during)
    assert busy <= 2 * idle, f"median {busy * 1000:.1f} ms with them, {idle * 1000:.1f} without"
    assert api.problems() == []
    scenario.measure(
        f"simple query median {idle * 1000:.1f} ms idle, {busy * 1000:.1f} ms with "
        f"{SLOW_CLIENTS} half-sent bodies ({busy / idle:.2f}x); all {SLOW_CLIENTS} answered "
        f"408 and closed within {latest:.1f} s"
    )
    scenario.lost_nothing(
        f"all {3 * SAMPLES} simple queries answered with their data, none refused"
    )


async def test_a_connection_must_deliver_its_head_in_time_and_within_bounds(
    seed_graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    partial_head = b"POST /graphql HTTP/1.1\r\nhost: claimtrace\r\n"
    huge_head = partial_head + b"".join(b"x-pad-%d: %s\r\n" % (i, b"a" * 1000) for i in range(70))
    async with running_api(settings, tmp_path / "uvicorn.log", ENV) as api:
        opened = time.monotonic()
        async with raw_connections(api, b"", partial_head, huge_head) as readers:
            silent, partial, huge = readers
            endings = await asyncio.gather(
                ending(silent, opened, HEAD_TIMEOUT_SECONDS + 10),
                ending(partial, opened, HEAD_TIMEOUT_SECONDS + 10),
                ending(huge, opened, HEAD_TIMEOUT_SECONDS + 10, reset_is_closed=True),
            )
        await latencies(api, 3)
    silent_end, partial_end, huge_end = endings
    assert (silent_end.status, silent_end.closed) == (None, True), "closed without a word"
    assert (partial_end.status, partial_end.code, partial_end.closed) == (
        408,
        "REQUEST_TIMEOUT",
        True,
    )
    for end in (silent_end, partial_end):
        assert HEAD_TIMEOUT_SECONDS * 0.9 < end.seconds < HEAD_TIMEOUT_SECONDS + 5
    # Refused as soon as 64 KiB are in; a client still sending may see a reset instead.
    assert huge_end.closed
    assert huge_end.status in (431, None)
    assert huge_end.seconds < HEAD_TIMEOUT_SECONDS, "refused at once, not at the deadline"
