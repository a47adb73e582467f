"""The identifiers every export shares, and partial dates as XSD values.

Readable ids are unique per type only, so each type has its own URN namespace:
``urn:claimtrace:claim:claim-efp-196-killed``. They are stable for as long as the
readable id is, which is forever. Terms of claimtrace's own vocabulary live under
``urn:claimtrace:ns#``.
"""

from __future__ import annotations

from typing import Final

from claimtrace.core.store.records import AgentRecord
from claimtrace.core.vocabulary import PartialDate, Precision

URN: Final = "urn:claimtrace:"
VOCABULARY: Final = f"{URN}ns#"
CLAIM: Final = f"{URN}claim:"
ASSERTION: Final = f"{URN}assertion:"
SOURCE: Final = f"{URN}source:"
PERSON: Final = f"{URN}person:"
ORGANIZATION: Final = f"{URN}organization:"

# Each precision as the XSD type that holds exactly that much of a date.
XSD_TYPES: Final = {
    Precision.YEAR: "gYear",
    Precision.MONTH: "gYearMonth",
    Precision.DAY: "date",
    Precision.MINUTE: "dateTime",
}


def agent_namespace(agent: AgentRecord) -> str:
    return PERSON if agent.is_person else ORGANIZATION


def agent_iri(agent: AgentRecord) -> str:
    return agent_namespace(agent) + agent.id


def xsd_text(date: PartialDate) -> str:
    """The date as its XSD type writes it; a minute gets the seconds dateTime requires
    (the type says so: ``xsd_type``), nothing more precise is added."""
    return f"{date.date}:00" if date.precision is Precision.MINUTE else date.date


def xsd_type(date: PartialDate) -> str:
    return XSD_TYPES[date.precision]


def not_before_instant(minute: str) -> str:
    """An interval's first minute, as the xsd:dateTime of its first second."""
    return f"{minute}:00"


def not_after_instant(minute: str) -> str:
    """An interval's last minute (inclusive), as the xsd:dateTime of its last second."""
    return f"{minute}:59"
