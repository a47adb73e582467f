"""The schema's own logic, without a database: input checks that must refuse before
any query is sent, and the conversion of what a query returns.

``schema.execute`` runs against a stub graph whose ``read`` answers from canned maps
(shaped as the Cypher map projections) and records what was asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import pytest
from neo4j import AsyncDriver
from starlette.requests import Request

from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.schema import build_schema
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import build_dataloaders

SCHEMA = build_schema()


class NoDriver:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the unit tier has no database (driver.{name} was used)")


@dataclass(frozen=True)
class StubGraph(Graph):
    answers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    asked: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def read(self, query: LiteralString, **parameters: Any) -> list[Any]:
        self.asked.append((query, parameters))
        return list(self.answers.get(query, []))


def stub(answers: dict[str, list[dict[str, Any]]] | None = None) -> StubGraph:
    return StubGraph(cast(AsyncDriver, NoDriver()), "neo4j", answers or {})


async def run(graph: StubGraph, query: str, **variables: Any) -> dict[str, Any]:
    context = Context(
        graph=graph,
        loaders=build_dataloaders(graph),
        request=Request({"type": "http", "headers": []}),
        request_id="unit",
    )
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    errors = [{"message": e.message, **(e.extensions or {})} for e in result.errors or ()]
    return {"data": result.data, "errors": errors}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("{ claims(first: 0) { edges { cursor } } }", "first"),
        ("{ claims(first: 101) { edges { cursor } } }", "first"),
        ('{ claims(after: "not-a-cursor") { edges { cursor } } }', "after"),
        ('{ claims(filter: {search: "   "}) { edges { cursor } } }', "filter.search"),
        ('{ claims(filter: {assertedFrom: "20-01"}) { edges { cursor } } }', "filter.assertedFrom"),
        ('{ sources(filter: {publishedTo: "2020-1"}) { edges { cursor } } }', "filter.publishedTo"),
        ('{ comparePositions(personIds: ["a"]) { rows { claim { id } } } }', "personIds"),
        ('{ comparePositions(personIds: ["a", "a"]) { rows { claim { id } } } }', "personIds"),
    ],
)
async def test_bad_arguments_are_refused_before_any_query(query: str, field: str) -> None:
    graph = stub()
    answer = await run(graph, query)
    assert answer["data"] is None
    [error] = answer["errors"]
    assert (error["code"], error["field"]) == ("BAD_USER_INPUT", field)
    assert graph.asked == []


def claim_map(claim_id: str) -> dict[str, Any]:
    return {"id": claim_id, "text": f"Text of {claim_id}.", "quantityValue": None,
            "quantityUnit": None, "quantityQualifier": None, "firstAsserted": "2020"}  # fmt: skip


PEOPLE = [{"id": "p1", "name": "One"}, {"id": "p2", "name": "Two"}]
COMPARED: dict[str, Any] = {
    "people": PEOPLE,
    "rows": [
        {"claim": claim_map("c1"), "positions": [
            {"personId": "p2", "stance": "REFUTES", "assertionId": "a2", "quote": "No."},
            {"personId": "p1", "stance": "SUPPORTS", "assertionId": "a1", "quote": "Yes."}]},
        {"claim": claim_map("c2"), "positions": [
            {"personId": "p1", "stance": "SUPPORTS", "assertionId": "a3", "quote": "Yes."}]},
    ],
    "pairs": [{"first": "p1", "second": "p2", "agreements": ["c3", "c4", "c5"], "opposed": ["c1"],
               "contradicting": [], "onlyFirst": ["c2"], "onlySecond": []}],
    "topicFound": True,
}  # fmt: skip
COMPARE = """{ comparePositions(personIds: ["p1", "p2"]) {
  rows { claim { id } positions { person { id } stance quote } }
  pairs { first { name } agreementRatio onlyFirst disagreements { kind firstClaimId } } } }"""


async def test_a_comparison_keeps_the_asked_order_and_says_who_said_nothing() -> None:
    graph = stub({cypher.COMPARE_POSITIONS: [COMPARED]})
    answer = await run(graph, COMPARE)
    assert answer["errors"] == []
    rows = answer["data"]["comparePositions"]["rows"]
    assert rows[0]["positions"] == [
        {"person": {"id": "p1"}, "stance": "SUPPORTS", "quote": "Yes."},
        {"person": {"id": "p2"}, "stance": "REFUTES", "quote": "No."},
    ]
    assert rows[1]["positions"][1] == {"person": {"id": "p2"}, "stance": None, "quote": None}
    [pair] = answer["data"]["comparePositions"]["pairs"]
    assert pair == {
        "first": {"name": "One"}, "agreementRatio": 0.75, "onlyFirst": ["c2"],
        "disagreements": [{"kind": "OPPOSITE_STANCES", "firstClaimId": "c1"}],
    }  # fmt: skip
    assert [query for query, _ in graph.asked] == [cypher.COMPARE_POSITIONS]


async def test_an_unknown_person_is_named_in_a_typed_error() -> None:
    graph = stub({cypher.COMPARE_POSITIONS: [COMPARED | {"people": PEOPLE[:1]}]})
    answer = await run(graph, COMPARE)
    [error] = answer["errors"]
    assert (error["code"], error["field"]) == ("NOT_FOUND", "personIds")
    assert error["message"] == "no person with id p2"


async def test_dataloader_answers_in_key_order_with_null_for_unknown_ids() -> None:
    graph = stub({cypher.CLAIMS_BY_ID: [{"claim": claim_map("c2")}, {"claim": claim_map("c1")}]})
    answer = await run(graph, '{ a: claim(id: "c1") { id } b: claim(id: "x") { id } '
                              'c: claim(id: "c2") { id } }')  # fmt: skip
    assert answer["data"] == {"a": {"id": "c1"}, "b": None, "c": {"id": "c2"}}
    [(query, parameters)] = graph.asked  # one query for the three ids
    assert (query, parameters) == (cypher.CLAIMS_BY_ID, {"ids": ["c1", "x", "c2"]})
