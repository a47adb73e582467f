"""Find a quote in a source document and print its exact offsets.

Curators type quotes with straight quotes and plain spaces; documents carry
curly quotes, non-breaking spaces and irregular white space. The search is
loose about those differences, but what it prints is always the exact
substring ``text[start:end]`` of the document, ready to paste into a claim
file.

    python -m claimtrace.loaders.find_quote data/documents/002_5d32115cbb27db34.txt \
        "Reports say that the EFPs killed at least 196 US troops"
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

_EQUIVALENT = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
    "\u2026": "...",
}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    exact: str


def _fold(text: str) -> tuple[str, list[int]]:
    """Fold text for loose matching; return it with the original index of each char.

    Runs of white space (non-breaking spaces included) become one space.
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if folded and folded[-1] == " ":
                continue
            folded.append(" ")
            origin.append(index)
            continue
        for piece in _EQUIVALENT.get(char, char):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def find_quote(text: str, quote: str) -> list[Match]:
    """Every place where ``quote`` occurs in ``text``, matched loosely."""
    folded_text, origin = _fold(text)
    folded_quote, _ = _fold(quote.strip())
    if not folded_quote:
        return []
    return list(_matches(text, folded_text, origin, folded_quote))


def _matches(text: str, folded: str, origin: list[int], needle: str) -> Iterator[Match]:
    position = folded.find(needle)
    while position != -1:
        start = origin[position]
        end = origin[position + len(needle) - 1] + 1
        yield Match(start, end, text[start:end])
        position = folded.find(needle, position + 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimtrace.loaders.find_quote",
        description="Print the exact offsets of a quote in a source document.",
    )
    parser.add_argument("document", type=Path, help="the document's text file")
    parser.add_argument("quote", help="the words to find (loose about quotes and spaces)")
    args = parser.parse_args(argv)
    text = args.document.read_text(encoding="utf-8")
    matches = find_quote(text, args.quote)
    if not matches:
        print(f"not found in {args.document}: {args.quote!r}", file=sys.stderr)
        return 1
    for match in matches:
        print(
            json.dumps(
                {"quote": match.exact, "start": match.start, "end": match.end}, ensure_ascii=False
            )
        )
    if len(matches) > 1:
        print(f"{len(matches)} matches: choose the one you mean", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
