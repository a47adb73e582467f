"""Writing the corpus as a data folder: shared YAML, sharded texts, JSON Lines claims.

documents/<shard>/<n>.txt   1000 texts per shard folder
claims/<shard>.jsonl        one line per document, 1000 lines, in document order
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import yaml

from bench.synth.documents import PER_FILE, Document


def write_yaml(path: Path, heading: str, sections: dict[str, list[dict[str, Any]]]) -> None:
    body = yaml.safe_dump(sections, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"# {heading}\n{body}", encoding="utf-8")


def json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class ShardedWriter:
    """Writes documents in order; a new claims file and text folder every ``per_file``."""

    def __init__(self, out: Path, per_file: int = PER_FILE) -> None:
        self.out = out
        self.per_file = per_file
        self.count = 0
        self.lines: IO[str] | None = None
        (out / "claims").mkdir(parents=True, exist_ok=True)

    def __enter__(self) -> ShardedWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.lines is not None:
            self.lines.close()

    def write(self, document: Document) -> None:
        shard = self.count // self.per_file
        if self.count % self.per_file == 0:
            self._start_shard(shard, Path(document.file).parent)
        text_path = self.out / document.file
        with text_path.open("w", encoding="utf-8", newline="") as text:
            text.write(document.text)
        assert self.lines is not None
        self.lines.write(json_line(document.record))
        self.count += 1

    def _start_shard(self, shard: int, texts: Path) -> None:
        if self.lines is not None:
            self.lines.close()
        (self.out / texts).mkdir(parents=True, exist_ok=True)
        path = self.out / "claims" / f"{shard:05d}.jsonl"
        self.lines = path.open("w", encoding="utf-8", newline="")
