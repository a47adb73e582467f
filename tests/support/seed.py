"""The seed corpus's records as the files hold them, read without the loader."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml


def records_in_files(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record of every YAML file under ``folder``, by section."""
    sections: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(folder.rglob("*.yaml")):
        for section, records in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(records, list):
                sections[section].extend(records)
    return sections
