"""The explorer's page and files as the API serves them, without a database."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from claimtrace.api import explorer
from claimtrace.api.app import create_app
from claimtrace.api.headers import StandardHeaders
from claimtrace.core.settings import Settings

SETTINGS = Settings(neo4j_uri="bolt://x", neo4j_user="x", neo4j_password="x")
INDEX = '<!doctype html><script type="module" src="/assets/index-abc.js"></script>'


def client_for(build_dir: Path) -> httpx.AsyncClient:
    app = Starlette(routes=explorer.routes(build_dir), middleware=[Middleware(StandardHeaders)])
    return httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://t")


@pytest.fixture
def build(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-abc.js").write_text("export {};")
    return tmp_path


@pytest.mark.parametrize(
    "path", ["/", "/?q=EFPs", "/claim/claim-efp-196-killed", "/person/p", "/organization/o",
             "/compare?people=a,b", "/review?kind=NUMERIC&status=CONFIRMED"],
)  # fmt: skip
async def test_every_page_path_answers_the_page_with_a_policy_allowing_only_its_own_files(
    build: Path, path: str
) -> None:
    async with client_for(build) as client:
        answer = await client.get(path)
    assert answer.status_code == 200
    assert answer.text == INDEX
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "connect-src 'self';" in policy
    assert "unsafe" not in policy
    assert "frame-ancestors 'none'" in policy
    assert answer.headers["cache-control"] == "no-cache"
    assert answer.headers["x-frame-options"] == "DENY"


async def test_the_hashed_files_are_cached_for_good_and_others_are_not_found(
    build: Path,
) -> None:
    async with client_for(build) as client:
        script = await client.get("/assets/index-abc.js")
        missing = await client.get("/assets/index-zzz.js")
        outside = await client.get("/assets/../index.html")
    assert script.status_code == 200
    assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert script.headers["content-type"].startswith("text/javascript")
    assert missing.status_code == 404
    assert "immutable" not in missing.headers.get("cache-control", "")
    assert outside.status_code == 404


async def test_an_unbuilt_explorer_says_how_to_build_it(tmp_path: Path) -> None:
    async with client_for(tmp_path / "dist") as client:
        page = await client.get("/claim/x")
        script = await client.get("/assets/index-abc.js")
    assert (page.status_code, script.status_code) == (404, 404)
    assert "make run" in page.text
    assert "make run" in script.text


def test_the_app_serves_the_explorer_beside_graphql() -> None:
    paths = {route.path for route in create_app(SETTINGS).routes if isinstance(route, Route)}
    assert {"/", "/claim/{id}", "/compare", "/graphql"} <= paths
