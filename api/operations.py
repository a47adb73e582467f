"""What an operation asks for at its root: which fields, and how many of the costly reads.

Fields are counted as execution counts them, by response key: ``a: f`` and ``b: f``
are two, ``f f`` is one. Fragments at the root are followed (each once).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
)

# The reads that cost the most per request: a comparison of up to ten people, counts over
# every claim a filter matches, and a full-text search (whose common words match many).
ALWAYS_EXPENSIVE = frozenset({"comparePositions", "claimFacets"})
SEARCHING = "claims"


def root_fields(document: DocumentNode, operation: OperationDefinitionNode) -> dict[str, FieldNode]:
    """The operation's root fields by response key, introspection fields left out."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    found: dict[str, FieldNode] = {}
    followed: set[str] = set()

    def collect(selections: SelectionSetNode) -> None:
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                key = (selection.alias or selection.name).value
                if not selection.name.value.startswith("__"):
                    found.setdefault(key, selection)
            elif isinstance(selection, InlineFragmentNode):
                collect(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in followed:
                    followed.add(name)
                    collect(fragments[name].selection_set)

    collect(operation.selection_set)
    return found


def expensive_reads(fields: Mapping[str, FieldNode], variables: Mapping[str, Any]) -> int:
    """How many of the root fields are comparisons or full-text searches."""
    return sum(
        1
        for field in fields.values()
        if field.name.value in ALWAYS_EXPENSIVE
        or (field.name.value == SEARCHING and _searches(field, variables))
    )


def _searches(field: FieldNode, variables: Mapping[str, Any]) -> bool:
    """Whether a ``claims`` field's filter has a ``search``, literal or in a variable."""
    value = next((a.value for a in field.arguments or () if a.name.value == "filter"), None)
    if isinstance(value, VariableNode):
        given = variables.get(value.name.value)
        return isinstance(given, dict) and given.get("search") is not None
    if isinstance(value, ObjectValueNode):
        search = next((f.value for f in value.fields if f.name.value == "search"), None)
        return search is not None and _given(search, variables)
    return False


def _given(value: ValueNode, variables: Mapping[str, Any]) -> bool:
    if isinstance(value, VariableNode):
        return variables.get(value.name.value) is not None
    return not isinstance(value, NullValueNode)
