"""Making user text safe for Lucene's query parser (Neo4j's full-text indexes)."""

from __future__ import annotations

import re

# Characters with a meaning in Lucene's classic query syntax.
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
# Operators are recognised only in upper case; lower-casing makes them plain words.
_OPERATORS = re.compile(r"\b(AND|OR|NOT|TO)\b")


def lucene_literal(text: str) -> str:
    """The words of ``text`` as literal terms: no operator, wildcard or field syntax survives."""
    escaped = _SPECIAL.sub(r"\\\1", text.strip())
    return _OPERATORS.sub(lambda match: match.group(1).lower(), escaped)
