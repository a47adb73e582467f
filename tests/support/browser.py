"""Headless Chromium for the explorer's tests: Debian's chromium, driven by Playwright.

Playwright's own browser downloads are not used: the project installs Debian's package
(``make system-deps``). Each page records the GraphQL operations it sends, and the
errors its console reports (a script refused by the Content-Security-Policy is one).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import ConsoleMessage, Page, Request, ViewportSize

CHROMIUM_NAMES = ("chromium", "chromium-browser")
LAPTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "explorer/node_modules/axe-core/axe.min.js"
# When the claim's text and the marked quote are first in the document, since the
# navigation started (performance.now()): set up before any of the page's own scripts.
PAINT_PROBE = """
window.__shown = {};
new MutationObserver(() => {
  const shown = window.__shown;
  const h1 = document.querySelector('main h1');
  if (shown.claimText === undefined && h1 && h1.closest('.claim-page'))
    shown.claimText = performance.now();
  if (shown.quote === undefined && document.querySelector('[data-testid=quote-in-source] mark'))
    shown.quote = performance.now();
}).observe(document, { childList: true, subtree: true, characterData: true });
"""

# Where the time went, in ms since the navigation started: the page in, its script in,
# the provenance asked and answered, the claim's text and the marked quote in the document.
PAINT_BREAKDOWN = """() => {
  const resources = performance.getEntriesByType('resource');
  const script = resources.find((e) => /\\/assets\\/index-.*\\.js$/.test(e.name));
  const graphql = resources.filter((e) => e.name.endsWith('/graphql'));
  const at = (value) => (value === undefined ? null : Math.round(value));
  return {
    page: at(performance.getEntriesByType('navigation')[0].responseEnd),
    script: at(script?.responseEnd),
    provenanceAsked: at(graphql[0]?.startTime),
    provenanceIn: at(graphql[0]?.responseEnd),
    claimText: at(window.__shown.claimText),
    quote: at(window.__shown.quote),
  };
}"""


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Watched:
    """What one page sent and complained about."""

    page: Page
    operations: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def sent_since(self, mark: int) -> list[str]:
        return self.operations[mark:]


def watch(page: Page) -> Watched:
    watched = Watched(page)

    def on_request(request: Request) -> None:
        if request.method == "POST" and request.url.endswith("/graphql"):
            body = json.loads(request.post_data or "{}")
            watched.operations.append(str(body.get("operationName")))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    return watched


async def serious_accessibility_violations(page: Page) -> list[str]:
    """axe-core's violations of impact serious or critical, as 'rule: target' lines."""
    await page.add_script_tag(path=str(AXE_SCRIPT))
    violations = await page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
    )
    return [
        f"{v['id']}: {', '.join(str(node['target']) for node in v['nodes'])}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


async def overflows_horizontally(page: Page) -> bool:
    return bool(
        await page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
        )
    )
