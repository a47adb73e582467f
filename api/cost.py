"""What one GraphQL operation costs, estimated before any resolver runs.

The estimate counts the values an answer can hold: every field of every object it
returns, each list field multiplied by a bound on its length. That bound is the
field's own: ``first`` for a connection's ``edges``, the number of ids sent for a
field that answers one item per id (``personIds`` bounds a comparison's people and
each row's positions, and its pairs are n(n-1)/2), the schema's real average for
introspection lists; a list with no bound of its own is assumed to hold
``DEFAULT_LIST_BOUND`` items. Fields are gathered as execution gathers them
(graphql-core's own field collection: fragments, type conditions, @skip and
@include, same-named fields merged), with the request's variables; of an interface,
the costliest implementation counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_enum_type,
    is_input_object_type,
    is_interface_type,
    is_list_type,
    is_object_type,
)
from graphql.execution import VariableValues, get_argument_values, get_variable_values
from graphql.execution.collect_fields import (
    FieldDetailsList,
    FragmentDetails,
    collect_fields,
    collect_subfields,
)
from graphql.utilities import get_operation_ast

from claimtrace.core.store.pages import MAX_PAGE
from claimtrace.schema.comparison import MAX_PEOPLE

# What a list without a bound of its own is assumed to hold at most: above what the data
# model gives in practice (a claim has a handful of assertions, a person a few roles).
LIST_BOUNDS = {
    "Provenance.assertions": 20,
    "Provenance.conflicts": 10,
    "Query.conflicts": 10,
    "Conflict.thisSide": 20,
    "Conflict.otherSide": 20,
    "Assertion.citationChain": 5,
    "Assertion.speakerAffiliations": 5,
    "Person.affiliations": 5,
    "Person.aliases": 5,
    "Source.authors": 5,
    "Claim.topics": 5,
    "PositionComparison.rows": 100,
    "PairComparison.agreements": 20,
    "PairComparison.disagreements": 20,
    "PairComparison.onlyFirst": 20,
    "PairComparison.onlySecond": 20,
    "Query.topics": 50,
    "ClaimFacets.facets": 7,
    "Facet.buckets": 100,
}
DEFAULT_LIST_BOUND = 20
# Leaf fields that cost more than one value: a source's text can be a megabyte.
LEAF_WEIGHTS = {"Source.text": 1000}


@dataclass(frozen=True)
class Estimate:
    cost: int
    complete: bool  # False when counting stopped once past the budget: cost is a lower bound


class _OverBudget(Exception):
    pass


def estimate_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    budget: int,
) -> Estimate | None:
    """The operation's cost; None when execution would not start (no such operation,
    or variables that do not fit their types), since then nothing is resolved."""
    operation = get_operation_ast(document, operation_name)
    root = schema.get_root_type(operation.operation) if operation else None
    if operation is None or root is None:
        return None
    values = get_variable_values(
        schema, operation.variable_definitions or (), dict(variables or {}), max_errors=1
    )
    if isinstance(values, list):
        return None
    counter = _Counter(schema, document, operation, values, budget)
    try:
        return Estimate(counter.root_cost(root), complete=True)
    except _OverBudget:
        return Estimate(counter.visited, complete=False)
    except RecursionError:  # selections nested deeper than the interpreter recurses
        return Estimate(budget + 1, complete=False)


@dataclass(frozen=True)
class _Scope:
    """What a field's ancestors' arguments say about its lists' lengths."""

    first: int | None = None  # a connection's page size
    people: int = 0  # the people compared


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: VariableValues,
        budget: int,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.variables = variables
        self.budget = budget
        self.fragments = {
            definition.name.value: FragmentDetails(definition)
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self.introspection = introspection_bounds(schema)
        self.visited = 0  # every field visited adds at least 1 to the cost
        # The same fields (from one fragment, say) under the same scope cost the same.
        self.known: dict[tuple[str, tuple[int, ...], _Scope], int] = {}

    def root_cost(self, root: GraphQLObjectType) -> int:
        fields = collect_fields(self.schema, self.fragments, self.variables, root, self.operation)
        return self._fields_cost(root, fields.grouped_field_set.values(), _Scope())

    def _fields_cost(
        self, parent: GraphQLObjectType, groups: Iterable[FieldDetailsList], scope: _Scope
    ) -> int:
        return sum(self._field_cost(parent, details, scope) for details in groups)

    def _field_cost(
        self, parent: GraphQLObjectType, details: FieldDetailsList, scope: _Scope
    ) -> int:
        key = (parent.name, tuple(id(detail.node) for detail in details), scope)
        if key not in self.known:
            self.visited += 1
            if self.visited > self.budget:
                raise _OverBudget
            self.known[key] = self._new_field_cost(parent, details, scope)
        return self.known[key]

    def _new_field_cost(
        self, parent: GraphQLObjectType, details: FieldDetailsList, scope: _Scope
    ) -> int:
        node = details[0].node
        definition = self.schema.get_field(parent, node.name.value)
        if definition is None:
            return 1
        try:
            args = get_argument_values(
                definition, node, self.variables, details[0].fragment_variable_values
            )
        except GraphQLError:
            return 1  # the field is refused with this error, and not resolved
        scope = _narrowed(scope, args)
        output = get_nullable_type(definition.type)
        items = self._list_bound(parent, node, args, scope) if is_list_type(output) else 1
        named = get_named_type(output)
        if is_object_type(named):
            runtime_types = [named]
        elif is_abstract_type(named):
            runtime_types = list(self.schema.get_possible_types(named))
        else:
            return items * LEAF_WEIGHTS.get(f"{parent.name}.{node.name.value}", 1)
        subfields = max(
            self._fields_cost(
                runtime,
                collect_subfields(
                    self.schema, self.fragments, self.variables, self.operation, runtime, details
                ).grouped_field_set.values(),
                scope,
            )
            for runtime in runtime_types
        )
        return items * (1 + subfields)

    def _list_bound(
        self, parent: GraphQLObjectType, node: FieldNode, args: Mapping[str, Any], scope: _Scope
    ) -> int:
        name = f"{parent.name}.{node.name.value}"
        if name in self.introspection:
            return self.introspection[name]
        per_id = [len(value) for value in args.values() if isinstance(value, list)]
        if per_id:  # one item per id sent
            return max(1, *per_id)
        if name in ("PositionComparison.people", "PositionRow.positions"):
            return max(1, scope.people)
        if name == "PositionComparison.pairs":
            return max(1, scope.people * (scope.people - 1) // 2)
        if node.name.value == "edges" and parent.name.endswith("Connection"):
            return max(1, min(scope.first or DEFAULT_LIST_BOUND, MAX_PAGE))
        return LIST_BOUNDS.get(name, DEFAULT_LIST_BOUND)


def _narrowed(scope: _Scope, args: Mapping[str, Any]) -> _Scope:
    """The scope below a field with these arguments (a resolver refuses more than
    MAX_PAGE items or MAX_PEOPLE people, so no more are counted)."""
    first, people = args.get("first"), args.get("personIds")
    return _Scope(
        first=first if isinstance(first, int) else scope.first,
        people=min(len(people), MAX_PEOPLE) if isinstance(people, list) else scope.people,
    )


_INTROSPECTION_CACHE: dict[int, dict[str, int]] = {}


def introspection_bounds(schema: GraphQLSchema) -> dict[str, int]:
    """The average length of each introspection list in this schema, rounded up: over
    all types (a scalar's null ``fields`` counts as empty), all fields, all directives.
    So the estimate of a whole-schema introspection is about its real size."""
    cached = _INTROSPECTION_CACHE.get(id(schema))
    if cached is not None:
        return cached
    types = list(schema.type_map.values())
    fields = [
        f for t in types if is_object_type(t) or is_interface_type(t) for f in t.fields.values()
    ]
    directives = list(schema.directives)
    per_type = {
        "fields": [
            len(t.fields) if is_object_type(t) or is_interface_type(t) else 0 for t in types
        ],
        "inputFields": [len(t.fields) if is_input_object_type(t) else 0 for t in types],
        "enumValues": [len(t.values) if is_enum_type(t) else 0 for t in types],
        "interfaces": [len(getattr(t, "interfaces", ())) for t in types],
        "possibleTypes": [
            len(schema.get_possible_types(t)) if is_abstract_type(t) else 0 for t in types
        ],
    }
    bounds = {f"__Type.{name}": _mean(lengths) for name, lengths in per_type.items()}
    bounds |= {
        "__Schema.types": len(types),
        "__Schema.directives": len(directives),
        "__Field.args": _mean([len(f.args) for f in fields]),
        "__Directive.args": _mean([len(d.args) for d in directives]),
        "__Directive.locations": _mean([len(d.locations) for d in directives]),
    }
    _INTROSPECTION_CACHE[id(schema)] = bounds
    return bounds


def _mean(lengths: list[int]) -> int:
    return max(1, math.ceil(sum(lengths) / len(lengths))) if lengths else 1
