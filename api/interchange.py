"""Exports over HTTP, each format chosen by the Accept header:

- ``GET /claims/{id}/provenance``: W3C PROV of one claim;
- ``GET /claims/provenance?...``: W3C PROV of a filtered page of claims;
- ``GET /claims/{id}/review``: schema.org Claim and ClaimReview JSON-LD;
- ``GET /claims/{id}/annotations``: the quotes as W3C Web Annotations;
- ``GET /claims/{id}/aif``: the claim's debate as AIF JSON.

Errors answer as GraphQL's do, ``{"errors": [{"message", "extensions": {"code",
"field"}}]}``, and never carry internals.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from enum import StrEnum
from typing import Any, Final, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from claimtrace.api.negotiation import choose
from claimtrace.core.database import Graph
from claimtrace.core.errors import (
    INTERNAL_SERVER_ERROR,
    SERVICE_UNAVAILABLE,
    BadInput,
    DomainError,
    NotFound,
    code_of,
)
from claimtrace.core.interchange import aif, claimreview, w3c_prov, web_annotations
from claimtrace.core.search import parse_search
from claimtrace.core.store.claim_pages import ClaimFilterRecord, claims_page
from claimtrace.core.store.pages import check_first
from claimtrace.core.store.provenance import fetch_provenance, fetch_provenances
from claimtrace.core.store.records import ProvenanceRecord
from claimtrace.core.store.sources import source_texts
from claimtrace.core.vocabulary import DateMatch, Stance
from claimtrace.schema.common import check_partial_date

log = logging.getLogger(__name__)

JSON_LD: Final = "application/ld+json"
TURTLE: Final = "text/turtle"
JSON: Final = "application/json"
PROV_N: Final = "text/provenance-notation"
PROV_TYPES: Final = (JSON_LD, TURTLE, JSON, PROV_N)
PROV_WRITERS: Final = {
    JSON_LD: w3c_prov.prov_jsonld,
    TURTLE: w3c_prov.prov_turtle,
    JSON: w3c_prov.prov_json,
    PROV_N: w3c_prov.prov_n,
}
ANNOTATION_TYPE: Final = f'{JSON_LD}; profile="{web_annotations.PROFILE}"'
DEFAULT_PAGE = 20
FILTERS: Final = (
    "search", "topicId", "personId", "sourceId", "publisherId", "assertedFrom", "assertedTo",
    "dateMatch", "hasConflicts", "stance", "first", "after",
)  # fmt: skip

E = TypeVar("E", bound=StrEnum)
Handler = Callable[[Request, Graph], Awaitable[Response]]


class NotAcceptable(DomainError):
    code = "NOT_ACCEPTABLE"


STATUS = {"BAD_USER_INPUT": 400, "NOT_FOUND": 404, "NOT_ACCEPTABLE": 406}


def exported(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """Runs an export with the app's graph, answering every failure as a typed error."""

    async def endpoint(request: Request) -> Response:
        try:
            response = await handler(request, request.state.graph)
        except DomainError as error:
            response = _error(STATUS.get(error.code, 400), error.message, error.extensions)
        except Exception as error:
            code = code_of(error)
            if code == SERVICE_UNAVAILABLE:
                response = _error(
                    503, "The database is unavailable; try again shortly.", {"code": code}
                )
                response.headers["Retry-After"] = "1"
            else:
                log.exception("export failed")
                response = _error(500, "Unexpected error.", {"code": INTERNAL_SERVER_ERROR})
        response.headers["Vary"] = "Accept"
        return response

    return endpoint


def _error(status: int, message: str, extensions: Mapping[str, object]) -> Response:
    body = {"errors": [{"message": message, "extensions": dict(extensions)}]}
    return Response(json.dumps(body), status_code=status, media_type=JSON)


def _negotiate(request: Request, offered: tuple[str, ...]) -> str:
    chosen = choose(request.headers.get("accept"), offered)
    if chosen is None:
        raise NotAcceptable(f"this export is available as {', '.join(offered)}", field="Accept")
    return chosen


async def _provenance(graph: Graph, claim_id: str) -> ProvenanceRecord:
    record = await fetch_provenance(graph, claim_id)
    if record is None:
        raise NotFound(f"no claim with id {claim_id}", field="id")
    return record


def _json(document: Any, media_type: str) -> Response:
    return Response(json.dumps(document, ensure_ascii=False), media_type=media_type)


