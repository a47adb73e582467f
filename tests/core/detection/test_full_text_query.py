"""The words of a claim, sent to the full-text index to find claims like it."""

from __future__ import annotations

from claimtrace.core.store.detection import QUERY_WORDS, full_text_query


def test_words_are_distinct_lower_case_and_common_ones_left_out() -> None:
    # Each word a quoted term of the claims' field: an operator or a wildcard would be a
    # plain word to Lucene, and assertions' quotes are not searched.
    query = full_text_query("Iran AND Iraq: Iran's OR (NOT) the iran* Missiles")
    assert query == 'text:"iran" text:"iraq" text:"s" text:"missiles"'


def test_a_text_without_words_asks_nothing() -> None:
    assert full_text_query("— … !") == ""


def test_a_long_text_sends_a_bounded_number_of_words() -> None:
    text = " ".join(f"word{i}" for i in range(1000))
    assert len(full_text_query(text).split()) == QUERY_WORDS
