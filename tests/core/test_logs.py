"""The one log format: a JSON object per line, with the request's id and operation."""

from __future__ import annotations

import json
import logging
import sys

from claimtrace.core.logs import MAX_MESSAGE, JsonLines
from claimtrace.core.request_context import current, serving


def formatted(message: str, *args: object, exc: bool = False, **extra: object) -> dict[str, object]:
    exc_info = sys.exc_info() if exc else None
    record = logging.LogRecord(
        "claimtrace.test", logging.INFO, __file__, 1, message, args, exc_info
    )
    record.__dict__.update(extra)
    line = JsonLines().format(record)
    assert "\n" not in line
    parsed: dict[str, object] = json.loads(line)
    return parsed


def test_a_line_outside_a_request_has_no_request_fields() -> None:
    entry = formatted("loaded %d files", 3)
    assert entry["level"] == "INFO"
    assert entry["logger"] == "claimtrace.test"
    assert entry["message"] == "loaded 3 files"
    assert "requestId" not in entry
    assert "operation" not in entry


def test_a_line_inside_a_request_carries_its_id_operation_and_extras() -> None:
    with serving("req-42") as info:
        info.operation = "Provenance"
        entry = formatted("answered", durationMs=12.5, outcome="ok", status=200)
    assert current() is None
    assert entry["requestId"] == "req-42"
    assert entry["operation"] == "Provenance"
    assert (entry["durationMs"], entry["outcome"], entry["status"]) == (12.5, "ok", 200)


def test_an_audit_event_is_an_object_not_text() -> None:
    fields = {"operation": "addSource", "result": "REFUSED"}
    entry = formatted("%s", json.dumps(fields), audit=fields)
    assert entry["message"] == "audit event"
    assert entry["audit"] == fields


def test_messages_and_tracebacks_are_bounded() -> None:
    blob = "x" * (MAX_MESSAGE * 5)
    entry = formatted("client sent %s", blob)
    assert len(str(entry["message"])) < MAX_MESSAGE + 100
    try:
        raise ValueError(blob)
    except ValueError:
        entry = formatted("failed", exc=True)
    assert "ValueError" in str(entry["exception"])
    assert len(str(entry["exception"])) < 10_000
