"""What an operation selected under a field, read from Strawberry's view of the
document: fragments and inline fragments are looked through, and a field counts as
selected even under @skip or @include (asking for too much is only slower)."""

from __future__ import annotations

from collections.abc import Iterable

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from claimtrace.core.store.provenance import ProvenanceParts


def fields(selections: Iterable[Selection]) -> dict[str, list[SelectedField]]:
    """The fields selected directly under these selections, by name (aliases merged)."""
    found: dict[str, list[SelectedField]] = {}
    pending = list(selections)
    while pending:
        selection = pending.pop()
        if isinstance(selection, FragmentSpread | InlineFragment):
            pending += selection.selections
        else:
            found.setdefault(selection.name, []).append(selection)
    return found


def under(selected: dict[str, list[SelectedField]], *names: str) -> dict[str, list[SelectedField]]:
    """The fields selected under any of ``names``."""
    return fields(s for name in names for field in selected.get(name, []) for s in field.selections)


def provenance_parts(provenance: Iterable[Selection]) -> ProvenanceParts:
    """The parts of a provenance that the ``provenance`` field's selections read (one
    node per time the field appears under its response key)."""
    top = fields(s for node in provenance for s in node.selections)
    assertion = under(top, "assertions", "firstAppearance")
    source = under(assertion, "source")
    conflict = under(top, "conflicts")
    return ProvenanceParts(
        affiliations="speakerAffiliations" in assertion,
        citation_chains="citationChain" in assertion,
        source_links=bool(source.keys() & {"publisher", "authors", "republishes"}),
        independent_sources="independentSourceCount" in top,
        refinements="independentSourceCountWithRefinements" in top,
        conflicts="conflicts" in top,
        conflict_sides="otherSide" in conflict,
    )
