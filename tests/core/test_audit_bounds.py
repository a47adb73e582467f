"""What an audit event keeps of the strings a client chose: bounded, and still telling."""

from __future__ import annotations

import hashlib

from claimtrace.core.audit import (
    KEPT_PREFIX,
    MAX_AUDIT_TARGETS,
    MAX_AUDIT_TEXT,
    AuditEvent,
    Result,
    bounded,
    bounded_list,
)


def test_a_short_string_is_kept_whole() -> None:
    assert bounded("claim-efp-196-killed") == "claim-efp-196-killed"
    assert bounded("x" * MAX_AUDIT_TEXT) == "x" * MAX_AUDIT_TEXT


def test_a_long_string_keeps_a_prefix_its_length_and_its_hash() -> None:
    value = "id-" + "x" * 900_000
    kept = bounded(value)
    digest = hashlib.sha256(value.encode()).hexdigest()
    assert kept == f"{value[:KEPT_PREFIX]}... (900003 characters, sha256 {digest})"
    assert len(kept) < MAX_AUDIT_TEXT
    assert bounded(value[:-1] + "y") != kept


def test_a_lone_surrogate_is_escaped_so_it_can_be_stored() -> None:
    assert bounded("x\ud800") == "x\\ud800"
    assert bounded("\ud800" * 300).encode("utf-8")


def test_a_long_target_keeps_its_first_ids_and_says_how_many_more() -> None:
    ids = tuple(f"claim-{i}" for i in range(MAX_AUDIT_TARGETS + 5))
    assert bounded_list(ids) == [*ids[:MAX_AUDIT_TARGETS], "... and 5 more"]


def test_an_events_parameters_are_bounded() -> None:
    event = AuditEvent("req-1", "desk", "f" * 10_000, ("x" * 10_000,), Result.REFUSED, "X")
    parameters = event.parameters()
    assert len(parameters["operation"]) < MAX_AUDIT_TEXT
    assert [len(target) < MAX_AUDIT_TEXT for target in parameters["target"]] == [True]
