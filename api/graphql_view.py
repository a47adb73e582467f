"""Strawberry's ASGI view, with the typed per-request context."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema

from api.auth import token_name
from api.context import Context
from api.dataloaders import build_dataloaders
from api.limits import decode_request_json


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, schema: BaseSchema, tokens: Sequence[tuple[str, str]]) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.tokens = tuple(tokens)

    def decode_json(self, data: str | bytes) -> object:
        return decode_request_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        driver = request.state.driver
        database = request.state.database
        return Context(
            driver=driver,
            database=database,
            loaders=build_dataloaders(driver, database),
            writer=token_name(request.headers.get("authorization"), self.tokens),
            request=request,  # type: ignore[arg-type]
        )
