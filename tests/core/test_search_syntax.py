"""The search syntax: words required, phrases, -exclusions, OR; Lucene's own syntax escaped."""

from __future__ import annotations

import pytest

from claimtrace.core.errors import BadInput
from claimtrace.core.search import MAX_SEARCH_LENGTH, parse_search
from claimtrace.core.snippets import SNIPPET_LENGTH, Highlight, highlights, snippet


def lucene(text: str) -> str:
    return parse_search(text).lucene()


def test_every_word_is_required() -> None:
    assert lucene("EFPs killed troops") == '+"EFPs" +"killed" +"troops"'


def test_a_quoted_phrase_stays_one_phrase() -> None:
    assert lucene('"at least 196" troops') == '+"at least 196" +"troops"'


def test_exclusions_and_or() -> None:
    assert lucene('Iran OR Iraq -Syria -"oil price"') == ('+("Iran" "Iraq") -"Syria" -"oil price"')
    assert lucene('a OR "b c" OR d e') == '+("a" "b c" "d") +"e"'


def test_lower_case_or_is_a_word_and_a_leading_or_is_dropped() -> None:
    assert lucene("war or peace") == '+"war" +"or" +"peace"'
    assert lucene("OR war") == '+"war"'


@pytest.mark.parametrize(
    "text",
    ["title:x*", "a AND b", "NOT x", "x~2", "x^10", "(a b)", "[a TO b]", "a && b", "a\\b", "/re/"],
)
def test_lucene_syntax_is_escaped_inside_quoted_terms(text: str) -> None:
    query = lucene(text)
    for clause in query.split(" +"):
        body = clause.lstrip("+")
        assert body.startswith('"'), query
        assert body.endswith('"'), query
        inner = body[1:-1]
        # Every special character inside is escaped by a backslash.
        unescaped = inner.replace("\\\\", "").replace('\\"', "")
        assert '"' not in unescaped, query


def test_a_search_that_asks_for_nothing_is_refused() -> None:
    for text in ["   ", "-war", '""', "OR", "- -", "!!!"]:
        with pytest.raises(BadInput) as refused:
            parse_search(text)
        assert refused.value.extensions == {"code": "BAD_USER_INPUT", "field": "filter.search"}


def test_an_over_long_search_is_refused() -> None:
    with pytest.raises(BadInput):
        parse_search("a" * (MAX_SEARCH_LENGTH + 1))


def test_phrases_are_highlighted_in_code_points() -> None:
    text = "Ça dit: reports say that the EFPs killed at least 196 US troops."
    query = parse_search('"at least 196" efps -iran')
    marks = highlights(text, query.phrases)
    assert [text[m.start : m.end] for m in marks] == ["EFPs", "at least 196"]
    assert marks[0] == Highlight(text.index("EFPs"), text.index("EFPs") + 4)


def test_overlapping_or_adjacent_highlights_merge() -> None:
    marks = highlights("US troops in Iraq", parse_search('"US troops" "troops in"').phrases)
    assert marks == (Highlight(0, 12),)
    marks = highlights("US troops, in Iraq", parse_search("US troops in Iraq").phrases)
    assert marks == (Highlight(0, 9), Highlight(11, 18))


def test_a_long_text_is_cut_around_its_first_highlight() -> None:
    text = "word " * 200 + "needle " + "word " * 200
    cut = snippet(text, parse_search("needle").phrases)
    assert len(cut.text) == SNIPPET_LENGTH
    [mark] = cut.highlights
    assert text[mark.start : mark.end] == "needle"
    assert cut.text[mark.start - cut.start : mark.end - cut.start] == "needle"
