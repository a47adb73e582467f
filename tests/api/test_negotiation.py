"""Choosing an export's media type from the Accept header."""

from __future__ import annotations

import pytest

from claimtrace.api.negotiation import choose

OFFERED = ("application/ld+json", "text/turtle", "application/json")


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "application/ld+json"),
        ("*/*", "application/ld+json"),
        ("text/turtle", "text/turtle"),
        ("text/*", "text/turtle"),
        ("application/json, text/turtle;q=0.9", "application/json"),
        ("application/*;q=0.5, text/turtle;q=0.4", "application/ld+json"),
        ('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "application/ld+json"),
        ("*/*;q=0.1, application/json", "application/json"),
        ("text/html", None),
        ("text/turtle;q=0", None),
    ],
)
def test_the_best_offered_type_or_none(accept: str | None, chosen: str | None) -> None:
    assert choose(accept, OFFERED) == chosen
