"""Errors a client may see: a clear message and a machine-readable code, nothing internal.

These are plain exceptions, so the core stays free of any web or GraphQL
framework. A ``DomainError`` carries ``extensions`` ({"code", "field"}), which
GraphQL reports as they are; the API shows its message unmasked (api/protection.py).
"""

from __future__ import annotations

from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)


class DomainError(Exception):
    """An error about the request itself; shown to the client as it is."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.extensions: dict[str, object] = {"code": self.code}
        if field is not None:
            self.extensions["field"] = field


class BadInput(DomainError):
    code = "BAD_USER_INPUT"


class NotFound(DomainError):
    code = "NOT_FOUND"


class AlreadyReviewed(DomainError):
    """A candidate was confirmed or rejected already: undo that first."""

    code = "ALREADY_REVIEWED"


class NotReviewed(DomainError):
    """Undoing a review of a candidate nobody has reviewed (or whose review was undone)."""

    code = "NOT_REVIEWED"


class Duplicate(DomainError):
    code = "DUPLICATE"


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "A bearer token is required to write.") -> None:
        super().__init__(message)


# How much of a value an error message quotes back (its repr), at most.
PREVIEW_LENGTH = 80


def preview(value: object, limit: int = PREVIEW_LENGTH) -> str:
    """``repr(value)``, cut to ``limit`` characters with the full length said: an error
    may quote what it refuses, but never echoes a large input back whole."""
    shown = repr(value)
    if len(shown) <= limit:
        return shown
    size = f" of {len(value)} characters" if isinstance(value, str) else ""
    return f"{shown[:limit]}... (a value{size}, cut)"


COMMIT_OUTCOME_UNKNOWN = "COMMIT_OUTCOME_UNKNOWN"
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
# Neo4j away or overloaded (or every pooled connection busy for too long): the
# request can be sent again shortly.
UNAVAILABLE = (
    ServiceUnavailable,
    SessionExpired,
    TransientError,
    ConnectionAcquisitionTimeoutError,
    ConnectionError,
    TimeoutError,
)


def code_of(error: BaseException) -> str:
    """The extensions.code a client sees for an error a resolver raised (or GraphQL
    reported: any error with an ``extensions`` dict names its own code)."""
    extensions = getattr(error, "extensions", None)
    if isinstance(extensions, dict):
        code = extensions.get("code")
        return code if isinstance(code, str) else "BAD_USER_INPUT"
    if isinstance(error, IncompleteCommit):  # before UNAVAILABLE: it is a ServiceUnavailable
        return COMMIT_OUTCOME_UNKNOWN
    if isinstance(error, UNAVAILABLE):
        return SERVICE_UNAVAILABLE
    return INTERNAL_SERVER_ERROR
