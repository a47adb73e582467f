"""The audit trail: every mutation of a token holder, accepted or refused, leaves one event.

An accepted write creates its event in its own transaction, so the two commit
or vanish together; a refusal writes its event alone. Each event is also one
JSON log line on the ``claimtrace.audit`` logger. Events carry the token's
name, never the token, and only bounded strings: a long value keeps a prefix,
its length and its hash. They are only ever created.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import logging
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError

from claimtrace.core import cypher, telemetry
from claimtrace.core.database import Graph
from claimtrace.core.errors import BadInput
from claimtrace.core.store.batch import fetch_page
from claimtrace.core.store.pages import Page, Position
from claimtrace.core.store.records import Map

log = logging.getLogger("claimtrace.audit")

REQUEST_ID_HEADER = "x-request-id"
_WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
# Any string a client chose is kept whole up to this many characters, ...
MAX_AUDIT_TEXT = 200
# ... else as a prefix of this many, with its length and SHA-256.
KEPT_PREFIX = 64
# A target keeps this many ids, then says how many more there were.
MAX_AUDIT_TARGETS = 20


def bounded(text: str) -> str:
    """``text`` if it is short and valid Unicode; otherwise a prefix (lone surrogates
    escaped) followed by the whole value's length and SHA-256, so that two long values
    can still be told apart and matched against what a client sent."""
    readable = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) <= MAX_AUDIT_TEXT:
        return readable
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{readable[:KEPT_PREFIX]}... ({len(text)} characters, sha256 {digest})"


def bounded_list(values: tuple[str, ...]) -> list[str]:
    kept = [bounded(value) for value in values[:MAX_AUDIT_TARGETS]]
    if len(values) > MAX_AUDIT_TARGETS:
        kept.append(f"... and {len(values) - MAX_AUDIT_TARGETS} more")
    return kept


def request_id_from(header: str | None) -> str:
    """The caller's ``X-Request-ID`` if it is short and plain, else a fresh UUID."""
    if header is not None and _WELL_FORMED_REQUEST_ID.fullmatch(header):
        return header
    return str(uuid.uuid4())


class Result(enum.StrEnum):
    CREATED = "CREATED"
    ALREADY_THERE = "ALREADY_THERE"
    RETRACTED = "RETRACTED"
    CONFIRMED = "CONFIRMED"  # a candidate, by a person
    REJECTED = "REJECTED"
    UNDONE = "UNDONE"  # a candidate's confirmation or rejection, taken back
    REFUSED = "REFUSED"
    UNKNOWN = "UNKNOWN"  # the commit was sent, its answer was lost


@dataclass(frozen=True)
class AuditEvent:
    request_id: str
    actor: str | None
    operation: str
    target: tuple[str, ...]
    result: Result
    code: str | None = None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def parameters(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "requestId": bounded(self.request_id),
            "actor": None if self.actor is None else bounded(self.actor),
            "operation": bounded(self.operation),
            "target": bounded_list(self.target),
            "at": self.at,
            "result": self.result.value,
            "code": self.code,
        }


def _event_from_map(value: Map) -> AuditEvent:
    return AuditEvent(
        request_id=value["requestId"],
        actor=value["actor"],
        operation=value["operation"],
        target=tuple(value["target"]),
        result=Result(value["result"]),
        code=value["code"],
        id=value["id"],
        at=value["at"].to_native(),
    )


async def audit_events_page(graph: Graph, first: int, after: Position | None) -> Page[AuditEvent]:
    """Oldest first: by the time of the attempt, then id."""
    if after is not None:
        check_cursor_time(after.key)
    return await fetch_page(
        graph, cypher.AUDIT_EVENTS_PAGE, {}, "event", _event_from_map, first, after
    )


# How Neo4j writes a stored time (toString): the sort key of an audit cursor.
_CURSOR_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)"
                          r"(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})")  # fmt: skip


def check_cursor_time(key: str) -> None:
    """The cursor's time goes to Cypher's datetime(): refuse what it could not read."""
    match = _CURSOR_TIME.fullmatch(key)
    if match is None or not _is_calendar_time(match.group(1)):
        raise BadInput("after is not a cursor from this API", field="after")


def _is_calendar_time(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass
class Attempt:
    """A mutation under way; the write that accepts it records its event in its transaction."""

    request_id: str
    actor: str | None
    operation: str
    target: tuple[str, ...]
    recorded: AuditEvent | None = None

    def event(self, result: Result, code: str | None = None) -> AuditEvent:
        return AuditEvent(self.request_id, self.actor, self.operation, self.target, result, code)


async def record_in(tx: AsyncManagedTransaction, event: AuditEvent) -> None:
    """Create the event inside the caller's write transaction."""
    with telemetry.round_trip(cypher.CREATE_AUDIT_EVENT):
        await (await tx.run(cypher.CREATE_AUDIT_EVENT, event.parameters())).consume()


async def record_alone(graph: Graph, event: AuditEvent) -> None:
    """Create the event in a transaction of its own, and log it.

    One attempt, no retries: a refusal must not wait on a database that is away.
    When the event cannot be stored, for whatever reason, its log line says so: the
    error that brought the mutation here is the one the client must see.
    """
    try:
        async with graph.session() as session:
            with telemetry.round_trip(cypher.CREATE_AUDIT_EVENT):
                result = await session.run(cypher.CREATE_AUDIT_EVENT, event.parameters())
                await result.consume()
    except (Neo4jError, DriverError, OSError) as error:
        log_event(event, stored=False, reason=type(error).__name__)
    except Exception as error:
        log.exception("audit event %s could not be stored", event.id)
        log_event(event, stored=False, reason=type(error).__name__)
    else:
        log_event(event)


def log_event(event: AuditEvent, *, stored: bool = True, reason: str | None = None) -> None:
    fields = event.parameters() | {"at": event.at.isoformat(), "stored": stored}
    if reason is not None:
        fields["notStoredBecause"] = reason
    level = logging.INFO if stored else logging.ERROR
    log.log(level, "%s", json.dumps(fields, sort_keys=True), extra={"audit": fields})
