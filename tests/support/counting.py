"""A real driver that also notes every query sent through ``execute_query``.

Instrumentation, not a mock: each query still runs against the test Neo4j.
"""

from __future__ import annotations

from typing import Any

from neo4j import AsyncDriver, EagerResult

from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings


class CountingDriver:
    def __init__(self, driver: AsyncDriver) -> None:
        self._driver = driver
        self.sent: list[tuple[str, dict[str, Any]]] = []

    async def execute_query(self, query: Any, *args: Any, **kwargs: Any) -> EagerResult:
        given = dict(args[0]) if args and args[0] else {}  # the parameters_ dict, if passed
        parameters = given | {key: value for key, value in kwargs.items() if not key.endswith("_")}
        self.sent.append((str(query), parameters))
        return await self._driver.execute_query(query, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


def counting_factory() -> tuple[list[CountingDriver], Any]:
    """A driver factory for ``create_app`` and the list its drivers land in."""
    made: list[CountingDriver] = []

    def factory(settings: Settings) -> Any:
        driver = CountingDriver(open_driver(settings))
        made.append(driver)
        return driver

    return made, factory
