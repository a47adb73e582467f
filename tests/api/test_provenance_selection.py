"""provenance computes only the parts a request selected, and what it answers for a
selection is what the full computation answers for the same fields."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from tests.support.asgi import serve
from tests.support.counting import CountingDriver, counting_factory

pytestmark = pytest.mark.neo4j

CLAIMS = (
    "claim-soleimani-strike-restored-deterrence",  # conflicts, refined by another claim
    "claim-hill-iran-wields-power-in-iraq",  # an assertion citing another
    "claim-soufan-trump-admin-deterrence-messaging",
    "claim-ac-iran-proxies-seek-us-withdrawal",  # four outlets, a republished copy
    "claim-ac-us-withdrawal-benefits-iran",  # speakers with affiliations
    "claim-efp-196-killed",
)

# Selections of provenance, each leaving out some costly part.
SELECTIONS = {
    "three fields": "claim { text } assertions { quote } independentSourceCount",
    "affiliations": "assertions { id speakerAffiliations { role organization { id } } }",
    "chains by fragment": "...Chains",
    "source links inline": "... on Provenance { firstAppearance { source { publisher { name } "
    "authors { name } republishes { id publisher { id } } } } }",
    "refinements": "independentSourceCountWithRefinements",
    "conflicts without sides": "conflicts { kind note otherClaim { id } thisSide { id } }",
    "conflict sides": "conflicts { otherSide { id speaker { name } retractedAt } }",
}
FRAGMENT = "fragment Chains on Provenance { assertions { citationChain { id speaker { id } } } }"
# Aliased siblings that select every costly part, so that all of them are computed.
EVERY_PART = """
_a: assertions { speakerAffiliations { role } citationChain { id }
                 source { publisher { id } authors { id } republishes { id } } }
_c: conflicts { otherSide { id } }
_n: independentSourceCountWithRefinements
"""

ALL_ON = {
    "withAffiliations": True,
    "withChains": True,
    "withSourceLinks": True,
    "withOutlets": True,
    "withRefinements": True,
    "withConflicts": True,
    "withConflictSides": True,
}


@pytest.fixture
async def counted(
    seed_graph: Graph, settings: Settings
) -> AsyncIterator[tuple[httpx.AsyncClient, CountingDriver]]:
    made, factory = counting_factory()
    async with serve(create_app(settings, driver_factory=factory)) as client:
        [driver] = made
        yield client, driver


def document(claim_id: str, selection: str) -> str:
    fragment = FRAGMENT if "...Chains" in selection else ""
    return f'{{ provenance(claimId: "{claim_id}") {{ {selection} }} }} {fragment}'


async def answer(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query})
    body = response.json()
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["provenance"]
    return found


@pytest.mark.parametrize("name", SELECTIONS)
async def test_a_selection_answers_as_the_full_computation(
    counted: tuple[httpx.AsyncClient, CountingDriver], name: str
) -> None:
    client, _ = counted
    for claim_id in CLAIMS:
        alone = await answer(client, document(claim_id, SELECTIONS[name]))
        full = await answer(client, document(claim_id, SELECTIONS[name] + EVERY_PART))
        assert alone == {key: value for key, value in full.items() if not key.startswith("_")}


async def test_the_flags_sent_follow_the_selection(
    counted: tuple[httpx.AsyncClient, CountingDriver],
) -> None:
    client, driver = counted
    claim_id = CLAIMS[0]

    async def flags(selection: str) -> dict[str, bool]:
        driver.sent.clear()
        await answer(client, document(claim_id, selection))
        [(_, parameters)] = driver.sent
        return {key: value for key, value in parameters.items() if key.startswith("with")}

    none = dict.fromkeys(ALL_ON, False)
    assert await flags(SELECTIONS["three fields"]) == none | {"withOutlets": True}
    assert await flags(EVERY_PART) == ALL_ON
    assert await flags(SELECTIONS["chains by fragment"]) == none | {"withChains": True}
    assert await flags(SELECTIONS["source links inline"]) == none | {"withSourceLinks": True}
    assert await flags(SELECTIONS["conflicts without sides"]) == none | {"withConflicts": True}
