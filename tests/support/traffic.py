"""Mixed GraphQL traffic for load tests: what each client sends, and what came back."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Any

import httpx

PROVENANCE_FIELDS = """claim { id text quantity { value unit qualifier } } independentSourceCount
  assertions { id speaker { name } mode stance quote span { start end }
    speakerAffiliations { role organization { name } }
    source { title published { date precision } publisher { name } authors { name } }
    citationChain { speaker { name } mode quote } }
  conflicts { kind note otherClaim { id } otherSide { speaker { name } stance } }"""
PROVENANCE = f"query ($id: ID!) {{ provenance(claimId: $id) {{ {PROVENANCE_FIELDS} }} }}"
CLAIM = "query ($id: ID!) { claim(id: $id) { id text firstAsserted quantity { value unit } } }"
SEARCH = """query ($words: String!) { claims(filter: {search: $words}, first: 20) {
  edges { node { id text } } pageInfo { hasNextPage endCursor } } }"""
COMPARE = """query ($ids: [ID!]!) { comparePositions(personIds: $ids) {
  people { id name } rows { claim { id } positions { person { id } stance } }
  pairs { agreements onlyFirst onlySecond agreementRatio
    disagreements { kind firstClaimId secondClaimId conflictKind } } } }"""
SOURCES = """{ sources(first: 10) { edges { node { id title published { date }
  publisher { name } authors { name } } } pageInfo { hasNextPage } } }"""
PEOPLE = """{ people(first: 10) { edges { node { id name aliases assertionCount
  affiliations { role organization { name } } } } pageInfo { hasNextPage } } }"""
ADD_CLAIM = """mutation ($input: AddClaimInput!) { addClaim(input: $input) {
  created claim { id } } }"""
IDS = """{ claims(first: 100) { edges { node { id } } }
  people(first: 100) { edges { node { id } } } }"""

WORDS = ("Iran", "rockets", "deterrence", "Soleimani", "withdrawal", "militias", "EFPs")
WRITE_EVERY = 50
# One write in WRITE_EVERY requests; most reads are provenance and single claims.
PLAN = (
    ["write"]
    + ["provenance"] * 12
    + ["claim"] * 10
    + ["search"] * 9
    + ["compare"] * 6
    + ["sources"] * 6
    + ["people"] * 6
)
assert len(PLAN) == WRITE_EVERY


@dataclass(frozen=True)
class Corpus:
    """Ids the traffic refers to, read from the API itself."""

    claims: list[str]
    people: list[str]


@dataclass(frozen=True)
class Outcome:
    kind: str
    seconds: float
    status: int | None
    failure: str | None = None
    written: str | None = None  # the id of an acknowledged write


async def read_corpus(client: httpx.AsyncClient) -> Corpus:
    body = (await client.post("/graphql", json={"query": IDS})).json()
    return Corpus(
        claims=[edge["node"]["id"] for edge in body["data"]["claims"]["edges"]],
        people=[edge["node"]["id"] for edge in body["data"]["people"]["edges"]],
    )


def request_for(kind: str, client: int, n: int, corpus: Corpus) -> dict[str, Any]:
    """The GraphQL request a client sends as its ``n``-th, of the given kind."""
    pick = client * 7 + n
    claim = corpus.claims[pick % len(corpus.claims)]
    variables: dict[str, Any]
    if kind == "write":
        new_id = f"claim-load-{client}-{n}"
        claim_input = {"id": new_id, "text": f"Claim {client}-{n} written under load.",
                       "topicIds": ["topic-us-response"]}  # fmt: skip
        return {"query": ADD_CLAIM, "variables": {"input": claim_input}}
    if kind == "compare":
        size = len(corpus.people)
        first = pick % size
        second = (first + 1 + n % (size - 1)) % size  # never the same person twice
        return {
            "query": COMPARE,
            "variables": {"ids": [corpus.people[first], corpus.people[second]]},
        }
    queries = {"provenance": (PROVENANCE, {"id": claim}), "claim": (CLAIM, {"id": claim}),
               "search": (SEARCH, {"words": WORDS[pick % len(WORDS)]}),
               "sources": (SOURCES, {}), "people": (PEOPLE, {})}  # fmt: skip
    query, variables = queries[kind]
    return {"query": query, "variables": variables}


async def send(
    client: httpx.AsyncClient, kind: str, request: dict[str, Any], headers: dict[str, str]
) -> Outcome:
    """One request, timed; any HTTP error, GraphQL error, or timeout is a failure."""
    started = time.perf_counter()
    try:
        response = await client.post("/graphql", json=request, headers=headers)
    except httpx.HTTPError as error:
        seconds = time.perf_counter() - started
        return Outcome(kind, seconds, None, failure=f"{type(error).__name__} after {seconds:.1f}s")
    seconds = time.perf_counter() - started
    try:
        body = response.json()
    except ValueError:
        return Outcome(kind, seconds, response.status_code, failure=response.text[:200])
    if response.status_code != 200 or body.get("errors") or not body.get("data"):
        failure = f"HTTP {response.status_code}: {str(body)[:300]}"
        return Outcome(kind, seconds, response.status_code, failure=failure)
    return Outcome(kind, seconds, 200, written=_written(kind, request, body))


def _written(kind: str, request: dict[str, Any], body: Any) -> str | None:
    if kind != "write" or not body["data"]["addClaim"]["created"]:
        return None
    written = body["data"]["addClaim"]["claim"]["id"]
    assert written == request["variables"]["input"]["id"]
    return str(written)


def percentiles_ms(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99, in milliseconds."""
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000
