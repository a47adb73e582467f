"""Refused mutations that are not stored, written to the log instead, sparingly.

A mutation sent without a valid token, or over its writer's rate limit, costs no
database work and leaves no audit event: it is one JSON line on the
``claimtrace.audit`` logger, every field bounded. The lines themselves are limited,
so that a flood of refusals cannot fill the disk: past ``LINES_PER_MINUTE`` (with
bursts of ``BURST``) lines are left out, and the next line written counts them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Sequence

from claimtrace.api.rate_limit import RateLimiter
from claimtrace.core.audit import bounded, bounded_list

log = logging.getLogger("claimtrace.audit")

LINES_PER_MINUTE = 600
BURST = 60


class RefusalLog:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lines = RateLimiter(LINES_PER_MINUTE, burst=BURST, max_keys=1, clock=clock)
        self.left_out = 0

    def refused(
        self,
        *,
        request_id: str,
        actor: str | None,
        client: str,
        operations: Sequence[str],
        code: str,
    ) -> None:
        """One request's refused mutations (their field names), logged if within the limit."""
        if self._lines.charge("lines") > 0:
            self.left_out += 1
            return
        fields = {
            "requestId": bounded(request_id),
            "actor": None if actor is None else bounded(actor),
            "client": bounded(client),
            "operations": bounded_list(tuple(operations)),
            "operationCount": len(operations),
            "result": "REFUSED",
            "code": code,
            "at": dt.datetime.now(dt.UTC).isoformat(),
            "stored": False,
            "linesLeftOut": self.left_out,
        }
        self.left_out = 0
        log.info("%s", json.dumps(fields, sort_keys=True), extra={"audit": fields})
