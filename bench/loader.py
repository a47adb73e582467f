"""Timing the real loader on a corpus: its own process, so its peak memory is its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.server import api_environment
from claimtrace.core.settings import Settings


@dataclass(frozen=True)
class LoadRun:
    seconds: float
    peak_rss_mib: float
    output: str
    figures: dict[str, Any] = field(default_factory=dict)  # the command's --report-json


class LoadFailed(RuntimeError):
    pass


def run_loader(
    settings: Settings,
    folder: Path,
    *,
    batch_rows: int = 20_000,
    bulk: bool = False,
    detect: bool = True,
) -> LoadRun:
    """``claimtrace-load load`` on ``folder``: wall time and the peak RSS of the process
    and of the children it waited for (with ``bulk``, the import tool; not the server).
    The transactional load reports its own timings (with ``detect``, those of detection
    after each batch too); the bulk one is timed without detection, which the bench
    measures as a pass of its own."""
    arguments = loader_arguments(folder, batch_rows=batch_rows, bulk=bulk, detect=detect)
    if bulk:
        return _timed(arguments, settings)
    return run_command(settings, arguments)


def loader_arguments(folder: Path, *, batch_rows: int, bulk: bool, detect: bool) -> list[str]:
    arguments = ["load", str(folder), "--quiet", "--batch-rows", str(batch_rows)]
    if bulk:
        arguments.append("--bulk")
    if bulk or not detect:
        arguments.append("--no-detect")
    return arguments


def run_detection(settings: Settings) -> LoadRun:
    """``claimtrace-load detect`` over the whole graph, in a process of its own."""
    return run_command(settings, ["detect"])


def run_command(settings: Settings, arguments: list[str]) -> LoadRun:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        run = _timed([*arguments, "--report-json", str(report)], settings)
        figures = json.loads(report.read_text(encoding="utf-8"))
    return LoadRun(run.seconds, run.peak_rss_mib, run.output, figures)


def _timed(arguments: list[str], settings: Settings) -> LoadRun:
    command = [sys.executable, "-m", "claimtrace.loaders", *arguments]
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
        raise LoadFailed(
            f"claimtrace-load {arguments[0]} exited with {process.returncode}:\n{output[-3000:]}"
        )
    # ru_maxrss is in KiB on Linux.
    return LoadRun(seconds, usage.ru_maxrss / 1024, output)
