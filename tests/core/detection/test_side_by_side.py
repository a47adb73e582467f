"""Detection's reads run side by side: their results keep the order of the steps, and
a failure is raised as it is, the other steps being cancelled."""

from __future__ import annotations

import asyncio

import pytest

from claimtrace.core.store.detection import side_by_side


async def _after(seconds: float, value: str) -> str:
    await asyncio.sleep(seconds)
    return value


async def test_results_keep_the_order_of_the_steps_not_of_their_ends() -> None:
    assert await side_by_side(_after(0.02, "first"), _after(0.0, "second")) == [
        "first",
        "second",
    ]


async def test_a_failure_is_raised_as_it_is_and_cancels_the_others() -> None:
    cancelled = asyncio.Event()

    async def slow() -> str:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return "never"

    async def failing() -> str:
        await asyncio.sleep(0)
        raise LookupError("no such claim")

    with pytest.raises(LookupError, match="no such claim"):
        await side_by_side(slow(), failing())
    await asyncio.wait_for(cancelled.wait(), timeout=1)
