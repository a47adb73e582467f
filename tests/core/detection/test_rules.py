"""Each detection rule, with cases that must fire and cases that must not."""

from __future__ import annotations

import json
from dataclasses import replace

from claimtrace.core.detection.rules import (
    LIKELY_SAME_THRESHOLD,
    STANCE_THRESHOLD,
    Position,
    QuantityClaim,
    likely_same,
    numeric,
    opposite_stance,
    revision,
)
from claimtrace.core.vocabulary import (
    AssertedDate,
    CandidateKind,
    DateBasis,
    Hedge,
    PartialDate,
    Qualifier,
    Quantity,
    Stance,
)

EFP = "Explosively formed penetrators supplied by Iran killed {} US troops in Iraq."


def claim(id: str, amount: str, value: float, qualifier: str, text: str = EFP) -> QuantityClaim:
    return QuantityClaim(
        id, text.format(amount), Quantity(value, "US troops killed", Qualifier(qualifier))
    )


def stated(date: str) -> AssertedDate:
    parsed = PartialDate.parse(date)
    assert parsed is not None
    return AssertedDate.known(DateBasis.STATED, parsed)


def position(
    assertion: str, speaker: str, stance: Stance, date: str = "2020-03", **kw: object
) -> Position:
    values: dict[str, object] = {
        "assertion": assertion, "claim": "claim-deterred",
        "claim_text": "The strike deterred Iran.",
        "speaker": speaker, "speaker_name": speaker.title(), "stance": stance,
        "hedge": Hedge.CERTAIN, "quote": f"{speaker} said so", "asserted": stated(date),
    } | kw  # fmt: skip
    return Position(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- NUMERIC


def test_numeric_fires_on_the_same_measure_with_values_that_cannot_both_hold() -> None:
    found = numeric(
        claim("claim-b", "at least 196", 196, "AT_LEAST"), claim("claim-a", "150", 150, "EXACTLY")
    )
    assert found is not None
    assert (found.kind, found.first_claim, found.second_claim) == (
        CandidateKind.NUMERIC, "claim-a", "claim-b",
    )  # fmt: skip
    assert found.evidence["firstInterval"] == "[150, 150]"
    assert found.evidence["secondInterval"] == "[196, inf)"
    assert "[150, 150]" in found.explanation
    assert "[196, inf)" in found.explanation
    assert found.score > found.threshold


def test_numeric_reads_about_with_its_tolerance() -> None:
    about = claim("claim-a", "about 110", 110, "ABOUT")
    assert numeric(about, claim("claim-b", "118", 118, "EXACTLY")) is None
    assert numeric(about, claim("claim-b", "125", 125, "EXACTLY")) is not None


def test_numeric_does_not_fire_when_the_values_can_both_hold() -> None:
    assert (
        numeric(claim("a", "at least 196", 196, "AT_LEAST"), claim("b", "250", 250, "EXACTLY"))
        is None
    )
    assert (
        numeric(
            claim("a", "at least 196", 196, "AT_LEAST"),
            claim("b", "more than 100", 100, "MORE_THAN"),
        )
        is None
    )


def test_numeric_does_not_fire_across_measures() -> None:
    other_unit = QuantityClaim(
        "b", EFP.format("150"), Quantity(150, "US troops wounded", Qualifier.EXACTLY)
    )
    assert numeric(claim("a", "3", 3, "EXACTLY"), other_unit) is None
    other_event = claim("b", "150", 150, "EXACTLY", text="Rockets killed {} US troops in Syria.")
    assert numeric(claim("a", "3", 3, "EXACTLY"), other_event) is None


def test_numeric_never_pairs_a_claim_with_itself() -> None:
    one = claim("a", "3", 3, "EXACTLY")
    assert numeric(one, one) is None


# ---------------------------------------------------------------------------- OPPOSITE_STANCE


def test_opposite_stance_fires_for_two_speakers_on_one_claim() -> None:
    found = opposite_stance(
        position("a2", "slavin", Stance.REFUTES), position("a1", "hof", Stance.SUPPORTS)
    )
    assert found is not None
    assert (found.first_assertion, found.second_assertion) == ("a1", "a2")
    assert found.first_claim == found.second_claim == "claim-deterred"
    assert found.pair == ("claim-deterred", "hof", "slavin")
    assert found.explanation.startswith(
        'Hof supports and Slavin refutes "The strike deterred Iran."'
    )
    assert "hof said so" in found.explanation
    assert "slavin said so" in found.explanation


def test_opposite_stance_does_not_fire_for_agreement_undecided_one_speaker_or_two_claims() -> None:
    hof = position("a1", "hof", Stance.SUPPORTS)
    assert opposite_stance(hof, position("a2", "slavin", Stance.SUPPORTS)) is None
    assert opposite_stance(hof, position("a2", "slavin", Stance.UNDECIDED)) is None
    assert opposite_stance(hof, position("a2", "hof", Stance.REFUTES, "2021")) is None
    assert (
        opposite_stance(hof, position("a2", "slavin", Stance.REFUTES, claim="claim-other")) is None
    )


def test_a_merely_possible_stance_is_below_the_threshold() -> None:
    hof = position("a1", "hof", Stance.SUPPORTS)
    likely = opposite_stance(hof, position("a2", "slavin", Stance.REFUTES, hedge=Hedge.LIKELY))
    assert likely is not None
    assert likely.score == 0.7
    assert likely.threshold == STANCE_THRESHOLD
    assert (
        opposite_stance(hof, position("a2", "slavin", Stance.REFUTES, hedge=Hedge.POSSIBLE)) is None
    )


# ---------------------------------------------------------------------------- REVISION


def test_revision_fires_when_one_speaker_turns_around_later() -> None:
    later = position("a2", "hof", Stance.REFUTES, "2021-06-01", quote="It did not deter Iran.")
    found = revision(later, position("a1", "hof", Stance.SUPPORTS, "2020-03"))
    assert found is not None
    assert (found.first_assertion, found.second_assertion) == ("a1", "a2")
    assert "in 2020-03" in found.explanation
    assert "in 2021-06-01" in found.explanation
    assert "It did not deter Iran." in found.explanation
    assert "hof said so" in found.explanation
    evidence = json.loads(json.dumps(found.evidence))
    assert evidence["first"]["date"] == "2020-03"
    assert evidence["second"]["date"] == "2021-06-01"


def test_revision_across_claims_linked_as_conflicting() -> None:
    first = position("a1", "hof", Stance.SUPPORTS, "2020")
    second = position("a2", "hof", Stance.SUPPORTS, "2022", claim="claim-undeterred")
    found = revision(first, second, claims_conflict=True)
    assert found is not None
    assert (found.first_claim, found.second_claim) == ("claim-deterred", "claim-undeterred")
    assert revision(first, second, claims_conflict=False) is None


def test_revision_needs_dates_that_cannot_overlap() -> None:
    support = position("a1", "hof", Stance.SUPPORTS, "2020")
    assert revision(support, position("a2", "hof", Stance.REFUTES, "2020-03")) is None
    published = PartialDate.parse("2021")
    assert published is not None
    bounded = AssertedDate.unknown(published)
    assert revision(support, position("a2", "hof", Stance.REFUTES, asserted=bounded)) is None


def test_revision_needs_one_speaker_and_opposite_positions() -> None:
    support = position("a1", "hof", Stance.SUPPORTS, "2020")
    assert revision(support, position("a2", "slavin", Stance.REFUTES, "2022")) is None
    assert revision(support, position("a2", "hof", Stance.SUPPORTS, "2022")) is None
    assert revision(support, replace(support, asserted=stated("2022"))) is None


# ---------------------------------------------------------------------------- LIKELY_SAME


def test_likely_same_fires_on_close_words_and_compatible_values() -> None:
    a, b = claim("a", "at least 196", 196, "AT_LEAST"), claim("b", "about 200", 200, "ABOUT")
    found = likely_same(a, b, 0.93)
    assert found is not None
    assert found.kind is CandidateKind.LIKELY_SAME
    assert found.score == 0.93
    assert found.threshold == LIKELY_SAME_THRESHOLD
    assert "[196, inf)" in found.explanation
    assert "[180, 220]" in found.explanation


def test_likely_same_does_not_fire_below_the_threshold_or_on_incompatible_values() -> None:
    a = claim("a", "at least 196", 196, "AT_LEAST")
    assert (
        likely_same(a, claim("b", "about 200", 200, "ABOUT"), LIKELY_SAME_THRESHOLD - 0.01) is None
    )
    assert likely_same(a, claim("b", "3", 3, "EXACTLY"), 0.99) is None
    wounded = QuantityClaim("b", a.text, Quantity(196, "US troops wounded", Qualifier.AT_LEAST))
    assert likely_same(a, wounded, 0.99) is None


def test_the_id_depends_on_the_kind_and_the_pair_only() -> None:
    a, b = claim("a", "3", 3, "EXACTLY"), claim("b", "5", 5, "EXACTLY")
    one, other = numeric(a, b), numeric(b, a)
    assert one is not None
    assert other is not None
    assert one.id == other.id
    assert one.id.startswith("cand-")
    assert len(one.id) == 29
