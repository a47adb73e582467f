"""A claim's debate in the Argument Interchange Format, as AIFdb's JSON.

- I-nodes (information) hold propositions: the claim, each claim in conflict with
  it, and what each speaker said (their quote).
- A conflict between two claims is mutual: a CA node ("Default Conflict") from each
  to the other.
- Who said what: an L-node (locution: "speaker: quote"), linked to its speaker
  (``locutions``, ``participants``) and by a YA node ("Asserting") to the I-node
  of its words. Those words support the claim they are about through an RA node
  ("Default Inference") or attack it through a CA node; an undecided speaker
  questions the claim (YA "Pure Questioning") and argues neither way.

Edges only ever join an I- or L-node to a scheme node (RA, CA, YA) and back, as AIF
requires. Node ids are consecutive numbers as text, in a fixed order, so the same
debate gives the same document. No timestamps are written: the data knows when
something was said only as an interval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimtrace.core.store.records import (
    AgentRecord,
    AssertionBriefRecord,
    ProvenanceRecord,
)
from claimtrace.core.vocabulary import Stance

ASSERTING = "Asserting"
QUESTIONING = "Pure Questioning"
INFERENCE = "Default Inference"
CONFLICT = "Default Conflict"


def debate(provenance: ProvenanceRecord) -> dict[str, Any]:
    """The claim, the claims in conflict with it, and who supports or refutes which."""
    document = _Document()
    claim = document.proposition(provenance.claim.text)
    this_side = [a.brief(provenance.claim) for a in provenance.assertions]
    document.positions(claim, this_side)
    for conflict in provenance.conflicts:
        other = document.proposition(conflict.other_claim.text)
        document.scheme("CA", CONFLICT, other, claim)
        document.scheme("CA", CONFLICT, claim, other)
        document.positions(other, list(conflict.other_side))
    return document.as_json()


@dataclass
class _Document:
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    locutions: list[dict[str, Any]] = field(default_factory=list)
    participants: dict[tuple[bool, str], dict[str, Any]] = field(default_factory=dict)

    def node(self, kind: str, text: str) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": node_id, "text": text, "type": kind})
        return node_id

    def edge(self, from_id: str, to_id: str) -> None:
        self.edges.append({"edgeID": str(len(self.edges) + 1), "fromID": from_id, "toID": to_id})

    def proposition(self, text: str) -> str:
        return self.node("I", text)

    def scheme(self, kind: str, text: str, premise: str, conclusion: str) -> None:
        """``premise`` -> scheme node -> ``conclusion``."""
        scheme = self.node(kind, text)
        self.edge(premise, scheme)
        self.edge(scheme, conclusion)

    def positions(self, claim: str, assertions: list[AssertionBriefRecord]) -> None:
        for assertion in assertions:
            locution = self.node("L", f"{assertion.speaker.name}: {assertion.quote}")
            self.locutions.append(
                {"nodeID": locution, "personID": self.participant(assertion.speaker)}
            )
            if assertion.stance is Stance.UNDECIDED:
                self.scheme("YA", QUESTIONING, locution, claim)
                continue
            words = self.proposition(assertion.quote)
            self.scheme("YA", ASSERTING, locution, words)
            if assertion.stance is Stance.SUPPORTS:
                self.scheme("RA", INFERENCE, words, claim)
            else:
                self.scheme("CA", CONFLICT, words, claim)

    def participant(self, agent: AgentRecord) -> str:
        key = (agent.is_person, agent.id)
        if key not in self.participants:
            firstname, surname = _names(agent)
            self.participants[key] = {
                "participantID": str(len(self.participants) + 1),
                "firstname": firstname,
                "surname": surname,
            }
        return str(self.participants[key]["participantID"])

    def as_json(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": list(self.participants.values()),
        }


def _names(agent: AgentRecord) -> tuple[str, str]:
    """A person's name split before its last word; an organization's whole."""
    if agent.is_person and " " in agent.name.strip():
        first, _, last = agent.name.strip().rpartition(" ")
        return first, last
    return agent.name, ""
