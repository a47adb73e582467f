"""Bearer tokens for writes; reads stay open."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

import strawberry
from strawberry.permission import BasePermission


def token_name(authorization: str | None, tokens: Sequence[tuple[str, str]]) -> str | None:
    """The name of the token in an ``Authorization: Bearer ...`` header, or None.

    Every configured token is compared, in constant time, so the answer's timing
    says nothing about which token came close.
    """
    if not authorization or not authorization.startswith("Bearer "):
        return None
    offered = authorization.removeprefix("Bearer ").strip().encode("utf-8")
    found = None
    for name, token in tokens:
        if hmac.compare_digest(offered, token.encode("utf-8")):
            found = name
    return found


class CanWrite(BasePermission):
    message = "A bearer token is required to write."
    error_extensions = {"code": "UNAUTHENTICATED"}  # noqa: RUF012

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return info.context.writer is not None
