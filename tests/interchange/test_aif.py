"""A claim's debate as AIF JSON: the structure AIF tools require, and who holds what."""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimtrace.core.interchange import aif
from tests.interchange.records import OTHER, PROVENANCE

SCHEMES = {"RA", "CA", "YA", "TA", "MA", "PA"}


def by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["nodeID"]: node for node in document["nodes"]}


def test_the_document_keeps_the_rules_of_aif() -> None:
    document = aif.debate(PROVENANCE)
    nodes = by_id(document)
    assert len(nodes) == len(document["nodes"])  # ids are unique
    for edge in document["edges"]:
        ends = {nodes[edge["fromID"]]["type"], nodes[edge["toID"]]["type"]}
        assert len(ends & SCHEMES) == 1, edge  # every edge joins a scheme to an I- or L-node
    for node in document["nodes"]:
        if node["type"] in {"RA", "CA", "YA"}:
            incoming = [e for e in document["edges"] if e["toID"] == node["nodeID"]]
            outgoing = [e for e in document["edges"] if e["fromID"] == node["nodeID"]]
            assert (len(incoming), len(outgoing)) == (1, 1)
    participants = {p["participantID"] for p in document["participants"]}
    locutions = {loc["nodeID"]: loc["personID"] for loc in document["locutions"]}
    assert set(locutions.values()) <= participants
    assert set(locutions) == {n["nodeID"] for n in document["nodes"] if n["type"] == "L"}


def test_supports_refutes_and_conflicts_map_to_ra_ca_and_questioning() -> None:
    document = aif.debate(PROVENANCE)
    nodes = by_id(document)
    claim, other = (
        n["nodeID"] for n in document["nodes"] if n["text"] in (PROVENANCE.claim.text, OTHER.text)
    )
    into: Counter[tuple[str, str]] = Counter()
    for edge in document["edges"]:
        target, scheme = nodes[edge["toID"]], nodes[edge["fromID"]]
        if target["type"] == "I" and scheme["type"] in SCHEMES:
            into[(target["nodeID"], f"{scheme['type']} {scheme['text']}")] += 1
    # Three supporting speakers on this claim; on the other one supports, one refutes,
    # one is undecided; and the two claims attack each other.
    assert into[(claim, "RA Default Inference")] == 3
    assert into[(claim, "CA Default Conflict")] == 1
    assert into[(other, "RA Default Inference")] == 1
    assert into[(other, "CA Default Conflict")] == 2
    assert into[(other, "YA Pure Questioning")] == 1
    speakers = {f"{p['firstname']} {p['surname']}".strip() for p in document["participants"]}
    assert {"Ada Reporter", "Sam Skeptic", "The Herald", "Wire Service"} <= speakers


def test_the_same_debate_gives_the_same_document() -> None:
    assert aif.debate(PROVENANCE) == aif.debate(PROVENANCE)
