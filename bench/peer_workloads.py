"""The workloads both APIs can answer, each as a pair of GraphQL documents selecting
the same facts, and how to read both answers into one shape so that their sameness
is checked before anything is timed.

The peer, @neo4j/graphql, is served the type definitions in bench/peer/typeDefs.graphql;
it has no equivalent of claimtrace's citation chains, independent source counts or
first appearance (they would need hand-written Cypher), so they are left out here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from bench.capture import GraphQLBody

# A claim's provenance: its assertions by date with speaker and source (publisher,
# authors in order), and its conflicts with the other claim's assertions.
PROVENANCE = """
query Provenance($claimId: ID!) {
  provenance(claimId: $claimId) {
    claim { id text quantity { value unit qualifier } firstAsserted }
    assertions {
      id stance mode hedge quote span { start end } asserted { date precision }
      speaker { id name }
      source {
        id title url kind published { date precision } publisher { id name } authors { id name }
      }
    }
    conflicts {
      kind note
      otherClaim { id text }
      otherSide { id stance quote speaker { id name } sourceId sourceTitle }
    }
  }
}
"""

PEER_PROVENANCE = """
query Provenance($claimId: ID!) {
  claims(where: {id: {eq: $claimId}}) {
    id text quantityValue quantityUnit quantityQualifier firstAsserted
    assertions(sort: [{assertedNotAfter: ASC}, {id: ASC}]) {
      id stance mode hedge quote start end asserted assertedPrecision
      speaker { ... on Person { id name } ... on Organization { id name } }
      source {
        id title url kind published publishedPrecision publisher { id name }
        authorsConnection(sort: [{edge: {position: ASC}}]) {
          edges { node { ... on Person { id name } ... on Organization { id name } } }
        }
      }
    }
    contradictsConnection(sort: [{node: {id: ASC}}]) {
      edges {
        properties { kind note }
        node {
          id text
          assertions(sort: [{assertedNotAfter: ASC}, {id: ASC}]) {
            id stance quote
            speaker { ... on Person { id name } ... on Organization { id name } }
            source { id title }
          }
        }
      }
    }
  }
}
"""

# The first page of claims in order of first assertion, then id.
CLAIMS_PAGE = """
query ClaimsPage {
  claims(first: 50) { edges { node { id text firstAsserted } } }
}
"""

PEER_CLAIMS_PAGE = """
query ClaimsPage {
  claims(limit: 50, sort: [{firstAsserted: ASC}, {id: ASC}]) { id text firstAsserted }
}
"""

# An answer read into plain lists and dicts, the same shape for both sides. Assertions
# are compared as sets: both order them by date, but break ties between dates
# differently (claimtrace by the earliest possible moment before the id).
Facts = Any


class PeerWorkload(NamedTuple):
    name: str
    bodies: Sequence[GraphQLBody]  # claimtrace's
    peer_bodies: Sequence[GraphQLBody]  # the peer's, one for one
    facts: Callable[[Any], Facts]  # claimtrace's answer's data, read
    peer_facts: Callable[[Any], Facts]  # the peer's


def provenance_pair(claim_ids: Sequence[str]) -> PeerWorkload:
    return PeerWorkload(
        "provenance",
        [{"query": PROVENANCE, "variables": {"claimId": c}} for c in claim_ids],
        [{"query": PEER_PROVENANCE, "variables": {"claimId": c}} for c in claim_ids],
        provenance_facts,
        peer_provenance_facts,
    )


def claims_page_pair() -> PeerWorkload:
    return PeerWorkload(
        "claims page",
        [{"query": CLAIMS_PAGE}],
        [{"query": PEER_CLAIMS_PAGE}],
        lambda data: [edge["node"] for edge in data["claims"]["edges"]],
        lambda data: data["claims"],
    )


def agent(value: dict[str, Any]) -> tuple[str, str]:
    return value["id"], value["name"]


def provenance_facts(data: Any) -> Facts:
    found = data["provenance"]
    return {
        "claim": found["claim"]["id"],
        "assertions": sorted(
            (
                a["id"], a["stance"], a["quote"], a["span"]["start"], agent(a["speaker"]),
                a["source"]["id"], [agent(p) for p in [a["source"]["publisher"]] if p],
                [agent(au) for au in a["source"]["authors"]],
            )
            for a in found["assertions"]
        ),
        "conflicts": [
            (
                c["kind"], c["otherClaim"]["id"],
                sorted((o["id"], agent(o["speaker"])) for o in c["otherSide"]),
            )
            for c in found["conflicts"]
        ],
    }  # fmt: skip


def peer_provenance_facts(data: Any) -> Facts:
    [found] = data["claims"]
    return {
        "claim": found["id"],
        "assertions": sorted(
            (
                a["id"], a["stance"], a["quote"], a["start"], agent(a["speaker"][0]),
                a["source"][0]["id"], [agent(p) for p in a["source"][0]["publisher"]],
                [agent(e["node"]) for e in a["source"][0]["authorsConnection"]["edges"]],
            )
            for a in found["assertions"]
        ),
        "conflicts": [
            (
                e["properties"]["kind"], e["node"]["id"],
                sorted((o["id"], agent(o["speaker"][0])) for o in e["node"]["assertions"]),
            )
            for e in found["contradictsConnection"]["edges"]
        ],
    }  # fmt: skip


def peer_workloads(claim_ids: Sequence[str]) -> list[PeerWorkload]:
    return [provenance_pair(claim_ids), claims_page_pair()]
