"""The benchmark's peer, @neo4j/graphql on Apollo Server (bench/peer/), in a Node.js
process of its own on the same Neo4j as the API. ``make peer-deps`` installs it from
its lockfile."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator
from pathlib import Path

from bench.server import ApiStartError, Served, stop
from claimtrace.core.settings import Settings

PEER_DIR = Path(__file__).resolve().parent / "peer"
PORTS = range(4100, 4200)
READY_TIMEOUT = 60.0


def peer_port() -> int:
    """The first free port of the peer's range (CLAIMTRACE_BENCH_PEER_PORT picks one)."""
    if chosen := os.environ.get("CLAIMTRACE_BENCH_PEER_PORT"):
        return int(chosen)
    for port in PORTS:
        with (
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe,
            contextlib.suppress(OSError),
        ):
            probe.bind(("127.0.0.1", port))
            return port
    raise ApiStartError(f"no free port in {PORTS.start}-{PORTS.stop - 1} for the peer")


@contextlib.asynccontextmanager
async def running_peer(settings: Settings) -> AsyncIterator[Served]:
    if not (PEER_DIR / "node_modules").is_dir():
        raise ApiStartError("the peer is not installed: run make peer-deps")
    port = peer_port()
    process = await asyncio.create_subprocess_exec(
        "node", str(PEER_DIR / "server.js"),
        cwd=PEER_DIR,
        env=os.environ | peer_environment(settings, port),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        url = await ready_line(process.stdout)
        # Its output is read on, so that it never blocks on a full pipe.
        draining = asyncio.create_task(drain(process.stdout))
        try:
            yield Served(url, process.pid)
        finally:
            draining.cancel()
    finally:
        await stop(process)


def peer_environment(settings: Settings, port: int) -> dict[str, str]:
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "PORT": str(port),
        "NODE_ENV": "production",
    }


async def ready_line(output: asyncio.StreamReader) -> str:
    """The URL the peer prints once it listens; its output so far if it never does."""
    seen: list[str] = []

    async def read() -> str:
        while line := (await output.readline()).decode("utf-8", "replace"):
            seen.append(line)
            if line.startswith("ready "):
                return line.split()[1]
        raise ApiStartError("the peer exited:\n" + "".join(seen[-30:]))

    try:
        return await asyncio.wait_for(read(), READY_TIMEOUT)
    except TimeoutError:
        raise ApiStartError("the peer was not ready in time:\n" + "".join(seen[-30:])) from None


async def drain(output: asyncio.StreamReader) -> None:
    while await output.readline():
        pass
