"""The API served by a real uvicorn in a child process, on an ephemeral loopback port.

The child reads its settings from the environment, exactly as ``make run`` does:
NEO4J_* of the test Neo4j, plus whatever CLAIMTRACE_* the test passes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.server import api_environment
from claimtrace.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
STARTED = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")
START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0
# uvicorn's own limits, exactly as `make run` sets them (UVICORN_LIMITS in the
# Makefile; a unit test compares the two). --limit-concurrency is left off: it counts
# connections as well as requests, so slow clients would fill it; it would refuse
# /healthz alike, and answers in plain text. The app's limit (api/concurrency.py) does
# the refusing. A bounded graceful shutdown keeps teardown short should a request stick.
UVICORN_LIMITS = (
    "--http", "claimtrace.api.http_protocol:BoundedHttpToolsProtocol",
    "--ws", "claimtrace.api.ws_protocol:GoingAwayWebSocketProtocol", "--ws-max-size", "65536",
    "--timeout-keep-alive", "5",
)  # fmt: skip
COMMAND = (
    sys.executable, "-m", "uvicorn", "claimtrace.api.app:create_app", "--factory",
    "--host", "127.0.0.1", "--port", "0", *UVICORN_LIMITS,
    "--no-access-log", "--log-level", "info", "--timeout-graceful-shutdown", "5",
)  # fmt: skip


@dataclass
class RunningApi:
    base_url: str
    log_path: Path
    exit_code: int | None = None
    process: asyncio.subprocess.Process | None = None

    async def stop(self) -> int:
        """SIGTERM, as a process manager stops it; its exit code (see ``_stop``)."""
        assert self.process is not None
        if self.exit_code is None:
            self.exit_code = await _stop(self.process)
        return self.exit_code

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stopped_cleanly(self) -> bool:
        """Shut down on SIGTERM (which uvicorn re-raises once done), not killed."""
        return self.exit_code in (0, -signal.SIGTERM) and "Application shutdown complete" in (
            self.log()
        )

    def problems(self) -> list[str]:
        """Lines of the server's output that report an error or a traceback."""
        return [line for line in self.log().splitlines() if "Traceback" in line or "ERROR" in line]


def _child_env(settings: Settings, extra: Mapping[str, str]) -> dict[str, str]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEO4J_", "CLAIMTRACE_"))
    }
    return inherited | api_environment(settings) | dict(extra)


@contextlib.asynccontextmanager
async def running_api(
    settings: Settings, log_path: Path, extra_env: Mapping[str, str] | None = None
) -> AsyncIterator[RunningApi]:
    """Start uvicorn, wait until /readyz is green, yield; stop it (SIGTERM) afterwards."""
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            *COMMAND,
            cwd=ROOT,
            env=_child_env(settings, extra_env or {}),
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )
    api = RunningApi(base_url="", log_path=log_path, process=process)
    try:
        api.base_url = await _wait_for_address(process, api)
        await _wait_until_ready(process, api)
        yield api
    finally:
        await api.stop()


async def _wait_for_address(process: asyncio.subprocess.Process, api: RunningApi) -> str:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        found = STARTED.search(api.log())
        if found:
            return f"http://127.0.0.1:{found.group(1)}"
        if process.returncode is not None:
            break
        await asyncio.sleep(0.1)
    raise AssertionError(f"uvicorn did not start; its output:\n{api.log()[-3000:]}")


async def _wait_until_ready(process: asyncio.subprocess.Process, api: RunningApi) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    async with httpx.AsyncClient(base_url=api.base_url, timeout=5.0) as client:
        while time.monotonic() < deadline and process.returncode is None:
            with contextlib.suppress(httpx.TransportError):
                if (await client.get("/readyz")).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise AssertionError(f"the API never became ready; its output:\n{api.log()[-3000:]}")


async def _stop(process: asyncio.subprocess.Process) -> int:
    """The exit code: 0 for a clean shutdown, negative if it had to be killed."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        return await asyncio.wait_for(process.wait(), STOP_TIMEOUT_SECONDS)
    except TimeoutError:
        process.kill()
        return await process.wait()
