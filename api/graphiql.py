"""The GraphiQL page (development mode only), made safe to serve.

Strawberry's page keeps whatever is typed in the headers editor in localStorage, a
bearer token included, for any later visitor of the browser profile to find: here
it keeps none. Its Content-Security-Policy lets the page run only its own inline
script (by hash) and GraphiQL's files from the CDN they come from (each pinned by
Strawberry with Subresource Integrity), talk only to this origin, and be framed by
no one.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from strawberry.http.ides import get_graphql_ide_html

PERSISTED = "shouldPersistHeaders: true"
NOT_PERSISTED = "shouldPersistHeaders: false"
CDN = "https://unpkg.com"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class Page:
    html: str
    content_security_policy: str


def graphiql_page() -> Page:
    html = get_graphql_ide_html("graphiql")
    if PERSISTED not in html:
        raise RuntimeError("Strawberry's GraphiQL page changed: check how it keeps headers")
    html = html.replace(PERSISTED, NOT_PERSISTED)
    return Page(html, content_security_policy(html))


def content_security_policy(html: str) -> str:
    hashes = " ".join(f"'sha256-{_digest(script)}'" for script in _INLINE_SCRIPT.findall(html))
    return "; ".join([
        "default-src 'none'",
        f"script-src {hashes} {CDN}",
        f"style-src 'unsafe-inline' {CDN}",  # GraphiQL styles its elements inline
        f"font-src data: {CDN}",
        "img-src data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])  # fmt: skip


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
