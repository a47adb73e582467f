"""A real driver that can hold its next few queries until told to go on.

Instrumentation, not a mock: every query still runs against the test Neo4j; the
gate only lets a test keep requests in flight for as long as it needs.
"""

from __future__ import annotations

import asyncio
from typing import Any

from neo4j import AsyncDriver, EagerResult

from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings


class GatedDriver:
    def __init__(self, driver: AsyncDriver) -> None:
        self._driver = driver
        self._to_hold = 0
        self._gate = asyncio.Event()
        self.all_held = asyncio.Event()
        self.queries = 0

    def hold_next(self, count: int) -> None:
        """The next ``count`` queries wait until ``release``; ``all_held`` is set once they do."""
        self._to_hold = count
        self._gate.clear()
        self.all_held.clear()

    def release(self) -> None:
        self._gate.set()

    async def execute_query(self, query: Any, *args: Any, **kwargs: Any) -> EagerResult:
        self.queries += 1
        if self._to_hold > 0:
            self._to_hold -= 1
            if self._to_hold == 0:
                self.all_held.set()
            await self._gate.wait()
        return await self._driver.execute_query(query, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


def gated_factory() -> tuple[list[GatedDriver], Any]:
    """A driver factory for ``create_app`` and the list its drivers land in."""
    made: list[GatedDriver] = []

    def factory(settings: Settings) -> Any:
        driver = GatedDriver(open_driver(settings))
        made.append(driver)
        return driver

    return made, factory
