"""Every string argument: valid Unicode and a documented maximum length, refused typed.

A lone surrogate (``"x\\ud800"``, which JSON can carry and UTF-8 cannot) once reached
the driver and came back as INTERNAL_SERVER_ERROR; ``nameContains``, ``titleContains``
and ids had no length limit at all.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)

from claimtrace.core.database import Graph
from claimtrace.schema import build_schema
from claimtrace.schema.inputs import declared_max_length

SURROGATE = "x\ud800"

# (argument as named in the error, document, variables): each sends one bad string.
SEARCH = "query ($v: String) { claims(filter: {search: $v}) { edges { cursor } } }"
NAME = "query ($v: String) { people(filter: {nameContains: $v}) { edges { cursor } } }"
TITLE = "query ($v: String) { sources(filter: {titleContains: $v}) { edges { cursor } } }"
CLAIM = "query ($v: ID!) { claim(id: $v) { id } }"
COMPARE = (
    'query ($v: ID!) { comparePositions(personIds: [$v, "person-abbas-kadhim"]) { people { id } } }'
)
AFTER = "query ($v: String) { people(after: $v) { edges { cursor } } }"
KIND = "query ($v: String) { sources(filter: {kind: $v}) { edges { cursor } } }"
WHOLE_FILTER = "query ($v: PersonFilter) { people(filter: $v) { edges { cursor } } }"

ARGUMENTS: list[tuple[str, str, Any]] = [
    ("filter.search", SEARCH, "{}"),
    ("filter.nameContains", NAME, "{}"),
    ("filter.titleContains", TITLE, "{}"),
    ("filter.kind", KIND, "{}"),
    ("id", CLAIM, "{}"),
    ("personIds", COMPARE, "{}"),
    ("after", AFTER, "{}"),
    ("filter.nameContains", WHOLE_FILTER, '{{"nameContains": {}}}'),
]
LENGTHS = [
    ("filter.search", SEARCH, 500),
    ("filter.nameContains", NAME, 200),
    ("filter.titleContains", TITLE, 200),
    ("filter.kind", KIND, 100),
    ("id", CLAIM, 200),
    ("personIds", COMPARE, 200),
    ("after", AFTER, 4_000),
]


async def ask(client: httpx.AsyncClient, document: str, variables: dict[str, Any]) -> Any:
    """ASCII JSON, as a browser sends it: a lone surrogate travels as its escape."""
    body = json.dumps({"query": document, "variables": variables}).encode("ascii")
    response = await client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def refusal(body: Any) -> dict[str, Any]:
    assert body["data"] is None, body
    [error] = body["errors"]
    assert isinstance(error, dict)
    return error


@pytest.mark.neo4j
@pytest.mark.parametrize(("field", "document", "shape"), ARGUMENTS, ids=[a[0] for a in ARGUMENTS])
async def test_a_lone_surrogate_is_bad_user_input_naming_the_argument(
    seed_graph: Graph, client: httpx.AsyncClient, field: str, document: str, shape: str
) -> None:
    value = json.loads(shape.format(json.dumps(SURROGATE)))
    error = refusal(await ask(client, document, {"v": value if value != {} else SURROGATE}))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert "lone surrogate" in error["message"]


@pytest.mark.neo4j
async def test_literals_are_bounded_too(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    long_literal = f'{{ people(filter: {{nameContains: "{"a" * 201}"}}) {{ edges {{ cursor }} }} }}'
    error = refusal(await ask(client, long_literal, {}))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.nameContains"}
    # GraphQL's own syntax has no lone surrogates: the parser refuses them, raw or escaped.
    for text in (SURROGATE, "x\\ud800"):
        document = f'{{ people(filter: {{nameContains: "{text}"}}) {{ edges {{ cursor }} }} }}'
        assert refusal(await ask(client, document, {}))["message"].startswith("Syntax Error")


@pytest.mark.neo4j
@pytest.mark.parametrize(("field", "document", "limit"), LENGTHS, ids=[a[0] for a in LENGTHS])
async def test_a_string_over_its_documented_length_is_refused(
    seed_graph: Graph, client: httpx.AsyncClient, field: str, document: str, limit: int
) -> None:
    at_limit = await ask(client, document, {"v": "a" * limit})
    assert not any("may be at most" in e["message"] for e in at_limit.get("errors") or [])
    error = refusal(await ask(client, document, {"v": "a" * (limit + 1)}))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert error["message"] == f"{field} may be at most {limit:,} characters; got {limit + 1:,}"


@pytest.mark.neo4j
async def test_a_variable_default_is_checked_as_well(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    document = NAME.replace("$v: String", f'$v: String = "{"a" * 201}"')
    error = refusal(await ask(client, document, {}))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.nameContains"}


@pytest.mark.neo4j
async def test_an_error_quotes_a_bounded_prefix_of_what_it_refuses(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    long_date = "2020" + "9" * 100_000
    document = "query ($v: String) { claims(filter: {assertedFrom: $v}) { edges { cursor } } }"
    body = await ask(client, document.replace("$v: String", "$v: String!"), {"v": long_date[:32]})
    assert len(refusal(body)["message"]) < 200
    wrong_type = await ask(client, CLAIM, {"v": {"nested": "x" * 100_000}})
    assert len(json.dumps(wrong_type)) < 1_000


# ------------------------------------------------------------------- declared in the schema


def _string_inputs() -> list[tuple[str, Any]]:
    """Every String argument and input field of the schema, with its definition."""
    schema = build_schema()._schema
    found: list[tuple[str, Any]] = []
    for kind in schema.type_map.values():
        if kind.name.startswith("__"):
            continue
        if isinstance(kind, GraphQLInputObjectType):
            found += [(f"{kind.name}.{n}", f) for n, f in kind.fields.items() if _is_string(f.type)]
        elif isinstance(kind, GraphQLObjectType):
            found += [
                (f"{kind.name}.{name}({a})", argument)
                for name, field in kind.fields.items()
                for a, argument in field.args.items()
                if _is_string(argument.type)
            ]
    return found


def _is_string(kind: Any) -> bool:
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        kind = kind.of_type
    return isinstance(kind, GraphQLScalarType) and kind.name == "String"


def test_every_string_input_declares_and_documents_its_maximum() -> None:
    inputs = _string_inputs()
    assert len(inputs) > 20
    undeclared = [name for name, definition in inputs if declared_max_length(definition) is None]
    assert undeclared == []
    undocumented = [
        name
        for name, definition in inputs
        if f"At most {declared_max_length(definition):,} characters."
        not in (definition.description or "")
    ]
    assert undocumented == []
