"""The curator's helper: loose matching, exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrace.loaders.find_quote import find_quote, main

TEXT = (
    "He said \u201cwe\u2019re  not\u00a0leaving\u201d \u2014 twice. "
    "He said \u201cwe\u2019re not leaving\u201d."
)


def test_straight_quotes_and_plain_spaces_find_the_curly_original() -> None:
    matches = find_quote(TEXT, '"we\'re not leaving"')
    assert len(matches) == 2
    first = matches[0]
    assert TEXT[first.start : first.end] == first.exact
    assert first.exact == "\u201cwe\u2019re  not\u00a0leaving\u201d"


def test_dash_and_whitespace_runs_match_loosely() -> None:
    [match] = find_quote(TEXT, "- twice.")
    assert match.exact == "\u2014 twice."


def test_no_match_and_empty_quote() -> None:
    assert find_quote(TEXT, "staying") == []
    assert find_quote(TEXT, "   ") == []


def test_command_prints_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(TEXT, encoding="utf-8")
    assert main([str(document), "twice"]) == 0
    assert '"start": ' in capsys.readouterr().out
    assert main([str(document), "nowhere"]) == 1
