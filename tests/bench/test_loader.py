"""How the benchmark calls the loader: detection after each batch only when asked."""

from __future__ import annotations

from pathlib import Path

from bench.loader import loader_arguments
from bench.run import PLANS


def test_the_transactional_load_detects_only_when_asked() -> None:
    folder = Path("corpus")
    with_detection = loader_arguments(folder, batch_rows=10, bulk=False, detect=True)
    without = loader_arguments(folder, batch_rows=10, bulk=False, detect=False)
    assert with_detection == ["load", "corpus", "--quiet", "--batch-rows", "10"]
    assert without == [*with_detection, "--no-detect"]


def test_the_bulk_load_never_detects() -> None:
    arguments = loader_arguments(Path("corpus"), batch_rows=10, bulk=True, detect=True)
    assert arguments[-2:] == ["--bulk", "--no-detect"]


def test_only_the_detection_plan_detects_at_a_million_claims() -> None:
    """A full pass at 1M claims takes hours; the loader's own rate is measured without it."""
    assert 1_000_000 not in PLANS["full"].detect_sizes
    assert not PLANS["full"].detect_in_load
    assert PLANS["detection"].detect_in_load
    assert 1_000_000 in PLANS["detection"].detect_sizes
