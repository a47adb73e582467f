"""The detection rules: each takes what the graph says about two claims (or two
assertions) and returns a candidate with its reason, or None. Pure and deterministic.

- NUMERIC: two claims measure the same quantity (core/detection/measures.py) and
  their values, read as intervals (core/detection/intervals.py), share no value.
- REVISION: one speaker, opposite positions at dates that cannot overlap: SUPPORTS
  and REFUTES on one claim, or SUPPORTS on two claims already linked as conflicting.
- OPPOSITE_STANCE: two speakers, one SUPPORTS and the other REFUTES one claim.
- LIKELY_SAME: the database's full-text score of one claim for the other's words is
  close to the claim's score for its own words, and both count the same unit with
  values that can both hold.

A stance rule weighs how firmly each speaker commits (``HEDGE_WEIGHT``); its score is
the weaker of the two, and below ``STANCE_THRESHOLD`` ("possibly") nothing is
proposed. A retracted assertion is never read (the caller leaves it out).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrace.core.detection.intervals import Interval, interval_of
from claimtrace.core.detection.measures import Measure, measure_of
from claimtrace.core.records import Candidate
from claimtrace.core.vocabulary import AssertedDate, CandidateKind, Hedge, Quantity, Stance

HEDGE_WEIGHT = {Hedge.CERTAIN: 1.0, Hedge.LIKELY: 0.7, Hedge.POSSIBLE: 0.4}
STANCE_THRESHOLD = 0.5
NUMERIC_THRESHOLD = 0.0  # any gap between the two intervals
LIKELY_SAME_THRESHOLD = 0.8
SHOWN_TEXT = 160  # characters of a claim's text or a quote an explanation shows

NUMERIC_RULE = "numeric/disjoint-intervals"
REVISION_RULE = "revision/same-claim"
REVISION_LINKED_RULE = "revision/conflicting-claims"
OPPOSITE_RULE = "opposite-stance/one-claim"
LIKELY_SAME_RULE = "likely-same/full-text-and-quantity"


@dataclass(frozen=True)
class QuantityClaim:
    id: str
    text: str
    quantity: Quantity

    @property
    def measure(self) -> Measure:
        return measure_of(self.text, self.quantity)

    @property
    def interval(self) -> Interval:
        return interval_of(self.quantity)


@dataclass(frozen=True)
class Position:
    """One assertion: who took which stance on which claim, when, in which words."""

    assertion: str
    claim: str
    claim_text: str
    speaker: str
    speaker_name: str
    stance: Stance
    hedge: Hedge
    quote: str
    asserted: AssertedDate


def numeric(a: QuantityClaim, b: QuantityClaim) -> Candidate | None:
    if a.id == b.id or a.measure != b.measure:
        return None
    first, second = sorted((a, b), key=lambda claim: claim.id)
    low, high = first.interval, second.interval
    if not low.disjoint(high):
        return None
    scale = max(abs(first.quantity.value), abs(second.quantity.value), 1.0)
    score = round(low.gap(high) / scale, 6)
    unit = first.measure.unit
    explanation = (
        f'Both claims count "{first.quantity.unit}" and say the same apart from the number, '
        f'yet no value fits both: "{_short(first.text)}" allows {low}; '
        f'"{_short(second.text)}" allows {high}.'
    )
    evidence = {
        "unit": unit,
        "measure": first.measure.key,
        "firstInterval": str(low),
        "secondInterval": str(high),
        "gap": low.gap(high),
    }
    return Candidate(
        CandidateKind.NUMERIC, NUMERIC_RULE, score, NUMERIC_THRESHOLD, explanation,
        first.id, second.id, (first.id, second.id), evidence=evidence,
    )  # fmt: skip


def opposite_stance(x: Position, y: Position) -> Candidate | None:
    if x.claim != y.claim or x.speaker == y.speaker or {x.stance, y.stance} != _OPPOSED:
        return None
    score = _firmness(x, y)
    if score < STANCE_THRESHOLD:
        return None
    supporter, refuter = (x, y) if x.stance is Stance.SUPPORTS else (y, x)
    explanation = (
        f'{supporter.speaker_name} supports and {refuter.speaker_name} refutes "'
        f'{_short(x.claim_text)}": {_said(supporter)}; {_said(refuter)}.'
    )
    return Candidate(
        CandidateKind.OPPOSITE_STANCE, OPPOSITE_RULE, score, STANCE_THRESHOLD, explanation,
        x.claim, x.claim, (x.claim, supporter.speaker, refuter.speaker),
        supporter.assertion, refuter.assertion, _stance_evidence(supporter, refuter),
    )  # fmt: skip


def revision(x: Position, y: Position, *, claims_conflict: bool = False) -> Candidate | None:
    """``claims_conflict``: the two claims are linked as conflicting (CONTRADICTS)."""
    if x.speaker != y.speaker or x.assertion == y.assertion:
        return None
    if x.claim == y.claim:
        rule, opposed = REVISION_RULE, {x.stance, y.stance} == _OPPOSED
    else:
        rule = REVISION_LINKED_RULE
        opposed = claims_conflict and x.stance is y.stance is Stance.SUPPORTS
    ordered = _in_order(x, y)
    score = _firmness(x, y)
    if not opposed or ordered is None or score < STANCE_THRESHOLD:
        return None
    earlier, later = ordered
    explanation = (
        f"{earlier.speaker_name} changed position. First: {_said(earlier, claim=True)}. "
        f"Later: {_said(later, claim=True)}."
    )
    return Candidate(
        CandidateKind.REVISION, rule, score, STANCE_THRESHOLD, explanation,
        earlier.claim, later.claim, (earlier.assertion, later.assertion),
        earlier.assertion, later.assertion, _stance_evidence(earlier, later),
    )  # fmt: skip


def likely_same(a: QuantityClaim, b: QuantityClaim, lexical: float) -> Candidate | None:
    """``lexical``: the full-text score of ``b`` for ``a``'s words over ``a``'s own."""
    if a.id == b.id or a.measure.unit != b.measure.unit or lexical < LIKELY_SAME_THRESHOLD:
        return None
    if a.interval.disjoint(b.interval):
        return None
    first, second = sorted((a, b), key=lambda claim: claim.id)
    score = round(lexical, 6)
    explanation = (
        f'"{_short(first.text)}" and "{_short(second.text)}" probably state one proposition: '
        f"the full-text score of one for the other's words is {score:.2f} of its own "
        f"(threshold {LIKELY_SAME_THRESHOLD:.2f}), and both count {first.measure.unit} "
        f"with values that can both hold ({first.interval} and {second.interval})."
    )
    evidence = {
        "unit": first.measure.unit,
        "firstInterval": str(first.interval),
        "secondInterval": str(second.interval),
        "lexical": score,
        "scoredFor": a.id,
    }
    return Candidate(
        CandidateKind.LIKELY_SAME, LIKELY_SAME_RULE, score, LIKELY_SAME_THRESHOLD, explanation,
        first.id, second.id, (first.id, second.id), evidence=evidence,
    )  # fmt: skip


_OPPOSED = {Stance.SUPPORTS, Stance.REFUTES}


def _firmness(x: Position, y: Position) -> float:
    return min(HEDGE_WEIGHT[x.hedge], HEDGE_WEIGHT[y.hedge])


def _in_order(x: Position, y: Position) -> tuple[Position, Position] | None:
    """The two, earlier first, when their dates are known and cannot overlap."""
    if x.asserted.not_before is None or y.asserted.not_before is None:
        return None
    if x.asserted.not_after < y.asserted.not_before:
        return x, y
    if y.asserted.not_after < x.asserted.not_before:
        return y, x
    return None


def _when(position: Position) -> str:
    date = position.asserted.date
    if date is not None:
        return f"in {date.date}"
    return f"at an unknown date no later than {position.asserted.not_after}"


def _said(position: Position, *, claim: bool = False) -> str:
    verb = {Stance.SUPPORTS: "supports", Stance.REFUTES: "refutes"}[position.stance]
    about = f' "{_short(position.claim_text)}"' if claim else ""
    return (
        f"{position.speaker_name} {verb}{about} {_when(position)} "
        f'("{_short(position.quote)}", {position.assertion})'
    )


def _stance_evidence(first: Position, second: Position) -> dict[str, object]:
    return {
        side: {
            "assertion": p.assertion, "claim": p.claim, "speaker": p.speaker,
            "stance": p.stance.value, "hedge": p.hedge.value, "quote": p.quote,
            "date": p.asserted.date.date if p.asserted.date else None,
            "notBefore": p.asserted.not_before, "notAfter": p.asserted.not_after,
        }
        for side, p in (("first", first), ("second", second))
    }  # fmt: skip


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1].rstrip() + "…"
