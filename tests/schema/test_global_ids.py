"""Global ids taken apart (no database): what parse_global_id accepts and refuses."""

from __future__ import annotations

import pytest
from strawberry.relay import to_base64

from claimtrace.core.errors import BadInput
from claimtrace.schema.global_ids import GlobalId, parse_global_id


def test_a_global_id_is_the_type_and_the_readable_id() -> None:
    value = to_base64("Claim", "claim-efp-196-killed")
    assert value == "Q2xhaW06Y2xhaW0tZWZwLTE5Ni1raWxsZWQ="
    assert parse_global_id(value, "id") == GlobalId("Claim", "claim-efp-196-killed")


@pytest.mark.parametrize(
    "value",
    ["claim-efp-196-killed", "", "====", "not base64!", to_base64("Claim", ""),
     to_base64("Claim", "Upper"), to_base64("Claim", "a" * 201), to_base64("", "x"),
     to_base64("Two words", "x"), "Q2xhaW06" + "A" * 1000, "x\ud800"],
)  # fmt: skip
def test_anything_else_is_refused_naming_the_field(value: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_global_id(value, "ids")
    assert refused.value.extensions == {"code": "BAD_USER_INPUT", "field": "ids"}
