"""Claims' provenance as a W3C PROV document, built with the ``prov`` package.

- A source is an entity attributed (``wasAttributedTo``) to its publisher and its
  authors, with ``ct:role`` saying which; a republished copy ``wasDerivedFrom`` its
  original (``prov:type ct:Republication``).
- An assertion is an entity, the quote (``prov:value``), attributed to its speaker
  and ``wasQuotedFrom`` its source; the quotation keeps the span (``ct:start``,
  ``ct:end``, in Unicode code points) and the hash of the text it counts in. An
  unverified quote (no held text) has no span and says so (``ct:quoteVerified``).
- Reported speech (CITES) is a chain of ``wasDerivedFrom`` down to the first
  speaker, who is also the assertion's ``hadPrimarySource``.
- A retraction is a ``wasInvalidatedBy`` with its time (a recorded instant).
- Dates are never made more precise than the data. PROV's times are xsd:dateTime
  instants, and no date in a text is known to the second, so no ``generatedAtTime``
  is written. Each source and assertion has a generation carrying the date as the
  XSD type of its precision (``ct:date``: xsd:gYear, gYearMonth, date or dateTime for
  a minute), ``ct:precision``, and the bounds of the interval it stands for
  (``ct:notBefore``, ``ct:notAfter``, inclusive); an assertion's also carries the
  basis (``ct:dateBasis``). An unknown date has only its upper bound.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable
from typing import Any

import prov.model as pm
from prov.constants import PROV, XSD

from claimtrace.core.interchange import names
from claimtrace.core.store.records import (
    AgentRecord,
    AssertionBriefRecord,
    AssertionRecord,
    ClaimRecord,
    ProvenanceRecord,
    SourceRecord,
)
from claimtrace.core.vocabulary import AssertedDate, PartialDate

CT = pm.Namespace("ct", names.VOCABULARY)
NAMESPACES = {
    "claim": names.CLAIM,
    "assertion": names.ASSERTION,
    "source": names.SOURCE,
    "person": names.PERSON,
    "organization": names.ORGANIZATION,
}
Attributes = dict[pm.QualifiedName, Any]


def provenance_document(provenances: Iterable[ProvenanceRecord]) -> pm.ProvDocument:
    """One PROV document for the provenance of every claim given."""
    builder = _Builder()
    for provenance in provenances:
        builder.add_provenance(provenance)
    return builder.document


def prov_json(document: pm.ProvDocument) -> str:
    """PROV-JSON (the W3C member submission)."""
    return _text(document.serialize(format="json"))


def prov_jsonld(document: pm.ProvDocument) -> str:
    """PROV-JSONLD, with the submission's context embedded so that a JSON-LD processor
    needs nothing from the network."""
    return _text(document.serialize(format="jsonld", context="embed"))


def prov_turtle(document: pm.ProvDocument) -> str:
    """PROV-O as Turtle."""
    with warnings.catch_warnings():
        # rdflib's Turtle writer calls a Dataset property that rdflib itself deprecates.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        return _text(document.serialize(format="rdf", rdf_format="turtle"))


def prov_n(document: pm.ProvDocument) -> str:
    """PROV-N, the notation for people."""
    return document.get_provn()


def _text(serialized: str | None) -> str:
    assert serialized is not None  # no destination given: the text is returned
    return serialized


class _Builder:
    """Adds records to one document, each PROV element once however often it is met."""

    def __init__(self) -> None:
        self.document = pm.ProvDocument()
        self.document.add_namespace(CT)
        for prefix, uri in NAMESPACES.items():
            self.document.add_namespace(prefix, uri)
        self.seen: set[str] = set()

    def once(self, key: str) -> bool:
        """True the first time ``key`` is met."""
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def add_provenance(self, provenance: ProvenanceRecord) -> None:
        self.add_claim(provenance.claim)
        for assertion in provenance.assertions:
            self.add_assertion(provenance.claim, assertion)

    def add_claim(self, claim: ClaimRecord) -> None:
        if not self.once(f"claim:{claim.id}"):
            return
        attributes: Attributes = {PROV["type"]: CT["Claim"], PROV["value"]: claim.text}
        if claim.refers_to is not None:
            attributes[CT["refersTo"]] = _date_literal(claim.refers_to)
            attributes[CT["refersToPrecision"]] = claim.refers_to.precision.value
        self.document.entity(f"claim:{claim.id}", attributes)

    def add_assertion(self, claim: ClaimRecord, assertion: AssertionRecord) -> None:
        entity = f"assertion:{assertion.id}"
        if not self.once(entity):
            return
        self.add_source(assertion.source)
        attributes = _assertion_attributes(assertion.stance, assertion.mode, assertion.quote)
        attributes |= {CT["hedge"]: assertion.hedge.value, CT["claim"]: _ref("claim", claim.id)}
        attributes[CT["quoteVerified"]] = assertion.quote_verified
        if assertion.rating is not None:
            attributes[CT["rating"]] = assertion.rating
        if assertion.recorded_at is not None:
            attributes[CT["recordedAt"]] = assertion.recorded_at
        self.document.entity(entity, attributes)
        self.add_speaker(entity, assertion.speaker)
        self.document.generation(entity, other_attributes=_asserted(assertion.asserted))
        self.document.quotation(
            entity, f"source:{assertion.source.id}", other_attributes=_span(assertion)
        )
        if assertion.retracted_at is not None:
            self.document.invalidation(entity, time=assertion.retracted_at)
        self.add_chain(entity, assertion.chain)

    def add_chain(self, entity: str, chain: tuple[AssertionBriefRecord, ...]) -> None:
        """Each link derives from the words it passes on; the last is the first speaker's."""
        if not chain:
            return
        links = [entity, *(f"assertion:{step.assertion_id}" for step in chain)]
        for step in chain:
            self.add_step(step)
        if len(chain) > 1:
            for later, earlier in itertools.pairwise(links):
                self.document.derivation(later, earlier)
        self.document.primary_source(entity, links[-1])

    def add_step(self, step: AssertionBriefRecord) -> None:
        entity = f"assertion:{step.assertion_id}"
        if not self.once(entity):
            return
        if self.once(f"source:{step.source_id}"):
            self.document.entity(
                f"source:{step.source_id}",
                {PROV["type"]: CT["Source"], PROV["label"]: step.source_title},
            )
        attributes = _assertion_attributes(step.stance, step.mode, step.quote)
        attributes[CT["quoteVerified"]] = step.quote_verified
        if step.claim_id is not None:
            attributes[CT["claim"]] = _ref("claim", step.claim_id)
        self.document.entity(entity, attributes)
        self.add_speaker(entity, step.speaker)
        self.document.generation(entity, other_attributes=_asserted(step.asserted))
        self.document.quotation(entity, f"source:{step.source_id}")
        if step.retracted_at is not None:
            self.document.invalidation(entity, time=step.retracted_at)

    def add_speaker(self, entity: str, speaker: AgentRecord) -> None:
        agent = self.add_agent(speaker)
        self.document.attribution(entity, agent, other_attributes={CT["role"]: "speaker"})

    def add_agent(self, agent: AgentRecord) -> str:
        prefix = "person" if agent.is_person else "organization"
        name = f"{prefix}:{agent.id}"
        if self.once(name):
            attributes: Attributes = {
                PROV["type"]: PROV["Person"] if agent.is_person else PROV["Organization"],
                PROV["label"]: agent.name,
            }
            if agent.kind is not None:
                attributes[CT["kind"]] = agent.kind
            self.document.agent(name, attributes)
        return name

    def add_source(self, source: SourceRecord) -> None:
        entity = f"source:{source.id}"
        if not self.once(entity):
            return
        attributes: Attributes = {PROV["type"]: CT["Source"], PROV["label"]: source.title}
        for key, value in (
            ("url", source.url), ("kind", source.kind), ("language", source.language),
            ("sha256", source.sha256),
        ):  # fmt: skip
            if value is not None:
                attributes[CT[key]] = pm.Literal(value, XSD["anyURI"]) if key == "url" else value
        self.document.entity(entity, attributes)
        if source.published is not None:
            self.document.generation(entity, other_attributes=_published(source.published))
        if source.publisher is not None:
            publisher = self.add_agent(source.publisher)
            self.document.attribution(entity, publisher, other_attributes={CT["role"]: "publisher"})
        for author in source.authors:
            self.document.attribution(
                entity, self.add_agent(author), other_attributes={CT["role"]: "author"}
            )
        if source.republishes is not None:
            self.add_source(source.republishes)
            self.document.derivation(
                entity,
                f"source:{source.republishes.id}",
                other_attributes={PROV["type"]: CT["Republication"]},
            )


