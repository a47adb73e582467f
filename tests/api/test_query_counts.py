"""How many Cypher queries each GraphQL request sends, and the exact text of the heavy ones."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from strawberry.relay import to_base64

from claimtrace.api.app import create_app
from claimtrace.core import cypher
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.counting import CountingDriver, counting_factory

pytestmark = pytest.mark.neo4j

PROVENANCE_EVERYTHING = """
query { provenance(claimId: "claim-soleimani-strike-restored-deterrence") {
  claim { id text } independentSourceCount firstAppearance { id }
  assertions { id quote speaker { name } speakerAffiliations { role }
               source { title publisher { name } authors { name } republishes { id } }
               citationChain { id speaker { name } } }
  conflicts { kind note otherClaim { id } thisSide { id } otherSide { id speaker { name } } }
} }
"""


@pytest.fixture
async def counted(
    seed_graph: Graph, settings: Settings
) -> AsyncIterator[tuple[httpx.AsyncClient, CountingDriver]]:
    made, factory = counting_factory()
    async with serve(create_app(settings, driver_factory=factory)) as client:
        [driver] = made
        driver.sent.clear()  # start-up (migrations) is not a request
        yield client, driver


async def queries_for(counted: tuple[httpx.AsyncClient, CountingDriver], query: str) -> list[str]:
    client, driver = counted
    driver.sent.clear()
    response = await client.post("/graphql", json={"query": query})
    assert "errors" not in response.json(), response.json()
    return [text for text, _ in driver.sent]


async def test_provenance_is_one_query_whatever_is_selected(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    assert await queries_for(counted, PROVENANCE_EVERYTHING) == [cypher.CLAIM_PROVENANCE]
    small = '{ provenance(claimId: "claim-efp-196-killed") { claim { id } } }'
    assert await queries_for(counted, small) == [cypher.CLAIM_PROVENANCE]


async def test_provenance_text_and_parameters_are_pinned(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    client, driver = counted
    driver.sent.clear()
    await client.post(
        "/graphql",
        json={"query": '{ provenance(claimId: "claim-efp-196-killed") { claim { id } } }'},
    )
    [(text, parameters)] = driver.sent
    assert text == (cypher.QUERY_DIR / "claim_provenance.cypher").read_text().strip()
    assert text.startswith("// The whole provenance of each claim in $claimIds")
    assert "claim-efp-196-killed" not in text
    # Only the claim was selected: every costly part is left out.
    assert parameters == {
        "claimIds": ["claim-efp-196-killed"],
        "asOf": None,
        "withAffiliations": False,
        "withChains": False,
        "withSourceLinks": False,
        "withOutlets": False,
        "withRefinements": False,
        "withConflicts": False,
        "withConflictSides": False,
    }


async def test_compare_positions_is_one_query(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    query = """{ comparePositions(personIds: ["person-abbas-kadhim", "person-anthony-pfaff",
                 "person-frederic-hof"], topicId: "topic-us-response") {
                 people { id } rows { claim { id text } positions { person { name } stance } }
                 pairs { agreements disagreements { kind note } agreementRatio } } }"""
    assert await queries_for(counted, query) == [cypher.COMPARE_POSITIONS]


async def test_aliased_claims_share_one_batched_query(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    query = " ".join(
        f'c{i}: claim(id: "{claim_id}") {{ id }}'
        for i, claim_id in enumerate(
            ["claim-efp-196-killed", "claim-soleimani-strike-restored-deterrence", "claim-none"]
        )
    )
    assert await queries_for(counted, f"{{ {query} }}") == [cypher.CLAIMS_BY_ID]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('{ conflicts(claimId: "claim-soleimani-strike-restored-deterrence") { kind } }',
         [cypher.CLAIM_CONFLICTS]),
        ("{ topics { id name claimCount } }", [cypher.LIST_TOPICS]),
        ("{ sources(first: 10) { edges { node { title publisher { name } authors { name } } } } }",
         [cypher.SOURCES_PAGE]),
        ("{ people(first: 10) { edges { node { name aliases affiliations { role } } } } }",
         [cypher.PEOPLE_PAGE]),
        ('{ comparePositions(personIds: ["person-abbas-kadhim", "person-barbara-slavin"]) '
         "{ people { name affiliations { role } assertionCount } } }",
         [cypher.COMPARE_POSITIONS, cypher.PEOPLE_BY_ID]),
        ('{ a: source(id: "src-hill-2019-iran-iraq-front") { id } '
         'b: source(id: "src-jpost-2021-iran-declared-war") { id } '
         'p: person(id: "person-barbara-slavin") { name } q: person(id: "person-x") { name } }',
         [cypher.SOURCES_BY_ID, cypher.PEOPLE_BY_ID]),
        ('{ claims(first: 50, filter: {search: "Iran", hasConflicts: true}) '
         "{ edges { cursor snippet { text } node { id text quantity { value } } } "
         "pageInfo { endCursor } } }",
         [cypher.CLAIM_SEARCH_BEST]),
        ("{ claims(first: 50) { edges { cursor node { id text } } } }", [cypher.CLAIMS_PAGE_ALL]),
        ('{ claims(first: 50, filter: {topicId: "topic-us-troop-presence", stance: SUPPORTS}) '
         "{ edges { cursor node { id text } } } }",
         [cypher.CLAIMS_PAGE_REACH, cypher.CLAIMS_PAGE_TOPIC]),
    ],
)  # fmt: skip
async def test_other_queries_are_one_round_trip(
    counted: tuple[httpx.AsyncClient, CountingDriver], query: str, expected: list[str]
) -> None:
    # Independent loaders may dispatch in either order; the count and texts are what matter.
    assert sorted(await queries_for(counted, query)) == sorted(expected)


async def test_nodes_send_one_query_per_type(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    ids = [
        to_base64("Claim", "claim-efp-196-killed"),
        to_base64("Assertion", "asrt-jpost-11"),
        to_base64("Source", "src-hill-2019-iran-iraq-front"),
        to_base64("Person", "person-barbara-slavin"),
        to_base64("Organization", "org-the-hill"),
        to_base64("Topic", "topic-us-troop-presence"),
        to_base64("Claim", "claim-soleimani-strike-restored-deterrence"),
        to_base64("Person", "person-abbas-kadhim"),
        to_base64("Claim", "claim-none"),
    ]
    listed = ", ".join(f'"{i}"' for i in ids)
    query = f'{{ nodes(ids: [{listed}]) {{ id }} one: node(id: "{ids[1]}") {{ id }} }}'
    assert sorted(await queries_for(counted, query)) == sorted(
        [cypher.CLAIMS_BY_ID, cypher.ASSERTIONS_BY_ID, cypher.SOURCES_BY_ID,
         cypher.PEOPLE_BY_ID, cypher.ORGANIZATIONS_BY_ID, cypher.TOPICS_BY_ID]
    )  # fmt: skip
