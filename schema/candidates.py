"""Candidates found by detection: listed with their reasons, and reviewed by people.

Reading them, like writing, needs a bearer token: what software infers is not yet
something the graph states. Reviews go through ``audited`` like every mutation.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from claimtrace.core.errors import BadInput, Unauthenticated
from claimtrace.core.store import review as store
from claimtrace.core.store.pages import check_first, decode_cursor
from claimtrace.core.store.review import CandidateRecord, ReviewRecord
from claimtrace.schema.auditing import audited
from claimtrace.schema.claims import Assertion, Claim
from claimtrace.schema.common import CandidateKind, CandidateStatus, ReviewAction, optional_id
from claimtrace.schema.context import Context
from claimtrace.schema.inputs import CURSOR_TEXT, LONG_TEXT, text_argument
from claimtrace.schema.pagination import Connection, connection

# Claims one detectCandidates may name.
MAX_DETECT_CLAIMS = 100


@strawberry.type(description="Why detection proposed a candidate, for a program to read.")
class CandidateReason:
    kind: CandidateKind
    rule: str = strawberry.field(
        description="The rule that fired, e.g. numeric/disjoint-intervals."
    )
    score: float
    threshold: float = strawberry.field(description="The score the rule needs to fire.")
    evidence: str = strawberry.field(
        description="What the rule read, as JSON text: intervals, dates, quotes, scores."
    )


@strawberry.type(name="CandidateReview", description="One review of a candidate; never changed.")
class Review:
    id: strawberry.ID
    action: ReviewAction
    by: str = strawberry.field(description="The name of the reviewer's token.")
    reason: str | None
    recorded_at: dt.datetime
    link: str | None = strawberry.field(
        description="The link a confirmation made or found: CONTRADICTS or SAME_AS."
    )
    link_created: bool

    @classmethod
    def from_record(cls, record: ReviewRecord) -> Review:
        return cls(
            id=strawberry.ID(record.id), action=record.action, by=record.by,
            reason=record.reason, recorded_at=record.recorded_at, link=record.link,
            link_created=record.link_created,
        )  # fmt: skip


@strawberry.type(description="What detection infers, until a person confirms or rejects it.")
class Candidate:
    id: strawberry.ID
    kind: CandidateKind
    status: CandidateStatus
    reason: CandidateReason
    explanation: str = strawberry.field(description="The reason as a sentence a person can read.")
    first_claim_id: strawberry.ID
    second_claim_id: strawberry.ID = strawberry.field(
        description="The same claim as the first for OPPOSITE_STANCE."
    )
    first_assertion_id: strawberry.ID | None
    second_assertion_id: strawberry.ID | None
    topic_ids: list[strawberry.ID]
    recorded_at: dt.datetime = strawberry.field(description="When detection stored it.")
    reviews: list[Review] = strawberry.field(description="Oldest first.")

    @strawberry.field
    async def first_claim(self, info: strawberry.Info[Context, None]) -> Claim:
        return await _claim(info, str(self.first_claim_id))

    @strawberry.field
    async def second_claim(self, info: strawberry.Info[Context, None]) -> Claim:
        return await _claim(info, str(self.second_claim_id))

    @strawberry.field(description="The first assertion compared, for the stance rules; else null.")
    async def first_assertion(self, info: strawberry.Info[Context, None]) -> Assertion | None:
        return await _assertion(info, self.first_assertion_id)

    @strawberry.field(description="The second assertion compared, for the stance rules; else null.")
    async def second_assertion(self, info: strawberry.Info[Context, None]) -> Assertion | None:
        return await _assertion(info, self.second_assertion_id)

    @classmethod
    def from_record(cls, record: CandidateRecord) -> Candidate:
        reason = CandidateReason(
            kind=record.kind, rule=record.rule, score=record.score,
            threshold=record.threshold, evidence=record.evidence,
        )  # fmt: skip
        return cls(
            id=strawberry.ID(record.id), kind=record.kind, status=record.status, reason=reason,
            explanation=record.explanation, first_claim_id=strawberry.ID(record.first_claim_id),
            second_claim_id=strawberry.ID(record.second_claim_id),
            first_assertion_id=_id(record.first_assertion_id),
            second_assertion_id=_id(record.second_assertion_id),
            topic_ids=[strawberry.ID(t) for t in record.topic_ids],
            recorded_at=record.recorded_at,
            reviews=[Review.from_record(r) for r in record.reviews],
        )  # fmt: skip


def _id(value: str | None) -> strawberry.ID | None:
    return None if value is None else strawberry.ID(value)


async def _claim(info: strawberry.Info[Context, None], claim_id: str) -> Claim:
    record = await info.context.loaders.claims.load(claim_id)
    assert record is not None  # a candidate is only ever stored linked to its claims
    return Claim.from_record(record)


async def _assertion(
    info: strawberry.Info[Context, None], assertion_id: strawberry.ID | None
) -> Assertion | None:
    # Batched with the page's other candidates: one query for all their assertions.
    if assertion_id is None:
        return None
    record = await info.context.loaders.assertions.load(str(assertion_id))
    return None if record is None else Assertion.from_record(record)


@strawberry.input
class CandidateFilter:
    kinds: list[CandidateKind] | None = None
    statuses: list[CandidateStatus] | None = None
    claim_id: strawberry.ID | None = strawberry.field(
        default=None, description="Candidates about this claim (on either side)."
    )
    topic_id: strawberry.ID | None = strawberry.field(
        default=None, description="Candidates with a claim on this topic."
    )

    def to_core(self) -> store.CandidateFilter:
        return store.CandidateFilter(
            self.kinds, self.statuses, optional_id(self.claim_id), optional_id(self.topic_id)
        )


def _require_token(context: Context) -> None:
    if context.writer is None:
        raise Unauthenticated("A bearer token is required to read candidates.")


@strawberry.type
class CandidateQueries:
    @strawberry.field(
        description="Candidates in the order they were recorded; needs a bearer token; "
        "first <= 100."
    )
    async def candidates(
        self,
        info: strawberry.Info[Context, None],
        filter: CandidateFilter | None = None,
        first: int = 20,
        after: Annotated[str | None, text_argument(CURSOR_TEXT)] = None,
    ) -> Connection[Candidate]:
        _require_token(info.context)
        filters = filter.to_core() if filter else store.CandidateFilter()
        page = await store.candidates_page(
            info.context.graph, filters, check_first(first), decode_cursor(after)
        )
        return connection(page, Candidate.from_record)

    @strawberry.field(description="One candidate; null if none has this id. Needs a token.")
    async def candidate(
        self, info: strawberry.Info[Context, None], id: strawberry.ID
    ) -> Candidate | None:
        _require_token(info.context)
        found = await store.candidates_by_id(info.context.graph, [str(id)])
        record = found.get(str(id))
        return None if record is None else Candidate.from_record(record)


@strawberry.type
class DetectCandidatesPayload:
    candidates: list[Candidate] = strawberry.field(
        description="Every candidate the rules found for these claims, new or not."
    )
    created: int = strawberry.field(description="How many of them were new.")


@strawberry.type
class CandidateMutations:
    @strawberry.mutation(
        description="Confirm a pending candidate: makes the link it proposes (CONTRADICTS, or "
        "SAME_AS for LIKELY_SAME) noted with its explanation. ALREADY_REVIEWED if it is not "
        "pending."
    )
    async def confirm_candidate(
        self,
        info: strawberry.Info[Context, None],
        id: strawberry.ID,
        comment: Annotated[str | None, text_argument(LONG_TEXT)] = None,
    ) -> Candidate:
        return await _review(info, "confirmCandidate", id, ReviewAction.CONFIRM, comment)

    @strawberry.mutation(
        description="Reject a pending candidate, saying why: the pair is not proposed again."
    )
    async def reject_candidate(
        self,
        info: strawberry.Info[Context, None],
        id: strawberry.ID,
        reason: Annotated[str, text_argument(LONG_TEXT)],
    ) -> Candidate:
        if not reason.strip():
            raise BadInput("say why the candidate is rejected", field="reason")
        return await _review(info, "rejectCandidate", id, ReviewAction.REJECT, reason)

    @strawberry.mutation(
        description="Take back a candidate's confirmation or rejection: it is PENDING again, "
        "a link its confirmation made is marked undone (never deleted). NOT_REVIEWED if pending."
    )
    async def undo_candidate_review(
        self,
        info: strawberry.Info[Context, None],
        id: strawberry.ID,
        reason: Annotated[str, text_argument(LONG_TEXT)],
    ) -> Candidate:
        if not reason.strip():
            raise BadInput("say why the review is undone", field="reason")
        return await _review(info, "undoCandidateReview", id, ReviewAction.UNDO, reason)

    @strawberry.mutation(
        description=f"Run detection for these claims (at most {MAX_DETECT_CLAIMS}) now."
    )
    async def detect_candidates(
        self, info: strawberry.Info[Context, None], claim_ids: list[strawberry.ID]
    ) -> DetectCandidatesPayload:
        ids = sorted({str(claim_id) for claim_id in claim_ids})
        context = info.context
        async with audited(context, "detectCandidates", ids) as attempt:
            report = await store.detect_audited(context.graph, ids, attempt, MAX_DETECT_CLAIMS)
        found = await store.candidates_by_id(context.graph, report.ids)
        return DetectCandidatesPayload(
            candidates=[Candidate.from_record(found[i]) for i in report.ids if i in found],
            created=report.created,
        )


async def _review(
    info: strawberry.Info[Context, None],
    operation: str,
    id: strawberry.ID,
    action: ReviewAction,
    reason: str | None,
) -> Candidate:
    context = info.context
    async with audited(context, operation, [str(id)]) as attempt:
        record = await store.review(context.graph, str(id), action, reason, attempt)
    return Candidate.from_record(record)
