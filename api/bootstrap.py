"""Prepare the configured database for serving: ``python -m api.bootstrap``.

Applies the schema migrations (the API also does so at start-up) and reports
them; exits non-zero with a one-line reason when a setting or Neo4j is wrong.
"""

from __future__ import annotations

import asyncio
import sys

from neo4j.exceptions import AuthError, ServiceUnavailable

from api.database import open_driver
from api.migrations import MigrationError, apply_migrations
from api.settings import Settings, SettingsError


async def bootstrap(settings: Settings) -> None:
    async with open_driver(settings, pool_size=4) as driver:
        applied = await apply_migrations(driver, settings.neo4j_database)
    names = ", ".join(f"{m.version:04d}_{m.name}" for m in applied) or "none pending"
    print(f"schema migrations applied: {names}")


def main() -> int:
    try:
        asyncio.run(bootstrap(Settings.from_env()))
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except AuthError:
        print("Neo4j rejected NEO4J_USER/NEO4J_PASSWORD", file=sys.stderr)
        return 2
    except ServiceUnavailable:
        print("Neo4j is not reachable at NEO4J_URI", file=sys.stderr)
        return 2
    except MigrationError as error:
        print(f"migration error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
