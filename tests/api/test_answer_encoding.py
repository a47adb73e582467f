"""Answers are encoded by orjson; what it refuses (a lone surrogate) is still encoded."""

from __future__ import annotations

import json

import orjson

from claimtrace.api.graphql_view import GraphQLView
from claimtrace.schema import build_schema


def view() -> GraphQLView:
    return GraphQLView(build_schema(), ())


def test_an_answer_is_compact_utf8_json() -> None:
    answer = {"data": {"claim": {"text": "Iran's \u201cproxies\u201d", "value": 196.0}}}
    encoded = view().encode_json(answer)
    assert encoded == orjson.dumps(answer)
    assert json.loads(encoded) == answer


def test_a_lone_surrogate_is_escaped_rather_than_refused() -> None:
    answer = {"errors": [{"message": "not valid Unicode: 'x\ud800'"}]}
    encoded = view().encode_json(answer)
    assert json.loads(encoded) == answer
    assert b"\\ud800" in (encoded if isinstance(encoded, bytes) else encoded.encode())