def _ref(prefix: str, record_id: str) -> pm.QualifiedName:
    """A reference to a record, as an attribute value (an IRI in RDF)."""
    return pm.QualifiedName(pm.Namespace(prefix, NAMESPACES[prefix]), record_id)


def _assertion_attributes(stance: Any, mode: Any, quote: str) -> Attributes:
    return {
        PROV["type"]: CT["Assertion"],
        PROV["value"]: quote,
        CT["stance"]: stance.value,
        CT["mode"]: mode.value,
    }


def _date_literal(date: PartialDate) -> pm.Literal:
    return pm.Literal(names.xsd_text(date), XSD[names.xsd_type(date)])


def _instant(text: str) -> pm.Literal:
    return pm.Literal(text, XSD["dateTime"])


def _published(published: PartialDate) -> Attributes:
    return {
        CT["date"]: _date_literal(published),
        CT["precision"]: published.precision.value,
        CT["notBefore"]: _instant(names.not_before_instant(published.earliest)),
        CT["notAfter"]: _instant(names.not_after_instant(published.latest)),
    }


def _asserted(asserted: AssertedDate) -> Attributes:
    attributes: Attributes = {CT["dateBasis"]: asserted.basis.value}
    if asserted.date is not None:
        attributes[CT["date"]] = _date_literal(asserted.date)
        attributes[CT["precision"]] = asserted.date.precision.value
    if asserted.not_before is not None:
        attributes[CT["notBefore"]] = _instant(names.not_before_instant(asserted.not_before))
    attributes[CT["notAfter"]] = _instant(names.not_after_instant(asserted.not_after))
    return attributes


def _span(assertion: AssertionRecord) -> Attributes:
    if assertion.start is None or assertion.end is None:
        return {}  # unverified: no span to keep (the entity says ct:quoteVerified false)
    attributes: Attributes = {
        CT["start"]: assertion.start,
        CT["end"]: assertion.end,
        CT["offsetUnit"]: "unicode-code-point",
    }
    if assertion.source.sha256 is not None:
        attributes[CT["textSha256"]] = assertion.source.sha256
    return attributes
