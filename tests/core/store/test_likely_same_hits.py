"""LIKELY_SAME looks a claim's words up among claims only: a claim quoted many times
(each assertion's quote in the same full-text index) still has its near-duplicates found."""

from __future__ import annotations

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.store.detection import SIMILAR_HITS, detect
from claimtrace.core.vocabulary import CandidateKind

pytestmark = pytest.mark.neo4j

EFP = "claim-efp-196-killed"
EFP_TEXT = (
    "Explosively formed penetrators (EFPs) supplied by Iran killed at least 196 US troops in Iraq."
)
NEAR = "claim-test-efp-200"
ADD_NEAR = """CREATE (:Claim {id: $id, text: $text, quantityValue: 200.0,
  quantityUnit: 'US troops killed', quantityQualifier: 'AT_LEAST'})"""
# More quotes of the claim's own words than a lookup reads hits, among many other quotes
# (so that its words stay rare among quotes, as in a large graph).
ADD_QUOTES = """UNWIND range(1, $count) AS i
CREATE (:Assertion {id: 'asrt-test-quote-' + i, quote: $quote})"""
ADD_OTHER_QUOTES = """UNWIND range(1, $count) AS i
CREATE (:Assertion {id: 'asrt-test-other-' + i, quote: 'other words, number ' + i})"""


async def test_quotes_of_a_claim_do_not_hide_its_near_duplicates(
    writable_seed_graph: Graph,
) -> None:
    graph = writable_seed_graph
    near_text = EFP_TEXT.replace("196", "200")
    await graph.write(ADD_NEAR, id=NEAR, text=near_text)
    await graph.write(ADD_OTHER_QUOTES, count=5_000)
    await graph.write(ADD_QUOTES, count=SIMILAR_HITS + 10, quote=EFP_TEXT)
    report = await detect(graph, [EFP], [CandidateKind.LIKELY_SAME])
    assert report.found == {"LIKELY_SAME": 1}
    [record] = await graph.read(
        "MATCH (c:Candidate {kind: 'LIKELY_SAME'}) RETURN c.firstClaimId AS a, c.secondClaimId AS b"
    )
    assert (record["a"], record["b"]) == (EFP, NEAR)
