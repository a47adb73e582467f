"""Schema extensions that bound what one request may cost, and what its errors may say."""

from __future__ import annotations

import logging
from collections.abc import Callable

from graphql import GraphQLError
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError
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

log = logging.getLogger(__name__)

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000
CACHE_SIZE = 256
UNAVAILABLE = (ServiceUnavailable, SessionExpired, TransientError, ConnectionError, TimeoutError)


class ClientSafeErrors(MaskErrors):
    """Keep what the client caused (validation, deliberate GraphQLErrors); hide the rest.

    Neo4j being away becomes SERVICE_UNAVAILABLE; anything unexpected is logged
    here and answered as INTERNAL_SERVER_ERROR, with no Cypher, trace or address.
    """

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_internal)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, UNAVAILABLE):
            message, code = "The database is unavailable; try again shortly.", "SERVICE_UNAVAILABLE"
            log.warning("database unavailable at %s: %s", error.path, type(original).__name__)
        else:
            message, code = "Unexpected error.", "INTERNAL_SERVER_ERROR"
            log.error("unexpected error at %s", error.path, exc_info=original)
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": code})


def _is_internal(error: GraphQLError) -> bool:
    """Errors raised on purpose are GraphQLErrors (ours, and Strawberry's permission
    errors); anything else escaping a resolver is internal."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories: a fresh extension per request. The parse and validation caches are
    LRU caches keyed by the document and the validation rules, so the rules are built
    once here: rule classes made per request would make every request a cache miss."""
    limits = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    ]
    return [
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(limits),
        ClientSafeErrors,
    ]
