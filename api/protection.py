"""Schema extensions that bound what one request may cost, and what its errors may say."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable

from graphql import FieldNode, GraphQLError, OperationType
from graphql.utilities import get_operation_ast
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionContext

from claimtrace.api.cost_limits import ExecutionTimeout, HeavyQueryLane, QueryCostLimit
from claimtrace.core.audit import AuditEvent, Result, record_alone
from claimtrace.core.errors import (
    COMMIT_OUTCOME_UNKNOWN,
    SERVICE_UNAVAILABLE,
    DomainError,
    code_of,
)
from claimtrace.core.settings import Settings
from claimtrace.schema.context import Context

log = logging.getLogger(__name__)

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000
CACHE_SIZE = 256

MESSAGES = {
    SERVICE_UNAVAILABLE: "The database is unavailable; try again shortly.",
    COMMIT_OUTCOME_UNKNOWN: (
        "The write was sent for commit but the database's answer was lost: it may or may "
        "not have been applied. Re-sending the identical request is safe: identical "
        "content is idempotent and then answers created: false (a retraction that was "
        "applied answers that it is already retracted)."
    ),
}


class ClientSafeErrors(MaskErrors):
    """Keep what the client caused (validation, deliberate GraphQLErrors); hide the rest.

    Neo4j being away becomes SERVICE_UNAVAILABLE; a commit whose answer was lost,
    COMMIT_OUTCOME_UNKNOWN; anything unexpected is logged here and answered as
    INTERNAL_SERVER_ERROR, with no Cypher, trace or address.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_internal)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        assert original is not None
        code = code_of(original)
        message = MESSAGES.get(code)
        if message is None:
            message = "Unexpected error."
            log.error("unexpected error at %s", error.path, exc_info=original)
        else:
            log.warning("%s at %s: %s", code, error.path, type(original).__name__)
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": code})


def _is_internal(error: GraphQLError) -> bool:
    """Errors raised on purpose are DomainErrors (ours) or GraphQLErrors (Strawberry's
    permission errors); anything else escaping a resolver is internal."""
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


def extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories: a fresh extension per request. The parse and validation caches are
    LRU caches keyed by the document and the validation rules, so the rules are built
    once here: rule classes made per request would make every request a cache miss.
    The cost limit follows the parser and validation caches: it estimates each validated
    document (api/cost_limits.py). Its lane for expensive queries is shared by all requests."""
    lane = HeavyQueryLane(settings.query_cost_budget)
    limits = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    ]
    return [
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryCostLimit(settings.query_cost_budget, lane),
        lambda: AddValidationRules(limits),
        lambda: ExecutionTimeout(settings.execution_timeout_seconds),
        ClientSafeErrors,
        AuditUnresolvedMutations,
    ]


class AuditUnresolvedMutations(SchemaExtension):
    """Mutations refused before any resolver ran (malformed variables, request limits,
    a mutation over GET) are audited too: one event per mutation field, no target."""

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            yield
        except InvalidOperationTypeError:
            await self._audit("METHOD_NOT_ALLOWED")
            raise
        errors = self.execution_context.pre_execution_errors or []
        if errors:
            await self._audit(code_of(errors[0]))

    async def _audit(self, code: str) -> None:
        context = self.execution_context.context
        if not isinstance(context, Context) or context.mutations_audited:
            return
        for operation in _mutation_fields(self.execution_context):
            event = AuditEvent(
                context.request_id, context.writer, operation, (), Result.REFUSED, code
            )
            await record_alone(context.graph, event)


def _mutation_fields(execution: ExecutionContext) -> list[str]:
    document = execution.graphql_document
    if document is None:
        return []
    operation = get_operation_ast(document, execution.operation_name)
    if operation is None or operation.operation != OperationType.MUTATION:
        return []
    names = (s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode))
    return [name for name in names if not name.startswith("__")]
