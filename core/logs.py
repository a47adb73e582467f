"""One log format for the whole process: a JSON object per line.

Every line has its time, level, logger and message, and, inside a request, the
request id and the GraphQL operation. A line may add ``durationMs``, ``outcome``,
``status``, ``method`` and ``path`` (given as ``extra``), and an audit event
(``extra={"audit": ...}``) is carried as an object, not as text. Messages and
tracebacks are cut to a bounded length, so no client string can fill the log.
Nothing here logs a header, a token or a password: callers never pass them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any, TextIO

from claimtrace.core.request_context import current

MAX_MESSAGE = 2_000
MAX_TRACEBACK = 8_000
EXTRA_FIELDS = ("durationMs", "outcome", "status", "method", "path")
# Servers whose own handlers would otherwise write a second, free-text format. One
# without handlers was either never configured or turned off (uvicorn's
# --no-access-log): it is left as it is.
ADOPTED_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": _cut(record.getMessage(), MAX_MESSAGE),
        }
        info = current()
        if info is not None:
            entry["requestId"] = info.request_id
            if info.operation is not None:
                entry["operation"] = info.operation
        for name in EXTRA_FIELDS:
            if name in record.__dict__:
                entry[name] = record.__dict__[name]
        audit = record.__dict__.get("audit")
        if audit is not None:
            entry["message"] = "audit event"
            entry["audit"] = audit
        if record.exc_info:
            entry["exception"] = _cut(self.formatException(record.exc_info), MAX_TRACEBACK)
        return json.dumps(entry, default=str, ensure_ascii=False)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def configure(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Send every logger's lines, as JSON, to ``stream`` (standard error by default).
    Called again, it replaces its own handler and leaves any other in place."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old.formatter, JsonLines):
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in ADOPTED_LOGGERS:
        adopted = logging.getLogger(name)
        if adopted.handlers:
            adopted.handlers.clear()
            adopted.propagate = True
    # The driver's own debug lines would repeat every query; its warnings stay.
    logging.getLogger("neo4j").setLevel(max(logging.getLevelName(level), logging.WARNING))
