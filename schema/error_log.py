"""How errors are logged: what a client did wrong is one short INFO line; only a
fault of the server (or of the database) is a WARNING or, with its traceback, an ERROR.

Strawberry's default logs every error, a refused document included, at ERROR with
its traceback: a client could then write kilobytes of log per request of 80 bytes.
"""

from __future__ import annotations

import logging

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from claimtrace.core.errors import (
    COMMIT_OUTCOME_UNKNOWN,
    SERVICE_UNAVAILABLE,
    DomainError,
    code_of,
    preview,
)

log = logging.getLogger("claimtrace.errors")

# Of a client error's message, the log keeps this much (it may quote the request).
LOGGED_MESSAGE_LENGTH = 200
ENVIRONMENT_CODES = frozenset({SERVICE_UNAVAILABLE, COMMIT_OUTCOME_UNKNOWN})


def is_server_fault(error: GraphQLError) -> bool:
    """Errors raised on purpose are DomainErrors (ours) or GraphQLErrors (refused
    documents, permissions); anything else escaping a resolver is the server's fault."""
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


def log_error(error: GraphQLError) -> None:
    path = ".".join(str(step) for step in error.path or ()) or "-"
    if not is_server_fault(error):
        code = code_of(error) if (error.extensions or {}).get("code") else "INVALID_DOCUMENT"
        message = preview(error.message, LOGGED_MESSAGE_LENGTH)
        log.info("client error %s at %s: %s", code, path, message)
        return
    original = error.original_error
    assert original is not None
    code = code_of(original)
    if code in ENVIRONMENT_CODES:
        log.warning("%s at %s: %s", code, path, type(original).__name__)
    else:
        log.error("unexpected error at %s", path, exc_info=original)


class Schema(strawberry.Schema):
    """Strawberry's schema, logging errors as above."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            log_error(error)
