"""Where a search's words stand in a text: the highlighted snippet of a hit.

Offsets count Unicode code points, as every span of the API does (Python's own
string indexes).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.core.search import WORD

# Around the first highlight, at most this many code points of the text are shown.
SNIPPET_LENGTH = 240


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int


@dataclass(frozen=True)
class Snippet:
    """``text`` is the part of the whole that starts at ``start``; highlights are
    offsets into the whole text (so ``whole[h.start:h.end]`` is the matched span)."""

    text: str
    start: int
    highlights: tuple[Highlight, ...]


def highlights(text: str, phrases: tuple[tuple[str, ...], ...]) -> tuple[Highlight, ...]:
    """Every place one of ``phrases`` (case-folded word sequences) occurs in ``text``,
    in order, merged where they overlap or only spaces part them."""
    words = [
        (match.group().casefold(), match.start(), match.end()) for match in WORD.finditer(text)
    ]
    spans: list[tuple[int, int]] = []
    for index in range(len(words)):
        for phrase in phrases:
            found = tuple(word for word, _, _ in words[index : index + len(phrase)])
            if phrase and found == phrase:
                spans.append((words[index][1], words[index + len(phrase) - 1][2]))
    return tuple(Highlight(start, end) for start, end in _merged(text, sorted(spans)))


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, phrases: tuple[tuple[str, ...], ...]) -> Snippet:
    """The text around its first highlight (the whole text when short enough)."""
    marks = highlights(text, phrases)
    if len(text) <= SNIPPET_LENGTH:
        return Snippet(text, 0, marks)
    first = marks[0].start if marks else 0
    start = max(0, min(first - SNIPPET_LENGTH // 4, len(text) - SNIPPET_LENGTH))
    end = start + SNIPPET_LENGTH
    shown = tuple(mark for mark in marks if mark.start >= start and mark.end <= end)
    return Snippet(text[start:end], start, shown)
