"""The explorer served by a real uvicorn on the seed corpus, and headless Chromium."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser, ViewportSize, async_playwright, expect

from claimtrace.api.explorer import BUILD_DIR
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.conftest import GraphState, ensure_seed
from tests.support.browser import LAPTOP, Watched, chromium_path, watch
from tests.support.uvicorn_process import RunningApi, running_api

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
    """uvicorn serving the built explorer and the API, on the seed corpus."""
    if not (BUILD_DIR / "index.html").is_file():
        pytest.fail("the explorer is not built: `make test` builds it (`make explorer`)")
    await ensure_seed(graph, graph_state)
    log_path = tmp_path_factory.mktemp("explorer") / "uvicorn.log"
    async with running_api(settings, log_path) as api:
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


SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
