"""The benchmark ladder: generate, load, then query over HTTP against the raw driver.

``python -m bench.run --quick`` (10k and 100k claims, fewer requests) or
``--full`` (10k, 100k and 1M claims). Each size gets a freshly wiped Neo4j
("bench" instance), loaded by the real loader in a process of its own; the
queries then run against uvicorn and, in the same run, against the raw driver.
Results go to bench/results/<date>-<mode>.json and are printed as tables.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.http_load import format_table, measure_queries, workloads_from
from bench.loader import LoadRun, run_detection, run_loader
from bench.server import running_api
from bench.versus import VersusPlan, compare_with_peer
from bench.versus import tables as peer_tables
from bench.workloads import sample_graph
from claimtrace.core import cypher
from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "bench" / "corpora"
RESULTS = ROOT / "bench" / "results"
SEED = 7
PEER_SIZE = 10_000  # the size at which the peer is measured too


@dataclass(frozen=True)
class Plan:
    mode: str
    sizes: tuple[int, ...]
    query_sizes: tuple[int, ...]
    requests: int
    concurrencies: tuple[int, ...] = (1, 8, 32)
    peer: VersusPlan = field(default_factory=VersusPlan)
    # Seconds per (workload, clients) level: searches for common words at 1M claims take
    # long enough that a fixed count alone would not bound the run.
    budget: float = 30.0
    # The sizes that get a full detection pass (at 1M it would take hours), and whether the
    # transactional load detects after each batch (then its rate is not the loader's own).
    detect_sizes: tuple[int, ...] = (10_000, 100_000)
    detect_in_load: bool = False


PLANS = {
    "quick": Plan("quick", sizes=(10_000, 100_000), query_sizes=(10_000,), requests=300),
    # Loading (with detection after each batch) and a full detection pass, no queries.
    "detection": Plan(
        "detection",
        sizes=(10_000, 100_000, 1_000_000),
        query_sizes=(),
        requests=0,
        detect_sizes=(10_000, 100_000, 1_000_000),
        detect_in_load=True,
    ),
    "full": Plan(
        "full",
        sizes=(10_000, 100_000, 1_000_000),
        query_sizes=(10_000, 1_000_000),
        requests=2000,
        peer=VersusPlan(requests=1000, rounds=3, budget=20.0),
    ),
}


def launcher(*arguments: str) -> str:
    command = [sys.executable, str(ROOT / "neo4j" / "launcher.py"), *arguments]
    completed = subprocess.run(  # noqa: S603 (our own launcher)
        command, check=True, capture_output=True, text=True
    )
    return completed.stdout


def fresh_bench_neo4j() -> Settings:
    launcher("stop", "bench")
    launcher("start", "bench", "--fresh")
    return bench_settings()


def bench_settings() -> Settings:
    """How to reach the running bench Neo4j."""
    values = {}
    for line in launcher("env", "bench").splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        values[key] = shlex.split(value)[0]
    return Settings(
        neo4j_uri=values["NEO4J_URI"],
        neo4j_user=values["NEO4J_USER"],
        neo4j_password=values["NEO4J_PASSWORD"],
        neo4j_database=values["NEO4J_DATABASE"],
    )


def bench_neo4j_pid() -> int:
    status = launcher("status", "bench")  # "neo4j[bench] running (pid N) on ..."
    return int(status.split("(pid ", 1)[1].split(")", 1)[0])


def loaded_bench_neo4j(claims: int) -> tuple[Settings, int]:
    """The bench Neo4j holding this size's corpus, and its process id: the running one
    if it already holds exactly that corpus's claims and assertions, else a fresh one
    loaded now."""
    counts = json.loads((corpus(claims) / "GENERATED.json").read_text(encoding="utf-8"))
    running = subprocess.run(  # noqa: S603 (our own launcher)
        [sys.executable, str(ROOT / "neo4j" / "launcher.py"), "status", "bench"],
        capture_output=True, check=False,
    ).returncode == 0  # fmt: skip
    if running and asyncio.run(holds(bench_settings(), counts)):
        print(f"the bench Neo4j already holds the {claims:,}-claim corpus", flush=True)
        return bench_settings(), bench_neo4j_pid()
    settings = fresh_bench_neo4j()
    print(f"loading {claims:,} claims ...", flush=True)
    run_loader(settings, corpus(claims))
    return settings, bench_neo4j_pid()


async def holds(settings: Settings, counts: dict[str, int]) -> bool:
    async with open_driver(settings) as driver:
        records, _, _ = await driver.execute_query(
            cypher.GRAPH_COUNTS, database_=settings.neo4j_database
        )
    nodes = records[0]["nodes"]
    return bool(nodes["Claim"] == counts["claims"] and nodes["Assertion"] == counts["assertions"])


def corpus(claims: int) -> Path:
    """The generated corpus of this size, made once and kept (it is deterministic)."""
    folder = CORPORA / f"{claims}-seed{SEED}"
    done = folder / "GENERATED.json"
    if not done.exists():
        print(f"generating {claims:,} claims into {folder.relative_to(ROOT)} ...", flush=True)
        if folder.exists():
            shutil.rmtree(folder)  # an interrupted generation
        counts = generate(folder, claims=claims, seed=SEED)
        done.write_text(json.dumps(asdict(counts)) + "\n", encoding="utf-8")
    return folder


async def bench_size(plan: Plan, claims: int) -> dict[str, Any]:
    folder = corpus(claims)
    counts = json.loads((folder / "GENERATED.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"claims": claims, "corpus": counts}
    # The bulk path first, the transactional loader second: its graph is the one queried.
    # Detection runs only in the transactional load, so --detection leaves the bulk one out.
    if plan.mode != "detection":
        settings = fresh_bench_neo4j()
        print(f"bulk loading {claims:,} claims ...", flush=True)
        result["bulk_load"] = load_figures(
            run_loader(settings, folder, bulk=True), counts["assertions"]
        )
    settings = fresh_bench_neo4j()
    print(f"loading {claims:,} claims ...", flush=True)
    load = run_loader(settings, folder, detect=plan.detect_in_load)
    result["load"] = load_figures(load, counts["assertions"])
    if plan.detect_in_load:
        result["load"] |= batch_detection(load)
    if claims in plan.detect_sizes:
        print(f"detecting over {claims:,} claims ...", flush=True)
        result["detection"] = detection_figures(run_detection(settings))
    # The machine is often shared: its load average says how far to trust absolute times.
    result["load_average"] = [round(value, 1) for value in os.getloadavg()]
    if claims in plan.query_sizes:
        print(f"querying at {claims:,} claims ...", flush=True)
        result["queries"] = await query_rows(plan, settings)
    if claims == PEER_SIZE and claims in plan.query_sizes:  # not in --detection
        print(f"against the peer at {claims:,} claims ...", flush=True)
        result["peer"] = await compare_with_peer(settings, bench_neo4j_pid(), plan.peer)
    return result


def batch_detection(load: LoadRun) -> dict[str, Any]:
    """What detection after each batch added to writing the batches (in the same run)."""
    detection = load.figures["detection"]
    write = load.figures["write_seconds"]
    return {
        "write_seconds": round(write, 1),
        "batch_detection_seconds": round(detection["seconds"], 1),
        "batch_detection_share": round(detection["seconds"] / write, 3),
    }


def detection_figures(run: LoadRun) -> dict[str, Any]:
    """Detection over every claim: candidates per second, and the process's peak memory."""
    figures = run.figures["detection"]
    found = sum(figures["found"].values())
    return {
        "seconds": round(run.seconds, 1),
        "detect_seconds": round(figures["seconds"], 1),
        "candidates": found,
        "by_kind": figures["found"],
        "candidates_per_second": round(found / figures["seconds"], 1),
        "claims_per_second": round(figures["claims"] / figures["seconds"], 1),
        "peak_rss_mib": round(run.peak_rss_mib, 1),
    }


