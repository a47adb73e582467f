"""Errors a client may see: a clear message and a machine-readable code, nothing internal."""

from __future__ import annotations

from graphql import GraphQLError
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)


class ClientError(GraphQLError):
    """An error about the request itself; shown to the client as it is."""

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        extensions: dict[str, object] = {"code": self.code}
        if field is not None:
            extensions["field"] = field
        super().__init__(message, extensions=extensions)


class BadInput(ClientError):
    code = "BAD_USER_INPUT"


class NotFound(ClientError):
    code = "NOT_FOUND"


class Duplicate(ClientError):
    code = "DUPLICATE"


class Unauthenticated(GraphQLError):
    def __init__(self, message: str = "A bearer token is required to write.") -> None:
        super().__init__(message, extensions={"code": "UNAUTHENTICATED"})


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
    """The extensions.code a client sees for an error a resolver raised."""
    if isinstance(error, GraphQLError):
        code = (error.extensions or {}).get("code")
        return code if isinstance(code, str) else "BAD_USER_INPUT"
    if isinstance(error, IncompleteCommit):  # before UNAVAILABLE: it is a ServiceUnavailable
        return COMMIT_OUTCOME_UNKNOWN
    if isinstance(error, UNAVAILABLE):
        return SERVICE_UNAVAILABLE
    return INTERNAL_SERVER_ERROR
