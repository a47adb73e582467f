from __future__ import annotations

import pytest

from claimtrace.api.auth import token_name

TOKENS = (("desk", "0123456789abcdef"), ("ci", "fedcba9876543210"))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Bearer 0123456789abcdef", "desk"),
        ("Bearer fedcba9876543210", "ci"),
        ("Bearer 0123456789abcdeX", None),
        ("Basic 0123456789abcdef", None),
        ("0123456789abcdef", None),
        (None, None),
        ("Bearer ", None),
        ("bearer 0123456789abcdef", "desk"),
        ("BEARER fedcba9876543210", "ci"),
        ("beArer   0123456789abcdef ", "desk"),
        ("bearer", None),
        ("Bearer0123456789abcdef", None),
    ],
)
def test_token_name(header: str | None, expected: str | None) -> None:
    assert token_name(header, TOKENS) == expected


def test_no_tokens_configured_means_no_writer() -> None:
    assert token_name("Bearer 0123456789abcdef", ()) is None
