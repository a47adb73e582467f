"""CLAIM_PROVENANCE against the seed corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.store.provenance import fetch_provenance
from claimtrace.core.vocabulary import Mode

pytestmark = pytest.mark.neo4j


async def test_efp_claim_traces_to_unnamed_reports_in_the_jerusalem_post(
    seed_graph: Graph, settings: Settings
) -> None:
    provenance = await fetch_provenance(seed_graph, "claim-efp-196-killed")
    assert provenance is not None
    assert provenance.claim.quantity is not None
    assert (provenance.claim.quantity.value, provenance.claim.quantity.qualifier) == (
        196,
        "AT_LEAST",
    )
    [assertion] = provenance.assertions
    assert assertion.speaker.id == "agent-unnamed-reports"
    assert assertion.mode == "REPORTED"
    assert assertion.quote == "Reports say that the EFPs killed at least 196 US troops."
    source = assertion.source
    assert source.publisher is not None
    assert source.publisher.name == "The Jerusalem Post"
    assert [author.name for author in source.authors] == ["Seth J. Frantzman"]
    assert source.published is not None
    assert (source.published.date, source.published.precision) == ("2021-07-08T10:00", "MINUTE")
    assert isinstance(assertion.recorded_at, dt.datetime)  # native, decided in the record
    assert assertion.mode is Mode.REPORTED
    assert provenance.independent_source_count == 1


async def test_reported_speech_chain_ends_at_the_first_speaker(
    seed_graph: Graph, settings: Settings
) -> None:
    provenance = await fetch_provenance(seed_graph, "claim-ac-trump-threatened-iraq-sanctions")
    assert provenance is not None
    [kadhim] = [a for a in provenance.assertions if a.speaker.id == "person-abbas-kadhim"]
    assert [step.speaker.id for step in kadhim.chain] == ["person-donald-trump"]
    assert kadhim.chain[0].mode == "DIRECT_QUOTE"
    assert kadhim.affiliations[0].organization.name == "Atlantic Council"


async def test_assertions_are_ordered_by_date(seed_graph: Graph, settings: Settings) -> None:
    provenance = await fetch_provenance(seed_graph, "claim-soleimani-strike-restored-deterrence")
    assert provenance is not None
    # By the latest moment each can have been made, then the earliest (unknown first).
    keys = [(a.asserted.not_after, a.asserted.not_before or "") for a in provenance.assertions]
    assert len(keys) >= 3
    assert keys == sorted(keys)
    stances = {a.speaker.id: a.stance for a in provenance.assertions}
    assert stances["person-barbara-slavin"] == "REFUTES"
    assert stances["person-frederic-hof"] == "SUPPORTS"


async def test_unknown_claim_has_no_provenance(seed_graph: Graph, settings: Settings) -> None:
    assert await fetch_provenance(seed_graph, "claim-unknown") is None
