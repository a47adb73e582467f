"""Choosing the answer's media type from an Accept header, and what it changes (no database)."""

from __future__ import annotations

import pytest
from graphql import GraphQLError
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from claimtrace.api.media_types import (
    GRAPHQL_RESPONSE_JSON,
    JSON,
    parse_accept,
    response_media_type,
    shape_body,
    status_code,
)

GR = GRAPHQL_RESPONSE_JSON


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (GR, GR),
        (JSON, JSON),
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (f"{GR}, {JSON};q=0.9", GR),  # what the spec recommends clients send
        (f"{JSON}, {GR};q=0.9", JSON),
        (f"{JSON};q=0.5, {GR};q=0.8", GR),
        (f"{GR}, {JSON}", GR),
        (f"{JSON}, {GR}", GR),
        (f"{GR}, */*", GR),
        (f"{JSON}, */*;q=0.1", JSON),
        (f"{GR};q=0, */*", JSON),
        (f"{JSON};q=0, */*", GR),
        (f"{JSON};q=0, {GR};q=0", JSON),  # nothing acceptable: the default
        (f"{GR.upper()}; charset=utf-8", GR),
        ("text/html", JSON),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
        (f"{GR};q=abc, {JSON};q=0.5", JSON),  # a malformed quality leaves its range out
        (f"{GR};q=2, {JSON};q=0.5", JSON),
        ("garbage, ;;, /, a/", JSON),
    ],
)
def test_the_media_type_follows_the_accept_header(accept: str | None, expected: str) -> None:
    assert response_media_type(accept) == expected


def test_a_range_names_its_type_subtype_and_quality() -> None:
    [first, second] = parse_accept(f" {GR} ; q=0.7 , Application/* ")
    assert (first.type, first.subtype, first.quality, first.specificity) == (
        "application", "graphql-response+json", 0.7, 2,
    )  # fmt: skip
    assert (second.type, second.subtype, second.quality, second.specificity) == (
        "application", "*", 1.0, 1,
    )  # fmt: skip
    assert second.matches(GR)
    assert not second.matches("text/html")


REQUEST_ERROR = ExecutionResult(data=None, errors=[GraphQLError("Syntax Error")])
FIELD_ERROR = ExecutionResult(data=None, errors=[GraphQLError("boom", path=["conflicts"])])
DATA = ExecutionResult(data={"topics": []}, errors=None)


def body_of(result: ExecutionResult) -> GraphQLHTTPResponse:
    errors = [error.formatted for error in result.errors or ()]
    return {"data": result.data, **({"errors": errors} if errors else {})}  # type: ignore[typeddict-item]


def test_a_request_error_loses_its_data_entry_and_is_a_400_for_graphql_response_json() -> None:
    body = shape_body(body_of(REQUEST_ERROR), REQUEST_ERROR, GR)
    assert "data" not in body
    assert body["errors"]
    assert status_code(body, GR) == 400


def test_application_json_answers_as_before() -> None:
    body = shape_body(body_of(REQUEST_ERROR), REQUEST_ERROR, JSON)
    assert body["data"] is None
    assert status_code(body, JSON) == 200


@pytest.mark.parametrize("result", [FIELD_ERROR, DATA], ids=["field error", "data"])
def test_once_execution_started_the_data_entry_stays(result: ExecutionResult) -> None:
    body = shape_body(body_of(result), result, GR)
    assert "data" in body
    assert status_code(body, GR) == 200


@pytest.mark.parametrize(
    ("code", "expected"),
    [("SERVICE_UNAVAILABLE", 503), ("INTERNAL_SERVER_ERROR", 500), ("BAD_USER_INPUT", 400),
     (None, 400)],
)  # fmt: skip
def test_a_request_error_that_is_not_the_clients_fault_is_a_5xx(
    code: str | None, expected: int
) -> None:
    error: dict[str, object] = {"message": "m"}
    if code is not None:
        error["extensions"] = {"code": code}
    assert status_code({"errors": [error]}, GR) == expected
