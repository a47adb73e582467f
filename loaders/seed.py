"""Where the seed corpus is: it ships inside the package as ``claimtrace/data``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def seed_corpus() -> Path:
    """The folder of the five seed documents and their claims (data/ in a checkout)."""
    return Path(str(files("claimtrace") / "data"))
