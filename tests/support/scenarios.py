"""The reliability report: each scenario test says what it did and what was lost.

A test marked ``reliability`` takes the ``scenario`` fixture and fills it in;
``make reliability`` runs those tests and prints one table of them at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

RESULTS = pytest.StashKey[list["Scenario"]]()


@dataclass
class Scenario:
    """One row of the report."""

    name: str
    done: str = ""
    lost: str = ""
    measured: list[str] = field(default_factory=list)
    outcome: str = "not run"

    def did(self, what: str) -> None:
        """What was done to the system."""
        self.done = what

    def lost_nothing(self, evidence: str) -> None:
        """Record what was checked to show nothing was lost (say it only after checking)."""
        self.lost = f"nothing ({evidence})"

    def measure(self, figure: str) -> None:
        """A number worth reporting, e.g. a p99 latency."""
        self.measured.append(figure)


def table(scenarios: list[Scenario]) -> list[str]:
    rows = [
        (s.name, s.done, s.lost or "-", "; ".join(s.measured) or "-", s.outcome) for s in scenarios
    ]
    header = ("scenario", "what was done", "what was lost", "measured", "result")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return [line(header), rule, *(line(row) for row in rows)]
