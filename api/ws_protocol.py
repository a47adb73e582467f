"""uvicorn's WebSocket protocol (websockets, sans-I/O), closing with 1001 on shutdown.

When the server shuts down, uvicorn closes every open WebSocket with 1012 (service
restart) before the application's lifespan ends. Served with ``--ws
claimtrace.api.ws_protocol:GoingAwayWebSocketProtocol``, it closes them with 1001
(going away) and says why; the app is told the same, so that its subscriptions
stop polling before the driver is closed.
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

GOING_AWAY = 1001
SHUTTING_DOWN = "The server is shutting down; connect again."


class GoingAwayWebSocketProtocol(WebSocketsSansIOProtocol):
    def shutdown(self) -> None:
        if self.close_sent or not self.handshake_complete:
            super().shutdown()
            return
        self.stop_keepalive()
        self.queue.put_nowait(
            {"type": "websocket.disconnect", "code": GOING_AWAY, "reason": SHUTTING_DOWN}
        )
        self.conn.send_close(GOING_AWAY, SHUTTING_DOWN)
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.transport.close()
