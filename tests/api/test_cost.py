"""The cost estimate and the limits built on it, without a database.

The estimate is checked on the real schema; the limits run through ``schema.execute``
with the app's extensions, against a stub graph that answers from canned rows and
records what was asked, so that "refused before any resolver runs" is observable.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, LiteralString, cast

import pytest
import strawberry
from graphql import get_introspection_query, parse
from neo4j import AsyncDriver
from starlette.requests import Request
from strawberry.extensions import query_depth_limiter

from claimtrace.api.admission import Gate
from claimtrace.api.cost import LIST_BOUNDS, estimate_cost
from claimtrace.api.cost_limits import HeavyQueryLane
from claimtrace.api.protection import extensions
from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.schema import build_schema
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import build_dataloaders
from tests.support.costly import HEAVIEST_ALLOWED, ORDINARY_COMPARISON, THIRTY_ONE

SETTINGS = Settings(neo4j_uri="bolt://x", neo4j_user="x", neo4j_password="x")
BUDGET = SETTINGS.query_cost_budget
GRAPHQL = build_schema()._schema
README = Path(__file__).resolve().parents[2] / "README.md"
TEN = [f"person-{i}" for i in range(10)]


def cost(query: str, budget: int = 10**9, **variables: Any) -> int:
    estimate = estimate_cost(GRAPHQL, parse(query), None, variables, budget)
    assert estimate is not None
    return estimate.cost


# ------------------------------------------------------------------ the estimate


def readme_queries() -> list[str]:
    return re.findall(r"```graphql\n(.*?)```", README.read_text(), flags=re.DOTALL)


def test_every_question_the_readme_asks_and_a_full_introspection_fit_the_budget() -> None:
    queries = readme_queries()
    assert len(queries) >= 3  # the three questions, and the examples after them
    for query in [*queries, get_introspection_query(descriptions=True)]:
        assert cost(query) <= BUDGET, query


def test_a_ten_person_comparison_with_every_pair_fits_the_budget() -> None:
    assert cost(ORDINARY_COMPARISON, ids=TEN) <= BUDGET


def test_the_thirty_one_field_comparison_is_far_over_the_budget() -> None:
    assert cost(THIRTY_ONE, ids=TEN) > 50 * BUDGET


def test_the_heaviest_query_of_the_tests_is_allowed_and_counts_as_expensive() -> None:
    assert BUDGET // 2 <= cost(HEAVIEST_ALLOWED) <= BUDGET


def test_first_bounds_a_connection_and_a_variable_counts_as_its_value() -> None:
    page = "query ($n: Int!) { claims(first: $n) { edges { node { id text } } } }"
    # claims 1 + n edges, each 1 + node (1 + id + text)
    assert cost(page, n=10) == 1 + 10 * (1 + 3)
    assert cost(page, n=100) == 1 + 100 * (1 + 3)
    assert cost(page, n=5000) == cost(page, n=100), "first over 100 is refused, not served"


def test_the_people_compared_bound_their_rows_positions_and_pairs() -> None:
    query = """query ($ids: [ID!]!) { comparePositions(personIds: $ids) {
      people { id } rows { positions { stance } } pairs { agreementRatio } } }"""
    rows = LIST_BOUNDS["PositionComparison.rows"]
    for n in (2, 10):
        pairs = n * (n - 1) // 2
        assert cost(query, ids=TEN[:n]) == 1 + n * 2 + rows * (1 + n * 2) + pairs * 2


def test_skipped_fields_count_nothing_and_same_named_fields_count_once() -> None:
    base = cost("{ topics { id } }")
    assert cost("{ topics { id } topics { name } }") == cost("{ topics { id name } }")
    assert cost("query ($no: Boolean!) { topics { id } claim(id: \"x\") @include(if: $no) { id } }",
                no=False) == base  # fmt: skip
    assert cost("{ ...T } fragment T on Query { topics { id } }") == base


def test_a_source_text_costs_a_thousand_fields() -> None:
    one = '{ source(id: "s") { text } }'
    page = "{ sources(first: 100) { edges { node { text } } } }"
    assert cost(one) == 1 + 1000
    assert cost(page) > BUDGET  # a hundred texts of up to a megabyte each: refused


def test_an_operation_that_will_not_run_has_no_estimate() -> None:
    document = parse("query ($n: Int!) { claims(first: $n) { edges { cursor } } }")
    assert estimate_cost(GRAPHQL, document, None, {"n": "ten"}, BUDGET) is None
    assert estimate_cost(GRAPHQL, document, "Other", {"n": 1}, BUDGET) is None


def test_counting_stops_once_past_the_budget() -> None:
    estimate = estimate_cost(GRAPHQL, parse(THIRTY_ONE), None, {"ids": TEN}, 100)
    assert estimate is not None
    assert not estimate.complete
    assert 100 < estimate.cost < 200


# ------------------------------------------------- the limits, on a stub graph


class NoDriver:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the unit tier has no database (driver.{name} was used)")


@dataclass(frozen=True)
class StubGraph(Graph):
    answers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    gate: asyncio.Event | None = None
    running: list[int] = field(default_factory=lambda: [0, 0])  # now, most at once

    async def read(self, query: LiteralString, **parameters: Any) -> list[Any]:
        self.asked.append(query)
        self.running[0] += 1
        self.running[1] = max(self.running)
        try:
            await asyncio.sleep(0)
            if self.gate is not None:
                await self.gate.wait()
        finally:
            self.running[0] -= 1
        return list(self.answers.get(query, []))


def claims(n: int) -> list[dict[str, Any]]:
    return [{"sortKey": f"2020-{i:04}", "claim": {"id": f"c{i:04}", "text": "A claim.",
             "quantityValue": None, "quantityUnit": None, "quantityQualifier": None,
             "firstAsserted": "2020"}} for i in range(n)]  # fmt: skip


def stub(**kwargs: Any) -> StubGraph:
    return StubGraph(cast(AsyncDriver, NoDriver()), "neo4j", **kwargs)


async def run(
    schema: strawberry.Schema, graph: StubGraph, query: str, **variables: Any
) -> dict[str, Any]:
    request = Request({"type": "http", "headers": []})
    context = Context(graph, build_dataloaders(graph), request, request_id="unit")
    result = await schema.execute(query, variable_values=variables, context_value=context)
    errors = [{"message": e.message, **(e.extensions or {})} for e in result.errors or ()]
    return {"data": result.data, "errors": errors}


def limited(**changes: Any) -> strawberry.Schema:
    settings = dataclasses.replace(SETTINGS, **changes)
    return build_schema(extensions(settings, Gate.from_settings(settings)))


async def test_an_operation_over_the_budget_is_refused_before_any_resolver_runs() -> None:
    graph = stub()
    answer = await run(limited(), graph, THIRTY_ONE, ids=TEN)
    assert answer["data"] is None
    [error] = answer["errors"]
    assert error["code"] == "QUERY_TOO_COSTLY"
    assert error["budget"] == BUDGET
    assert error["cost"] == cost(THIRTY_ONE, ids=TEN)
    assert f"{error['cost']}, over the budget of {BUDGET}" in error["message"]
    assert graph.asked == []


async def test_an_operation_within_the_budget_runs() -> None:
    graph = stub(answers={cypher.CLAIMS_PAGE_ALL: claims(3)})
    query = "{ claims(first: 100) { edges { node { id } } } }"
    answer = await run(limited(query_cost_budget=cost(query)), graph, query)
    assert answer["errors"] == []
    assert len(answer["data"]["claims"]["edges"]) == 3


def fragment_bomb(levels: int) -> str:
    """Each fragment spreads the next twice: 2**levels copies of the last one."""
    fragments = " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    return f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ topics {{ id }} }}"


async def test_fragments_that_expand_past_the_limit_are_refused_before_validation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walked = [0]
    depth_of = query_depth_limiter.determine_depth

    def counted(*args: Any, **kwargs: Any) -> int:
        walked[0] += 1
        if walked[0] > 100_000:  # 2**40 steps would take hours: stop and fail
            raise AssertionError("validation is walking every expansion")
        return depth_of(*args, **kwargs)

    monkeypatch.setattr(query_depth_limiter, "determine_depth", counted)
    graph = stub()
    answer = await run(limited(), graph, fragment_bomb(40))
    assert answer["data"] is None
    [error] = answer["errors"]
    assert error["code"] == "QUERY_TOO_COSTLY"
    assert "expand to more than 5000 fields" in error["message"]
    assert walked[0] == 0
    assert graph.asked == []
    small = await run(limited(), stub(answers={cypher.LIST_TOPICS: []}), fragment_bomb(3))
    assert small == {"data": {"topics": []}, "errors": []}


async def test_fragments_nested_past_what_validation_recurses_are_refused() -> None:
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(400))
    chain = f"{{ ...F0 }} {fragments} fragment F400 on Query {{ topics {{ id }} }}"
    answer = await run(limited(), stub(), chain)
    [error] = answer["errors"]
    assert (error["code"], error["limit"]) == ("QUERY_TOO_COSTLY", 200)
    assert error["depth"] > 400


async def test_a_query_past_its_deadline_is_stopped_with_a_typed_error() -> None:
    gate = asyncio.Event()
    graph = stub(gate=gate)
    answer = await asyncio.wait_for(
        run(limited(execution_timeout_seconds=0.05), graph, "{ topics { id } }"), timeout=5
    )
    assert answer["data"] is None
    [error] = answer["errors"]
    assert error == {"message": "The query ran longer than 0.05 s and was stopped.",
                     "code": "EXECUTION_TIMEOUT"}  # fmt: skip
    assert graph.running[0] == 0, "the pending read was cancelled"


# ------------------------------------------------------- expensive queries' lane

HEAVY_PAGES = "{ " + " ".join(
    f"p{i}: claims(first: 100) {{ edges {{ cursor node {{ id text }} }} }}" for i in range(8)
) + " }"  # fmt: skip


async def ticks_while(work: Any) -> tuple[Any, int]:
    """How often a task that only yields gets to run while ``work`` runs."""
    ticks, done = [0], asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            ticks[0] += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    result = await work
    done.set()
    await task
    return result, ticks[0]


async def test_an_expensive_query_takes_turns_and_lets_the_loop_run_between_lists() -> None:
    page_cost = cost(HEAVY_PAGES)
    heavy = limited(query_cost_budget=page_cost)  # at least half the budget: heavy
    light = limited(query_cost_budget=4 * page_cost)
    answers = {cypher.CLAIMS_PAGE_ALL: claims(101)}
    graphs = {"heavy": stub(answers=answers), "light": stub(answers=answers)}
    (heavy_answer, heavy_ticks) = await ticks_while(run(heavy, graphs["heavy"], HEAVY_PAGES))
    (light_answer, light_ticks) = await ticks_while(run(light, graphs["light"], HEAVY_PAGES))
    assert heavy_answer == light_answer
    assert heavy_answer["errors"] == []
    assert graphs["heavy"].running[1] == HeavyQueryLane.LANES
    assert graphs["light"].running[1] == 8, "a cheap query's fields all run at once"
    # Each of the 8 root fields waits for a lane and each of its lists for a turn.
    assert heavy_ticks >= 2 * 8 > light_ticks, (heavy_ticks, light_ticks)
