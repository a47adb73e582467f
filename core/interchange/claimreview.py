"""A claim as schema.org ``Claim`` JSON-LD, with the verdicts on it as ``ClaimReview``s.

- ``appearance``: every source that carries the claim, in the order of the
  assertions; ``firstAppearance``: the source of the earliest one.
- ``author``: whoever first supported the claim (the claimant), when anyone did.
- ``datePublished``: when the claim was first made, as precise as the data (``2020``,
  ``2020-03``, ``2020-03-11``, ``2021-07-08T10:00``: ISO 8601 of reduced precision);
  left out when that first assertion's date is unknown.
- A verdict (an assertion carrying a textual rating) is a ``ClaimReview`` by its
  speaker, whose ``reviewRating.alternateName`` is the rating verbatim.
"""

from __future__ import annotations

from typing import Any, Final

from claimtrace.core.interchange import names
from claimtrace.core.store.records import (
    AgentRecord,
    AssertionRecord,
    ProvenanceRecord,
    SourceRecord,
)
from claimtrace.core.vocabulary import Stance

SCHEMA_CONTEXT: Final = "https://schema.org"


def claim_document(provenance: ProvenanceRecord) -> dict[str, Any]:
    """The claim and the reviews of it, as one JSON-LD document."""
    reviews = [review(provenance, a) for a in provenance.assertions if a.rating is not None]
    return {"@context": SCHEMA_CONTEXT, "@graph": [claim_node(provenance), *reviews]}


def claim_node(provenance: ProvenanceRecord) -> dict[str, Any]:
    claim, assertions = provenance.claim, provenance.assertions
    node: dict[str, Any] = {"@type": "Claim", "@id": names.CLAIM + claim.id, "text": claim.text}
    sources = list({a.source.id: a.source for a in assertions}.values())
    if sources:
        node["appearance"] = [creative_work(source) for source in sources]
        node["firstAppearance"] = {"@id": names.SOURCE + assertions[0].source.id}
    claimant = next((a for a in assertions if a.stance is Stance.SUPPORTS), None)
    if claimant is not None:
        node["author"] = agent(claimant.speaker)
    if assertions and assertions[0].asserted.date is not None:
        node["datePublished"] = assertions[0].asserted.date.date
    return node


def review(provenance: ProvenanceRecord, verdict: AssertionRecord) -> dict[str, Any]:
    source = verdict.source
    node: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": names.ASSERTION + verdict.id,
        "itemReviewed": {"@id": names.CLAIM + provenance.claim.id},
        "claimReviewed": provenance.claim.text,
        "author": agent(verdict.speaker),
        "reviewRating": {"@type": "Rating", "alternateName": verdict.rating},
        "isPartOf": {"@id": names.SOURCE + source.id},
    }
    if source.url is not None:
        node["url"] = source.url
    if source.title:
        node["headline"] = source.title
    if verdict.asserted.date is not None:
        node["datePublished"] = verdict.asserted.date.date
    if source.language:
        node["inLanguage"] = source.language
    return node


def creative_work(source: SourceRecord) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": names.SOURCE + source.id,
        "headline": source.title,
    }
    if source.url is not None:
        node["url"] = source.url
    if source.published is not None:
        node["datePublished"] = source.published.date
    if source.language:
        node["inLanguage"] = source.language
    if source.publisher is not None:
        node["publisher"] = agent(source.publisher)
    if source.authors:
        node["author"] = [agent(author) for author in source.authors]
    if source.republishes is not None:
        node["isBasedOn"] = creative_work(source.republishes)
    return node


def agent(record: AgentRecord) -> dict[str, Any]:
    return {
        "@type": "Person" if record.is_person else "Organization",
        "@id": names.agent_iri(record),
        "name": record.name,
    }
