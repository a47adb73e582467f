"""The neo4j/ folder of database assets must never shadow the official driver."""

from __future__ import annotations

from pathlib import Path

import neo4j

ROOT = Path(__file__).resolve().parents[1]


def test_import_neo4j_is_the_official_driver() -> None:
    assert neo4j.__file__ is not None
    assert Path(neo4j.__file__).parent != ROOT / "neo4j"
    assert "site-packages" in neo4j.__file__
    assert hasattr(neo4j, "AsyncGraphDatabase")


def test_assets_folder_is_not_a_package() -> None:
    assert (ROOT / "neo4j" / "launcher.py").exists()
    assert not (ROOT / "neo4j" / "__init__.py").exists()
