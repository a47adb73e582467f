"""The limits a GraphQL operation runs under: its estimated cost against the budget,
its turn among expensive queries, and a deadline.

The estimate (api/cost.py) is made once the document is validated, with the request's
variables; an operation over the budget is refused with QUERY_TOO_COSTLY before any
resolver runs, and so is a document whose fragments expand past what validation can
walk quickly (api/expansion.py, checked as soon as it is parsed).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo, get_nullable_type, is_list_type
from graphql.language.parser import MAX_NESTING_DEPTH
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from claimtrace.api.cost import estimate_cost
from claimtrace.api.expansion import MAX_EXPANDED_FIELDS, expand

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
EXECUTION_TIMEOUT = "EXECUTION_TIMEOUT"


def too_costly(message: str, **details: int) -> GraphQLError:
    return GraphQLError(message, extensions={"code": QUERY_TOO_COSTLY, **details})


class HeavyQueryLane:
    """Expensive queries (an estimate of at least half the budget) take turns.

    At most ``LANES`` of their root fields are resolved at once, all requests together,
    so that they do not flood the database. And each of their lists is completed in a
    turn of its own: one list at a time, all requests together, with the event loop
    polling the network between two turns. So the loop is held at most as long as one
    list takes to complete, and cheap requests, which never wait here, are served in
    between.
    """

    LANES = 2

    def __init__(self, budget: int) -> None:
        self.heavy_from = max(1, budget // 2)
        self.lanes = asyncio.Semaphore(self.LANES)
        self.turn = asyncio.Lock()

    async def root_field(self, value: Callable[[], Any], is_list: bool) -> Any:
        async with self.lanes:
            resolved = await _resolved(value())
        return await self.list_turn(resolved) if is_list else resolved

    async def list_turn(self, value: Any) -> Any:
        resolved = await _resolved(value)
        async with self.turn:
            await asyncio.sleep(0)  # hold the turn across one poll of the loop
        return resolved


async def _resolved(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


class QueryCostLimit(SchemaExtension):
    """Refuses a document that expands too far (after parsing) and an operation over
    the budget (after validation), before any resolver runs; sends the root fields of
    an expensive query through the lane."""

    def __init__(self, budget: int, lane: HeavyQueryLane | None = None) -> None:
        self.budget = budget
        self.lane = lane
        self.cost = 0

    def resolve(
        self,
        _next: Callable[..., Any],
        root: Any,
        info: GraphQLResolveInfo[Any],
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if self.lane is None or self.cost < self.lane.heavy_from:
            return _next(root, info, *args, **kwargs)
        is_list = is_list_type(get_nullable_type(info.return_type))
        if info.path.prev is None:
            return self.lane.root_field(lambda: _next(root, info, *args, **kwargs), is_list)
        value = _next(root, info, *args, **kwargs)
        return self.lane.list_turn(value) if is_list else value

    def on_parse(self) -> Iterator[None]:
        yield
        document = self.execution_context.graphql_document
        if document is None:
            return
        expansion = expand(document, MAX_EXPANDED_FIELDS)
        if expansion.fields > MAX_EXPANDED_FIELDS:
            raise too_costly(
                f"The document's fragments expand to more than {MAX_EXPANDED_FIELDS} fields.",
                limit=MAX_EXPANDED_FIELDS,
            )
        if expansion.depth > MAX_NESTING_DEPTH:
            raise too_costly(
                f"The document's selections and fragment spreads nest {expansion.depth} "
                f"deep; at most {MAX_NESTING_DEPTH} levels are allowed.",
                depth=expansion.depth,
                limit=MAX_NESTING_DEPTH,
            )

    def on_validate(self) -> Iterator[None]:
        """Strawberry refuses the operation if validation errors are set once the
        validation hooks have been entered, so the estimate is made on entering, after
        the validation cache (listed before this extension) has validated."""
        execution = self.execution_context
        if execution.pre_execution_errors is None:
            raise RuntimeError("QueryCostLimit must follow ValidationCache")
        if not execution.pre_execution_errors and execution.graphql_document is not None:
            execution.pre_execution_errors = self._over_budget()
        yield

    def _over_budget(self) -> list[GraphQLError]:
        execution = self.execution_context
        assert execution.graphql_document is not None
        estimate = estimate_cost(
            execution.schema._schema,
            execution.graphql_document,
            execution.operation_name,
            execution.variables,
            self.budget,
        )
        self.cost = estimate.cost if estimate else 0
        if estimate is None or estimate.cost <= self.budget:
            return []
        amount = str(estimate.cost) if estimate.complete else f"more than {self.budget}"
        message = (
            f"This query's estimated cost is {amount}, over the budget of {self.budget}. "
            "Ask for fewer items (a smaller first, fewer people) or fewer fields."
        )
        return [too_costly(message, cost=estimate.cost, budget=self.budget)]


class ExecutionTimeout(SchemaExtension):
    """Stops a query still running after ``seconds``: its pending resolvers are
    cancelled and the answer is EXECUTION_TIMEOUT. Mutations are left to finish (each
    is one transaction whose outcome the client must learn)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    async def on_execute(self) -> AsyncIterator[None]:
        if self.execution_context.operation_type is not OperationType.QUERY:
            yield
            return
        deadline = asyncio.timeout(self.seconds)
        try:
            async with deadline:
                yield
        except TimeoutError:
            if not deadline.expired():
                raise
            raise GraphQLError(
                f"The query ran longer than {self.seconds:g} s and was stopped.",
                extensions={"code": EXECUTION_TIMEOUT},
            ) from None
