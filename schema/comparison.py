"""Analysts side by side: where they agree, disagree, and what only one addressed."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from claimtrace.core.errors import BadInput, NotFound
from claimtrace.core.store.comparison import ComparisonRecord, PairRecord, compare_positions
from claimtrace.schema.claims import Claim
from claimtrace.schema.common import AsOf, ConflictKind, Stance
from claimtrace.schema.context import Context
from claimtrace.schema.people import Person

MIN_PEOPLE, MAX_PEOPLE = 2, 10


@strawberry.type(
    description="One person's position on one claim; stance null if they said nothing."
)
class PersonPosition:
    person: Person
    stance: Stance | None
    assertion_id: strawberry.ID | None = strawberry.field(
        description="Their latest unretracted assertion about the claim."
    )
    quote: str | None


@strawberry.type(description="A claim any of the people addressed, with everyone's position.")
class PositionRow:
    claim: Claim
    positions: list[PersonPosition]


@strawberry.enum
class DisagreementKind(Enum):
    OPPOSITE_STANCES = "OPPOSITE_STANCES"
    CONTRADICTING_CLAIMS = "CONTRADICTING_CLAIMS"


@strawberry.type(
    description="Opposite stances on one claim, or support for two claims that contradict."
)
class Disagreement:
    kind: DisagreementKind
    first_claim_id: strawberry.ID = strawberry.field(
        description="The claim the first person backs."
    )
    second_claim_id: strawberry.ID = strawberry.field(description="The second person's claim.")
    conflict_kind: ConflictKind | None
    note: str | None


@strawberry.type(description="How two of the people compare.")
class PairComparison:
    first: Person
    second: Person
    agreements: list[strawberry.ID] = strawberry.field(description="Claims with the same stance.")
    disagreements: list[Disagreement]
    only_first: list[strawberry.ID] = strawberry.field(
        description="Claims only the first addressed."
    )
    only_second: list[strawberry.ID]
    agreement_ratio: float | None = strawberry.field(
        description="agreements / (agreements + disagreements); null when there is neither."
    )

    @classmethod
    def from_record(cls, record: PairRecord, people: dict[str, Person]) -> PairComparison:
        disagreements = [
            Disagreement(
                kind=DisagreementKind.OPPOSITE_STANCES,
                first_claim_id=strawberry.ID(claim_id),
                second_claim_id=strawberry.ID(claim_id),
                conflict_kind=None,
                note=None,
            )
            for claim_id in record.opposed
        ] + [
            Disagreement(
                kind=DisagreementKind.CONTRADICTING_CLAIMS,
                first_claim_id=strawberry.ID(c.first_claim),
                second_claim_id=strawberry.ID(c.second_claim),
                conflict_kind=c.kind,
                note=c.note,
            )
            for c in record.contradicting
        ]
        decided = len(record.agreements) + len(disagreements)
        return cls(
            first=people[record.first],
            second=people[record.second],
            agreements=[strawberry.ID(c) for c in record.agreements],
            disagreements=disagreements,
            only_first=[strawberry.ID(c) for c in record.only_first],
            only_second=[strawberry.ID(c) for c in record.only_second],
            agreement_ratio=len(record.agreements) / decided if decided else None,
        )


@strawberry.type(description="Two to ten people side by side, on one topic or on everything.")
class PositionComparison:
    people: list[Person]
    rows: list[PositionRow]
    pairs: list[PairComparison]

    @classmethod
    def from_record(
        cls, record: ComparisonRecord, order: list[str], as_of: dt.datetime | None
    ) -> PositionComparison:
        names = dict(record.people)
        people = {pid: Person(id=strawberry.ID(pid), name=names[pid]) for pid in order}
        rows = []
        for row in record.rows:
            stances = {p.person_id: p for p in row.positions}
            rows.append(
                PositionRow(
                    claim=Claim.from_record(row.claim, as_of),
                    positions=[
                        PersonPosition(
                            person=people[pid],
                            stance=stances[pid].stance if pid in stances else None,
                            assertion_id=strawberry.ID(stances[pid].assertion_id)
                            if pid in stances
                            else None,
                            quote=stances[pid].quote if pid in stances else None,
                        )
                        for pid in order
                    ],
                )
            )
        return cls(
            people=[people[pid] for pid in order],
            rows=rows,
            pairs=[PairComparison.from_record(pair, people) for pair in record.pairs],
        )


@strawberry.type
class ComparisonQueries:
    @strawberry.field(description="Compare 2-10 people's positions, in one database round trip.")
    async def compare_positions(
        self,
        info: strawberry.Info[Context, None],
        person_ids: list[strawberry.ID],
        topic_id: strawberry.ID | None = None,
        as_of: AsOf = None,
    ) -> PositionComparison:
        ids = [str(pid) for pid in person_ids]
        if not MIN_PEOPLE <= len(ids) <= MAX_PEOPLE:
            raise BadInput(
                f"personIds must name {MIN_PEOPLE} to {MAX_PEOPLE} people; got {len(ids)}",
                field="personIds",
            )
        if len(set(ids)) != len(ids):
            raise BadInput("personIds lists the same person twice", field="personIds")
        topic = str(topic_id) if topic_id is not None else None
        context = info.context
        record = await compare_positions(context.graph, ids, topic, as_of)
        unknown = sorted(set(ids) - {pid for pid, _ in record.people})
        if unknown:
            raise NotFound(f"no person with id {', '.join(unknown)}", field="personIds")
        if not record.topic_found:
            raise NotFound(f"no topic with id {topic}", field="topicId")
        return PositionComparison.from_record(record, ids, as_of)
