"""claimtrace against its peer, @neo4j/graphql, on the same Neo4j and the same graph.

Each (workload, clients) level is run in rounds; within a round every side runs once,
one after the other, so that the machine's noise falls on all of them alike and shows
in the round-by-round ratios. For each run the CPU time of each server's process tree
and of Neo4j is read from /proc before and after, and divided by the requests served.

``python -m bench.versus`` (``make bench-peer``) loads the 10k-claim corpus into the
bench Neo4j unless it already holds it, and prints the tables; ``bench.run`` calls
``compare_with_peer`` at 10k claims.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import httpx

from bench.cpu import tree_seconds
from bench.latency import Call, Sample, percentile, run_closed_loop
from bench.peer_server import running_peer
from bench.peer_workloads import PeerWorkload, peer_workloads
from bench.server import Served, serving_api
from bench.workloads import sample_graph
from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings

SEED = 7
WARMUP_REQUESTS = 100
CHECKED_BODIES = 20


class Side(NamedTuple):
    name: str
    served: Served
    path: str  # where its GraphQL endpoint is
    peer: bool


@dataclass(frozen=True)
class VersusPlan:
    requests: int = 300  # per run
    rounds: int = 2
    concurrencies: tuple[int, ...] = (1, 8, 32)
    budget: float = 10.0  # seconds per run at most
    workers: tuple[int, ...] = (1, 2)  # claimtrace served with each of these
    workloads: tuple[str, ...] = ("provenance", "claims page")


@dataclass
class Runs:
    """What one side did at one level, over the rounds."""

    samples: list[Sample] = field(default_factory=list)
    server_cpu: list[float] = field(default_factory=list)
    neo4j_cpu: list[float] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(s.requests for s in self.samples)

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.samples)

    @property
    def rps(self) -> float:
        return self.requests / sum(s.elapsed for s in self.samples)

    def ms(self, p: float) -> float:
        return percentile([t for s in self.samples for t in s.latencies], p) * 1000

    def cpu_ms(self, seconds: list[float]) -> float:
        return sum(seconds) / self.requests * 1000

    def summary(self) -> dict[str, Any]:
        server, neo4j = self.cpu_ms(self.server_cpu), self.cpu_ms(self.neo4j_cpu)
        return {
            "requests": self.requests, "errors": self.errors, "rps": round(self.rps, 1),
            "p50_ms": round(self.ms(50), 2), "p99_ms": round(self.ms(99), 2),
            "server_cpu_ms": round(server, 2), "neo4j_cpu_ms": round(neo4j, 2),
            "total_cpu_ms": round(server + neo4j, 2),
            "round_rps": [round(s.rps, 1) for s in self.samples],
            "failures": dict(self.failures),
        }  # fmt: skip


def graphql_call(
    client: httpx.AsyncClient, side: Side, bodies: Sequence[bytes], failures: Counter[str]
) -> Call:
    """Every answer is decoded, as a client reading it would; what went wrong is counted
    by kind (an HTTP status, an error code, an exception)."""
    url = side.served.url.rstrip("/") + side.path
    headers = {"content-type": "application/json"}

    async def call(number: int) -> bool:
        try:
            response = await client.post(url, content=bodies[number % len(bodies)], headers=headers)
            answer = response.json()
        except (httpx.HTTPError, ValueError) as error:
            failures[type(error).__name__] += 1
            return False
        if response.status_code == 200 and "errors" not in answer:
            return True
        codes = {e.get("extensions", {}).get("code") for e in answer.get("errors") or [{}]}
        failures[f"{response.status_code} {sorted(map(str, codes))}"] += 1
        return False

    return call


@contextlib.asynccontextmanager
async def fresh_client() -> AsyncIterator[httpx.AsyncClient]:
    """A client of its own for each run: no connection left idle by one run (and closed
    by the server meanwhile) is reused by the next."""
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(limits=limits, timeout=60.0) as client:
        yield client


async def answer(client: httpx.AsyncClient, side: Side, body: Any) -> Any:
    response = await client.post(side.served.url.rstrip("/") + side.path, json=body)
    decoded = response.json()
    if response.status_code != 200 or "errors" in decoded:
        raise RuntimeError(f"{side.name} answered {response.status_code}: {decoded}")
    return decoded["data"]


async def same_answers(client: httpx.AsyncClient, sides: Sequence[Side], w: PeerWorkload) -> int:
    """How many of the first bodies got different facts from the two APIs (0: none)."""
    ours = next(s for s in sides if not s.peer)
    peer = next(s for s in sides if s.peer)
    differing = 0
    for body, peer_body in list(zip(w.bodies, w.peer_bodies, strict=True))[:CHECKED_BODIES]:
        facts = w.facts(await answer(client, ours, body))
        peer_facts = w.peer_facts(await answer(client, peer, peer_body))
        if facts != peer_facts:
            differing += 1
            print(f"  {w.name}: different answers for {body.get('variables')}", flush=True)
    return differing


async def timed_run(
    side: Side, bodies: Sequence[bytes], neo4j_pid: int, clients: int, plan: VersusPlan, runs: Runs
) -> None:
    async with fresh_client() as client:
        call = graphql_call(client, side, bodies, runs.failures)
        server_before, neo4j_before = tree_seconds(side.served.pid), tree_seconds(neo4j_pid)
        sample = await run_closed_loop(call, plan.requests, clients, plan.budget)
        runs.server_cpu.append(tree_seconds(side.served.pid) - server_before)
        runs.neo4j_cpu.append(tree_seconds(neo4j_pid) - neo4j_before)
        runs.samples.append(sample)


def encoded(bodies: Sequence[Any]) -> list[bytes]:
    """Bodies are encoded once, as a client holding its documents would."""
    return [json.dumps(body).encode("utf-8") for body in bodies]


async def measure_workload(
    sides: Sequence[Side], workload: PeerWorkload, neo4j_pid: int, plan: VersusPlan
) -> list[dict[str, Any]]:
    bodies = {s.name: encoded(workload.peer_bodies if s.peer else workload.bodies) for s in sides}
    async with fresh_client() as client:
        for side in sides:  # plans cached, connections open, the peer's JIT warm
            warm = graphql_call(client, side, bodies[side.name], Counter())
            await run_closed_loop(warm, WARMUP_REQUESTS, 8)
        differing = await same_answers(client, sides, workload)
    rows = []
    for clients in plan.concurrencies:
        runs = {side.name: Runs() for side in sides}
        for _ in range(plan.rounds):
            for side in sides:
                await timed_run(side, bodies[side.name], neo4j_pid, clients, plan, runs[side.name])
        rows += [
            {"workload": workload.name, "clients": clients, "side": name, "differing": differing}
            | r.summary()
            for name, r in runs.items()
        ]
        print(f"  {workload.name} at {clients} clients done", flush=True)
    return rows


def ratio_rows(rows: Sequence[dict[str, Any]], ours: str, theirs: str) -> list[dict[str, Any]]:
    """``ours``/``theirs`` for each level both ran: above 1 is more for ours."""
    by_level = {(r["workload"], r["clients"], r["side"]): r for r in rows}
    found = []
    for (workload, clients, side), mine in by_level.items():
        other = by_level.get((workload, clients, theirs))
        if side != ours or other is None:
            continue
        by_round = zip(mine["round_rps"], other["round_rps"], strict=False)
        found.append(
            {"workload": workload, "clients": clients, "sides": f"{ours} / {theirs}"}
            | {key: quotient(mine[key], other[key]) for key in RATIO_KEYS}
            | {"round_rps": [quotient(a, b) for a, b in by_round]}
        )
    return found


RATIO_KEYS = ("rps", "p50_ms", "p99_ms", "server_cpu_ms", "neo4j_cpu_ms", "total_cpu_ms")


def quotient(mine: float, other: float) -> float | None:
    return round(mine / other, 2) if other else None


def side_name(workers: int) -> str:
    return "claimtrace" if workers == 1 else f"claimtrace x{workers}"


@contextlib.asynccontextmanager
async def serving_all(settings: Settings, plan: VersusPlan) -> AsyncIterator[list[Side]]:
    async with contextlib.AsyncExitStack() as stack:
        sides = []
        for workers in plan.workers:
            served = await stack.enter_async_context(serving_api(settings, workers=workers))
            sides.append(Side(side_name(workers), served, "/graphql", peer=False))
        peer = await stack.enter_async_context(running_peer(settings))
        sides.append(Side("peer", peer, "/", peer=True))
        yield sides


async def compare_with_peer(
    settings: Settings, neo4j_pid: int, plan: VersusPlan | None = None
) -> dict[str, Any]:
    """Every peer workload at every level, on every side; then the ratios."""
    plan = plan or VersusPlan()
    async with open_driver(settings) as driver:
        sample = await sample_graph(driver, settings.neo4j_database, size=100, seed=SEED)
    workloads = [w for w in peer_workloads(sample.claim_ids) if w.name in plan.workloads]
    rows: list[dict[str, Any]] = []
    async with serving_all(settings, plan) as sides:
        for workload in workloads:
            rows += await measure_workload(sides, workload, neo4j_pid, plan)
    ratios = ratio_rows(rows, "claimtrace", "peer")
    for workers in plan.workers[1:]:
        ratios += ratio_rows(rows, side_name(workers), "claimtrace")
    return {"rows": rows, "ratios": ratios, "plan": plan.__dict__}


Columns = Sequence[tuple[str, str]]
SIDE_COLUMNS: Columns = (
    ("workload", "workload"), ("clients", "clients"), ("side", "side"), ("requests", "n"),
    ("errors", "err"), ("rps", "rps"), ("p50_ms", "p50"), ("p99_ms", "p99"),
    ("server_cpu_ms", "cpu/req api"), ("neo4j_cpu_ms", "neo4j"), ("total_cpu_ms", "total"),
    ("round_rps", "rps by round"),
)  # fmt: skip
RATIO_COLUMNS: Columns = (
    ("workload", "workload"), ("clients", "clients"), ("sides", "ratio"), ("rps", "rps x"),
    ("p50_ms", "p50 x"), ("p99_ms", "p99 x"), ("server_cpu_ms", "cpu api x"),
    ("neo4j_cpu_ms", "neo4j x"), ("total_cpu_ms", "total x"), ("round_rps", "rps x by round"),
)  # fmt: skip


def cell(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


def format_rows(rows: Sequence[dict[str, Any]], columns: Columns) -> str:
    cells = [[title for _, title in columns]]
    cells += [[cell(row[key]) for key, _ in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in cells
    )


def tables(result: dict[str, Any]) -> str:
    differing = {r["workload"]: r["differing"] for r in result["rows"]}
    checks = ", ".join(
        f"{name}: {'same' if n == 0 else f'{n} differ'}" for name, n in differing.items()
    )
    failures = [
        f"{r['workload']} at {r['clients']} clients, {r['side']}: {r['failures']}"
        for r in result["rows"]
        if r["failures"]
    ]
    return "\n".join(
        [
            "Against @neo4j/graphql (ms; cpu per request by process; x = first/second):",
            format_rows(result["rows"], SIDE_COLUMNS),
            "",
            format_rows(result["ratios"], RATIO_COLUMNS),
            "",
            f"answers compared on {CHECKED_BODIES} bodies each: {checks}",
            *(["failed requests:", *failures] if failures else []),
        ]
    )


def numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split(","))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.versus", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=VersusPlan.requests)
    parser.add_argument("--rounds", type=int, default=VersusPlan.rounds)
    parser.add_argument("--workers", type=numbers, default=VersusPlan.workers)
    parser.add_argument("--clients", type=numbers, default=VersusPlan.concurrencies)
    parser.add_argument(
        "--workloads", type=lambda text: tuple(text.split(",")), default=VersusPlan.workloads
    )
    parser.add_argument(
        "--json", type=Path, help="where to write the results (default: bench/results/)"
    )
    arguments = parser.parse_args(argv)
    from bench.run import RESULTS, commit, loaded_bench_neo4j, machine  # shared set-up

    settings, neo4j_pid = loaded_bench_neo4j(arguments.claims)
    plan = VersusPlan(
        requests=arguments.requests,
        rounds=arguments.rounds,
        concurrencies=arguments.clients,
        workers=arguments.workers,
        workloads=arguments.workloads,
    )
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "machine": machine(),
        "claims": arguments.claims,
    } | asyncio.run(compare_with_peer(settings, neo4j_pid, plan))
    print(tables(report))
    path = arguments.json or RESULTS / f"{report['date'][:19].replace(':', '')}-peer.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
