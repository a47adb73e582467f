"""Every string a client sends is valid Unicode and within a documented length.

A ``String`` argument or input field declares its maximum with ``text_field`` or
``text_argument``, which also write it into the description; every ``ID`` is
bounded by the core's id rule. ``InputBounds`` checks an operation's arguments
(literals, variables and variable defaults alike) before anything executes, and
refuses the first offending value with BAD_USER_INPUT naming its argument. A lone
surrogate (``"x\\ud800"``) could otherwise reach the driver, which cannot encode it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import strawberry
from graphql import (
    ArgumentNode,
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    visit,
)
from graphql.execution import ExecutionResult
from graphql.language.visitor import BREAK, VisitorAction
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension
from strawberry.types.arguments import StrawberryArgumentAnnotation

from claimtrace.core.errors import BadInput
from claimtrace.core.validation import MAX_ID_LENGTH

MAX_LENGTH = "claimtrace.max_length"  # where a field or argument keeps its maximum
BACKREF = "strawberry-definition"  # where graphql-core types keep Strawberry's definition

# The maxima, in characters. Generous for what people write; tight for what is matched
# against every node (the *Contains filters), where length is cost.
SHORT_TEXT = 100  # kinds, languages, genres, confidence levels, units
DATE_TEXT = 32  # 2020, 2020-03-11, 2021-07-08T10:00
CONTAINS_TEXT = 200  # nameContains, titleContains
TITLE_TEXT = 1_000
URL_TEXT = 2_048
CURSOR_TEXT = 4_000
LONG_TEXT = 10_000  # a claim's text, a quote, a note, a reason
SOURCE_TEXT = 1_000_000  # a whole document (as large as a request body may be)


def _described(description: str | None, max_length: int) -> str:
    bound = f"At most {max_length:,} characters."
    if not description:
        return bound
    return f"{description}{'' if description.endswith('.') else '.'} {bound}"


def text_field(max_length: int, description: str | None = None, **field: Any) -> Any:
    """An input field of type String, at most ``max_length`` characters."""
    return strawberry.field(
        description=_described(description, max_length),
        metadata={MAX_LENGTH: max_length},
        **field,
    )


def text_argument(max_length: int, description: str | None = None) -> StrawberryArgumentAnnotation:
    """A String argument (in ``Annotated[str, ...]``), at most ``max_length`` characters."""
    return strawberry.argument(
        description=_described(description, max_length), metadata={MAX_LENGTH: max_length}
    )


def declared_max_length(definition: GraphQLArgument | GraphQLInputField) -> int | None:
    """The maximum a String argument or input field declares (None if it declares none)."""
    strawberry_definition = (definition.extensions or {}).get(BACKREF)
    metadata = getattr(strawberry_definition, "metadata", None) or {}
    limit = metadata.get(MAX_LENGTH)
    return limit if isinstance(limit, int) else None


class InputBounds(SchemaExtension):
    """Refuses a valid operation whose strings are unencodable or too long, before it runs.

    Another extension may have refused the operation already (it set a result):
    then there is nothing to check.
    """

    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        document = execution.graphql_document
        if execution.result is None and document is not None:
            problem = input_problem(
                execution.schema._schema, document, execution.operation_name, execution.variables
            )
            if problem is not None:
                error = GraphQLError(problem.message, extensions=problem.extensions)
                execution.result = ExecutionResult(data=None, errors=[error])
        yield


def input_problem(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> BadInput | None:
    """The first string argument of the operation that is unencodable or too long."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None
    checker = _StringChecker(operation, variables or {})
    fragments = [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
    for node in [operation, *fragments]:
        type_info = TypeInfo(schema)
        visit(node, TypeInfoVisitor(type_info, checker.visitor(type_info)))
        if checker.problem is not None:
            return checker.problem
    return None


def _bare(kind: GraphQLInputType) -> GraphQLInputType:
    return kind.of_type if isinstance(kind, GraphQLNonNull) else kind


class _StringChecker:
    """Walks argument values along their declared types, noting the first bad string."""

    def __init__(self, operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> None:
        self.variables = variables
        self.definitions: dict[str, VariableDefinitionNode] = {
            d.variable.name.value: d for d in operation.variable_definitions or ()
        }
        self.problem: BadInput | None = None

    def visitor(self, type_info: TypeInfo) -> Visitor:
        checker = self

        class ArgumentVisitor(Visitor):
            def enter_argument(self, node: ArgumentNode, *_: Any) -> VisitorAction:
                argument = type_info.get_argument()
                if argument is not None:
                    limit = declared_max_length(argument)
                    checker.literal(node.value, argument.type, node.name.value, limit)
                return BREAK if checker.problem is not None else None

        return ArgumentVisitor()

    def literal(
        self, node: ValueNode, kind: GraphQLInputType, path: str, limit: int | None
    ) -> None:
        kind = _bare(kind)
        if isinstance(node, VariableNode):
            self.variable(node.name.value, kind, path, limit)
        elif isinstance(kind, GraphQLList):
            items = node.values if isinstance(node, ListValueNode) else (node,)
            for item in items:
                self.literal(item, kind.of_type, path, limit)
        elif isinstance(kind, GraphQLInputObjectType) and isinstance(node, ObjectValueNode):
            for field_node in node.fields:
                field = kind.fields.get(field_node.name.value)
                if field is not None:
                    name = f"{path}.{field_node.name.value}"
                    self.literal(field_node.value, field.type, name, declared_max_length(field))
        elif isinstance(kind, GraphQLScalarType) and isinstance(node, StringValueNode):
            self.check(node.value, kind, path, limit)

    def variable(self, name: str, kind: GraphQLInputType, path: str, limit: int | None) -> None:
        if name in self.variables:
            self.value(self.variables[name], kind, path, limit)
        elif (definition := self.definitions.get(name)) and definition.default_value:
            self.literal(definition.default_value, kind, path, limit)

    def value(self, value: Any, kind: GraphQLInputType, path: str, limit: int | None) -> None:
        kind = _bare(kind)
        if isinstance(kind, GraphQLList):
            for item in value if isinstance(value, list) else (value,):
                self.value(item, kind.of_type, path, limit)
        elif isinstance(kind, GraphQLInputObjectType) and isinstance(value, dict):
            for name, item in value.items():
                field = kind.fields.get(name)
                if field is not None:
                    self.value(item, field.type, f"{path}.{name}", declared_max_length(field))
        elif isinstance(kind, GraphQLScalarType) and isinstance(value, str):
            self.check(value, kind, path, limit)

    def check(self, value: str, kind: GraphQLScalarType, path: str, limit: int | None) -> None:
        if self.problem is not None or kind.name not in {"String", "ID"}:
            return
        self.problem = string_problem(value, path, MAX_ID_LENGTH if kind.name == "ID" else limit)


def string_problem(value: str, field: str, limit: int | None) -> BadInput | None:
    """Why ``value`` cannot be taken for ``field`` (None when it can)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return BadInput(
            f"{field} is not valid Unicode text: it holds a lone surrogate at "
            f"position {error.start}",
            field=field,
        )
    if limit is not None and len(value) > limit:
        return BadInput(
            f"{field} may be at most {limit:,} characters; got {len(value):,}", field=field
        )
    return None
