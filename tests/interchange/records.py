"""A hand-made provenance for the exporters' unit tests: every case they must handle.

- asrt-stated: a person's words, dated by the text to a month, in a source whose text
  is held (with a character beyond U+FFFF before the quote, so code points and UTF-16
  units differ), a republished copy of another source;
- asrt-reported: anonymous officials, date unknown, passing on asrt-origin (CITES),
  which passes on asrt-first: a chain of two down to the first speaker; retracted;
- asrt-verdict: a fact-checker's rating, an unverified quote with no span;
- one conflict, with an undecided and a refuting speaker on the other claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from claimtrace.core.store.records import (
    AgentRecord,
    AssertionBriefRecord,
    AssertionRecord,
    ClaimRecord,
    ConflictRecord,
    ProvenanceRecord,
    SourceRecord,
)
from claimtrace.core.vocabulary import (
    AssertedDate,
    ConflictKind,
    DateBasis,
    Hedge,
    Mode,
    PartialDate,
    Precision,
    Stance,
)

TEXT = (
    "Report \U0001f4f0 from Baghdad. The base was hit twice, officials said. "
    "Later the base was hit twice again, as the base was hit twice before."
)
QUOTE = "The base was hit twice, officials said."
START = TEXT.index(QUOTE)
END = START + len(QUOTE)
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
RETRACTED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
RECORDED = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)

HERALD = AgentRecord("org-herald", "The Herald", False, "PUBLISHER")
WIRE = AgentRecord("org-wire", "Wire Service", False, "PUBLISHER")
REPORTER = AgentRecord("person-ada-reporter", "Ada Reporter", True)
OFFICIALS = AgentRecord("agent-officials", "Unnamed officials", False, "ANONYMOUS")
CHECKER = AgentRecord("org-checker", "Example Checks", False, "PUBLISHER")
SKEPTIC = AgentRecord("person-sam-skeptic", "Sam Skeptic", True)

ORIGINAL = SourceRecord(
    id="src-wire", title="Base hit, officials say", url=None, kind="ARTICLE", genre=None,
    language="en", published=PartialDate("2020-03-11", Precision.DAY), confidence=None,
    note=None, sha256=None, publisher=WIRE, authors=(), republishes=None,
)  # fmt: skip
COPY = SourceRecord(
    id="src-herald", title="Base hit twice", url="https://news.example.org/base-hit",
    kind="ARTICLE", genre=None, language="en", published=PartialDate("2020-03", Precision.MONTH),
    confidence=None, note=None, sha256=SHA, publisher=HERALD, authors=(REPORTER,),
    republishes=ORIGINAL,
)  # fmt: skip
REVIEW = SourceRecord(
    id="src-review", title="Was the base hit twice?", url="https://checks.example.org/base",
    kind="ARTICLE", genre="fact-check", language="en",
    published=PartialDate("2020-04-02", Precision.DAY), confidence=None, note=None,
    sha256=None, publisher=CHECKER, authors=(CHECKER,), republishes=None,
)  # fmt: skip
CLAIM = ClaimRecord("claim-base-hit-twice", "The base was hit twice.", None, None, None)
OTHER = ClaimRecord("claim-base-hit-once", "The base was hit once.", None, None, None)


def _brief(
    assertion_id: str, speaker: AgentRecord, quote: str, stance: Stance = Stance.SUPPORTS
) -> AssertionBriefRecord:
    return AssertionBriefRecord(
        assertion_id=assertion_id, speaker=speaker, stance=stance, mode=Mode.DIRECT_QUOTE,
        hedge=Hedge.CERTAIN, quote=quote,
        asserted=AssertedDate.known(DateBasis.STATED, PartialDate("2020-03", Precision.MONTH)),
        retracted_at=None, source_id=ORIGINAL.id, source_title=ORIGINAL.title,
        claim_id=CLAIM.id, claim_text=CLAIM.text,
    )  # fmt: skip


STATED = AssertionRecord(
    id="asrt-stated", stance=Stance.SUPPORTS, mode=Mode.AUTHORIAL, hedge=Hedge.CERTAIN,
    quote=QUOTE, start=START, end=END,
    asserted=AssertedDate.known(DateBasis.STATED, PartialDate("2020-03", Precision.MONTH)),
    recorded_at=RECORDED, retracted_at=None, note=None, speaker=REPORTER, affiliations=(),
    source=COPY, chain=(),
)  # fmt: skip
REPORTED = AssertionRecord(
    id="asrt-reported", stance=Stance.SUPPORTS, mode=Mode.REPORTED, hedge=Hedge.LIKELY,
    quote=QUOTE, start=START, end=END,
    asserted=AssertedDate.unknown(PartialDate("2020-03", Precision.MONTH)),
    recorded_at=RECORDED, retracted_at=RETRACTED, note=None, speaker=OFFICIALS,
    affiliations=(), source=COPY,
    chain=(
        _brief("asrt-origin", SKEPTIC, "It was hit twice."),
        _brief("asrt-first", WIRE, "Hit twice."),
    ),
)  # fmt: skip
VERDICT = AssertionRecord(
    id="asrt-verdict", stance=Stance.SUPPORTS, mode=Mode.AUTHORIAL, hedge=Hedge.CERTAIN,
    quote="Mostly True", start=None, end=None,
    asserted=AssertedDate.known(DateBasis.PUBLICATION, PartialDate("2020-04-02", Precision.DAY)),
    recorded_at=RECORDED, retracted_at=None, note=None, speaker=CHECKER, affiliations=(),
    source=REVIEW, chain=(), quote_verified=False, rating="Mostly True",
)  # fmt: skip
CONFLICT = ConflictRecord(
    kind=ConflictKind.NUMERIC,
    note="Twice is not once.",
    other_claim=OTHER,
    other_side=(
        _brief("asrt-once", SKEPTIC, "Only once.", Stance.SUPPORTS),
        _brief("asrt-unsure", HERALD, "Perhaps once.", Stance.UNDECIDED),
        _brief("asrt-denied", WIRE, "Not once.", Stance.REFUTES),
    ),
)
PROVENANCE = ProvenanceRecord(
    claim=CLAIM,
    assertions=(STATED, REPORTED, VERDICT),
    independent_source_count=2,
    independent_source_count_with_refinements=2,
    conflicts=(CONFLICT,),
)
TEXTS = {COPY.id: TEXT}
