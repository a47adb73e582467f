"""PROFILE of the provenance query: db hits and answer size per claim, for a selection
of three fields and for the full selection, over the claims the benchmark samples.

``python -m bench.profile_provenance`` against the running bench Neo4j (``make
bench-peer`` leaves it loaded); ``--before <commit>`` also profiles that commit's
query text, every flag on (what it always computed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

from neo4j import AsyncDriver

from bench.workloads import sample_graph
from claimtrace.core import cypher
from claimtrace.core.database import open_driver
from claimtrace.core.store.provenance import EVERYTHING, ProvenanceParts

SEED = 7
# claim { text } assertions { quote } independentSourceCount
THREE_FIELDS = ProvenanceParts(
    affiliations=False,
    citation_chains=False,
    source_links=False,
    independent_sources=True,
    refinements=False,
    conflicts=False,
    conflict_sides=False,
)

# The selection the benchmark's peer workload makes (bench/peer_workloads.py).
PEER_EQUIVALENT = ProvenanceParts(
    affiliations=False,
    citation_chains=False,
    source_links=True,
    independent_sources=False,
    refinements=False,
    conflicts=True,
    conflict_sides=True,
)

SELECTIONS = {
    "three fields": THREE_FIELDS,
    "the peer workload's selection": PEER_EQUIVALENT,
    "full selection": EVERYTHING,
}


def db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(child) for child in plan.get("children", []))


async def profile(
    driver: AsyncDriver, database: str, query: str, claim_ids: Sequence[str], parts: ProvenanceParts
) -> dict[str, float]:
    hits, sizes = [], []
    for claim_id in claim_ids:
        parameters = {"claimIds": [claim_id], "asOf": None} | parts.parameters()
        records, summary, _ = await driver.execute_query(
            "PROFILE " + query, parameters, database_=database
        )
        assert summary.profile is not None
        hits.append(db_hits(summary.profile))
        sizes.append(len(json.dumps([r.data() for r in records], default=str)))
    return {"db_hits": statistics.mean(hits), "bytes": statistics.mean(sizes)}


def query_at(commit: str) -> str:
    return subprocess.run(  # noqa: S603
        ["git", "show", f"{commit}:neo4j/queries/claim_provenance.cypher"],  # noqa: S607
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


async def main_async(arguments: argparse.Namespace) -> list[tuple[str, dict[str, float]]]:
    from bench.run import bench_settings

    settings = bench_settings()
    async with open_driver(settings) as driver:
        database = settings.neo4j_database
        sample = await sample_graph(driver, database, size=arguments.claims, seed=SEED)
        ids = sorted(set(sample.claim_ids))
        rows = []
        if arguments.before:
            old = query_at(arguments.before)
            found = await profile(driver, database, old, ids, EVERYTHING)
            rows.append((f"{arguments.before} (always everything)", found))
        for name, parts in SELECTIONS.items():
            found = await profile(driver, database, cypher.CLAIM_PROVENANCE, ids, parts)
            rows.append((name, found))
        return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_provenance")
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--before", help="a commit whose query text to profile too")
    arguments = parser.parse_args(argv)
    for name, row in asyncio.run(main_async(arguments)):
        print(f"{name:>32}: {row['db_hits']:7.0f} db hits, {row['bytes']:7.0f} bytes per claim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
