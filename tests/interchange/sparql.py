"""SPARQL answers as plain Python values (rdflib's result rows are loosely typed)."""

from __future__ import annotations

from typing import Any

import rdflib


def rows(graph: rdflib.Graph, query: str) -> list[tuple[Any, ...]]:
    """Each row of a SELECT, its terms as Python values (None where unbound)."""
    result = graph.query(query)
    return [
        tuple(None if term is None else term.toPython() for term in row)  # type: ignore[union-attr]
        for row in result
    ]


def ask(graph: rdflib.Graph, query: str) -> bool:
    return bool(graph.query(query).askAnswer)
