"""The project's Neo4j launcher, loaded from neo4j/launcher.py for the tests.

``neo4j/`` is deliberately not a package (it would shadow the driver), so the
launcher script is loaded by path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings

LAUNCHER_PATH = Path(__file__).resolve().parents[2] / "neo4j" / "launcher.py"


def _load_launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimtrace_launcher", LAUNCHER_PATH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


launcher = _load_launcher()
TEST_INSTANCE = launcher.instance("test")


def neo4j_test_settings() -> Settings:
    """Connection settings of the throwaway test Neo4j (never NEO4J_URI)."""
    return Settings(
        neo4j_uri=TEST_INSTANCE.uri,
        neo4j_user=launcher.USER,
        neo4j_password=launcher.password_for(TEST_INSTANCE),
        neo4j_database="neo4j",
    )


def neo4j_test_running() -> bool:
    return launcher.running_pid(TEST_INSTANCE) is not None


async def adopt_restored_database(graph: Graph) -> None:
    """After a restore, the database may be at an older transaction than the driver's
    bookmarks name, and a read would wait for it forever: let the driver's bookmark
    manager hold the restored database's latest bookmark instead."""
    async with graph.driver.session(database=graph.database) as session:
        await (await session.run("RETURN 1")).consume()
        latest = await session.last_bookmarks()
    manager = graph.driver.execute_query_bookmark_manager
    await manager.update_bookmarks(await manager.get_bookmarks(), latest.raw_values)
