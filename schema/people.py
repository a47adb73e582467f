"""Speakers and authors: people and organizations (anonymous agents included)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from claimtrace.core.store.claim_pages import ClaimFilterRecord
from claimtrace.core.store.pages import check_first, decode_cursor
from claimtrace.core.store.people import PersonFilterRecord, PersonRecord, people_page
from claimtrace.core.store.records import AffiliationRecord, AgentRecord
from claimtrace.schema.common import PartialDate, optional_id
from claimtrace.schema.context import Context
from claimtrace.schema.facet_types import DEFAULT_BUCKETS, ClaimFacets, FacetNames, facets_of
from claimtrace.schema.global_ids import Node
from claimtrace.schema.inputs import CONTAINS_TEXT, CURSOR_TEXT, text_argument, text_field
from claimtrace.schema.pagination import Connection, connection


@strawberry.interface(description="Whoever can make an assertion or write a source.")
class Agent(Node):
    name: str

    @strawberry.field(
        description="Counts over the claims they asserted, their own assertions only: by "
        "stance, topic, mode, publisher, year, month (as claimFacets with personId)."
    )
    async def facets(
        self,
        info: strawberry.Info[Context, None],
        names: FacetNames = None,
        buckets: int = DEFAULT_BUCKETS,
    ) -> ClaimFacets:
        where = ClaimFilterRecord(person_id=str(self.id))
        return await facets_of(info.context.graph, where, names, buckets)


@strawberry.type(description="A named person: author, analyst, official.")
class Person(Agent):
    record: strawberry.Private[PersonRecord | None] = None

    async def _details(self, info: strawberry.Info[Context, None]) -> PersonRecord | None:
        if self.record is None:
            self.record = await info.context.loaders.people.load(str(self.id))
        return self.record

    @strawberry.field
    async def aliases(self, info: strawberry.Info[Context, None]) -> list[str]:
        details = await self._details(info)
        return list(details.aliases) if details else []

    @strawberry.field(description="Roles as the sources state them, latest first.")
    async def affiliations(self, info: strawberry.Info[Context, None]) -> list[Affiliation]:
        details = await self._details(info)
        return [Affiliation.from_record(a) for a in details.affiliations] if details else []

    @strawberry.field(description="How many assertions they made in the corpus.")
    async def assertion_count(self, info: strawberry.Info[Context, None]) -> int:
        details = await self._details(info)
        return details.assertion_count if details else 0

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        return cls(id=strawberry.ID(record.id), name=record.name, record=record)


@strawberry.type(
    description="A publisher, think tank, government body or armed group; kind ANONYMOUS "
    "for unnamed speakers such as 'reports say' or 'US officials'."
)
class Organization(Agent):
    kind: str | None

    @classmethod
    def from_record(cls, record: AgentRecord) -> Organization:
        return cls(id=strawberry.ID(record.id), name=record.name, kind=record.kind)


def agent_from_record(record: AgentRecord) -> Agent:
    if record.is_person:
        return Person(id=strawberry.ID(record.id), name=record.name)
    return Organization(id=strawberry.ID(record.id), name=record.name, kind=record.kind)


@strawberry.type(description="A role as the source states it, dated by the source.")
class Affiliation:
    organization: Organization
    role: str
    as_of: PartialDate | None

    @classmethod
    def from_record(cls, record: AffiliationRecord) -> Affiliation:
        organization = record.organization
        return cls(
            organization=Organization(
                id=strawberry.ID(organization.id), name=organization.name, kind=organization.kind
            ),
            role=record.role,
            as_of=record.as_of,
        )


@strawberry.input(description="All given conditions must hold.")
class PersonFilter:
    name_contains: str | None = text_field(
        CONTAINS_TEXT, "Part of the name or an alias, any case.", default=None
    )
    organization_id: strawberry.ID | None = None
    topic_id: strawberry.ID | None = strawberry.field(
        default=None, description="Made an assertion about a claim on this topic."
    )

    def to_record(self) -> PersonFilterRecord:
        return PersonFilterRecord(
            name_contains=self.name_contains,
            organization_id=optional_id(self.organization_id),
            topic_id=optional_id(self.topic_id),
        )


@strawberry.type
class PeopleQueries:
    @strawberry.field(description="One person by id; null when there is none.")
    async def person(
        self, info: strawberry.Info[Context, None], id: strawberry.ID
    ) -> Person | None:
        record = await info.context.loaders.people.load(str(id))
        return Person.from_record(record) if record else None

    @strawberry.field(
        description="One organization (anonymous speakers included) by id; null when there is none."
    )
    async def organization(
        self, info: strawberry.Info[Context, None], id: strawberry.ID
    ) -> Organization | None:
        record = await info.context.loaders.organizations.load(str(id))
        return Organization.from_record(record) if record else None

    @strawberry.field(description="People by name, then id; first <= 100.")
    async def people(
        self,
        info: strawberry.Info[Context, None],
        filter: PersonFilter | None = None,
        first: int = 20,
        after: Annotated[str | None, text_argument(CURSOR_TEXT)] = None,
    ) -> Connection[Person]:
        where = filter.to_record() if filter else PersonFilterRecord()
        context = info.context
        page = await people_page(context.graph, where, check_first(first), decode_cursor(after))
        return connection(page, Person.from_record)
