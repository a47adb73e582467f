"""The body is read before the app sees a request, within a deadline; answers are
bounded in size. Their logic against stub apps, as ASGI messages."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from claimtrace.api.concurrency import ConcurrencyLimit
from claimtrace.api.limits import AnswerSizeLimit, RequestBody

Message = dict[str, Any]


class Echo:
    """Answers 200 with the body it received; notes every message it was given."""

    def __init__(self) -> None:
        self.received: list[Message] = []
        self.calls = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        body = b""
        while True:
            message = await receive()
            self.received.append(message)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})


def chunks(*parts: bytes, then: Callable[[], Awaitable[Message]] | None = None) -> Any:
    """A receive callable: the body in ``parts``, then ``then`` (or a disconnect). With
    ``then``, more of the body is announced after the parts."""
    last = len(parts) - 1 if then is None else len(parts)
    messages = [
        {"type": "http.request", "body": part, "more_body": i < last}
        for i, part in enumerate(parts)
    ]

    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        if then is not None:
            return await then()
        return {"type": "http.disconnect"}

    return receive


async def never() -> Message:
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


async def call(
    app: Any, receive: Any, headers: list[tuple[bytes, bytes]] | None = None
) -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/graphql", "method": "POST", "headers": headers or []}
    await app(scope, receive, send)
    return sent


def error_of(sent: list[Message]) -> tuple[int, dict[str, Any], dict[bytes, bytes]]:
    [error] = json.loads(sent[1]["body"])["errors"]
    return sent[0]["status"], error, dict(sent[0]["headers"])


async def test_the_app_gets_the_whole_body_in_one_message_then_the_servers_own() -> None:
    app = Echo()
    sent = await call(RequestBody(app, max_bytes=100, timeout_seconds=1), chunks(b'{"q"', b": 1}"))
    assert sent[1]["body"] == b'{"q": 1}'
    assert app.received == [{"type": "http.request", "body": b'{"q": 1}', "more_body": False}]


async def test_a_body_that_does_not_arrive_in_time_is_answered_408_and_closed() -> None:
    app = Echo()
    limited = RequestBody(app, max_bytes=100, timeout_seconds=0.05)
    sent = await asyncio.wait_for(call(limited, chunks(b'{"query":', then=never)), timeout=5)
    status, error, headers = error_of(sent)
    assert status == 408
    assert error == {"message": "The request body did not arrive within 0.05 s.",
                     "extensions": {"code": "REQUEST_TIMEOUT"}}  # fmt: skip
    assert headers[b"connection"] == b"close"
    assert app.calls == 0


async def test_a_request_waiting_for_its_body_holds_no_concurrency_slot() -> None:
    app = Echo()
    limited = RequestBody(ConcurrencyLimit(app, limit=1), max_bytes=100, timeout_seconds=5)
    waiting = asyncio.create_task(call(limited, chunks(b'{"query":', then=never)))
    await asyncio.sleep(0.01)
    served = await asyncio.wait_for(call(limited, chunks(b"{}")), timeout=1)
    assert served[0]["status"] == 200
    waiting.cancel()


async def test_bodies_over_the_limit_are_refused_declared_or_streamed() -> None:
    for headers, parts in (([(b"content-length", b"101")], [b""]), ([], [b"x" * 60, b"y" * 60])):
        app = Echo()
        sent = await call(
            RequestBody(app, max_bytes=100, timeout_seconds=1), chunks(*parts), headers
        )
        status, error, _ = error_of(sent)
        assert (status, error["extensions"]["code"]) == (413, "PAYLOAD_TOO_LARGE")
        assert app.calls == 0


async def gone() -> Message:
    return {"type": "http.disconnect"}


async def test_a_client_gone_before_its_body_is_in_gets_no_answer() -> None:
    app = Echo()
    sent = await call(RequestBody(app, max_bytes=100, timeout_seconds=1), chunks(b"{", then=gone))
    assert sent == []
    assert app.calls == 0


async def test_an_answer_over_the_limit_is_replaced_by_an_error_naming_both_sizes() -> None:
    limited = AnswerSizeLimit(Echo(), max_bytes=10)
    sent = await call(limited, chunks(b"x" * 11))
    status, error, headers = error_of(sent)
    assert status == 200
    assert error["extensions"] == {"code": "RESPONSE_TOO_LARGE", "size": 11, "limit": 10}
    assert int(headers[b"content-length"]) == len(sent[1]["body"])
    fits = await call(limited, chunks(b"x" * 10))
    assert fits[1]["body"] == b"x" * 10
