"""What detection looks at after a write batch: every claim the batch writes, asserts or
links as conflicting, and nothing else."""

from __future__ import annotations

from claimtrace.core.plans import WriteBatch


def test_a_batch_touches_its_claims_asserted_claims_and_conflicting_claims() -> None:
    batch = WriteBatch(
        claims=[{"id": "claim-new"}],
        assertions=[{"id": "asrt-1", "claim": "claim-old"}],
        conflicts=[{"first": "claim-a", "second": "claim-b"}],
        topics=[{"id": "topic-x"}],
    )
    assert batch.touched_claims() == {"claim-new", "claim-old", "claim-a", "claim-b"}


def test_a_batch_without_claims_touches_none() -> None:
    assert WriteBatch(sources=[{"id": "src-1"}]).touched_claims() == set()
