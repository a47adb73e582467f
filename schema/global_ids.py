"""Relay's object identification: the Node interface and its global ids.

Every entity keeps its readable ``id`` (``claim-efp-196-killed``), which is unique
among objects of its type only, and which every argument and input takes. Its
``globalId`` is unique across types, because it carries the type: the base64 of
``<Type>:<readable id>``, as Relay's reference implementation encodes it. It is
stable as long as the type and the readable id are, and is meant to be opaque:
clients pass it to ``node(id:)`` and ``nodes(ids:)``, never take it apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import strawberry
from strawberry.relay import from_base64, to_base64
from strawberry.types.base import get_object_definition

from claimtrace.core.errors import BadInput
from claimtrace.core.validation import ID_PATTERN

# Longer than any global id of a valid readable id: refused before decoding.
MAX_GLOBAL_ID_LENGTH = 400


@strawberry.interface(
    description="An object with a global id, found again by node(id:) (Relay's Node; "
    "its id field for Relay is globalId)."
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="The readable id, unique among objects of this type: what every id "
        "argument and input but node's and nodes' takes."
    )

    @strawberry.field(
        description="Opaque, stable, and unique across types: what node(id:) and nodes(ids:) take."
    )
    def global_id(self) -> strawberry.ID:
        return strawberry.ID(to_base64(get_object_definition(self, strict=True).name, self.id))


@dataclass(frozen=True)
class GlobalId:
    type_name: str
    id: str


def parse_global_id(value: str, field: str) -> GlobalId:
    """A global id from this API, taken apart; BAD_USER_INPUT naming ``field`` otherwise.
    Whether its type exists is for the caller to say."""
    refusal = BadInput(f"{field} is not a global id from this API", field=field)
    if len(value) > MAX_GLOBAL_ID_LENGTH:
        raise refusal
    try:
        type_name, readable = from_base64(value)
    except ValueError:
        raise refusal from None
    if not type_name.isidentifier() or not ID_PATTERN.fullmatch(readable):
        raise refusal
    return GlobalId(type_name, readable)
