"""`make run` and the tests' uvicorn set uvicorn's own limits identically."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from bench.server import UVICORN_LIMITS as BENCH_LIMITS
from tests.support.uvicorn_process import COMMAND, UVICORN_LIMITS

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def test_make_run_serves_with_the_limits_the_tests_serve_with() -> None:
    text = MAKEFILE.read_text()
    [limits] = re.findall(r"^UVICORN_LIMITS := (.*)$", text, flags=re.MULTILINE)
    assert tuple(shlex.split(limits)) == UVICORN_LIMITS
    run = text.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "$(UVICORN_LIMITS)" in run
    command = " ".join(COMMAND)
    assert " ".join(UVICORN_LIMITS) in command
    assert "--limit-concurrency" not in run + limits + command
    assert BENCH_LIMITS == UVICORN_LIMITS  # the benchmark serves as make run does


def test_make_run_takes_a_worker_count() -> None:
    text = MAKEFILE.read_text()
    [default] = re.findall(r"^WORKERS \?= (.*)$", text, flags=re.MULTILINE)
    assert "nproc" in default
    run = text.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "--workers $(WORKERS)" in run
