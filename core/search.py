"""The search syntax users write, translated into Lucene (Neo4j's full-text indexes).

The syntax is small: every word is required; ``"a quoted phrase"`` must appear as
written; ``-word`` or ``-"a phrase"`` must not appear; ``a OR b`` (upper case) needs
either. Nothing else has a meaning: every other character reaches Lucene escaped,
inside a quoted term, so no operator, wildcard, field or boost of Lucene's own syntax
is ever interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrace.core.errors import BadInput

# Lucene refuses a query of more than 1,024 clauses: each term becomes one clause per
# indexed property (two: a claim's text, an assertion's quote), and a term takes at
# least one character, so a search of this many characters always fits.
MAX_SEARCH_LENGTH = 500

# Words as the highlighter sees them (Lucene's standard analyzer splits on the same
# boundaries for the text this corpus holds): letters, digits and joiners.
WORD = re.compile(r"\w+")
# A quoted phrase (its closing quote optional), or a run of anything but spaces and quotes.
_CHUNK = re.compile(r'(-?)"([^"]*)"?|(\S+?)(?=\s|"|$)')
_ESCAPED = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@dataclass(frozen=True)
class Term:
    """One word or phrase of a search, as the words the highlighter looks for."""

    text: str
    excluded: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word.casefold() for word in WORD.findall(self.text))

    def lucene(self) -> str:
        return '"' + _ESCAPED.sub(r"\\\1", self.text) + '"'


@dataclass(frozen=True)
class SearchQuery:
    """What to find: groups that must all match (each one of its terms), and terms
    that must not."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    def lucene(self) -> str:
        clauses = [
            "+" + (group[0].lucene() if len(group) == 1 else _either(group))
            for group in self.required
        ]
        clauses += ["-" + term.lucene() for term in self.excluded]
        return " ".join(clauses)

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The word sequences a match may show, to highlight them."""
        return tuple(term.words for group in self.required for term in group if term.words)

    def normalized(self) -> str:
        """The same search written one way (for telling cursors of other searches apart)."""
        return self.lucene()


def _either(group: tuple[Term, ...]) -> str:
    return "(" + " ".join(term.lucene() for term in group) + ")"


def parse_search(text: str, field: str = "filter.search") -> SearchQuery:
    """``text`` in the search syntax, or BAD_USER_INPUT when it asks for nothing."""
    if len(text) > MAX_SEARCH_LENGTH:
        raise BadInput(f"search must be at most {MAX_SEARCH_LENGTH} characters", field=field)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False
    for term, is_or in _terms(text):
        if is_or:
            joining = bool(groups)
            continue
        if term.excluded:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if not groups:
        raise BadInput("search must contain at least one word to find", field=field)
    return SearchQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _terms(text: str) -> list[tuple[Term, bool]]:
    """Each term with whether it is the OR operator; terms without a word are dropped."""
    found: list[tuple[Term, bool]] = []
    for match in _CHUNK.finditer(text):
        negation, phrase, bare = match.groups()
        if bare == "OR":
            found.append((Term(bare), True))
            continue
        if phrase is not None:
            term = Term(phrase.strip(), excluded=bool(negation))
        elif bare.startswith("-") and len(bare) > 1:
            term = Term(bare[1:], excluded=True)
        else:
            term = Term(bare)
        if term.words:
            found.append((term, False))
    return found
