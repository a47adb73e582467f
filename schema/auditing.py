"""Every mutation resolver runs its write inside ``audited``: it refuses a caller
without a token and leaves exactly one audit event, whatever happens."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence

from claimtrace.core.audit import Attempt, Result, log_event, record_alone
from claimtrace.core.errors import COMMIT_OUTCOME_UNKNOWN, Unauthenticated, code_of
from claimtrace.schema.context import Context


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
    await record_alone(context.graph, attempt.event(result, code))
