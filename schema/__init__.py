"""The Strawberry schema, split by domain and joined here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.tools import merge_types

from claimtrace.schema.audit import AuditQueries
from claimtrace.schema.claims import ClaimQueries
from claimtrace.schema.comparison import ComparisonQueries
from claimtrace.schema.mutations import Mutation
from claimtrace.schema.nodes import NodeQueries
from claimtrace.schema.people import Organization, PeopleQueries, Person
from claimtrace.schema.sources import SourceQueries
from claimtrace.schema.topics import TopicQueries


def build_schema(
    extensions: Sequence[Callable[[], SchemaExtension]] = (),
) -> strawberry.Schema:
    """The schema; the app adds its request limits and error masking as ``extensions``."""
    query = merge_types(
        "Query",
        (
            ClaimQueries,
            SourceQueries,
            PeopleQueries,
            ComparisonQueries,
            TopicQueries,
            AuditQueries,
            NodeQueries,
        ),
    )
    return strawberry.Schema(
        query=query, mutation=Mutation, types=[Person, Organization], extensions=list(extensions)
    )
