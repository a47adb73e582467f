"""Strawberry's ASGI view, with the typed per-request context and a request id."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema

from claimtrace.api.auth import token_name
from claimtrace.api.limits import decode_request_json
from claimtrace.core.audit import REQUEST_ID_HEADER, request_id_from
from claimtrace.core.database import Graph
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import build_dataloaders


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, tokens: Sequence[tuple[str, str]]) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.tokens = tuple(tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Every answer carries the request id that its audit events and logs carry."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request_id = request_id_from(Headers(scope=scope).get(REQUEST_ID_HEADER))
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        await super().__call__(scope, receive, send_with_id)

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
        )
