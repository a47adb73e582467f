"""Timing the real loader on a corpus: its own process, so its peak memory is its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.server import api_environment
from claimtrace.core.settings import Settings


@dataclass(frozen=True)
class LoadRun:
    seconds: float
    peak_rss_mib: float
    output: str


class LoadFailed(RuntimeError):
    pass


def run_loader(
    settings: Settings, folder: Path, *, batch_rows: int = 20_000, bulk: bool = False
) -> LoadRun:
    """``claimtrace-load load`` on ``folder``: wall time and the peak RSS of the process
    and of the children it waited for (with ``bulk``, the import tool; not the server)."""
    command = [
        sys.executable, "-m", "claimtrace.loaders", "load", str(folder),
        "--quiet", "--batch-rows", str(batch_rows),
    ]  # fmt: skip
    if bulk:
        command.append("--bulk")
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        command,
        # The launcher's settings too (CLAIMTRACE_BENCH_*): the bulk path drives it.
        env=os.environ | api_environment(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise LoadFailed(f"the loader exited with {process.returncode}:\n{output[-3000:]}")
    # ru_maxrss is in KiB on Linux.
    return LoadRun(seconds, usage.ru_maxrss / 1024, output)
