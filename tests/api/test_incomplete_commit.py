"""A write whose commit answer is lost: its own error, never retried, audited, safe to re-send."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from graphql import GraphQLError
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    IncompleteCommit,
    ServiceUnavailable,
)

from claimtrace.api.protection import ClientSafeErrors
from claimtrace.core.database import Graph, open_driver
from claimtrace.core.errors import COMMIT_OUTCOME_UNKNOWN, SERVICE_UNAVAILABLE, code_of
from claimtrace.core.settings import Settings
from tests.support.scenarios import Scenario
from tests.support.writing import (
    ADD_CLAIM,
    AUTH,
    audit_events,
    count_nodes,
    gql,
    new_request_id,
    writer_client,
)

CLAIM = {"id": "claim-test-lost-answer", "text": "Written while the connection broke."}
LOST = "Failed to read from defunct connection while committing"


class LosesCommitAnswers:
    """A real driver whose write transactions end as the driver reports a commit
    whose answer never came: IncompleteCommit, after committing or not."""

    def __init__(self, driver: AsyncDriver, *, committed: bool) -> None:
        self._driver = driver
        self.committed = committed
        self.write_transactions = 0

    def session(self, **config: Any) -> _LosingSession:
        return _LosingSession(self._driver.session(**config), self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


class _LosingSession:
    def __init__(self, session: Any, owner: LosesCommitAnswers) -> None:
        self._session = session
        self._owner = owner

    async def __aenter__(self) -> _LosingSession:
        await self._session.__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._session.__aexit__(*exc_info)

    async def execute_write(self, work: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        self._owner.write_transactions += 1
        if self._owner.committed:
            await self._session.execute_write(work, *args)
        raise IncompleteCommit(LOST)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


@pytest.mark.neo4j
@pytest.mark.reliability("write with unknown commit outcome")
@pytest.mark.parametrize("committed", [True, False], ids=["committed", "not committed"])
async def test_a_lost_commit_answer_is_its_own_error_and_resending_is_safe(
    writable_seed_graph: Graph, settings: Settings, scenario: Scenario, committed: bool
) -> None:
    scenario.did(
        "addClaim whose commit answer is lost (IncompleteCommit at the driver, after the "
        "commit and before it), then the identical request re-sent"
    )
    drivers: list[LosesCommitAnswers] = []

    def losing_driver(app_settings: Settings) -> Any:
        drivers.append(LosesCommitAnswers(open_driver(app_settings), committed=committed))
        return drivers[-1]

    request_id = new_request_id()
    async with writer_client(settings, driver_factory=losing_driver) as client:
        body = await gql(client, ADD_CLAIM, AUTH | {"x-request-id": request_id}, input=CLAIM)
    [error] = body["errors"]
    assert body["data"] is None
    assert error["extensions"] == {"code": COMMIT_OUTCOME_UNKNOWN}
    assert "may or may not have been applied" in error["message"]
    assert "identical" in error["message"]
    assert LOST not in str(body)
    assert drivers[0].write_transactions == 1, "a lost commit answer must never be retried"
    events = await audit_events(writable_seed_graph, request_id)
    expected = [("CREATED", None)] if committed else []
    assert [(e["result"], e.get("code")) for e in events] == [
        *expected, ("UNKNOWN", COMMIT_OUTCOME_UNKNOWN)
    ]  # fmt: skip

    async with writer_client(settings) as client:
        again = await gql(client, ADD_CLAIM, input=CLAIM)
    assert again["data"]["addClaim"]["created"] is not committed
    assert await count_nodes(writable_seed_graph, "Claim", CLAIM["id"]) == 1
    scenario.lost_nothing(
        f"{'committed' if committed else 'uncommitted'}: typed error, one transaction, "
        f"re-sent request answered created: {not committed}, exactly one node"
    )


@pytest.mark.neo4j
async def test_the_driver_retries_an_unavailable_server_but_never_a_lost_commit(
    graph: Graph, settings: Settings
) -> None:
    calls: list[type[Exception]] = []

    def failing_once(error: type[Exception]) -> Callable[[AsyncManagedTransaction], Awaitable[str]]:
        async def work(tx: AsyncManagedTransaction) -> str:
            calls.append(error)
            if calls.count(error) == 1:
                raise error("connection broke")
            return "done"

        return work

    async with graph.driver.session(database=settings.neo4j_database) as session:
        assert await session.execute_write(failing_once(ServiceUnavailable)) == "done"
        with pytest.raises(IncompleteCommit):
            await session.execute_write(failing_once(IncompleteCommit))
    assert calls == [ServiceUnavailable, ServiceUnavailable, IncompleteCommit]


def test_a_lost_commit_is_not_mistaken_for_an_unavailable_database() -> None:
    assert isinstance(IncompleteCommit("x"), ServiceUnavailable)  # why the order matters
    assert code_of(IncompleteCommit("x")) == COMMIT_OUTCOME_UNKNOWN
    assert code_of(ServiceUnavailable("x")) == SERVICE_UNAVAILABLE
    assert code_of(ConnectionAcquisitionTimeoutError("pool busy")) == SERVICE_UNAVAILABLE
    shown = ClientSafeErrors().anonymise_error(
        GraphQLError("internal", original_error=IncompleteCommit(LOST))
    )
    assert shown.extensions == {"code": COMMIT_OUTCOME_UNKNOWN}
    assert LOST not in shown.message
    assert "may or may not have been applied" in shown.message
