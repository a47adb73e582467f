"""Write the SDL of the schema: ``python -m claimtrace.schema.export schema.graphql``."""

from __future__ import annotations

import sys
from pathlib import Path

from claimtrace.schema import build_schema


def sdl() -> str:
    return build_schema().as_str() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m claimtrace.schema.export PATH", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(sdl(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
