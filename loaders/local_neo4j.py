"""The project's local Neo4j instances, as the bulk path needs them.

The launcher (neo4j/launcher.py in a checkout) owns the local instances: their
folders, ports and the admin tool. The bulk path finds the instance that
NEO4J_URI names and drives the launcher for it; a server the launcher does not
run is out of its reach (its files are not here to write).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import claimtrace

LAUNCHER = Path(claimtrace.__file__).resolve().parent.parent / "neo4j" / "launcher.py"


class NotLocal(Exception):
    """NEO4J_URI names no instance this checkout's launcher runs."""


class LauncherFailed(Exception):
    """The launcher could not do what was asked; its message says why."""


def _launcher() -> ModuleType:
    if not LAUNCHER.is_file():
        raise NotLocal("the bulk path needs the local Neo4j of a claimtrace checkout")
    spec = importlib.util.spec_from_file_location("claimtrace_local_launcher", LAUNCHER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def instance_for(uri: str) -> str:
    """The name of the local instance listening on ``uri``; NotLocal if there is none."""
    launcher = _launcher()
    for name in launcher.INSTANCE_PROFILES:
        if launcher.instance(name).uri == uri.rstrip("/"):
            return str(name)
    raise NotLocal(f"NEO4J_URI ({uri}) is not one of this checkout's local Neo4j instances")


def launcher(action: str, instance: str, *arguments: str) -> None:
    """Run ``neo4j/launcher.py <action> <instance> ...``, its output shown as it comes."""
    command = [sys.executable, str(LAUNCHER), action, instance, *arguments]
    completed = subprocess.run(command, check=False, stdout=sys.stderr)  # noqa: S603
    if completed.returncode != 0:
        raise LauncherFailed(f"neo4j/launcher.py {action} {instance} failed (see above)")
