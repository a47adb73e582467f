"""Bounds on what a request may be: its body's size, and the shape of its JSON."""

from __future__ import annotations

import json

from cross_web import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"errors": [{"message": f"Request body larger than {self.max_bytes} bytes.",
                         "extensions": {"code": "PAYLOAD_TOO_LARGE"}}]},
            status_code=413,
        )  # fmt: skip
        await response(scope, receive, send)


def decode_request_json(data: str | bytes) -> object:
    """A request's JSON, refused with a 400 unless it decodes to an object or a list.

    Only malformed JSON is refused as such upstream; bytes that are not UTF-8, nesting
    deeper than the decoder's recursion, or a bare number, string or null body would
    otherwise escape as a server error. (A body arrives as bytes; the text of a GET's
    ``variables`` parameter may be null.)
    """
    try:
        value = json.loads(data)
    except RecursionError:
        raise HTTPException(400, "Request JSON is nested too deeply") from None
    except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
        raise HTTPException(400, "Unable to parse request body as JSON") from None
    if value is None and isinstance(data, str):
        return None
    if not isinstance(value, dict | list):
        raise HTTPException(400, f"Expected a JSON object, got {_json_kind(value)}")
    return value


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a string" if isinstance(value, str) else "a number"
