"""The audit trail, read-only, for holders of a writing token."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from claimtrace.core import audit
from claimtrace.core.errors import Unauthenticated
from claimtrace.core.store.pages import check_first, decode_cursor
from claimtrace.schema.context import Context
from claimtrace.schema.inputs import CURSOR_TEXT, text_argument
from claimtrace.schema.pagination import Connection, connection

AuditResult = strawberry.enum(
    audit.Result, name="AuditResult", description="What became of a mutation."
)


@strawberry.type(
    name="AuditEvent",
    description="One mutation of a token holder, accepted or refused; never changed.",
)
class AuditEntry:
    id: strawberry.ID
    request_id: str = strawberry.field(description="The request's X-Request-ID.")
    actor: str | None = strawberry.field(
        description="The name of the writing token. Anonymous attempts are not stored; "
        "a database written by earlier versions may hold some, with no actor."
    )
    operation: str = strawberry.field(description="addClaim, addSource, ...")
    target: list[str] = strawberry.field(
        description="The ids it acted on, as sent; empty when refused before they were read."
    )
    at: dt.datetime = strawberry.field(description="When the attempt was made.")
    result: AuditResult  # type: ignore[valid-type]
    code: str | None = strawberry.field(description="The error code, unless accepted.")

    @classmethod
    def from_event(cls, event: audit.AuditEvent) -> AuditEntry:
        return cls(
            id=strawberry.ID(event.id),
            request_id=event.request_id,
            actor=event.actor,
            operation=event.operation,
            target=list(event.target),
            at=event.at,
            result=event.result,
            code=event.code,
        )


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="The audit trail, oldest first; needs a bearer token; first <= 100."
    )
    async def audit_events(
        self,
        info: strawberry.Info[Context, None],
        first: int = 20,
        after: Annotated[str | None, text_argument(CURSOR_TEXT)] = None,
    ) -> Connection[AuditEntry]:
        context = info.context
        if context.writer is None:
            raise Unauthenticated("A bearer token is required to read the audit trail.")
        page = await audit.audit_events_page(
            context.graph, check_first(first), decode_cursor(after)
        )
        return connection(page, AuditEntry.from_event)
