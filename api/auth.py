"""Bearer tokens for writes; reads stay open."""

from __future__ import annotations

import hmac
from collections.abc import Sequence


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
