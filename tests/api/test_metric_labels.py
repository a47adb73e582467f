"""Label values of the request metrics: bounded, whatever clients send."""

from __future__ import annotations

from graphql import GraphQLError

from claimtrace.api.metrics import ANONYMOUS, OTHER, OperationNames, outcome_of


def test_operation_names_fold_past_the_bound_and_when_malformed() -> None:
    names = OperationNames(limit=2)
    assert names.label(None) == ANONYMOUS
    assert names.label("First") == "First"
    assert names.label("bad name; DROP") == OTHER
    assert names.label("x" * 65) == OTHER
    assert names.label("Second") == "Second"
    assert names.label("Third") == OTHER
    assert names.label("First") == "First"


def test_the_outcome_is_ok_or_the_first_code() -> None:
    assert outcome_of([]) == "ok"
    assert outcome_of([GraphQLError("no", extensions={"code": "NOT_FOUND"})]) == "NOT_FOUND"
    assert outcome_of([GraphQLError("Cannot query field")]) == "INVALID_DOCUMENT"
    assert outcome_of([GraphQLError("odd", extensions={"code": "lower; case"})]) == "OTHER"
