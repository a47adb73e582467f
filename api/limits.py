"""Bounds on what a request may be: its body's size and arrival time, the shape of its
JSON; and on the size of what it gets back."""

from __future__ import annotations

import asyncio
import json

from cross_web import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrace.api.metrics import refused


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    pass


class RequestBody:
    """Reads a request's whole body before the app sees the request.

    The body must be at most ``max_bytes`` (else 413) and must arrive in full within
    ``timeout_seconds`` of the request's headers (else 408, and the connection is
    closed). The app then receives it in one message: nothing further in, the
    concurrency limit included, ever waits on a slow client.
    """

    def __init__(self, app: ASGIApp, max_bytes: int, timeout_seconds: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_seconds = timeout_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.timeout_seconds):
                body = await self._read(receive)
        except TimeoutError:
            await self._too_slow(scope, receive, send)
            return
        except BodyTooLarge:
            await self._too_large(scope, receive, send)
            return
        except ClientGone:
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"Request body larger than {self.max_bytes} bytes."
        refused("PAYLOAD_TOO_LARGE")
        await _error(413, message, "PAYLOAD_TOO_LARGE")(scope, receive, send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body did not arrive within {self.timeout_seconds:g} s."
        refused("REQUEST_TIMEOUT")
        response = _error(408, message, "REQUEST_TIMEOUT")
        response.headers["connection"] = "close"  # uvicorn closes the connection after it
        await response(scope, receive, send)


class AnswerSizeLimit:
    """An answer of more than ``max_bytes`` is replaced, before a byte of it is sent, by
    an error naming its size and the bound (RESPONSE_TOO_LARGE), with the same status
    and headers. The query cost budget keeps answers far below it; this is the backstop
    for lists longer than the estimate assumed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None

        async def bounded(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if start is not None and message["type"] == "http.response.body":
                if not message.get("more_body") and len(message.get("body", b"")) > self.max_bytes:
                    start, message = self._replaced(start, len(message["body"]))
                await send(start)
                start = None
            await send(message)

        await self.app(scope, receive, bounded)

    def _replaced(self, start: Message, size: int) -> tuple[Message, Message]:
        refused("RESPONSE_TOO_LARGE")
        error = {
            "message": f"The answer would be {size} bytes, over the limit of {self.max_bytes}. "
            "Ask for fewer items or fewer fields.",
            "extensions": {"code": "RESPONSE_TOO_LARGE", "size": size, "limit": self.max_bytes},
        }
        body = json.dumps({"errors": [error]}).encode("utf-8")
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        return {**start, "headers": headers}, {"type": "http.response.body", "body": body}


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body in one message; after it, the server's own messages (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _error(status: int, message: str, code: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status)


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
