"""Generated queries and mutations, valid and invalid, against the real app and the seed corpus.

The documents come from the exported ``schema.graphql`` (hypothesis-graphql): for every
query and mutation field, valid ones (POSITIVE) and ones with exactly one schema
violation (NEGATIVE). Whatever is sent, the answer is never a server error, never an
untyped error from a resolver, and never reveals Cypher, a trace, a path or an address.
Invalid documents are refused before any database work. Without a token nothing is
written; with one, a refused mutation writes nothing.

Each example runs on the session's event loop (where the driver lives) from a plain,
synchronous Hypothesis test, so the number of examples can be chosen per field.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import tempfile
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis_graphql import Mode, mutations, nodes, queries

from claimtrace.api.app import create_app
from claimtrace.core.database import Graph
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from tests.conftest import SEED_DATA
from tests.support.asgi import serve
from tests.support.hostile import (
    TYPED_CODES,
    SessionCountingDriver,
    error_codes,
    graph_fingerprint,
    leaks,
    session_counting_factory,
)
from tests.support.scenarios import Scenario
from tests.support.seed import records_in_files

# Hypothesis keeps caches even without an example database: not in the working tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "claimtrace-hypothesis")

SDL = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()
SCHEMA = graphql.build_schema(SDL)
assert SCHEMA.query_type is not None
assert SCHEMA.mutation_type is not None
QUERY_FIELDS = tuple(SCHEMA.query_type.fields)
MUTATION_FIELDS = tuple(SCHEMA.mutation_type.fields)

TOKEN = "properties-writer-token-0123"
FAST, SLOW = 20, 250  # examples per field and mode: make test, make reliability

_RECORDS = records_in_files(SEED_DATA)
SEED_IDS = sorted(
    {r["id"] for r in _RECORDS["claims"]} | {r["id"] for r in _RECORDS["people"]}
    | {r["id"] for r in _RECORDS["sources"]} | {r["id"] for r in _RECORDS["topics"]}
    | {r["id"] for r in _RECORDS["organizations"]} | {r["id"] for r in _RECORDS["assertions"]}
)  # fmt: skip
# Strings that mean something to some argument: dates, kinds, words of the corpus, a cursor.
MEANINGFUL = (
    "2020", "2020-01", "2020-01-03", "2021-07-08T10:00", "2019-13", "ARTICLE", "REPORT", "HIGH",
    "en", "Iran", "militias deterrence", "Soleimani", "WyIyMDIwIiwiY2xhaW0teCJd", "",
)  # fmt: skip

pytestmark = pytest.mark.neo4j

# Ids: from the corpus, shaped like an id, or anything; the other scalars likewise.
IDS = st.one_of(
    st.sampled_from(SEED_IDS), st.from_regex(r"[a-z0-9][a-z0-9._-]{0,30}", fullmatch=True),
    st.text(),
).map(nodes.String)  # fmt: skip
STRINGS = st.one_of(st.sampled_from(MEANINGFUL), st.text()).map(nodes.String)
# Mostly a valid page size, so that more documents get past `first` to the database.
INTS = st.one_of(
    st.integers(1, 100), st.integers(-2, 120), st.integers(-(2**31), 2**31 - 1)
).map(nodes.Int)  # fmt: skip
SCALARS = {"ID": IDS, "String": STRINGS, "Int": INTS}

# Full-text searches on their own, every other argument valid: any text, many words
# (more terms than Lucene's clause limit once caused a server error), long runs of
# ideographs (each one a term).
_WORDS = st.integers(1, 1200).map(lambda n: " ".join(f"w{i}" for i in range(n)))
_IDEOGRAPHS = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1,
                      max_size=700)  # fmt: skip


def _search(text: str) -> str:
    literal = graphql.print_ast(graphql.StringValueNode(value=text))
    return (
        f"{{ claims(first: 100, filter: {{search: {literal}}}) {{ edges {{ node {{ id }} }} }} }}"
    )


SEARCHES = st.one_of(st.text(), _WORDS, _IDEOGRAPHS).map(_search)

# `topics` takes no argument, so hypothesis-graphql has nothing to violate there:
# an argument it does not have, or a field Topic does not have.
_NAMES = st.from_regex(r"[a-z][A-Za-z]{0,10}", fullmatch=True)
_NOT_TOPIC_FIELDS = _NAMES.filter(lambda name: name not in {"id", "name", "claimCount"})
BAD_TOPICS = st.one_of(
    st.builds("{{ topics({}: {}) {{ id }} }}".format, _NAMES, st.integers()),
    _NOT_TOPIC_FIELDS.map("{{ topics {{ {} }} }}".format),
)


def documents(root: str, name: str, mode: Mode) -> st.SearchStrategy[str]:
    if root == "query" and name == "topics" and mode is Mode.NEGATIVE:
        return BAD_TOPICS
    if name == "claims.search":
        return SEARCHES
    generate = queries if root == "query" else mutations
    return generate(SDL, fields=[name], mode=mode, custom_scalars=SCALARS)


@dataclass
class Tally:
    """What the generated documents met, for the reliability report."""

    examples: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    writes: int = 0

    def summary(self) -> str:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(self.codes.items())) or "none"
        return f"{self.examples.total()} examples, no server error; errors seen: {codes}"


@dataclass
class Api:
    client: httpx.AsyncClient
    driver: SessionCountingDriver
    headers: dict[str, str]


@pytest.fixture
async def loop() -> asyncio.AbstractEventLoop:
    """The session's event loop, where the driver and the app live."""
    return asyncio.get_running_loop()


