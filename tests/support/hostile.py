"""What hostile-input tests check on every answer, and how they prove nothing was written.

An answer may echo what the client sent, so a marker counts as a leak only when
it is in the answer and not in the request.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from neo4j import RoutingControl

from claimtrace.core import cypher
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.settings import Settings
from tests.support.counting import CountingDriver

LEAK_MARKERS = {
    "a stack trace": re.compile(r"Traceback|File \""),
    "the database's name": re.compile(r"neo4j", re.IGNORECASE),
    "a connection string": re.compile(r"bolt(\+s|\+ssc)?://|neo4j(\+s|\+ssc)?://"),
    "Cypher": re.compile(
        r"\b(MATCH|MERGE|UNWIND|RETURN|OPTIONAL MATCH|DETACH DELETE|CALL db\.)\b|"
        r"Neo\.(Client|Database|Transient)Error|CypherSyntaxError"
    ),
    "a file path": re.compile(r"[\w./\\-]+\.py\b|site-packages|/(usr|home|tmp|opt|root)/"),
}
# Codes a deliberate refusal may carry; anything else escaping a resolver is a defect.
# Refusals a client can act on; the cost limits refuse valid documents that ask too much.
TYPED_CODES = frozenset({
    "BAD_USER_INPUT", "NOT_FOUND", "DUPLICATE", "UNAUTHENTICATED", "QUERY_LIMIT_EXCEEDED",
    "QUERY_TOO_COSTLY", "EXECUTION_TIMEOUT", "RESPONSE_TOO_LARGE",
})  # fmt: skip


def leaks(answer: str, request: str) -> list[str]:
    """What the answer reveals that the request did not already contain."""
    return [
        what
        for what, pattern in LEAK_MARKERS.items()
        if pattern.search(answer) and not pattern.search(request)
    ]


def error_codes(body: Any) -> list[str | None]:
    """The ``extensions.code`` of each error in a GraphQL answer (None where there is none)."""
    errors = (body.get("errors") or []) if isinstance(body, dict) else []
    return [(error.get("extensions") or {}).get("code") for error in errors]


# ------------------------------------------------------------ proving nothing was written

# The audit trail is left out: it grows with every mutation, refused ones included
# (tests/api/test_audit.py checks it). A record's owners are its id, and for a candidate
# (and its links) the claims and assertions it is about: detection after a write makes
# candidates about what the write added.
_NODES = """
MATCH (n) WHERE NOT n:Migration AND NOT n:AuditEvent
RETURN labels(n) AS labels, properties(n) AS properties,
       [x IN [n.id, n.firstClaimId, n.secondClaimId, n.firstAssertionId, n.secondAssertionId]
        WHERE x IS NOT NULL] AS owners
"""
_RELATIONSHIPS = """
MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT a:AuditEvent
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS properties,
       [x IN [a.id, b.id, a.firstClaimId, a.secondClaimId, a.firstAssertionId,
              a.secondAssertionId] WHERE x IS NOT NULL] AS owners
"""


def _canonical(row: dict[str, Any]) -> str:
    return repr(sorted((key, repr(value)) for key, value in row.items()))


async def graph_fingerprint(graph: Graph, skip_prefix: str = "\x00") -> str:
    """A digest of every node and relationship with all their properties.

    Records one of whose owners (its id, a relationship's ends, the claims and
    assertions a candidate is about) starts with ``skip_prefix`` are left out, so a
    test can check that everything *else* is untouched.
    """
    rows: list[str] = []
    for query in (_NODES, _RELATIONSHIPS):
        records, _, _ = await graph.driver.execute_query(
            query, routing_=RoutingControl.READ, database_=graph.database
        )
        for record in records:
            data = record.data()
            owners = data.pop("owners")
            if any(isinstance(o, str) and o.startswith(skip_prefix) for o in owners):
                continue
            rows.append(_canonical(data))
    rows.sort()
    return f"{len(rows)}:" + hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


class SessionCountingDriver(CountingDriver):
    """Also notes the work done in sessions (writes go through sessions, not
    ``execute_query``). The audit events that a writer's refused mutations leave are
    noted apart, in ``audited``: work on the data is ``sent``."""

    def __init__(self, driver: Any) -> None:
        super().__init__(driver)
        self.audited: list[dict[str, Any]] = []

    def session(self, **kwargs: Any) -> Any:
        return _CountingSession(self._driver.session(**kwargs), self.sent, self.audited)

    def clear(self) -> None:
        self.sent.clear()
        self.audited.clear()


class _CountingSession:
    def __init__(
        self,
        session: Any,
        sent: list[tuple[str, dict[str, Any]]],
        audited: list[dict[str, Any]],
    ) -> None:
        self._session = session
        self._sent = sent
        self._audited = audited

    async def __aenter__(self) -> _CountingSession:
        await self._session.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> Any:
        return await self._session.__aexit__(*exc_info)

    async def run(self, query: str, parameters: dict[str, Any] | None = None) -> Any:
        if query == cypher.CREATE_AUDIT_EVENT:
            self._audited.append(parameters or {})
        else:
            self._sent.append((query, parameters or {}))
        return await self._session.run(query, parameters)

    def __getattr__(self, name: str) -> Any:
        # execute_read, execute_write, begin_transaction: real work on the data.
        self._sent.append((f"<session.{name}>", {}))
        return getattr(self._session, name)


def session_counting_factory() -> tuple[list[SessionCountingDriver], Any]:
    """A driver factory for ``create_app`` and the list its drivers land in."""
    made: list[SessionCountingDriver] = []

    def factory(settings: Settings) -> Any:
        driver = SessionCountingDriver(open_driver(settings))
        made.append(driver)
        return driver

    return made, factory
