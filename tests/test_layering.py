"""The packages depend on each other one way only: api -> schema -> core <- loaders.

Read from the source with ``ast``, so the check needs no import and no database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "loaders", "schema", "api")
# What each package may import from the project; anything else is a wrong-way arrow.
ALLOWED = {
    "core": set(),
    "loaders": {"core"},
    "schema": {"core"},
    "api": {"schema", "core"},
}


def project_imports(path: Path) -> set[str]:
    """The claimtrace packages that one module imports (``claimtrace.X`` -> X)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "claimtrace" and len(parts) > 1:
                found.add(parts[1])
            elif parts[0] in PACKAGES:
                found.add(f"{parts[0]} (bare top-level import)")
    return found


def violations(package: str) -> list[str]:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for target in sorted(project_imports(path) - ALLOWED[package] - {package}):
            wrong.append(f"{path.relative_to(ROOT)} imports {target}")
    return wrong


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_one_way(package: str) -> None:
    assert violations(package) == []


def test_the_check_sees_a_wrong_way_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from claimtrace.api.app import create_app\nimport schema.claims\n")
    assert project_imports(module) == {"api", "schema (bare top-level import)"}
