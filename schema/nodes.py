"""``node(id:)`` and ``nodes(ids:)``: any entity by its global id (Relay).

Each type's DataLoader fetches that type's share of the ids, so a request costs one
database query per type it names, however many ids it sends.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types.base import get_object_definition

from claimtrace.core.errors import BadInput
from claimtrace.schema.claims import Assertion, Claim
from claimtrace.schema.context import Context
from claimtrace.schema.dataloaders import DataLoaders
from claimtrace.schema.global_ids import GlobalId, Node, parse_global_id
from claimtrace.schema.people import Organization, Person
from claimtrace.schema.sources import Source
from claimtrace.schema.topics import Topic

MAX_NODES = 100
R = TypeVar("R")


@dataclass(frozen=True)
class NodeType(Generic[R]):
    """Where objects of one type are loaded from, and how their records become nodes."""

    loader: Callable[[DataLoaders], DataLoader[str, R | None]]
    convert: Callable[[R], Node]

    async def load(self, context: Context, readable_id: str) -> Node | None:
        record = await self.loader(context.loaders).load(readable_id)
        return self.convert(record) if record is not None else None


NODE_TYPES: dict[str, NodeType[Any]] = {
    get_object_definition(cls, strict=True).name: node_type
    for cls, node_type in (
        (Claim, NodeType(lambda loaders: loaders.claims, Claim.from_record)),
        (Assertion, NodeType(lambda loaders: loaders.assertions, Assertion.from_record)),
        (Source, NodeType(lambda loaders: loaders.sources, Source.from_record)),
        (Person, NodeType(lambda loaders: loaders.people, Person.from_record)),
        (Organization, NodeType(lambda loaders: loaders.organizations, Organization.from_record)),
        (Topic, NodeType(lambda loaders: loaders.topics, Topic.from_record)),
    )
}


def _parse(value: strawberry.ID, field: str) -> GlobalId:
    global_id = parse_global_id(str(value), field)
    if global_id.type_name not in NODE_TYPES:
        raise BadInput(f"{field} is not a global id from this API", field=field)
    return global_id


async def _load(context: Context, global_id: GlobalId) -> Node | None:
    return await NODE_TYPES[global_id.type_name].load(context, global_id.id)


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global id; null when there is none.")
    async def node(self, info: strawberry.Info[Context, None], id: strawberry.ID) -> Node | None:
        return await _load(info.context, _parse(id, "id"))

    @strawberry.field(
        description=f"Objects by their global ids, in the same order, null where there is "
        f"none; at most {MAX_NODES} ids, one database query per type."
    )
    async def nodes(
        self, info: strawberry.Info[Context, None], ids: list[strawberry.ID]
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise BadInput(f"ids may name at most {MAX_NODES} objects; got {len(ids)}", field="ids")
        parsed = [_parse(value, "ids") for value in ids]
        return list(await asyncio.gather(*(_load(info.context, g) for g in parsed)))