async def _serve(settings: Settings, headers: dict[str, str]) -> AsyncIterator[Api]:
    """The app with a writer token and no rate limits: thousands of generated documents
    from one address are what these tests send (test_rate_limits.py tests the limits)."""
    made, factory = session_counting_factory()
    with_token = dataclasses.replace(
        settings,
        api_tokens=(("tests", TOKEN),),
        mutations_per_minute=0,
        expensive_reads_per_minute=0,
    )
    async with serve(create_app(with_token, driver_factory=factory)) as client:
        yield Api(client, made[0], headers)


@pytest.fixture
async def anonymous(settings: Settings) -> AsyncIterator[Api]:
    async for api in _serve(settings, {}):
        yield api


@pytest.fixture
async def writer(settings: Settings) -> AsyncIterator[Api]:
    async for api in _serve(settings, {"authorization": f"Bearer {TOKEN}"}):
        yield api


def run_examples(
    loop: asyncio.AbstractEventLoop,
    strategy: st.SearchStrategy[str],
    examples: int,
    check: Callable[[str], Awaitable[None]],
) -> None:
    """Hypothesis, deterministic and leaving no database behind, over an async check."""

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example, HealthCheck.filter_too_much],
    )  # fmt: skip
    @given(strategy)
    def example(document: str) -> None:
        loop.run_until_complete(check(document))

    example()


async def ask(api: Api, document: str) -> tuple[httpx.Response, Any]:
    api.driver.clear()
    response = await api.client.post("/graphql", json={"query": document}, headers=api.headers)
    assert response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/json"), response.text
    return response, response.json()


def answer_problems(response: httpx.Response, body: Any, document: str, mode: Mode) -> list[str]:
    """What is wrong with an answer to a generated document (nothing, hopefully)."""
    problems = [f"reveals {what}" for what in leaks(response.text, json.dumps(document))]
    errors = body.get("errors") or []
    for error, code in zip(errors, error_codes(body), strict=True):
        if code == "INTERNAL_SERVER_ERROR" or code == "SERVICE_UNAVAILABLE":
            problems.append(f"{code}: {error['message']}")
        elif mode is Mode.POSITIVE and code not in TYPED_CODES:
            problems.append(f"untyped error for a valid document: {error['message']}")
    if mode is Mode.NEGATIVE:
        if body.get("data") is not None or not errors:
            problems.append("an invalid document was executed")
        if any("path" in error for error in errors):
            problems.append("an invalid document reached a resolver")
    return problems


def tally_answer(tally: Tally, name: str, body: Any) -> None:
    tally.examples[name] += 1
    tally.codes.update(code or "validation" for code in error_codes(body))


# --------------------------------------------------------------------------- queries


def _check_query(api: Api, tally: Tally, name: str, mode: Mode) -> Callable[[str], Awaitable[None]]:
    async def check(document: str) -> None:
        response, body = await ask(api, document)
        assert answer_problems(response, body, document, mode) == [], document
        if mode is Mode.NEGATIVE:
            assert api.driver.sent == [], f"an invalid document reached the database: {document}"
        tally_answer(tally, name, body)

    return check


