"""Strawberry's ASGI view, with the typed per-request context.

In development it serves GraphiQL (without persisting headers, under a strict
Content-Security-Policy); in production it serves none. Queries over GET are
answered only where the settings allow them.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema

from claimtrace.api.auth import token_name
from claimtrace.api.graphiql import graphiql_page
from claimtrace.api.limits import decode_request_json
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
