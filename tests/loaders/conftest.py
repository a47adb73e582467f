"""A writable copy of the seed corpus, for tests that break it on purpose."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

SEED = Path(__file__).resolve().parents[2] / "data"

Edit = Callable[[str, Callable[[dict[str, Any]], None]], None]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SEED, target)
    return target


@pytest.fixture
def edit(data_copy: Path) -> Edit:
    """Change one YAML file of the copy: ``edit("claims/002-....yaml", mutate)``."""

    def apply(relative: str, mutate: Callable[[dict[str, Any]], None]) -> None:
        path = data_copy / relative
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        mutate(content)
        path.write_text(
            yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    return apply
