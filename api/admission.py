"""Who may run an operation, before it runs: no anonymous writes, and rate limits.

A mutation without a valid token is refused before any database work: no query,
no audit event, one (rate-limited) log line. A writer's mutations count against
its token's rate limit, and the costly reads (comparisons, full-text searches)
against the client address's: past either, the answer is 429 with
``Retry-After`` and ``extensions.code`` RATE_LIMITED.

A writer's mutation refused before any resolver ran (a malformed document or
variables, a string out of bounds, a mutation over GET) still leaves its audit
event, one per mutation field, once the rate limit has let it through.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

from graphql import GraphQLError, OperationDefinitionNode, OperationType
from graphql.execution import ExecutionResult
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import InvalidOperationTypeError

from claimtrace.api.operations import expensive_reads, root_fields
from claimtrace.api.rate_limit import RateLimiter, retry_after
from claimtrace.api.refusals import RefusalLog
from claimtrace.core.audit import AuditEvent, Result, record_alone
from claimtrace.core.errors import Unauthenticated, code_of
from claimtrace.core.settings import Settings
from claimtrace.schema.context import Context

RATE_LIMITED = "RATE_LIMITED"
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"


@dataclass
class Gate:
    """What admission keeps from one request to the next, in this process."""

    mutations: RateLimiter | None  # per writing token
    expensive_reads: RateLimiter | None  # per client address
    refusals: RefusalLog = field(default_factory=RefusalLog)

    @classmethod
    def from_settings(cls, settings: Settings) -> Gate:
        return cls(
            mutations=_limiter(settings.mutations_per_minute),
            expensive_reads=_limiter(settings.expensive_reads_per_minute),
        )


def _limiter(per_minute: int) -> RateLimiter | None:
    return RateLimiter(per_minute) if per_minute > 0 else None


class Admission(SchemaExtension):
    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self.writes_charged = False

    def on_execute(self) -> Iterator[None]:
        """A valid operation, about to run: refused here, it runs no resolver at all."""
        refusal = self._refusal()
        if refusal is not None:
            self.execution_context.result = ExecutionResult(data=None, errors=[refusal])
        yield

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            yield
        except InvalidOperationTypeError:
            await self._refused_before_resolvers(METHOD_NOT_ALLOWED)
            raise
        errors = self.execution_context.pre_execution_errors or []
        if errors:
            await self._refused_before_resolvers(code_of(errors[0]))

    # ------------------------------------------------------------------ before running

    def _refusal(self) -> GraphQLError | None:
        context, operation = self._context(), self._operation()
        if context is None or operation is None:
            return None
        document = self.execution_context.graphql_document
        assert document is not None
        fields = root_fields(document, operation)
        if (context.live is not None) != (operation.operation == OperationType.SUBSCRIPTION):
            return _wrong_transport(over_websocket=context.live is not None)
        if operation.operation == OperationType.MUTATION:
            if context.writer is None:
                return GraphQLError(
                    Unauthenticated().message, extensions={"code": "UNAUTHENTICATED"}
                )
            return self._charge_writes(context, len(fields))
        if operation.operation == OperationType.QUERY:
            cost = expensive_reads(fields, self.execution_context.variables or {})
            return _charge(context, self.gate.expensive_reads, client_of(context), cost)
        return None

    def _charge_writes(self, context: Context, count: int) -> GraphQLError | None:
        self.writes_charged = True
        assert context.writer is not None
        return _charge(context, self.gate.mutations, context.writer, count)

    # ----------------------------------------------------- refused before any resolver

    async def _refused_before_resolvers(self, code: str) -> None:
        context, operation = self._context(), self._operation()
        if context is None or operation is None or context.mutations_audited:
            return
        if operation.operation != OperationType.MUTATION:
            return
        document = self.execution_context.graphql_document
        assert document is not None
        names = [node.name.value for node in root_fields(document, operation).values()]
        if not names:
            return
        unchecked = context.writer is not None and code != RATE_LIMITED and not self.writes_charged
        if unchecked and (refusal := self._charge_writes(context, len(names))):
            self._answer_instead(refusal)
            code = RATE_LIMITED
        if context.writer is None or code == RATE_LIMITED:
            self.gate.refusals.refused(
                request_id=context.request_id, actor=context.writer, client=client_of(context),
                operations=names, code=code,
            )  # fmt: skip
            return
        for name in names:
            event = AuditEvent(context.request_id, context.writer, name, (), Result.REFUSED, code)
            await record_alone(context.graph, event)

    def _answer_instead(self, refusal: GraphQLError) -> None:
        result = self.execution_context.result
        if result is not None:
            result.errors = [refusal]

    # ---------------------------------------------------------------------- helpers

    def _context(self) -> Context | None:
        context = self.execution_context.context
        return context if isinstance(context, Context) else None

    def _operation(self) -> OperationDefinitionNode | None:
        document = self.execution_context.graphql_document
        if document is None:
            return None
        return get_operation_ast(document, self.execution_context.operation_name)


def _wrong_transport(*, over_websocket: bool) -> GraphQLError:
    message = (
        "Over WebSocket only subscriptions are served; send queries and mutations over HTTP."
        if over_websocket
        else "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql."
    )
    return GraphQLError(message, extensions={"code": METHOD_NOT_ALLOWED})


def client_of(context: Context) -> str:
    client = context.request.client
    return client.host if client is not None else "unknown"


def _charge(
    context: Context, limiter: RateLimiter | None, key: str, cost: int
) -> GraphQLError | None:
    """None if ``limiter`` lets ``cost`` through for ``key``; else the refusal, with the
    answer's status (429) and ``Retry-After`` set."""
    if limiter is None or cost == 0:
        return None
    wait = limiter.charge(key, cost)
    if wait == 0:
        return None
    seconds = retry_after(wait)
    if context.response is not None:
        context.response.status_code = 429
        context.response.headers["retry-after"] = str(seconds)
    return GraphQLError(
        f"Too many requests: the limit is {limiter.per_minute} a minute; retry in {seconds} s.",
        extensions={"code": RATE_LIMITED, "retryAfter": seconds},
    )
