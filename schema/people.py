"""Speakers and authors: people and organizations (anonymous agents included)."""

from __future__ import annotations

import strawberry

from api.store.records import AffiliationRecord, AgentRecord
from schema.common import PartialDate


@strawberry.interface(description="Whoever can make an assertion or write a source.")
class Agent:
    id: strawberry.ID
    name: str


@strawberry.type(description="A named person: author, analyst, official.")
class Person(Agent):
    pass


@strawberry.type(
    description="A publisher, think tank, government body or armed group; kind ANONYMOUS "
    "for unnamed speakers such as 'reports say' or 'US officials'."
)
class Organization(Agent):
    kind: str | None


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
            as_of=PartialDate.from_record(record.as_of),
        )