def load_figures(run: LoadRun, assertions: int) -> dict[str, Any]:
    return {
        "seconds": round(run.seconds, 1),
        "assertions_per_second": round(assertions / run.seconds),
        "peak_rss_mib": round(run.peak_rss_mib, 1),
    }


def detection_table(sizes: list[dict[str, Any]]) -> list[str]:
    lines = [
        "Detection (a full pass, in its own process; per batch: detection after each load "
        "batch, over that batch's writing time):",
        f"  {'claims':>10} {'seconds':>8} {'candidates':>11} {'cand/s':>8} {'claims/s':>9} "
        f"{'peak MiB':>9} {'per batch':>10}",
    ]
    for size in sizes:
        d = size.get("detection")
        if d is None:
            continue
        share = size["load"].get("batch_detection_share")
        shown = "-" if share is None else f"{share:.1%}"
        lines.append(
            f"  {size['claims']:>10,} {d['detect_seconds']:>8} {d['candidates']:>11,} "
            f"{d['candidates_per_second']:>8,} {d['claims_per_second']:>9,} "
            f"{d['peak_rss_mib']:>9} {shown:>10}"
        )
        kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(d["by_kind"].items()))
        lines.append(f"  {'':>10} {kinds}")
        if "load_average" in size:
            averages = ", ".join(str(value) for value in size["load_average"])
            lines.append(f"  {'':>10} machine load average (1, 5, 15 min) after it: {averages}")
    return lines


