"""The loaded seed corpus: specific assertions of each of the five documents."""

from __future__ import annotations

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings

pytestmark = pytest.mark.neo4j

ASSERTION = """
MATCH (speaker)-[:MADE]->(a:Assertion {id: $id})-[:ABOUT]->(c:Claim),
      (a)-[:FOUND_IN]->(s:Source)
RETURN speaker.id AS speaker, a.mode AS mode, a.stance AS stance, a.hedge AS hedge,
       c.id AS claim, s.id AS source
"""

EXPECTED = [
    # The Hill, 2019: Bolton's own words, Pompeo's linking, the author's hedged judgement.
    ("asrt-hill-02", "person-john-bolton", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-hill-us-not-seeking-war-ready-to-respond", "src-hill-2019-iran-iraq-front"),
    ("asrt-hill-03", "person-mike-pompeo", "PARAPHRASE", "SUPPORTS", "CERTAIN",
     "claim-hill-iran-behind-may-19-embassy-rocket", "src-hill-2019-iran-iraq-front"),
    ("asrt-hill-20", "person-seth-frantzman", "AUTHORIAL", "SUPPORTS", "LIKELY",
     "claim-hill-rockets-likely-iranian-warning", "src-hill-2019-iran-iraq-front"),
    # The Soufan Center, 2020: the officials' view it refutes, McKenzie in his words.
    ("asrt-soufan-02", "agent-soufan-us-officials-and-experts", "REPORTED", "SUPPORTS", "CERTAIN",
     "claim-soleimani-strike-restored-deterrence", "src-soufan-2020-renewed-attacks"),
    ("asrt-soufan-08", "person-kenneth-mckenzie", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-soufan-us-will-not-quit-region", "src-soufan-2020-renewed-attacks"),
    # The Jerusalem Post, 2021: the EFP figure as reported speech, Marotto's tweet.
    ("asrt-jpost-11", "agent-unnamed-reports", "REPORTED", "SUPPORTS", "CERTAIN",
     "claim-efp-196-killed", "src-jpost-2021-iran-declared-war"),
    ("asrt-jpost-17", "person-wayne-marotto", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-jpost-attacks-endanger-iraqis", "src-jpost-2021-iran-declared-war"),
    # The republished 2024 brief: al-Ameri and al-Sudani quoted, officials reported.
    ("asrt-crossfire-14", "person-hadi-al-ameri", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-crossfire-us-forces-out-now", "src-eurasia-2024-baghdad-crossfire"),
    ("asrt-crossfire-17", "person-mohammed-shia-al-sudani", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-crossfire-iraq-not-arena", "src-eurasia-2024-baghdad-crossfire"),
    ("asrt-crossfire-13", "agent-us-officials", "REPORTED", "SUPPORTS", "CERTAIN",
     "claim-crossfire-kh-behind-tower22", "src-eurasia-2024-baghdad-crossfire"),
    # The Atlantic Council, 2020: analysts on opposite sides.
    ("asrt-ac-34", "person-barbara-slavin", "DIRECT_QUOTE", "REFUTES", "LIKELY",
     "claim-soleimani-strike-restored-deterrence", "src-atlantic-2020-taji-reactions"),
    ("asrt-ac-36", "person-frederic-hof", "DIRECT_QUOTE", "SUPPORTS", "CERTAIN",
     "claim-soleimani-strike-restored-deterrence", "src-atlantic-2020-taji-reactions"),
    ("asrt-ac-21", "person-kirsten-fontenrose", "DIRECT_QUOTE", "REFUTES", "CERTAIN",
     "claim-ac-iraq-victim-caught-in-middle", "src-atlantic-2020-taji-reactions"),
    ("asrt-ac-04", "agent-us-officials", "REPORTED", "SUPPORTS", "CERTAIN",
     "claim-ac-taji-two-us-one-uk-killed", "src-atlantic-2020-taji-reactions"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("assertion_id", "speaker", "mode", "stance", "hedge", "claim", "source"), EXPECTED
)
async def test_assertion_recorded_as_the_document_says(
    seed_graph: Graph,
    settings: Settings,
    assertion_id: str,
    speaker: str,
    mode: str,
    stance: str,
    hedge: str,
    claim: str,
    source: str,
) -> None:
    records, _, _ = await seed_graph.driver.execute_query(
        ASSERTION, id=assertion_id, database_=settings.neo4j_database
    )
    assert [r.data() for r in records] == [
        {"speaker": speaker, "mode": mode, "stance": stance, "hedge": hedge, "claim": claim,
         "source": source}
    ]  # fmt: skip


async def test_corpus_meets_its_curation_targets(seed_graph: Graph, settings: Settings) -> None:
    records, _, _ = await seed_graph.driver.execute_query(
        """
        RETURN COUNT { (:Claim) } AS claims, COUNT { (:Assertion) } AS assertions,
               COLLECT { MATCH ()-[r:CONTRADICTS]->() RETURN DISTINCT r.kind } AS kinds,
               COUNT { ()-[:CONTRADICTS]->() } AS conflicts,
               COUNT { MATCH (s:Source) WHERE EXISTS { (s)<-[:FOUND_IN]-() } } AS documents
        """,
        database_=settings.neo4j_database,
    )
    totals = records[0]
    assert totals["claims"] >= 200
    assert totals["assertions"] >= 250
    assert totals["conflicts"] >= 12
    # Only conflicts the texts support: the five documents state no two values of one
    # measured quantity that cannot both hold, and no speaker who changes position.
    assert set(totals["kinds"]) == {"OPPOSITE"}
    assert totals["documents"] == 5


async def test_republished_copy_points_at_an_unknown_original(
    seed_graph: Graph, settings: Settings
) -> None:
    records, _, _ = await seed_graph.driver.execute_query(
        """
        MATCH (copy:Source {id: 'src-eurasia-2024-baghdad-crossfire'})-[:REPUBLISHES]->(original)
        RETURN original.text AS text, original.publishedPrecision AS precision,
               EXISTS { (original)-[:PUBLISHED_BY]->() } AS hasPublisher,
               EXISTS { (original)-[:WRITTEN_BY]->() } AS hasAuthor
        """,
        database_=settings.neo4j_database,
    )
    assert [r.data() for r in records] == [
        {"text": None, "precision": "MONTH", "hasPublisher": False, "hasAuthor": False}
    ]


async def test_page_furniture_is_never_quoted(seed_graph: Graph, settings: Settings) -> None:
    records, _, _ = await seed_graph.driver.execute_query(
        "MATCH (a:Assertion) WHERE a.quote CONTAINS 'photo credit' OR a.quote STARTS WITH 'Tags' "
        "OR a.quote CONTAINS 'Check Also' OR a.quote CONTAINS 'comment section' RETURN a.id AS id",
        database_=settings.neo4j_database,
    )
    assert records == []
