"""Strawberry's ASGI view, with the typed per-request context and the answer's media
type chosen by the Accept header (api/media_types.py).

In development it serves GraphiQL (without persisting headers, under a strict
Content-Security-Policy); in production it serves none. Queries over GET are
answered only where the settings allow them.
"""

from __future__ import annotations

from collections.abc import Sequence

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult

from claimtrace.api.auth import token_name
from claimtrace.api.graphiql import graphiql_page
from claimtrace.api.limits import decode_request_json
from claimtrace.api.media_types import JSON, response_media_type, shape_body, status_code
from claimtrace.core.audit import request_id_from
from claimtrace.core.database import Graph
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import build_dataloaders


class GraphQLView(GraphQL[Context, None]):
    def __init__(
        self,
        schema: BaseSchema,
        tokens: Sequence[tuple[str, str]],
        *,
        graphiql: bool = True,
        get_queries: bool = True,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            allow_queries_via_get=get_queries,
        )
        self.tokens = tuple(tokens)
        self.page = graphiql_page() if graphiql else None

    async def render_graphql_ide(self, request: Request) -> Response:
        assert self.page is not None  # Strawberry asks only when graphql_ide is set
        return HTMLResponse(
            self.page.html,
            headers={"content-security-policy": self.page.content_security_policy},
        )

    def decode_json(self, data: str | bytes) -> object:
        return decode_request_json(data)

    def encode_json(self, data: object) -> str | bytes:
        """orjson, several times faster than the standard encoder on large answers; the
        standard one for what orjson refuses (a lone surrogate echoed in an error)."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return super().encode_json(data)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        body = await super().process_result(request, result)
        return shape_body(body, result, response_media_type(request.headers.get("accept")))

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        """The media type chosen for the answer travels to ``create_response`` here."""
        sub_response = await super().get_sub_response(request)
        sub_response.media_type = response_media_type(request.headers.get("accept"))
        return sub_response

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        media_type = sub_response.media_type or JSON
        response.headers["content-type"] = media_type
        response.headers.add_vary_header("Accept")
        if isinstance(response_data, dict) and not sub_response.status_code:
            response.status_code = status_code(response_data, media_type)
        return response

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        graph: Graph = request.state.graph
        return Context(
            graph=graph,
            loaders=build_dataloaders(graph),
            request=request,  # type: ignore[arg-type]
            request_id=getattr(request.state, "request_id", None) or request_id_from(None),
            writer=token_name(request.headers.get("authorization"), self.tokens),
            response=response if isinstance(response, Response) else None,
        )