async def query_rows(plan: Plan, settings: Settings) -> list[dict[str, Any]]:
    async with open_driver(settings) as driver:
        sample = await sample_graph(driver, settings.neo4j_database, size=100, seed=SEED)
        async with running_api(settings) as base_url:
            return await measure_queries(
                settings,
                base_url,
                driver,
                workloads_from(sample),
                concurrencies=plan.concurrencies,
                requests=plan.requests,
                budget=plan.budget,
            )


def machine() -> dict[str, Any]:
    memory_kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or "unknown"


async def run(plan: Plan) -> dict[str, Any]:
    report: dict[str, Any] = {
        "mode": plan.mode,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "machine": machine(),
        "sizes": [],
    }
    try:
        for claims in plan.sizes:
            report["sizes"].append(await bench_size(plan, claims))
    finally:
        launcher("stop", "bench")
    report["goals"] = goals(report["sizes"])
    return report


def goals(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The targets, reported (never asserted): what was measured against each."""
    by_claims = {size["claims"]: size for size in sizes}
    rows: list[dict[str, Any]] = []
    for size in sizes:
        for row in size.get("queries", []):
            if row["workload"] == "provenance" and row["clients"] in (8, 32):
                rows.append(
                    goal(
                        f"provenance throughput at {row['clients']} clients, "
                        f"{size['claims']:,} claims, vs raw driver",
                        row["throughput_ratio"], ">= 0.60", row["throughput_ratio"] >= 0.6,
                    )
                )  # fmt: skip
    for size in sizes:
        rows += peer_goals(size)
    largest = max(by_claims)
    rows += p50_growth(by_claims, "provenance", 1.5)
    for workload in GROWING_AT_MOST_TWICE:
        rows += p50_growth(by_claims, workload, 2.0)
    for size in sizes:
        for row in size.get("queries", []):
            if row["workload"].startswith("search") and row["clients"] == 32:
                slowest = row["product_max_ms"]
                rows.append(
                    goal(f"{row['workload']} slowest request at 32 clients, "
                         f"{size['claims']:,} claims (ms)", slowest, "<= 2000", slowest <= 2000)
                )  # fmt: skip
    rate = by_claims[largest]["load"]["assertions_per_second"]
    rows.append(goal(f"loader rate at {largest:,} claims", rate, ">= 10000", rate >= 10_000))
    if "bulk_load" in by_claims[largest]:
        rate = by_claims[largest]["bulk_load"]["assertions_per_second"]
        rows.append(goal(f"bulk load rate at {largest:,} claims", rate, ">= 50000", rate >= 50_000))
    if 100_000 in by_claims and largest > 100_000:
        growth = (
            by_claims[largest]["load"]["peak_rss_mib"] / by_claims[100_000]["load"]["peak_rss_mib"]
        )
        rows.append(
            goal(
                f"loader peak memory at {largest:,} vs 100,000 claims",
                round(growth, 2), "<= 1.20", growth <= 1.2,
            )
        )  # fmt: skip
    return rows


# The workloads whose p50 at one client should grow at most twofold from the smallest
# graph queried to the largest.
GROWING_AT_MOST_TWICE = (
    "search", "search phrase", "list", "list topic", "list person", "list source",
    "list stance", "list dates", "list conflicts",
)  # fmt: skip


def p50_growth(
    by_claims: dict[int, dict[str, Any]], workload: str, limit: float
) -> list[dict[str, Any]]:
    p50 = {
        claims: row["product_p50_ms"]
        for claims, size in by_claims.items()
        for row in size.get("queries", [])
        if row["workload"] == workload and row["clients"] == 1
    }
    if len(p50) < 2:
        return []
    smallest, largest = min(p50), max(p50)
    growth = p50[largest] / p50[smallest]
    return [
        goal(
            f"{workload} p50 at {largest:,} vs {smallest:,} claims",
            round(growth, 2), f"<= {limit}", growth <= limit,
        )
    ]  # fmt: skip


def peer_goals(size: dict[str, Any]) -> list[dict[str, Any]]:
    """Provenance against @neo4j/graphql: throughput at least its, CPU (API and Neo4j
    together) per request at most its."""
    rows = []
    for ratio in size.get("peer", {}).get("ratios", []):
        if ratio["sides"] != "claimtrace / peer":
            continue
        if ratio["workload"] == "claims page":
            where = f"at {ratio['clients']} clients, {size['claims']:,} claims"
            rows.append(
                goal(f"claims page throughput vs @neo4j/graphql {where}", ratio["rps"],
                     ">= 1.00", ratio["rps"] >= 1.0)
            )  # fmt: skip
        if ratio["workload"] != "provenance":
            continue
        where = f"at {ratio['clients']} clients, {size['claims']:,} claims"
        rows.append(
            goal(f"provenance throughput vs @neo4j/graphql {where}", ratio["rps"], ">= 1.00",
                 ratio["rps"] >= 1.0)
        )  # fmt: skip
        rows.append(
            goal(f"provenance CPU per request (API + Neo4j) vs @neo4j/graphql {where}",
                 ratio["total_cpu_ms"], "<= 1.00", ratio["total_cpu_ms"] <= 1.0)
        )  # fmt: skip
    return rows


def goal(name: str, measured: float, target: str, met: bool) -> dict[str, Any]:
    return {"goal": name, "measured": measured, "target": target, "met": met}


def tables(report: dict[str, Any]) -> str:
    machine_line = (
        f"{report['date']}  commit {report['commit']}  "
        f"{report['machine']['cpus']} CPUs, {report['machine']['memory_gib']} GiB"
    )
    lines = [f"claimtrace benchmark ({report['mode']}): {machine_line}", "", "Loading:"]
    lines.append(
        f"  {'claims':>10} {'assertions':>11} {'path':>13} {'seconds':>8} {'assertions/s':>13} "
        f"{'peak MiB':>9}"
    )
    for size in report["sizes"]:
        for path, key in (("transactional", "load"), ("bulk", "bulk_load")):
            if key not in size:
                continue
            load = size[key]
            lines.append(
                f"  {size['claims']:>10,} {size['corpus']['assertions']:>11,} {path:>13} "
                f"{load['seconds']:>8} {load['assertions_per_second']:>13,} "
                f"{load['peak_rss_mib']:>9}"
            )
    lines += ["", *detection_table(report["sizes"])]
    for size in report["sizes"]:
        if size.get("queries"):
            lines += ["", f"Queries at {size['claims']:,} claims (ms; x = product/raw):"]
            lines.append(format_table(size["queries"]))
        if size.get("peer"):
            lines += ["", f"At {size['claims']:,} claims. " + peer_tables(size["peer"])]
    lines += ["", "Goals (reported, not asserted):"]
    for row in report["goals"]:
        mark = "met" if row["met"] else "MISSED"
        lines.append(f"  {row['goal']}: {row['measured']} (target {row['target']}) {mark}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quick", action="store_const", const="quick", dest="mode")
    mode.add_argument("--full", action="store_const", const="full", dest="mode")
    mode.add_argument("--detection", action="store_const", const="detection", dest="mode")
    parser.add_argument("--sizes", type=int, nargs="+", help="only these corpus sizes")
    arguments = parser.parse_args(argv)
    plan = PLANS[arguments.mode]
    if arguments.sizes:
        plan = replace(plan, sizes=tuple(arguments.sizes))
    report = asyncio.run(run(plan))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = report["date"][:19].replace(":", "")
    path = RESULTS / f"{stamp}-{report['mode']}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(tables(report))
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
