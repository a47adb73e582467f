"""The shapes of counts over claims (facets), shared by the claimFacets query and the
entities that count their own claims."""

from __future__ import annotations

from typing import Annotated

import strawberry

from claimtrace.core.database import Graph
from claimtrace.core.store.claim_facets import (
    FACETS,
    BucketRecord,
    FacetRecord,
    FacetsRecord,
    claim_facets,
)
from claimtrace.core.store.claim_pages import ClaimFilterRecord
from claimtrace.schema.inputs import SHORT_TEXT, text_argument

DEFAULT_BUCKETS = 10
FacetNames = Annotated[
    list[str] | None,
    text_argument(SHORT_TEXT, f"Which facets to count, of: {', '.join(FACETS)}; all by default."),
]


@strawberry.type(description="One value of a facet and how many claims and assertions have it.")
class FacetBucket:
    key: str = strawberry.field(
        description="The value: an id (topic, publisher, speaker), an enum value (stance, "
        "mode), a year (2020) or a month (2020-03)."
    )
    label: str | None = strawberry.field(description="The name of a topic, publisher or speaker.")
    claims: int = strawberry.field(description="Matching claims with this value.")
    assertions: int | None = strawberry.field(
        description="Matching assertions with this value; null for topics (a claim's)."
    )

    @classmethod
    def from_record(cls, record: BucketRecord) -> FacetBucket:
        return cls(
            key=record.key, label=record.label, claims=record.claims, assertions=record.assertions
        )


@strawberry.type(description="The largest values of one facet, by claims then key.")
class Facet:
    name: str
    buckets: list[FacetBucket]
    values: int = strawberry.field(description="How many values the facet has in all.")

    @classmethod
    def from_record(cls, record: FacetRecord) -> Facet:
        return cls(
            name=record.name,
            buckets=[FacetBucket.from_record(b) for b in record.buckets],
            values=record.values,
        )


@strawberry.type(
    description="Counts over the claims a filter matches. A claim counts under topic for "
    "each of its topics; under the other facets for each value one of its matching "
    "assertions has (those meeting the filter's conditions on assertions: person, source, "
    "publisher, stance, dates). Year and month count assertions whose date is known."
)
class ClaimFacets:
    claims: int = strawberry.field(description="How many claims match.")
    assertions: int = strawberry.field(description="How many of their assertions match.")
    facets: list[Facet]

    @classmethod
    def from_record(cls, record: FacetsRecord) -> ClaimFacets:
        return cls(
            claims=record.claims,
            assertions=record.assertions,
            facets=[Facet.from_record(f) for f in record.facets],
        )


async def facets_of(
    graph: Graph, where: ClaimFilterRecord, names: list[str] | None, buckets: int
) -> ClaimFacets:
    record = await claim_facets(graph, where, FACETS if names is None else names, buckets)
    return ClaimFacets.from_record(record)
