"""What a document expands to once every fragment spread is written out.

Validation walks a document that way (Strawberry's depth and alias limits recurse
through every spread), so a few hundred bytes of fragments spreading each other twice
would take it seconds, or past the interpreter's recursion limit. This measures the
expansion without recursion, each fragment once, before validation starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

# As many fields as a document may have tokens: fragments may be reused, not multiplied.
MAX_EXPANDED_FIELDS = 5_000


@dataclass(frozen=True)
class Expansion:
    """A document with every fragment spread replaced by its fragment."""

    fields: int  # counted no further than the limit given, plus one
    depth: int  # of its deepest selection, each fragment spread on the way counted as a level


@dataclass(frozen=True)
class _Definition:
    fields: int
    depth: int
    spreads: list[tuple[str, int]]  # (fragment, depth of the spread)


def expand(document: DocumentNode, limit: int) -> Expansion:
    """What validation walks: each operation expanded. Computed without recursion and
    each fragment once. Unknown and cyclic spreads count nothing (validation refuses
    them)."""
    own = {
        d.name.value: _definition(d.selection_set)
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    fragments = _expanded_fragments(own, limit)
    fields, depth = 0, 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            expanded = _expanded(_definition(definition.selection_set), fragments, limit)
            fields, depth = min(fields + expanded.fields, limit + 1), max(depth, expanded.depth)
    return Expansion(fields, depth)


def _definition(selection_set: SelectionSetNode) -> _Definition:
    fields, depth, spreads = 0, 0, []
    pending = [(selection_set, 1)]
    while pending:
        selections, level = pending.pop()
        depth = max(depth, level)
        for selection in selections.selections:
            if isinstance(selection, FragmentSpreadNode):
                spreads.append((selection.name.value, level))
                continue
            if isinstance(selection, FieldNode):
                fields += 1
            if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                pending.append((selection.selection_set, level + 1))
    return _Definition(fields, depth, spreads)


def _expanded(definition: _Definition, fragments: Mapping[str, Expansion], limit: int) -> Expansion:
    fields, depth = definition.fields, definition.depth
    for name, level in definition.spreads:
        fragment = fragments.get(name, Expansion(0, 0))
        fields = min(fields + fragment.fields, limit + 1)
        depth = max(depth, level + fragment.depth)  # a spread nests one level too
    return Expansion(fields, depth)


def _expanded_fragments(own: Mapping[str, _Definition], limit: int) -> dict[str, Expansion]:
    """Each fragment expanded, after the fragments it spreads (depth first, with an
    explicit stack); a spread back into the current path counts nothing."""
    done: dict[str, Expansion] = {}
    for start in own:
        stack, on_path = [start], {start}
        while stack:
            name = stack[-1]
            waiting = [
                spread
                for spread, _ in own[name].spreads
                if spread in own and spread not in done and spread not in on_path
            ]
            if waiting:
                stack.append(waiting[0])
                on_path.add(waiting[0])
                continue
            done[name] = _expanded(own[name], done, limit)
            on_path.discard(stack.pop())
    return done
