"""The explorer served by a real uvicorn on the seed corpus, and headless Chromium."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, ViewportSize, async_playwright, expect

from claimtrace.api.explorer import BUILD_DIR
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.conftest import GraphState, ensure_seed
from tests.support.browser import LAPTOP, Watched, chromium_path, watch
from tests.support.uvicorn_process import RunningApi, running_api
from tests.support.writing import TOKEN, TOKEN_NAME

OpenPage = Callable[..., Awaitable[Watched]]
# Generous: the machine may be busy. A broken page fails the wait all the same.
WAIT_MS = 20_000
expect.set_options(timeout=WAIT_MS)


@pytest.fixture(scope="module")
async def explorer_api(
    settings: Settings,
    graph: Graph,
    graph_state: GraphState,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[RunningApi]:
    """uvicorn serving the built explorer and the API, on the seed corpus; it knows the
    writing token, which the review page's tests paste in as a person would."""
    if not (BUILD_DIR / "index.html").is_file():
        pytest.fail("the explorer is not built: `make test` builds it (`make explorer`)")
    await ensure_seed(graph, graph_state)
    log_path = tmp_path_factory.mktemp("explorer") / "uvicorn.log"
    tokens = {"CLAIMTRACE_API_TOKENS": f"{TOKEN_NAME}:{TOKEN}"}
    async with running_api(settings, log_path, tokens) as api:
        yield api
    assert "Traceback" not in api.log()


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    path = chromium_path()
    if path is None:
        pytest.fail("Chromium is missing: `make system-deps` installs Debian's chromium package")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=path)
        yield launched
        await launched.close()


@pytest.fixture
async def open_page(browser: Browser, explorer_api: RunningApi) -> AsyncIterator[OpenPage]:
    """A fresh browser context (no cache, no history) per page opened."""
    contexts = []

    async def opened(
        viewport: ViewportSize = LAPTOP, *, bypass_csp: bool = False, init_script: str = ""
    ) -> Watched:
        context = await browser.new_context(
            base_url=explorer_api.base_url, viewport=viewport, bypass_csp=bypass_csp
        )
        context.set_default_timeout(WAIT_MS)
        if init_script:
            await context.add_init_script(init_script)
        contexts.append(context)
        return watch(await context.new_page())

    yield opened
    for context in contexts:
        await context.close()


async def opened_at(open_page: OpenPage, path: str, last: str, **options: Any) -> Watched:
    """A page opened from its link in a fresh browser, once its last request is answered
    and the network is quiet."""
    watched = await open_page(**options)
    async with watched.page.expect_response(
        lambda r: r.url.endswith("/graphql") and last in (r.request.post_data or "")
    ):
        await watched.page.goto(path)
    await watched.page.wait_for_load_state("networkidle")
    return watched


SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
REPORT = Path(__file__).resolve().parents[2] / "build" / "explorer-report.json"


def report(key: str, value: Any) -> None:
    """Adds a measurement to build/explorer-report.json."""
    REPORT.parent.mkdir(exist_ok=True)
    found = json.loads(REPORT.read_text()) if REPORT.is_file() else {}
    REPORT.write_text(json.dumps(found | {key: value}, indent=2) + "\n")
