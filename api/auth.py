"""Bearer tokens for writes; reads stay open."""

from __future__ import annotations

import hmac
from collections.abc import Sequence


def token_name(authorization: str | None, tokens: Sequence[tuple[str, str]]) -> str | None:
    """The name of the token in an ``Authorization: Bearer ...`` header, or None.

    The scheme is matched in any case (RFC 9110 makes it case-insensitive). Every
    configured token is compared, in constant time, so the answer's timing says
    nothing about which token came close.
    """
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    offered = credentials.strip().encode("utf-8")
    found = None
    for name, token in tokens:
        if hmac.compare_digest(offered, token.encode("utf-8")):
            found = name
    return found
