"""The bookkeeping of the comparison with the peer: CPU time from /proc, the ratios,
and reading both APIs' answers into one shape; no server, no Neo4j."""

from __future__ import annotations

import os
import time
from typing import Any

from bench.cpu import process_seconds, tree, tree_seconds
from bench.latency import Sample
from bench.peer_workloads import peer_provenance_facts, provenance_facts
from bench.versus import Runs, ratio_rows


def test_cpu_time_of_this_process_grows_with_work() -> None:
    before = process_seconds(os.getpid())
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    assert process_seconds(os.getpid()) - before >= 0.03
    assert os.getpid() in tree(os.getpid())
    assert tree_seconds(os.getpid()) >= process_seconds(os.getpid())


def test_a_gone_process_costs_nothing() -> None:
    assert process_seconds(2**22 + 1) == 0.0


def test_runs_pool_the_rounds_and_divide_cpu_by_requests() -> None:
    runs = Runs()
    for _ in range(2):
        runs.samples.append(Sample(latencies=(0.01,) * 50, errors=0, elapsed=1.0))
        runs.server_cpu.append(0.1)
        runs.neo4j_cpu.append(0.05)
    summary = runs.summary()
    assert summary["requests"] == 100
    assert summary["rps"] == 50.0
    assert summary["server_cpu_ms"] == 2.0
    assert summary["neo4j_cpu_ms"] == 1.0
    assert summary["total_cpu_ms"] == 3.0
    assert summary["round_rps"] == [50.0, 50.0]


def test_ratios_are_ours_over_theirs_level_by_level() -> None:
    ours = {"rps": 30.0, "p50_ms": 10.0, "p99_ms": 40.0, "server_cpu_ms": 3.0,
            "neo4j_cpu_ms": 1.0, "total_cpu_ms": 4.0, "round_rps": [30.0, 30.0]}  # fmt: skip
    theirs = {"rps": 20.0, "p50_ms": 20.0, "p99_ms": 40.0, "server_cpu_ms": 2.0,
              "neo4j_cpu_ms": 2.0, "total_cpu_ms": 4.0, "round_rps": [10.0, 30.0]}  # fmt: skip
    level = {"workload": "provenance", "clients": 8}
    rows = [level | {"side": "claimtrace"} | ours, level | {"side": "peer"} | theirs]
    [row] = ratio_rows(rows, "claimtrace", "peer")
    assert row["rps"] == 1.5
    assert row["p50_ms"] == 0.5
    assert row["total_cpu_ms"] == 1.0
    assert row["round_rps"] == [3.0, 1.0]


def test_both_provenance_answers_read_into_the_same_facts() -> None:
    speaker = {"id": "p1", "name": "A"}
    ours = {"provenance": {
        "claim": {"id": "c1"},
        "assertions": [{"id": "a1", "stance": "SUPPORTS", "quote": "q", "span": {"start": 3},
                        "speaker": speaker, "source": {"id": "s1", "publisher": None,
                                                       "authors": [speaker]}}],
        "conflicts": [{"kind": "OPPOSITE", "otherClaim": {"id": "c2"},
                       "otherSide": [{"id": "a3", "speaker": speaker},
                                     {"id": "a2", "speaker": speaker}]}],
    }}  # fmt: skip
    peer: dict[str, Any] = {"claims": [{
        "id": "c1",
        "assertions": [{"id": "a1", "stance": "SUPPORTS", "quote": "q", "start": 3,
                        "speaker": [speaker], "source": [{"id": "s1", "publisher": [],
                        "authorsConnection": {"edges": [{"node": speaker}]}}]}],
        "contradictsConnection": {"edges": [{"properties": {"kind": "OPPOSITE"}, "node": {
            "id": "c2", "assertions": [{"id": "a2", "speaker": [speaker]},
                                       {"id": "a3", "speaker": [speaker]}]}}]},
    }]}  # fmt: skip
    assert provenance_facts(ours) == peer_provenance_facts(peer)
    peer["claims"][0]["assertions"][0]["stance"] = "REFUTES"
    assert provenance_facts(ours) != peer_provenance_facts(peer)
