"""Choosing an export's media type by the request's Accept header (RFC 9110)."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrace.api.media_types import parse_accept


def choose(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered type of highest quality (the most specific matching range gives it),
    the first offered at equal quality; the first without an Accept header; None when
    the header admits none of them (406)."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)

    def quality(media_type: str) -> float:
        matching = [r for r in ranges if r.matches(media_type)]
        return max(matching, key=lambda r: r.specificity).quality if matching else 0.0

    best = max(offered, key=quality)  # max keeps the first of equals
    return best if quality(best) > 0 else None
