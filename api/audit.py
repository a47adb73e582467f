"""The audit trail: every mutation, accepted or refused, leaves one event.

An accepted write creates its event in its own transaction, so the two commit
or vanish together; a refusal writes its event alone. Each event is also one
JSON log line on the ``claimtrace.audit`` logger. Events carry the token's
name, never the token. They are only ever created.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import FieldNode, OperationType
from graphql.utilities import get_operation_ast
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionContext

from api import cypher
from api.context import Context
from api.errors import COMMIT_OUTCOME_UNKNOWN, Unauthenticated, code_of
from api.store.batch import fetch_page
from api.store.pages import Page, Position

log = logging.getLogger("claimtrace.audit")

REQUEST_ID_HEADER = "x-request-id"
_WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def request_id_from(header: str | None) -> str:
    """The caller's ``X-Request-ID`` if it is short and plain, else a fresh UUID."""
    if header is not None and _WELL_FORMED_REQUEST_ID.fullmatch(header):
        return header
    return str(uuid.uuid4())


class Result(enum.StrEnum):
    CREATED = "CREATED"
    ALREADY_THERE = "ALREADY_THERE"
    RETRACTED = "RETRACTED"
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
            "requestId": self.request_id,
            "actor": self.actor,
            "operation": self.operation,
            "target": list(self.target),
            "at": self.at,
            "result": self.result.value,
            "code": self.code,
        }


def _event_from_map(value: dict[str, Any]) -> AuditEvent:
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


async def audit_events_page(
    driver: AsyncDriver, database: str, first: int, after: Position | None
) -> Page[AuditEvent]:
    """Oldest first: by the time of the attempt, then id."""
    return await fetch_page(
        driver, database, cypher.AUDIT_EVENTS_PAGE, {}, "event", _event_from_map, first, after
    )


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
    result = await tx.run(cypher.CREATE_AUDIT_EVENT, event.parameters())
    await result.consume()


async def record_alone(driver: AsyncDriver, database: str, event: AuditEvent) -> None:
    """Create the event in a transaction of its own, and log it.

    One attempt, no retries: a refusal must not wait on a database that is away.
    When the event cannot be stored, its log line says so.
    """
    try:
        async with driver.session(
            database=database, bookmark_manager=driver.execute_query_bookmark_manager
        ) as session:
            result = await session.run(cypher.CREATE_AUDIT_EVENT, event.parameters())
            await result.consume()
    except (Neo4jError, DriverError, OSError) as error:
        log_event(event, stored=False, reason=type(error).__name__)
    else:
        log_event(event)


def log_event(event: AuditEvent, *, stored: bool = True, reason: str | None = None) -> None:
    fields = event.parameters() | {"at": event.at.isoformat(), "stored": stored}
    if reason is not None:
        fields["notStoredBecause"] = reason
    level = logging.INFO if stored else logging.ERROR
    log.log(level, "%s", json.dumps(fields, sort_keys=True), extra={"audit": fields})


@contextlib.asynccontextmanager
async def audited(
    context: Context, operation: str, target: Sequence[str]
) -> AsyncIterator[Attempt]:
    """Check the caller may write, then audit what the block does: the accepted write
    must have recorded its event (``Attempt.recorded``); any error is recorded here."""
    context.mutations_audited += 1
    attempt = Attempt(context.request_id, context.writer, operation, tuple(target))
    if context.writer is None:
        refusal = Unauthenticated()
        await _record_failure(context, attempt, refusal)
        raise refusal
    try:
        yield attempt
    except Exception as error:
        await _record_failure(context, attempt, error)
        raise
    if attempt.recorded is None:
        raise RuntimeError(f"{operation} finished without recording its audit event")
    log_event(attempt.recorded)


async def _record_failure(context: Context, attempt: Attempt, error: Exception) -> None:
    code = code_of(error)
    result = Result.UNKNOWN if code == COMMIT_OUTCOME_UNKNOWN else Result.REFUSED
    await record_alone(context.driver, context.database, attempt.event(result, code))


class AuditUnresolvedMutations(SchemaExtension):
    """Mutations refused before any resolver ran (malformed variables, request limits,
    a mutation over GET) are audited too: one event per mutation field, no target."""

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            yield
        except InvalidOperationTypeError:
            await self._audit("METHOD_NOT_ALLOWED")
            raise
        errors = self.execution_context.pre_execution_errors or []
        if errors:
            await self._audit(code_of(errors[0]))

    async def _audit(self, code: str) -> None:
        context = self.execution_context.context
        if not isinstance(context, Context) or context.mutations_audited:
            return
        for operation in _mutation_fields(self.execution_context):
            event = AuditEvent(
                context.request_id, context.writer, operation, (), Result.REFUSED, code
            )
            await record_alone(context.driver, context.database, event)


def _mutation_fields(execution: ExecutionContext) -> list[str]:
    document = execution.graphql_document
    if document is None:
        return []
    operation = get_operation_ast(document, execution.operation_name)
    if operation is None or operation.operation != OperationType.MUTATION:
        return []
    names = (s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode))
    return [name for name in names if not name.startswith("__")]
