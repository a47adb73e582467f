"""Schema extensions that bound what one request may cost, and what its errors may say."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from graphql import GraphQLError, ValidationContext, ValidationRule
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
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

from claimtrace.api.admission import Admission, Gate
from claimtrace.api.cost_limits import ExecutionTimeout, HeavyQueryLane, QueryCostLimit
from claimtrace.core.errors import COMMIT_OUTCOME_UNKNOWN, SERVICE_UNAVAILABLE, code_of
from claimtrace.core.settings import Settings
from claimtrace.schema.error_log import is_server_fault

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000
CACHE_SIZE = 256
# An error message a client caused may quote the request (a field name, a value):
# it is cut to this many characters.
MAX_MESSAGE_LENGTH = 500
QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED"

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
    """Keep what the client caused (validation, deliberate GraphQLErrors), its message
    cut to a bounded length; hide the rest.

    Neo4j being away becomes SERVICE_UNAVAILABLE; a commit whose answer was lost,
    COMMIT_OUTCOME_UNKNOWN; anything unexpected INTERNAL_SERVER_ERROR, with no Cypher,
    trace or address. (The schema has logged each error already: schema/error_log.py.)
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=_to_rewrite)

    def on_operation(self) -> Iterator[None]:
        """A syntax error from the parser cache escapes the operation as an exception,
        past the result this extension rewrites: it is cut on its way out."""
        try:
            yield from super().on_operation()
        except GraphQLError as error:
            raise (self.anonymise_error(error) if _to_rewrite(error) else error) from None

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        if not is_server_fault(error):
            return _cut(error)
        original = error.original_error
        assert original is not None
        code = code_of(original)
        message = MESSAGES.get(code, "Unexpected error.")
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": code})


def _to_rewrite(error: GraphQLError) -> bool:
    return is_server_fault(error) or len(error.message) > MAX_MESSAGE_LENGTH


def _cut(error: GraphQLError) -> GraphQLError:
    message = f"{error.message[:MAX_MESSAGE_LENGTH]}... (message cut)"
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=error.extensions,
    )


def limit_extensions(limit: str, maximum: int) -> dict[str, Any]:
    return {"code": QUERY_LIMIT_EXCEEDED, "limit": limit, "maximum": maximum}


class _CodingContext:
    """A validation context whose reported errors carry the given extensions."""

    def __init__(self, context: ValidationContext, extensions: dict[str, Any]) -> None:
        self._context = context
        self._extensions = extensions

    def report_error(self, error: GraphQLError) -> None:
        self._context.report_error(
            GraphQLError(error.message, error.nodes, extensions=self._extensions)
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)


def coded(rule: type[ASTValidationRule], limit: str, maximum: int) -> type[ASTValidationRule]:
    """``rule``, whose errors carry ``extensions.code`` QUERY_LIMIT_EXCEEDED. Strawberry's
    limiters do their whole check when built, reporting straight to the context."""

    class Coded(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            rule(cast(ValidationContext, _CodingContext(context, limit_extensions(limit, maximum))))

    Coded.__name__ = f"Coded{rule.__name__}"
    return Coded


class TokenLimit(MaxTokensLimiter):
    """Strawberry's token limit, its refusal carrying ``extensions.code``. Parsed by the
    parser cache, a refused document escapes the operation as an exception; parsed
    without it, it is left in the pre-execution errors: both are marked."""

    def on_operation(self) -> Iterator[None]:
        try:
            yield from super().on_operation()
        except GraphQLError as refused:
            self._mark(refused)
            raise
        for error in self.execution_context.pre_execution_errors or ():
            self._mark(error)

    def _mark(self, error: GraphQLError) -> None:
        if f"more than {self.max_token_count} tokens" in error.message:
            error.extensions = limit_extensions("tokens", self.max_token_count)


def extensions(settings: Settings, gate: Gate) -> list[Callable[[], SchemaExtension]]:
    """Factories: a fresh extension per request. The parse and validation caches are
    LRU caches keyed by the document and the validation rules, so the rules are built
    once here: rule classes made per request would make every request a cache miss.
    The cost limit follows the parser and validation caches: it estimates each validated
    document (api/cost_limits.py); its lane for expensive queries is shared by all
    requests. In production, introspection (``__schema``, ``__type``) is refused."""
    lane = HeavyQueryLane(settings.query_cost_budget)
    rules = [
        *(coded(rule, "depth", MAX_DEPTH)
          for rule in QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules),
        *(coded(rule, "aliases", MAX_ALIASES)
          for rule in MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules),
        *([NoSchemaIntrospectionCustomRule] if settings.production else []),
    ]  # fmt: skip
    return [
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        lambda: TokenLimit(max_token_count=MAX_TOKENS),
        lambda: QueryCostLimit(settings.query_cost_budget, lane),
        lambda: AddValidationRules(rules),
        lambda: ExecutionTimeout(settings.execution_timeout_seconds),
        ClientSafeErrors,
        lambda: Admission(gate),
    ]
