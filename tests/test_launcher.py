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
