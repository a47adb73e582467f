"""Every mutation resolver runs its write inside ``audited``: it refuses a caller
without a token (writing nothing) and leaves exactly one audit event for a writer,
whatever happens."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence

from claimtrace.core.audit import Attempt, Result, log_event, record_alone
from claimtrace.core.errors import COMMIT_OUTCOME_UNKNOWN, Unauthenticated, code_of
from claimtrace.schema.context import Context

# The audit code of a mutation whose resolver was cancelled (its request timed out or
# its client went away): whether its write committed is unknown.
CANCELLED = "CANCELLED"


@contextlib.asynccontextmanager
async def audited(
    context: Context, operation: str, target: Sequence[str]
) -> AsyncIterator[Attempt]:
    """Check the caller may write, then audit what the block does: the accepted write
    must have recorded its event (``Attempt.recorded``); any error is recorded here.

    The API refuses anonymous mutations before any resolver runs (api/admission.py);
    one that got this far anyway is refused here, still without a database query.
    """
    if context.writer is None:
        raise Unauthenticated()
    context.mutations_audited += 1
    attempt = Attempt(context.request_id, context.writer, operation, tuple(target))
    try:
        yield attempt
    except asyncio.CancelledError:
        if attempt.recorded is None:
            await asyncio.shield(
                record_alone(context.graph, attempt.event(Result.UNKNOWN, CANCELLED))
            )
        raise
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
