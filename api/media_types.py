"""GraphQL over HTTP: the media type of an answer, chosen by the request's Accept header,
and what that type changes.

``application/json`` is the legacy type, kept for older clients: every GraphQL result
is a 200 with a ``data`` entry, as before. ``application/graphql-response+json`` is for
clients that ask for it: a request error (the document does not parse or validate, or
its variables do not coerce, so execution never started) is a 4xx without ``data``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from claimtrace.core.errors import INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
SUPPORTED = (GRAPHQL_RESPONSE_JSON, JSON)


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header: ``type/subtype``, either part possibly ``*``."""

    type: str
    subtype: str
    quality: float

    def matches(self, media_type: str) -> bool:
        type_, subtype = media_type.split("/")
        return self.type in ("*", type_) and self.subtype in ("*", subtype)

    @property
    def specificity(self) -> int:
        """2 for a media type named exactly, 1 for ``type/*``, 0 for ``*/*``."""
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; entries that are not ``type/subtype``, or
    whose quality is not a number from 0 to 1, are left out."""
    ranges = []
    for entry in header.split(","):
        name, *parameters = (part.strip() for part in entry.split(";"))
        type_, slash, subtype = name.lower().partition("/")
        quality = _quality(parameters)
        if slash and type_ and subtype and quality is not None:
            ranges.append(MediaRange(type_, subtype, quality))
    return ranges


def _quality(parameters: Sequence[str]) -> float | None:
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return None
            return quality if 0.0 <= quality <= 1.0 else None
    return 1.0


def response_media_type(accept: str | None) -> str:
    """The supported type of highest quality (RFC 9110: the most specific range that
    matches a type gives its quality). At equal quality a type named explicitly wins over
    one reached by a wildcard; between two named types graphql-response+json wins, and
    wildcards alone choose application/json. No Accept header, or none that admits a
    supported type, also gives application/json."""
    ranges = parse_accept(accept or "")

    def rank(media_type: str) -> tuple[float, bool, bool]:
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            return (0.0, False, False)
        best = max(matching, key=lambda r: r.specificity)
        named = best.specificity == 2
        return (best.quality, named, media_type == (GRAPHQL_RESPONSE_JSON if named else JSON))

    chosen = max(SUPPORTED, key=rank)
    return chosen if rank(chosen)[0] > 0 else JSON


def execution_started(result: ExecutionResult) -> bool:
    """Every error raised while executing carries the path of its field; the errors of a
    document that does not parse or validate, or of variables that do not coerce, have
    none, and such a result has no data."""
    return result.data is not None or any(error.path for error in result.errors or ())


def shape_body(
    body: GraphQLHTTPResponse, result: ExecutionResult, media_type: str
) -> GraphQLHTTPResponse:
    """For graphql-response+json, a result whose execution never started has no data entry."""
    if media_type == GRAPHQL_RESPONSE_JSON and not execution_started(result):
        trimmed = body.copy()
        trimmed.pop("data", None)
        return trimmed
    return body


def status_code(body: GraphQLHTTPResponse, media_type: str) -> int:
    """200 whenever there is a data entry. Without one (graphql-response+json only): 503
    when the database was away, 500 for a fault of ours, else 400 (the request's fault)."""
    if media_type != GRAPHQL_RESPONSE_JSON or "data" in body:
        return 200
    codes = {_code(error) for error in body.get("errors") or ()}
    if SERVICE_UNAVAILABLE in codes:
        return 503
    return 500 if INTERNAL_SERVER_ERROR in codes else 400


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, dict) else None
    return extensions.get("code") if isinstance(extensions, dict) else None
