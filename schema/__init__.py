"""The Strawberry schema, split by domain and joined here."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from claimtrace.schema.audit import AuditQueries
from claimtrace.schema.candidates import CandidateMutations, CandidateQueries
from claimtrace.schema.claims import ClaimQueries
from claimtrace.schema.comparison import ComparisonQueries
from claimtrace.schema.error_log import Schema
from claimtrace.schema.inputs import InputBounds
from claimtrace.schema.mutations import Mutation
from claimtrace.schema.nodes import NodeQueries
from claimtrace.schema.people import Organization, PeopleQueries, Person
from claimtrace.schema.sources import SourceQueries
from claimtrace.schema.subscriptions import Subscription
from claimtrace.schema.topics import TopicQueries


def build_schema(
    extensions: Sequence[Callable[[], SchemaExtension]] = (), *, hide_suggestions: bool = False
) -> Schema:
    """The schema; the app adds its request limits and error masking as ``extensions``,
    which run before the schema's own check of every string input (``InputBounds``).
    ``hide_suggestions`` drops the "Did you mean ...?" that errors add otherwise."""
    query = merge_types(
        "Query",
        (
            ClaimQueries,
            SourceQueries,
            PeopleQueries,
            ComparisonQueries,
            TopicQueries,
            AuditQueries,
            CandidateQueries,
            NodeQueries,
        ),
    )
    mutation = merge_types("Mutation", (Mutation, CandidateMutations))
    return Schema(
        query=query,
        mutation=mutation,
        subscription=Subscription,
        types=[Person, Organization],
        extensions=[*extensions, InputBounds],
        config=StrawberryConfig(disable_field_suggestions=hide_suggestions),
    )