@pytest.mark.reliability("property-based hostile queries")
@pytest.mark.parametrize("examples", [FAST, pytest.param(SLOW, marks=pytest.mark.slow)])
def test_generated_queries_answer_cleanly_and_write_nothing(
    examples: int,
    loop: asyncio.AbstractEventLoop,
    seed_graph: Graph,
    anonymous: Api,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(
        f"generated valid and invalid queries, {examples} per mode for each of the "
        f"{len(QUERY_FIELDS)} query fields and full-text searches, with ids of the seed "
        "corpus and arbitrary text"
    )
    before = loop.run_until_complete(graph_fingerprint(seed_graph))
    tally = Tally()
    runs = [(mode, name) for mode in Mode for name in QUERY_FIELDS]
    for mode, name in [*runs, (Mode.POSITIVE, "claims.search")]:
        check = _check_query(anonymous, tally, f"{mode.name} {name}", mode)
        run_examples(loop, documents("query", name, mode), examples, check)
    assert {key.split()[1] for key in tally.examples} >= set(QUERY_FIELDS)
    assert loop.run_until_complete(graph_fingerprint(seed_graph)) == before
    scenario.measure(tally.summary())
    scenario.lost_nothing("graph fingerprint, every node, relationship and property, unchanged")


# ------------------------------------------------------------------------- mutations


def _check_unauthenticated(
    api: Api, tally: Tally, name: str, mode: Mode
) -> Callable[[str], Awaitable[None]]:
    async def check(document: str) -> None:
        response, body = await ask(api, document)
        assert answer_problems(response, body, document, mode) == [], document
        assert body.get("data") is None, document
        if mode is Mode.POSITIVE:
            # Refused for want of a token, or before that for asking too much.
            assert set(error_codes(body)) in ({"UNAUTHENTICATED"}, {"QUERY_TOO_COSTLY"}), document
        assert api.driver.sent == [], f"a refused mutation reached the database: {document}"
        assert api.driver.audited == [], f"an anonymous mutation was audited: {document}"
        tally_answer(tally, name, body)

    return check


@pytest.mark.reliability("property-based hostile queries")
@pytest.mark.parametrize("examples", [FAST, pytest.param(SLOW, marks=pytest.mark.slow)])
def test_generated_mutations_without_a_token_reach_no_database(
    examples: int,
    loop: asyncio.AbstractEventLoop,
    seed_graph: Graph,
    anonymous: Api,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(
        f"generated valid and invalid mutations without a token, {examples} per mode for "
        f"each of the {len(MUTATION_FIELDS)} mutations"
    )
    before = loop.run_until_complete(graph_fingerprint(seed_graph))
    tally = Tally()
    for mode in Mode:
        for name in MUTATION_FIELDS:
            check = _check_unauthenticated(anonymous, tally, f"{mode.name} {name}", mode)
            run_examples(loop, documents("mutation", name, mode), examples, check)
    assert {key.split()[1] for key in tally.examples} == set(MUTATION_FIELDS)
    assert loop.run_until_complete(graph_fingerprint(seed_graph)) == before
    scenario.measure(tally.summary())
    scenario.lost_nothing("no query at all, not even an audit event; graph fingerprint unchanged")


def _check_written(
    api: Api, graph: Graph, tally: Tally, name: str, mode: Mode
) -> Callable[[str], Awaitable[None]]:
    async def check(document: str) -> None:
        before = await graph_counts(graph)
        response, body = await ask(api, document)
        assert answer_problems(response, body, document, mode) == [], document
        if body.get("errors"):
            assert await graph_counts(graph) == before, document
        else:
            tally.writes += 1
        tally_answer(tally, name, body)

    return check


@pytest.mark.reliability("property-based hostile queries")
@pytest.mark.parametrize("examples", [FAST, pytest.param(SLOW, marks=pytest.mark.slow)])
def test_generated_mutations_with_a_token_are_refused_cleanly_or_written(
    examples: int,
    loop: asyncio.AbstractEventLoop,
    writable_seed_graph: Graph,
    writer: Api,
    settings: Settings,
    scenario: Scenario,
) -> None:
    scenario.did(
        f"generated valid and invalid mutations with a writer token, {examples} per mode "
        f"for each of the {len(MUTATION_FIELDS)} mutations"
    )
    tally = Tally()
    for mode in Mode:
        for name in MUTATION_FIELDS:
            # Counts are checked after each refusal; every property once per field, when
            # nothing was accepted in between (an accepted write may touch seed records).
            before = loop.run_until_complete(graph_fingerprint(writable_seed_graph))
            writes = tally.writes
            check = _check_written(writer, writable_seed_graph, tally, f"{mode.name} {name}", mode)
            run_examples(loop, documents("mutation", name, mode), examples, check)
            if tally.writes == writes:
                after = loop.run_until_complete(graph_fingerprint(writable_seed_graph))
                assert after == before, f"refused {name} mutations changed the graph"
    assert {key.split()[1] for key in tally.examples} == set(MUTATION_FIELDS)
    scenario.measure(tally.summary() + f"; {tally.writes} accepted writes")
    scenario.lost_nothing("every refused mutation left the graph fingerprint as it was")
