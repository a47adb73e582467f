"""The launcher's first-start step, run for real with Neo4j's own admin tool."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.server import launcher


# Runs Neo4j's own admin tool: it needs the jars that starting the test instance fetches.
@pytest.mark.neo4j
def test_initial_password_may_begin_with_a_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One generated password in 64 begins with "-"; the admin tool once read it as an option.
    monkeypatch.setattr(launcher, "INSTANCES", tmp_path)
    scratch = launcher.Instance("scratch", bolt_port=7699, heap="256m", page_cache="64m")
    for folder in ("conf", "data", "logs", "run", "import"):
        (scratch.home / folder).mkdir(parents=True)
    (scratch.conf_dir / "neo4j.conf").write_text(launcher.render_config(scratch), encoding="utf-8")
    scratch.password_file.write_text("-Ab3_dashed-password\n", encoding="utf-8")

    launcher.initialise_password(scratch, launcher.find_java())

    assert (scratch.home / "data" / "dbms" / "auth.ini").exists()


def test_instance_size_and_port_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_BENCH_BOLT_PORT", "7801")
    monkeypatch.setenv("CLAIMTRACE_BENCH_HEAP", "1g")
    monkeypatch.setenv("CLAIMTRACE_BENCH_PAGE_CACHE", "512m")
    bench = launcher.instance("bench")
    assert (bench.bolt_port, bench.heap, bench.page_cache) == (7801, "1g", "512m")


@pytest.mark.parametrize("size", ["", "2", "2gb", "0g", "-1g", "2g; rm"])
def test_a_malformed_size_is_refused_by_name(monkeypatch: pytest.MonkeyPatch, size: str) -> None:
    monkeypatch.setenv("CLAIMTRACE_TEST_HEAP", size)
    with pytest.raises(launcher.LauncherError, match="CLAIMTRACE_TEST_HEAP"):
        launcher.instance("test")
