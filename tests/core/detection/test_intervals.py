"""Quantities read as intervals, and what a quantity measures."""

from __future__ import annotations

import math

import pytest

from claimtrace.core.detection.intervals import Interval, interval_of
from claimtrace.core.detection.measures import measure_of
from claimtrace.core.vocabulary import Qualifier, Quantity


def q(value: float, qualifier: str, unit: str = "US troops killed") -> Quantity:
    return Quantity(value, unit, Qualifier(qualifier))


@pytest.mark.parametrize(
    ("quantity", "shown"),
    [
        (q(196, "AT_LEAST"), "[196, inf)"),
        (q(80, "MORE_THAN"), "(80, inf)"),
        (q(110, "ABOUT"), "[99, 121]"),
        (q(1, "EXACTLY"), "[1, 1]"),
        (q(12, "AT_MOST"), "(-inf, 12]"),
        (q(30, "FEWER_THAN"), "(-inf, 30)"),
        (q(2.5, "EXACTLY"), "[2.5, 2.5]"),
    ],
)
def test_each_qualifier_reads_as_its_interval(quantity: Quantity, shown: str) -> None:
    assert str(interval_of(quantity)) == shown


def test_disjoint_at_an_open_end_but_not_at_a_closed_one() -> None:
    assert interval_of(q(5, "MORE_THAN")).disjoint(interval_of(q(5, "EXACTLY")))
    assert not interval_of(q(5, "AT_LEAST")).disjoint(interval_of(q(5, "EXACTLY")))
    assert interval_of(q(5, "FEWER_THAN")).disjoint(interval_of(q(5, "AT_LEAST")))
    assert not interval_of(q(100, "ABOUT")).disjoint(interval_of(q(110, "EXACTLY")))
    assert interval_of(q(100, "ABOUT")).disjoint(interval_of(q(111, "EXACTLY")))


def test_gap_between_disjoint_intervals() -> None:
    low, high = Interval(1, 1), Interval(196, math.inf, high_closed=False)
    assert low.gap(high) == high.gap(low) == 195


def test_the_amount_and_its_qualifier_leave_the_measure() -> None:
    one = measure_of("EFPs killed at least 196 US troops in Iraq.", q(196, "AT_LEAST"))
    other = measure_of("EFPs killed 150 US troops in Iraq.", q(150, "EXACTLY"))
    assert one == other
    assert one.frame == "efps killed us troops in iraq"
    assert one.key == other.key


def test_other_numbers_stay_in_the_measure() -> None:
    """Only the stated amount is taken out: the dates still tell two events apart."""
    one = measure_of("A drone attack on 28 January 2024 killed 3 US troops.", q(3, "EXACTLY"))
    other = measure_of("A drone attack on 29 January 2024 killed 5 US troops.", q(5, "EXACTLY"))
    assert one != other


def test_an_amount_written_as_words_is_found_or_nothing_is_taken_out() -> None:
    assert measure_of("It killed nine Iraqis.", q(9, "EXACTLY", "Iraqis killed")).frame == (
        "it killed iraqis"
    )
    dozen = measure_of("Iran fired more than a dozen missiles.", q(12, "MORE_THAN", "missiles"))
    assert dozen.frame == "iran fired more than a dozen missiles"


def test_unit_case_and_spacing_do_not_matter_but_its_words_do() -> None:
    text = "EFPs killed 3 US troops."
    assert measure_of(text, q(3, "EXACTLY", "US  troops killed")) == measure_of(
        text, q(3, "EXACTLY", "us troops killed")
    )
    assert measure_of(text, q(3, "EXACTLY", "US troops wounded")) != measure_of(
        text, q(3, "EXACTLY", "US troops killed")
    )
