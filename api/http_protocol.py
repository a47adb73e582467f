"""uvicorn's httptools protocol with a deadline and a size bound for each request's head.

uvicorn times out only the idle time between requests (``--timeout-keep-alive``): a
connection that sends nothing, or the headers of a request a byte at a time, is kept
open for ever, and httptools buffers headers of any size. Served with
``--http claimtrace.api.http_protocol:BoundedHttpToolsProtocol``, a connection must
deliver each request's line and headers within ``CLAIMTRACE_HEAD_TIMEOUT_SECONDS`` (of
its opening for the first request, of their first byte for later ones) and in at most
``MAX_HEAD_BYTES``; otherwise it is answered 408 or 431 and closed. A connection that
sends nothing is closed at that deadline. The body's deadline is the app's
(api/limits.py).
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
from uvicorn.server import ServerState

from claimtrace.core.settings import DEFAULT_HEAD_TIMEOUT_SECONDS, positive_seconds

HEAD_TIMEOUT_SECONDS = positive_seconds(
    os.environ, "CLAIMTRACE_HEAD_TIMEOUT_SECONDS", DEFAULT_HEAD_TIMEOUT_SECONDS
)
# The request line and every header together. A GraphQL document belongs in a POST body;
# a GET query longer than this is refused with the rest.
MAX_HEAD_BYTES = 64 * 1024


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._head_bytes: int | None = 0  # None while no head is expected (a body is)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._head_bytes is None or self.transport.is_closing():
            return
        self._head_bytes += len(data)
        if self._head_bytes > MAX_HEAD_BYTES:
            self._refuse(431, f"The request line and headers exceed {MAX_HEAD_BYTES} bytes.")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        if self._head_deadline is None:
            self._arm_head_deadline()

    def on_headers_complete(self) -> None:
        self._disarm_head_deadline()
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._head_bytes = 0

    def send_400_response(self, msg: str) -> None:
        if not self.transport.is_closing():  # nothing more after a refusal of ours
            super().send_400_response(msg)

    def _arm_head_deadline(self) -> None:
        self._head_deadline = self.loop.call_later(HEAD_TIMEOUT_SECONDS, self._head_too_slow)

    def _disarm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            self._arm_head_deadline()  # a pipelined request waits for the answer before it
            return
        if not self._head_bytes:  # not a byte of a request: just an idle connection
            self.transport.close()
            return
        self._refuse(408, f"The request headers did not arrive within {HEAD_TIMEOUT_SECONDS:g} s.")

    def _refuse(self, status: int, message: str) -> None:
        self._disarm_head_deadline()
        error = {"message": message, "extensions": {"code": _CODES[status]}}
        content = json.dumps({"errors": [error]}).encode("utf-8")
        self.transport.write(
            b"".join(
                [
                    STATUS_LINE[status],
                    b"content-type: application/json\r\n",
                    b"content-length: %d\r\n" % len(content),
                    b"connection: close\r\n\r\n",
                    content,
                ]
            )
        )
        self.transport.close()


_CODES = {408: "REQUEST_TIMEOUT", 431: "REQUEST_HEADERS_TOO_LARGE"}
