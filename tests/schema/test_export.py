"""schema.graphql in the repository is what the code serves."""

from __future__ import annotations

from pathlib import Path

from claimtrace.schema.export import sdl

EXPORTED = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_is_up_to_date() -> None:
    assert EXPORTED.read_text(encoding="utf-8") == sdl(), "schema.graphql is stale: run make schema"
