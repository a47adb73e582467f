"""A bare HTTP/1.1 client: one keep-alive connection, prebuilt requests, timed replies.

httpx spends more time per request than the API spends refusing one, so a burst of
refusals timed through httpx would time the client. This one only writes bytes and
reads the reply (status line, headers, a body of Content-Length bytes).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)


class Connection:
    def __init__(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, reply_seconds: float
    ) -> None:
        self._reader = reader
        self._writer = writer
        self._reply_seconds = reply_seconds

    @classmethod
    async def open(cls, base_url: str, reply_seconds: float) -> Connection:
        """A connection whose requests fail with TimeoutError after ``reply_seconds``."""
        address = urlsplit(base_url)
        assert address.hostname is not None
        assert address.port is not None
        reader, writer = await asyncio.open_connection(address.hostname, address.port)
        return cls(reader, writer, reply_seconds)

    async def post_json(
        self, path: str, payload: Any, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """POST ``payload`` as JSON, and read the whole reply."""
        body = json.dumps(payload).encode("utf-8")
        extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        head = (
            f"POST {path} HTTP/1.1\r\nhost: claimtrace\r\ncontent-type: application/json\r\n"
            f"{extra}content-length: {len(body)}\r\n\r\n"
        ).encode("ascii")
        return await self._exchange(head + body)

    async def get(self, path: str) -> Reply:
        return await self._exchange(f"GET {path} HTTP/1.1\r\nhost: claimtrace\r\n\r\n".encode())

    async def _exchange(self, request: bytes) -> Reply:
        started = time.perf_counter()
        self._writer.write(request)
        status, got, reply = await asyncio.wait_for(self._read_reply(), self._reply_seconds)
        return Reply(status, got, reply, time.perf_counter() - started)

    async def _read_reply(self) -> tuple[int, dict[str, str], bytes]:
        head = (await self._reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        status_line, *lines = head.strip().split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        assert "content-length" in headers, f"only Content-Length replies are read: {head}"
        body = await self._reader.readexactly(int(headers["content-length"]))
        return int(status_line.split(" ")[1]), headers, body

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()
