"""Strawberry's ASGI view, with the typed per-request context and the answer's media
type chosen by the Accept header (api/media_types.py).

In development it serves GraphiQL (without persisting headers, under a strict
Content-Security-Policy); in production it serves none. Queries over GET are
answered only where the settings allow them.

Subscriptions are served over WebSocket, with the graphql-transport-ws protocol
only (no streaming over HTTP, which would bypass the HTTP limits), and nothing
else is: queries and mutations go over HTTP (api/admission.py refuses them on a
socket). A page on another origin may open a socket only if listed in
CLAIMTRACE_WEBSOCKET_ORIGINS (Strawberry's origin check). A bearer token travels
in ``connection_init``'s payload, ``{"authorization": "Bearer ..."}``: a wrong one
closes the connection with 4403; without one the connection is anonymous.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from claimtrace.api.auth import token_name
from claimtrace.api.graphiql import graphiql_page
from claimtrace.api.limits import decode_request_json
from claimtrace.api.media_types import JSON, response_media_type, shape_body, status_code
from claimtrace.api.subscribers import TRY_AGAIN_LATER, Subscribers, full_message
from claimtrace.core.audit import request_id_from
from claimtrace.core.database import Graph
from claimtrace.core.settings import SubscriptionLimits
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import build_dataloaders
from claimtrace.schema.live import LiveConnection


class TextWebSocketAdapter(ASGIWebSocketAdapter):
    """graphql-transport-ws messages travel in text frames: the view's encoder gives
    bytes (for HTTP answers), which Strawberry would send as binary frames."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(self.view.encode_json_string(message))
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class GraphQLView(GraphQL[Context, None]):
    websocket_adapter_class = TextWebSocketAdapter

    def __init__(
        self,
        schema: BaseSchema,
        tokens: Sequence[tuple[str, str]],
        *,
        graphiql: bool = True,
        get_queries: bool = True,
        subscriptions: SubscriptionLimits | None = None,
        connection_init_seconds: float = 10.0,
    ) -> None:
        self.subscription_limits = subscriptions or SubscriptionLimits()
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            allow_queries_via_get=get_queries,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=dt.timedelta(seconds=connection_init_seconds),
            # The typed limit is the schema's (schema/live.py); this one, Strawberry's,
            # only stops a flood of operations that would each be refused.
            max_subscriptions_per_connection=2 * self.subscription_limits.per_connection,
            allowed_origins=self.subscription_limits.origins,
        )
        self.tokens = tuple(tokens)
        self.page = graphiql_page() if graphiql else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await super().__call__(scope, receive, send)
            return
        websocket = WebSocket(scope, receive=receive, send=send)
        subscribers: Subscribers = websocket.state.subscribers
        async with subscribers.admitted(websocket) as admitted:
            if admitted:
                await self.run(websocket)
                return
        await websocket.accept(subprotocol=await self.pick_websocket_subprotocol(websocket))
        await websocket.close(TRY_AGAIN_LATER, full_message(subscribers.limit))

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """The token, if any, is in connection_init's payload; a wrong one is refused."""
        params = context.connection_params or {}
        authorization = params.get("authorization")
        if authorization is None:
            return await super().on_ws_connect(context)
        writer = token_name(authorization if isinstance(authorization, str) else None, self.tokens)
        if writer is None:
            raise ConnectionRejectionError()
        context.writer = writer
        return await super().on_ws_connect(context)

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
        if isinstance(request, WebSocket):
            # One context for the connection's life: loaders that cache nothing, and the
            # writer, if any, from connection_init (on_ws_connect).
            return Context(
                graph=graph,
                loaders=build_dataloaders(graph, cache=False),
                request=request,  # type: ignore[arg-type]
                request_id=request_id_from(None),
                live=LiveConnection(self.subscription_limits),
            )
        return Context(
            graph=graph,
            loaders=build_dataloaders(graph),
            request=request,
            request_id=getattr(request.state, "request_id", None) or request_id_from(None),
            writer=token_name(request.headers.get("authorization"), self.tokens),
            response=response if isinstance(response, Response) else None,
        )
