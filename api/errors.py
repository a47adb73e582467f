"""Errors a client may see: a clear message and a machine-readable code, nothing internal."""

from __future__ import annotations

from graphql import GraphQLError


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
