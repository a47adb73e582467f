"""The Strawberry schema, split by domain and joined here."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from api.protection import extensions
from schema.audit import AuditQueries
from schema.claims import ClaimQueries
from schema.comparison import ComparisonQueries
from schema.mutations import Mutation
from schema.people import Organization, PeopleQueries, Person
from schema.sources import SourceQueries
from schema.topics import TopicQueries


def build_schema() -> strawberry.Schema:
    query = merge_types(
        "Query",
        (ClaimQueries, SourceQueries, PeopleQueries, ComparisonQueries, TopicQueries, AuditQueries),
    )
    return strawberry.Schema(
        query=query, mutation=Mutation, types=[Person, Organization], extensions=extensions()
    )
