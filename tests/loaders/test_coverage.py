"""Sentence coverage files: the fixed sentence rule and the check."""

from __future__ import annotations

from pathlib import Path

import yaml

from claimtrace.core.validation import Problems
from claimtrace.loaders.coverage import Quoted, check_coverage, draft, sentences

TEXT = (
    "By SETH J. FRANTZMAN\n"
    "U.S. forces were hit on Monday. \u201cWe will respond,\u201d Lt. Col. Smith said. "
    "Rockets struck again.\n\nCheck Also"
)


def test_sentences_are_cut_at_their_ends_only() -> None:
    cut = sentences(TEXT)
    assert [s.text for s in cut] == [
        "By SETH J. FRANTZMAN",
        "U.S. forces were hit on Monday.",
        "\u201cWe will respond,\u201d Lt. Col. Smith said.",
        "Rockets struck again.",
        "Check Also",
    ]
    assert all(TEXT[s.start : s.end] == s.text for s in cut)


def write(folder: Path, entries: list[dict[str, object]]) -> None:
    folder.mkdir(exist_ok=True)
    body = {"source": "src-a", "sentences": entries}
    (folder / "src-a.yaml").write_text(yaml.safe_dump(body, allow_unicode=True), "utf-8")


def problems_of(folder: Path, quoted: list[Quoted]) -> list[str]:
    problems = Problems()
    check_coverage(folder, {"src-a": TEXT}, quoted, problems)
    return [f"{p.record}: {p.message}" for p in problems.found]


def test_a_complete_file_passes_and_each_gap_is_named(tmp_path: Path) -> None:
    quoted = [Quoted("asrt-hit", "src-a", 21, 52), Quoted("asrt-again", "src-a", 98, 119)]
    complete = yaml.safe_load(draft(TEXT, "src-a", quoted))["sentences"]
    for entry in complete:
        if entry.get("none") == "TODO":
            entry["none"] = "byline or page furniture"
    write(tmp_path, complete)
    assert problems_of(tmp_path, quoted) == []

    write(tmp_path, complete[:1] + complete[2:])
    assert problems_of(tmp_path, quoted) == [
        "sentence at 21: not accounted for: 'U.S. forces were hit on Monday.'",
        "assertion asrt-hit: is not listed at any sentence",
    ]
    undecided = [dict(complete[0], none="TODO"), *complete[1:]]
    write(tmp_path, undecided)
    assert problems_of(tmp_path, quoted) == ["sentence at 0: still TODO"]
    misplaced = [dict(complete[0], none=None, assertions=["asrt-again"]), *complete[1:]]
    write(tmp_path, misplaced)
    assert problems_of(tmp_path, quoted) == [
        "sentence at 0: asrt-again quotes [98:119], outside this sentence"
    ]
