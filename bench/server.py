"""The API served by uvicorn in a process of its own, as it is deployed."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO, NamedTuple

import httpx

from claimtrace.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
POLL_INTERVAL = 0.1
# As ``make run`` serves it (the Makefile's UVICORN_LIMITS).
UVICORN_LIMITS = (
    "--http", "claimtrace.api.http_protocol:BoundedHttpToolsProtocol",
    "--ws", "claimtrace.api.ws_protocol:GoingAwayWebSocketProtocol", "--ws-max-size", "65536",
    "--timeout-keep-alive", "5",
)  # fmt: skip


class ApiStartError(RuntimeError):
    """uvicorn exited or never became ready; the message ends with its stderr."""


class Served(NamedTuple):
    """A server under measurement: where to send requests, and the process whose CPU
    time (with its children's: uvicorn's workers) it costs."""

    url: str
    pid: int


@contextlib.asynccontextmanager
async def running_api(settings: Settings, *, workers: int = 1) -> AsyncIterator[str]:
    """Serve ``api.app:create_app`` on a free loopback port; yields its base URL once
    /readyz answers 200, and stops the server on the way out."""
    async with serving_api(settings, workers=workers) as served:
        yield served.url


@contextlib.asynccontextmanager
async def serving_api(settings: Settings, *, workers: int = 1) -> AsyncIterator[Served]:
    """``running_api``, also giving the server's process id."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as stderr:
        process = await asyncio.create_subprocess_exec(
            *uvicorn_command(port, workers),
            cwd=ROOT,
            env=os.environ | api_environment(settings),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            await wait_until_ready(process, base_url, stderr)
            yield Served(base_url, process.pid)
        finally:
            await stop(process)


def uvicorn_command(port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", "claimtrace.api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port),
        "--workers", str(workers), "--log-level", "warning", *UVICORN_LIMITS,
    ]  # fmt: skip


def api_environment(settings: Settings) -> dict[str, str]:
    """The server's settings. Its load comes from one address, and measures throughput:
    the rate limits are off, and the execution timeout is long enough for a busy machine."""
    tokens = ",".join(f"{name}:{token}" for name, token in settings.api_tokens)
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "CLAIMTRACE_API_TOKENS": tokens,
        "CLAIMTRACE_MUTATIONS_PER_MINUTE": "0",
        "CLAIMTRACE_EXPENSIVE_READS_PER_MINUTE": "0",
        "CLAIMTRACE_EXECUTION_TIMEOUT_SECONDS": "60",
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def wait_until_ready(
    process: asyncio.subprocess.Process, base_url: str, stderr: IO[bytes]
) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    async with httpx.AsyncClient(base_url=base_url, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise ApiStartError(f"uvicorn exited with {process.returncode}:\n{tail(stderr)}")
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get("/readyz")).status_code == 200:
                    return
            await asyncio.sleep(POLL_INTERVAL)
    raise ApiStartError(f"/readyz not 200 within {READY_TIMEOUT:.0f}s:\n{tail(stderr)}")


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()


def tail(stream: IO[bytes], lines: int = 30) -> str:
    stream.seek(0)
    text = stream.read().decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])
