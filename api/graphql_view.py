"""Strawberry's ASGI view, with the typed per-request context."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.context import Context
from api.dataloaders import build_dataloaders


class GraphQLView(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        driver = request.state.driver
        database = request.state.database
        return Context(
            driver=driver,
            database=database,
            loaders=build_dataloaders(driver, database),
            request=request,  # type: ignore[arg-type]
            response=response if isinstance(response, Response) else None,
        )
