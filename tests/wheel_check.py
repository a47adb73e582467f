"""The built wheel works on its own: ``make wheel-check`` (part of ``make test``).

Builds the wheel, installs it with its pinned dependencies into a fresh virtual
environment outside the checkout, and from an unrelated folder checks that the
loader validates the seed corpus shipped inside it, that the ASGI app factory
imports, and that the only package it installs is ``claimtrace``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", ".neo4j", "lib", "build", "*.egg-info", "__pycache__", ".*_cache", "bench"
)
PROBE = """
import importlib.util, sys
from claimtrace.api.app import create_app
from claimtrace.core import cypher
from claimtrace.core.migrations import read_migrations
assert "MATCH" in cypher.CLAIM_PROVENANCE, "the queries ship as package data"
assert len(read_migrations()) >= 4, "migrations"
for name in ("api", "schema", "loaders", "core"):
    spec = importlib.util.find_spec(name)
    assert spec is None or "claimtrace" not in str(spec.origin), f"top-level {name} installed"
print("app factory:", create_app.__module__, "from", sys.modules["claimtrace"].__file__)
"""


def run(*command: str | Path, cwd: Path) -> str:
    done = subprocess.run(  # noqa: S603 (our own fixed commands)
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}},
    )
    if done.returncode != 0:
        sys.exit(f"wheel check failed: {' '.join(map(str, command))}\n{done.stdout}{done.stderr}")
    return done.stdout


def expected_check() -> str:
    """What checking the checkout's own data/ says: the wheel must ship all of it."""
    here = run(sys.executable, "-m", "claimtrace.loaders", "check", ROOT / "data", cwd=ROOT)
    return here[here.index("valid:") :].strip()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="claimtrace-wheel-") as folder:
        work = Path(folder)
        run(
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", work, ROOT, cwd=work
        )
        [wheel] = work.glob("claimtrace-*.whl")
        run(sys.executable, "-m", "venv", work / "venv", cwd=work)
        python = work / "venv" / "bin" / "python"
        run(python, "-m", "pip", "install", "--quiet", "--constraint", ROOT / "requirements.lock",
            wheel, cwd=work)  # fmt: skip
        elsewhere = work / "elsewhere"
        elsewhere.mkdir()
        checked = run(work / "venv" / "bin" / "claimtrace-load", "check", cwd=elsewhere)
        if expected_check() not in checked:
            sys.exit(f"wheel check failed: the shipped seed corpus reads {checked!r}")
        probed = run(python, "-c", PROBE, cwd=elsewhere)
        print(f"wheel check: {wheel.name}\n  {checked.strip()}\n  {probed.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
