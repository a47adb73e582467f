"""Making user text safe for Lucene's query parser (Neo4j's full-text indexes)."""

from __future__ import annotations

import re

# Lucene refuses a query of more than 1,024 clauses: each term becomes one clause per
# indexed property (two: a claim's text, an assertion's quote), and a term takes at
# least one character, so a search of this many characters always fits.
MAX_SEARCH_LENGTH = 500

# Characters with a meaning in Lucene's classic query syntax.
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
# Operators are recognised only in upper case; lower-casing makes them plain words.
_OPERATORS = re.compile(r"\b(AND|OR|NOT|TO)\b")


def lucene_literal(text: str) -> str:
    """The words of ``text`` as literal terms: no operator, wildcard or field syntax survives."""
    escaped = _SPECIAL.sub(r"\\\1", text.strip())
    return _OPERATORS.sub(lambda match: match.group(1).lower(), escaped)
