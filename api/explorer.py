"""The provenance explorer: the single-page app built from explorer/ (``make run`` builds it).

Every page's path answers the same index.html, so deep links and reloads work; the app's
router reads the path. Its files are content-hashed, so they are cached for good; the
page itself is revalidated. Its policy lets it run only its own files and talk only to
this origin: no inline script or style, no framing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Message, Receive, Scope, Send

BUILD_DIR: Final = Path(__file__).resolve().parents[1] / "explorer" / "dist"
PAGE_PATHS: Final = (
    "/",
    "/claim/{id}",
    "/person/{id}",
    "/organization/{id}",
    "/compare",
    "/review",
)
CONTENT_SECURITY_POLICY: Final = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])  # fmt: skip
IMMUTABLE: Final = "public, max-age=31536000, immutable"
NOT_BUILT: Final = "The explorer is not built: `make run` builds it (npm ci, then vite build).\n"


def routes(build_dir: Path = BUILD_DIR) -> list[BaseRoute]:
    """The page at each of its paths, and its hashed files under /assets."""

    async def page(request: Request) -> Response:
        index = build_dir / "index.html"
        if not index.is_file():
            return PlainTextResponse(NOT_BUILT, status_code=404)
        return FileResponse(
            index,
            media_type="text/html; charset=utf-8",
            headers={
                "content-security-policy": CONTENT_SECURITY_POLICY,
                "cache-control": "no-cache",
            },
        )

    return [
        *(Route(path, page, methods=["GET", "HEAD"]) for path in PAGE_PATHS),
        Mount("/assets", app=_ImmutableFiles(build_dir / "assets")),
    ]


class _ImmutableFiles:
    """The build's content-hashed files: a changed file gets a new name."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.files = StaticFiles(directory=directory, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.directory.is_dir():
            await PlainTextResponse(NOT_BUILT, status_code=404)(scope, receive, send)
            return

        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                MutableHeaders(scope=message)["cache-control"] = IMMUTABLE
            await send(message)

        await self.files(scope, receive, send_cached)
