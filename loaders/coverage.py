"""Sentence coverage: every sentence of a held document is accounted for.

A curator records, for each document, which assertions cover each sentence, or
why a sentence carries none (a caption, page furniture, a repetition, no
checkable fact or position). ``data/coverage/<source id>.yaml``:

    source: src-hill-2019-iran-iraq-front
    sentences:
      - at: 57
        text: For three days in a row this week, rockets have been fired at ...
        assertions: [asrt-hill-rockets-three-days]
      - at: 0
        text: Iran is using Iraq as a front in its test of US resolve
        none: the headline; its thesis is covered where the text argues it

The sentences are cut by ``sentences()`` below, a fixed rule, so the file lists
exactly what the check expects and a sentence cannot go missing unnoticed.

    python -m claimtrace.loaders.coverage draft data/ SOURCE_ID > data/coverage/SOURCE_ID.yaml

prints a draft with the assertions that already quote each sentence and
``none: TODO`` where none does.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimtrace.core.validation import Problems

# A sentence ends at . ! or ? (and any closing quotes or brackets) before white space
# and a capital, a digit or an opening quote, unless the period ends an initial
# (J., U.S.) or a title (Lt., Gen.); a line break always ends one.
_CLOSERS = '"\u201d\u2019)\\]'
_OPENERS = '"\u201c\u2018(\\['
_END = re.compile(rf"(?<=[.!?])[{_CLOSERS}]*[ \t\u00a0]+(?=[{_OPENERS}]?[A-Z0-9])")
_NOT_AN_END = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Lt|Col|Gen|Sgt|Capt|Maj|Adm|Sen|Rep|Gov|St|No|Jr|Sr|"
    r"Prof|Inc|Corp|Co|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec))\.$",
    re.IGNORECASE,
)
TODO = "TODO"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quoted:
    """Where an assertion quotes its source."""

    id: str
    source: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The document's sentences, in order, with their offsets (white space trimmed)."""
    found: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        cut = line.start()
        for boundary in _END.finditer(line.group()):
            if _NOT_AN_END.search(line.group()[: boundary.start()]):
                continue
            found += _piece(text, cut, line.start() + boundary.start())
            cut = line.start() + boundary.end()
        found += _piece(text, cut, line.end())
    return found


def _piece(text: str, start: int, end: int) -> list[Sentence]:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return []
    begin = start + (len(raw) - len(raw.lstrip()))
    return [Sentence(begin, begin + len(stripped), stripped)]


def check_coverage(
    folder: Path, texts: Mapping[str, str], quoted: Sequence[Quoted], problems: Problems
) -> None:
    """Every file in ``folder`` lists its document's sentences exactly, each with the
    assertions that quote it or a reason it has none; every assertion of a covered
    document is listed at a sentence it quotes. ``texts``: source id -> text."""
    by_source: dict[str, list[Quoted]] = {}
    for item in quoted:
        by_source.setdefault(item.source, []).append(item)
    for path in sorted(folder.glob("*.yaml")):
        label = f"coverage/{path.name}"
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        source = raw.get("source") if isinstance(raw, dict) else None
        if not isinstance(source, str) or source not in texts:
            problems.add(label, "(file)", "source", f"{source!r} is not a source with a text")
            continue
        _check_file(label, raw.get("sentences"), texts[source], by_source.get(source, []), problems)


def _check_file(
    label: str, entries: Any, text: str, quoted: list[Quoted], problems: Problems
) -> None:
    expected = sentences(text)
    if not isinstance(entries, list):
        problems.add(label, "(file)", "sentences", "must be a list")
        return
    listed: set[tuple[Any, Any]] = {
        (e.get("at"), e.get("text")) for e in entries if isinstance(e, dict)
    }
    wanted = {(s.start, s.text) for s in expected}
    for at, words in sorted(wanted - listed):
        problems.add(label, f"sentence at {at}", "at", f"not accounted for: {words[:80]!r}")
    for at, words in sorted(listed - wanted, key=str):
        message = f"is not a sentence of the document: {str(words)[:80]!r}"
        problems.add(label, f"sentence at {at}", "text", message)
    known = {q.id: q for q in quoted}
    listed_ids: set[str] = set()
    cuts: dict[tuple[Any, Any], Sentence] = {(cut.start, cut.text): cut for cut in expected}
    for entry in entries:
        cut = cuts.get((entry.get("at"), entry.get("text"))) if isinstance(entry, dict) else None
        if cut is not None:
            listed_ids |= _check_entry(label, entry, cut, known, problems)
    for missing in sorted(set(known) - listed_ids):
        problems.add(label, f"assertion {missing}", "assertions", "is not listed at any sentence")


def _check_entry(
    label: str, entry: dict[str, Any], sentence: Sentence, known: dict[str, Quoted],
    problems: Problems,
) -> set[str]:  # fmt: skip
    record = f"sentence at {sentence.start}"
    ids = entry.get("assertions") or []
    reason = entry.get("none")
    if bool(ids) == bool(reason):
        problems.add(label, record, "assertions", "give either assertions or a reason (none)")
    if reason == TODO:
        problems.add(label, record, "none", "still TODO")
    for assertion_id in ids:
        item = known.get(assertion_id)
        if item is None:
            problems.add(label, record, "assertions", f"{assertion_id} is not an assertion "
                         "quoting this document")  # fmt: skip
        elif item.end <= sentence.start or item.start >= sentence.end:
            problems.add(label, record, "assertions", f"{assertion_id} quotes "
                         f"[{item.start}:{item.end}], outside this sentence")  # fmt: skip
    return set(ids)


def draft(text: str, source: str, quoted: Sequence[Quoted]) -> str:
    """A coverage file for one document: assertions filled in where they quote a
    sentence, ``none: TODO`` elsewhere."""
    entries = []
    for sentence in sentences(text):
        ids = [q.id for q in quoted if q.start < sentence.end and q.end > sentence.start]
        entry: dict[str, Any] = {"at": sentence.start, "text": sentence.text}
        entry |= {"assertions": ids} if ids else {"none": TODO}
        entries.append(entry)
    body = {"source": source, "sentences": entries}
    return yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)


def _draft_of(folder: Path, source_id: str) -> str:
    from claimtrace.loaders.reading import quoted_spans  # reading imports this module

    texts, quoted = quoted_spans(folder)
    if source_id not in texts:
        raise SystemExit(f"{source_id!r} is not a source with a text in {folder}")
    return draft(texts[source_id], source_id, [q for q in quoted if q.source == source_id])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrace.loaders.coverage")
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("draft", help="print a draft coverage file for one document")
    make.add_argument("folder", type=Path)
    make.add_argument("source")
    args = parser.parse_args(argv)
    sys.stdout.write(_draft_of(args.folder, args.source))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
