"""Headers every answer carries: its request id, and the browser protections.

Outermost of the middleware, so that every answer has them, refusals included
(413, 503, 404). The request id is the caller's ``X-Request-ID`` if well formed,
else a fresh one; it is what the request's audit events and log lines carry.
An answer may set its own Content-Security-Policy (GraphiQL's page does); every
other answer gets one that allows nothing, and none may be framed.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrace.core.audit import REQUEST_ID_HEADER, request_id_from

NOTHING_ALLOWED = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
PROTECTIONS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


class StandardHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(Headers(scope=scope).get(REQUEST_ID_HEADER))
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers[REQUEST_ID_HEADER] = request_id
                for name, value in PROTECTIONS.items():
                    headers[name] = value
                headers.setdefault("content-security-policy", NOTHING_ALLOWED)
            await send(message)

        await self.app(scope, receive, send_with_headers)