async def claim_provenance(request: Request, graph: Graph) -> Response:
    media_type = _negotiate(request, PROV_TYPES)
    record = await _provenance(graph, request.path_params["claim_id"])
    document = w3c_prov.provenance_document([record])
    return Response(PROV_WRITERS[media_type](document), media_type=media_type)


async def claims_provenance(request: Request, graph: Graph) -> Response:
    """A page of claims (the filters of the ``claims`` query), as one PROV document; a
    ``Link: <...>; rel="next"`` header when more follow."""
    media_type = _negotiate(request, PROV_TYPES)
    params = request.query_params
    unknown = sorted(set(params) - set(FILTERS))
    if unknown:
        raise BadInput(
            f"unknown parameter {unknown[0]}; known: {', '.join(FILTERS)}", field=unknown[0]
        )
    first = check_first(_integer(params.get("first"), DEFAULT_PAGE, "first"))
    page = await claims_page(graph, claim_filter(params), first, params.get("after"))
    ids = [hit.claim.id for hit, _ in page.hits]
    records = [r for r in await fetch_provenances(graph, ids) if r is not None]
    response = Response(
        PROV_WRITERS[media_type](w3c_prov.provenance_document(records)), media_type=media_type
    )
    if page.has_next:
        after = page.hits[-1][1]
        following = request.url.include_query_params(after=after)
        response.headers["Link"] = f'<{following}>; rel="next"'
    return response


async def claim_review(request: Request, graph: Graph) -> Response:
    media_type = _negotiate(request, (JSON_LD, JSON))
    record = await _provenance(graph, request.path_params["claim_id"])
    return _json(claimreview.claim_document(record), media_type)


async def claim_annotations(request: Request, graph: Graph) -> Response:
    media_type = _negotiate(request, (JSON_LD, JSON))
    record = await _provenance(graph, request.path_params["claim_id"])
    texts = await source_texts(graph, sorted({a.source.id for a in record.assertions}))
    collection = web_annotations.annotation_collection(record, texts, str(request.url))
    return _json(collection, ANNOTATION_TYPE if media_type == JSON_LD else JSON)


async def claim_debate(request: Request, graph: Graph) -> Response:
    media_type = _negotiate(request, (JSON,))
    record = await _provenance(graph, request.path_params["claim_id"])
    return _json(aif.debate(record), media_type)


def claim_filter(params: Mapping[str, str]) -> ClaimFilterRecord:
    """The ``claims`` query's filter, from query parameters of the same names."""
    search = params.get("search")
    if search is not None:
        parse_search(search, field="search")
    return ClaimFilterRecord(
        search=search,
        topic_id=params.get("topicId"),
        person_id=params.get("personId"),
        source_id=params.get("sourceId"),
        publisher_id=params.get("publisherId"),
        asserted_from=check_partial_date("assertedFrom", params.get("assertedFrom")),
        asserted_to=check_partial_date("assertedTo", params.get("assertedTo")),
        date_match=_choice(params.get("dateMatch"), DateMatch, "dateMatch") or DateMatch.OVERLAPS,
        has_conflicts=_boolean(params.get("hasConflicts"), "hasConflicts"),
        stance=_choice(params.get("stance"), Stance, "stance"),
    )


def _choice(value: str | None, kind: type[E], name: str) -> E | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise BadInput(f"{name} must be one of {allowed}", field=name) from None


def _boolean(value: str | None, name: str) -> bool | None:
    if value is None:
        return None
    if value not in ("true", "false"):
        raise BadInput(f"{name} must be true or false", field=name)
    return value == "true"


def _integer(value: str | None, default: int, name: str) -> int:
    if value is None:
        return default
    if not value.isascii() or not value.isdigit():
        raise BadInput(f"{name} must be a whole number", field=name)
    return int(value)


ROUTES: Final = [
    # Before /claims/{claim_id}/...: a path with no id of its own.
    Route("/claims/provenance", exported(claims_provenance), methods=["GET"]),
    Route("/claims/{claim_id}/provenance", exported(claim_provenance), methods=["GET"]),
    Route("/claims/{claim_id}/review", exported(claim_review), methods=["GET"]),
    Route("/claims/{claim_id}/annotations", exported(claim_annotations), methods=["GET"]),
    Route("/claims/{claim_id}/aif", exported(claim_debate), methods=["GET"]),
]
