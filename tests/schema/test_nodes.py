"""Relay: globalId on every entity, node(id:) and nodes(ids:), and complete page info."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from strawberry.relay import to_base64

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings

pytestmark = pytest.mark.neo4j


async def gql(client: httpx.AsyncClient, text: str, **variables: Any) -> Any:
    # Sent as escaped JSON, so that a lone surrogate travels as the six characters \ud800.
    body = json.dumps({"query": text, "variables": variables})
    response = await client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    return response.json()


async def data_of(client: httpx.AsyncClient, text: str, **variables: Any) -> Any:
    body = await gql(client, text, **variables)
    assert "errors" not in body, body
    return body["data"]


# One object of each type, reached through the readable-id fields.
EACH_TYPE = """{
  claim(id: "claim-efp-196-killed") { id globalId }
  provenance(claimId: "claim-efp-196-killed") { assertions { id globalId } }
  source(id: "src-hill-2019-iran-iraq-front") { id globalId publisher { id globalId } }
  person(id: "person-barbara-slavin") { id globalId }
  topics { id globalId }
}"""


async def global_ids(client: httpx.AsyncClient) -> dict[str, tuple[str, str]]:
    """Type name -> (readable id, global id), one object of each type."""
    data = await data_of(client, EACH_TYPE)
    found = {
        "Claim": data["claim"],
        "Assertion": data["provenance"]["assertions"][0],
        "Source": data["source"],
        "Organization": data["source"]["publisher"],
        "Person": data["person"],
        "Topic": data["topics"][0],
    }
    return {name: (item["id"], item["globalId"]) for name, item in found.items()}


NODE = "query ($id: ID!) { node(id: $id) { __typename id globalId } }"


async def test_node_finds_every_type_by_its_global_id(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    for type_name, (readable, global_id) in (await global_ids(client)).items():
        data = await data_of(client, NODE, id=global_id)
        assert data["node"] == {"__typename": type_name, "id": readable, "globalId": global_id}


async def test_global_ids_are_opaque_and_stable(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    first = await global_ids(client)
    assert await global_ids(client) == first
    for readable, global_id in first.values():
        assert readable not in global_id
    # The same person, reached another way, has the same global id.
    speaker = await data_of(
        client,
        '{ compare: comparePositions(personIds: ["person-barbara-slavin", '
        '"person-abbas-kadhim"]) { people { id globalId } } }',
    )
    slavin = speaker["compare"]["people"][0]
    assert (slavin["id"], slavin["globalId"]) == first["Person"]


ASSERTION_FIELDS = """id globalId stance mode hedge quote span { start end } asserted { date }
  recordedAt retractedAt note speaker { __typename id name } speakerAffiliations { role }
  source { id title publisher { name } authors { name } republishes { id } }
  citationChain { id speaker { name } claimId }"""


async def test_an_assertion_node_answers_as_in_its_claims_provenance(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    data = await data_of(
        client,
        '{ provenance(claimId: "claim-soleimani-strike-restored-deterrence") '
        f"{{ assertions {{ {ASSERTION_FIELDS} }} }} }}",
    )
    assertions = data["provenance"]["assertions"]
    assert any(a["citationChain"] for a in assertions)
    ids = [a["globalId"] for a in assertions]
    selection = f"... on Assertion {{ {ASSERTION_FIELDS} }}"
    document = f"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ {selection} }} }}"
    nodes = await data_of(client, document, ids=ids)
    assert nodes["nodes"] == assertions


async def test_nodes_answers_in_order_with_null_for_none(
    seed_graph: Graph, client: httpx.AsyncClient
) -> None:
    known = await global_ids(client)
    unknown = to_base64("Claim", "claim-that-does-not-exist")
    asked = [known["Topic"][1], unknown, known["Claim"][1], known["Person"][1]]
    data = await data_of(client, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=asked)
    assert data["nodes"] == [
        {"id": known["Topic"][0]},
        None,
        {"id": known["Claim"][0]},
        {"id": known["Person"][0]},
    ]
    assert (await data_of(client, NODE, id=unknown)) == {"node": None}


async def test_a_person_and_an_organization_may_share_a_readable_id(
    empty_graph: Graph, settings: Settings, client: httpx.AsyncClient
) -> None:
    """Ids are unique per label only: the global id carries the type, so both are found."""
    await empty_graph.driver.execute_query(
        "CREATE (:Person {id: 'same-id', name: 'A person'}), "
        "(:Organization {id: 'same-id', name: 'An organization', kind: 'PUBLISHER'})",
        database_=settings.neo4j_database,
    )
    person = await data_of(client, '{ person(id: "same-id") { globalId } }')
    organization = to_base64("Organization", "same-id")
    assert person["person"]["globalId"] != organization
    data = await data_of(
        client,
        "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Agent { name } } }",
        ids=[person["person"]["globalId"], organization],
    )
    assert data["nodes"] == [
        {"__typename": "Person", "id": "same-id", "name": "A person"},
        {"__typename": "Organization", "id": "same-id", "name": "An organization"},
    ]


@pytest.mark.parametrize(
    "value",
    [
        "claim-efp-196-killed",  # a readable id
        "not base64!",
        to_base64("AuditEvent", "some-id"),  # a type that is no node
        to_base64("Query", "x"),
        to_base64("Claim", "Not A Readable Id"),
        to_base64("Claim", ""),
        "Q2xhaW06" + "A" * 1000,
        "x\ud800",
    ],
    ids=["readable", "not base64", "audit event", "query", "bad inner id", "empty inner id",
         "too long", "lone surrogate"],
)  # fmt: skip
async def test_a_malformed_global_id_is_refused_typed(
    seed_graph: Graph, client: httpx.AsyncClient, value: str
) -> None:
    for document, field in [(NODE, "id"), ("query ($id: ID!) { nodes(ids: [$id]) { id } }", "ids")]:
        body = await gql(client, document, id=value)
        assert not any((body["data"] or {}).values())
        [error] = body["errors"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
        assert value not in error["message"]


async def test_nodes_takes_at_most_100_ids(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    ids = [to_base64("Claim", f"claim-{i}") for i in range(101)]
    body = await gql(client, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=ids)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "ids"}
    data = await data_of(client, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=ids[:100])
    assert data["nodes"] == [None] * 100


PAGE = """query ($after: String) { claims(first: 3, after: $after) {
  edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def test_page_info_is_complete(seed_graph: Graph, client: httpx.AsyncClient) -> None:
    first = (await data_of(client, PAGE))["claims"]
    cursors = [edge["cursor"] for edge in first["edges"]]
    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": cursors[0],
        "endCursor": cursors[-1],
    }
    second = (await data_of(client, PAGE, after=cursors[-1]))["claims"]
    cursors = [edge["cursor"] for edge in second["edges"]]
    assert second["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": True,
        "startCursor": cursors[0],
        "endCursor": cursors[-1],
    }
