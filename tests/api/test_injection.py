"""Cypher- and Lucene-injection strings in every string argument of every query and mutation.

Every value reaches Cypher as a parameter and every search as escaped Lucene terms,
so: searches and filters answer normally with no extra results; shaped values
(ids, dates, cursors, kinds) are refused with a typed error; free text is stored
verbatim and read back byte for byte; and the graph changes by exactly the
intended writes, nothing else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpx
import pytest

from claimtrace.api.app import create_app
from claimtrace.api.protection import MAX_ALIASES
from claimtrace.core.database import Graph
from claimtrace.core.errors import BadInput
from claimtrace.core.search import MAX_SEARCH_LENGTH, parse_search
from claimtrace.core.settings import Settings
from claimtrace.core.writing import graph_counts
from tests.conftest import SEED_DATA
from tests.support.asgi import serve
from tests.support.hostile import TYPED_CODES, error_codes, graph_fingerprint, leaks
from tests.support.scenarios import Scenario
from tests.support.seed import records_in_files

pytestmark = pytest.mark.neo4j

TOKEN = "injection-writer-token-0123"
AUTH = {"authorization": f"Bearer {TOKEN}"}
PREFIX = "inj-"  # every record these tests write has an id starting so

CYPHER = [
    '"}) MATCH (n) DETACH DELETE n //',
    "' OR 1=1 --",
    "$claimId",
    "`Claim`) DETACH DELETE c //",
    "x'}) RETURN 1 UNION MATCH (n) RETURN n LIMIT 1 //",
    "CALL db.labels()",
    "'; CALL dbms.components() YIELD name RETURN name //",
    "{id: $id}",
    "\\' OR \\'1\\'=\\'1",
]
LUCENE = [
    "*", "?", "title:x", "a AND b", '"unclosed', "\\", "~2", "[a TO z]", "{a TO z}",
    "Iran~2", "Ir*n", "+Iran -Iraq", "(Iran OR Iraq)", "/Ira./", "Iran && Iraq || !Syria",
    "Iran^10", "text:Iran", "NOT Iran",
]  # fmt: skip
ODDITIES = [
    "\u202eevil", "e\u0301", "\ufb01le", "\ufeffIran", "\U0001d574\U0001d597",
    "\U0001f1ee\U0001f1f7", "line\u2028break", "zero\u200dwidth", "\u0130stanbul",
    "\uff2d\uff21\uff34\uff23\uff28 (n)",
    "tab\there\r\nnew", "stra\u00dfe", "inj-newline\n", "2020\n", "\u0662\u0660\u0662\u0660",
]  # fmt: skip
PAYLOADS = CYPHER + LUCENE + ODDITIES
assert not any("\x00" in payload for payload in PAYLOADS)
# Values that look almost like an id or a date; every shaped field always gets these.
SHAPE_TRAPS = ["inj-newline\n", "2020\n", "\u0662\u0660\u0662\u0660"]
PER_FIELD = 8


def payloads_for(field_index: int, every: bool) -> list[str]:
    """All payloads, or (for make test) the traps and a slice of the rest, taken in turn
    so that each payload reaches several fields."""
    if every:
        return PAYLOADS
    start = field_index * PER_FIELD
    rotated = [PAYLOADS[(start + i) % len(PAYLOADS)] for i in range(PER_FIELD)]
    return SHAPE_TRAPS + [payload for payload in rotated if payload not in SHAPE_TRAPS]


_RECORDS = records_in_files(SEED_DATA)
# What a search may match, per claim: its text and the quotes asserting it.
SEARCHABLE = {claim["id"]: claim["text"] for claim in _RECORDS["claims"]}
for _assertion in _RECORDS["assertions"]:
    SEARCHABLE[_assertion["claim"]] += "\n" + _assertion["quote"]
SEED_PERSON = "person-seth-frantzman"
SEED_CLAIM = "claim-efp-196-killed"
SEED_SOURCE = "src-jpost-2021-iran-declared-war"


@pytest.fixture
async def writer(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a writer token, without rate limits: every payload in every argument
    is sent from one address (test_rate_limits.py tests the limits)."""
    with_token = dataclasses.replace(
        settings,
        api_tokens=(("tests", TOKEN),),
        mutations_per_minute=0,
        expensive_reads_per_minute=0,
    )
    async with serve(create_app(with_token)) as client:
        yield client


async def gql(
    client: httpx.AsyncClient, document: str, variables: dict[str, Any], stored: str = ""
) -> Any:
    """Post with the writer token; ``stored`` is text the answer may echo from the graph."""
    response = await client.post(
        "/graphql", json={"query": document, "variables": variables}, headers=AUTH
    )
    assert response.status_code == 200, response.text
    found = leaks(response.text, document + repr(variables) + stored)
    assert not found, f"answer reveals {found}: {response.text}"
    assert "INTERNAL_SERVER_ERROR" not in error_codes(response.json()), response.text
    return response.json()


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Argument:
    """One string argument of a query; ``call`` selects with ``$v`` where the payload goes."""

    name: str
    call: str
    type: str
    expect: str  # "nothing" found, "typed" refusal, or a "search", "title" or "name" match


QUERY_ARGUMENTS = [
    Argument("claims.filter.search",
             "claims(first: 100, filter: {search: $v}) { edges { node { id } } }",
             "String", "search"),
    *(Argument(f"claims.filter.{key}",
               f"claims(first: 100, filter: {{{key}: $v}}) {{ edges {{ node {{ id }} }} }}",
               "ID", "nothing")
      for key in ("topicId", "personId", "sourceId", "publisherId")),
    *(Argument(f"claims.filter.{key}", f"claims(filter: {{{key}: $v}}) {{ edges {{ cursor }} }}",
               "String", "typed")
      for key in ("assertedFrom", "assertedTo")),
    Argument("claims.after", "claims(after: $v) { edges { cursor } }", "String", "typed"),
    Argument("claim.id", "claim(id: $v) { id }", "ID!", "nothing"),
    Argument("conflicts.claimId", "conflicts(claimId: $v) { kind }", "ID!", "typed"),
    Argument("provenance.claimId", "provenance(claimId: $v) { claim { id } }", "ID!", "nothing"),
    Argument("source.id", "source(id: $v) { id }", "ID!", "nothing"),
    *(Argument(f"sources.filter.{key}",
               f"sources(first: 100, filter: {{{key}: $v}}) {{ edges {{ node {{ id }} }} }}",
               kind, "nothing")
      for key, kind in (("publisherId", "ID"), ("authorId", "ID"), ("kind", "String"))),
    *(Argument(f"sources.filter.{key}", f"sources(filter: {{{key}: $v}}) {{ edges {{ cursor }} }}",
               "String", "typed")
      for key in ("publishedFrom", "publishedTo")),
    Argument("sources.filter.titleContains",
             "sources(first: 100, filter: {titleContains: $v}) { edges { node { title } } }",
             "String", "title"),
    Argument("sources.after", "sources(after: $v) { edges { cursor } }", "String", "typed"),
    Argument("person.id", "person(id: $v) { id }", "ID!", "nothing"),
    Argument("people.filter.nameContains",
             "people(first: 100, filter: {nameContains: $v}) { edges { node { name aliases } } }",
             "String", "name"),
    *(Argument(f"people.filter.{key}",
               f"people(first: 100, filter: {{{key}: $v}}) {{ edges {{ node {{ id }} }} }}",
               "ID", "nothing")
      for key in ("organizationId", "topicId")),
    Argument("people.after", "people(after: $v) { edges { cursor } }", "String", "typed"),
    Argument("comparePositions.personIds",
             f'comparePositions(personIds: [$v, "{SEED_PERSON}"]) {{ rows {{ claim {{ id }} }} }}',
             "ID!", "typed"),
    Argument("comparePositions.topicId",
             f'comparePositions(personIds: ["{SEED_PERSON}", "person-abbas-kadhim"], '
             "topicId: $v) { rows { claim { id } } }", "ID", "typed"),
]  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _nothing(value: Any) -> bool:
    if isinstance(value, dict) and "edges" in value:
        return not value["edges"]
    return value is None or value == []


def _wrong_answer(argument: Argument, payload: str, value: Any) -> str | None:
    """Why one alias's answer is wrong for this payload, or None."""
    if argument.expect == "nothing":
        return None if _nothing(value) else f"found {value!r}"
    nodes = [edge["node"] for edge in value["edges"]]
    if argument.expect == "search":
        words = _words(payload)
        extra = [
            n["id"] for n in nodes if not any(w in SEARCHABLE[n["id"]].casefold() for w in words)
        ]
        return f"extra results {extra}" if extra else None
    wanted = payload.lower()
    if argument.expect == "title":
        extra = [n["title"] for n in nodes if wanted not in n["title"].lower()]
    else:
        extra = [n["name"] for n in nodes
                 if not any(wanted in a.lower() for a in [n["name"], *n["aliases"]])]  # fmt: skip
    return f"extra results {extra}" if extra else None


async def _query_problems(
    client: httpx.AsyncClient, argument: Argument, payloads: list[str]
) -> list[str]:
    refused = [p for p in payloads if argument.expect == "typed" or _nothing_to_find(argument, p)]
    answered = [payload for payload in payloads if payload not in refused]
    problems = [problem for payload in refused
                for problem in await _refused(client, argument, payload)]  # fmt: skip
    return problems + await _answered(client, argument, answered)


def _nothing_to_find(argument: Argument, payload: str) -> bool:
    """A search with no word to find (only punctuation or exclusions) is refused, typed."""
    if argument.expect != "search":
        return False
    try:
        parse_search(payload)
    except BadInput:
        return True
    return False


async def _refused(client: httpx.AsyncClient, argument: Argument, payload: str) -> list[str]:
    """One payload per request: a refused non-null root field ends the whole operation."""
    document = f"query ($v: {argument.type}) {{ {argument.call} }}"
    body = await gql(client, document, {"v": payload})
    if body.get("data") is None and set(error_codes(body)) <= TYPED_CODES and body["errors"]:
        return []
    return [f"{argument.name} {payload!r}: not refused typed: {body}"]


async def _answered(
    client: httpx.AsyncClient, argument: Argument, payloads: list[str]
) -> list[str]:
    """The payloads in one document, an alias each (at most the alias limit at a time)."""
    problems = []
    for start in range(0, len(payloads), MAX_ALIASES):
        chunk = payloads[start : start + MAX_ALIASES]
        names = [f"p{start + i}" for i in range(len(chunk))]
        header = ", ".join(f"${name}: {argument.type}" for name in names)
        selections = " ".join(
            f"{name}: {argument.call.replace('$v', f'${name}')}" for name in names
        )
        body = await gql(
            client, f"query ({header}) {{ {selections} }}", dict(zip(names, chunk, strict=True))
        )
        if body.get("errors"):
            problems.append(f"{argument.name}: errors {body['errors']}")
            continue
        for name, payload in zip(names, chunk, strict=True):
            if wrong := _wrong_answer(argument, payload, body["data"][name]):
                problems.append(f"{argument.name} {payload!r}: {wrong}")
    return problems


# ------------------------------------------------------------------------- mutations

WRITE_ALL = """
mutation ($source: AddSourceInput!, $claim: AddClaimInput!, $assertion: AddAssertionInput!,
          $conflict: LinkConflictInput!, $assertionId: ID!, $reason: String) {
  source: addSource(input: $source) { created }
  claim: addClaim(input: $claim) { created }
  assertion: addAssertion(input: $assertion) { created }
  conflict: linkConflict(input: $conflict) { created }
  retract: retractAssertion(id: $assertionId, reason: $reason) { assertion { id } }
}"""
READ_BACK = """
  s{i}: source(id: $s{i}) {{ title url genre language note sha256 }}
  c{i}: claim(id: $c{i}) {{ text quantity {{ unit }} }}
  p{i}: provenance(claimId: $c{i}) {{
    assertions {{ quote note }}
    conflicts {{ note }}
  }}"""
RETRACTIONS = """
UNWIND $ids AS id
MATCH (a:Assertion {id: id})
RETURN a.id AS id, a.retractionReason AS reason, a.retractedBy AS by
"""
# What one round of WRITE_ALL adds: three nodes and the assertion's and conflict's links.
ONE_ROUND = {"Source": 1, "Claim": 1, "Assertion": 1, "MADE": 1, "ABOUT": 1, "FOUND_IN": 1,
             "CONTRADICTS": 1}  # fmt: skip
LEAD = "Said: "
READ_AT_ONCE = MAX_ALIASES // 3


def _inputs(index: int, payload: str) -> dict[str, Any]:
    """A source, claim, assertion, conflict and retraction carrying the payload in every
    free-text field; the assertion quotes it from the source's text."""
    ids = _ids(index)
    return {
        "source": {"id": ids["source"], "title": payload, "kind": "ARTICLE", "url": payload,
                   "published": {"date": "2024-02-03", "precision": "DAY"}, "genre": payload,
                   "language": payload, "text": _text(payload), "note": payload},
        "claim": {"id": ids["claim"], "text": payload,
                  "quantity": {"value": 3, "unit": payload, "qualifier": "ABOUT"}},
        "assertion": {"id": ids["assertion"], "claimId": ids["claim"], "speakerId": SEED_PERSON,
                      "sourceId": ids["source"], "stance": "SUPPORTS", "mode": "AUTHORIAL",
                      "quote": payload, "start": len(LEAD), "end": len(LEAD) + len(payload),
                      "note": payload},
        "conflict": {"claimIds": [ids["claim"], SEED_CLAIM], "kind": "NUMERIC", "note": payload},
        "assertionId": ids["assertion"],
        "reason": payload,
    }  # fmt: skip


def _text(payload: str) -> str:
    return f"{LEAD}{payload} (end)."


def _ids(index: int) -> dict[str, str]:
    return {kind: f"{PREFIX}{index:02d}-{kind}" for kind in ("source", "claim", "assertion")}


def _expected(payload: str) -> dict[str, Any]:
    sha256 = hashlib.sha256(_text(payload).encode("utf-8")).hexdigest()
    return {
        "source": dict.fromkeys(("title", "url", "genre", "language", "note"), payload)
        | {"sha256": sha256},
        "claim": {"text": payload, "quantity": {"unit": payload}},
        "provenance": {"assertions": [{"quote": payload, "note": payload}],
                       "conflicts": [{"note": payload}]},
        "retraction": {"reason": payload, "by": "tests"},
    }  # fmt: skip


async def _read_back(client: httpx.AsyncClient, graph: Graph) -> dict[int, dict[str, Any]]:
    """What the API (and, for retractions, the graph) holds for each payload's records."""
    read: dict[int, dict[str, Any]] = {}
    for start in range(0, len(PAYLOADS), READ_AT_ONCE):
        indexes = range(start, min(start + READ_AT_ONCE, len(PAYLOADS)))
        header = ", ".join(f"$s{i}: ID!, $c{i}: ID!" for i in indexes)
        variables = {f"{key[0]}{i}": _ids(i)[key] for i in indexes for key in ("source", "claim")}
        document = f"query ({header}) {{ {''.join(READ_BACK.format(i=i) for i in indexes)} }}"
        stored = " ".join(PAYLOADS[i] for i in indexes)
        data = (await gql(client, document, variables, stored=stored))["data"]
        for i in indexes:
            read[i] = {"source": data[f"s{i}"], "claim": data[f"c{i}"],
                       "provenance": data[f"p{i}"]}  # fmt: skip
    records, _, _ = await graph.driver.execute_query(
        RETRACTIONS, ids=[_ids(i)["assertion"] for i in read], database_=graph.database
    )
    by_id = {record["id"]: {"reason": record["reason"], "by": record["by"]} for record in records}
    for i in read:
        read[i]["retraction"] = by_id.get(_ids(i)["assertion"])
    return read


async def _stored_verbatim(client: httpx.AsyncClient, graph: Graph) -> list[str]:
    before = _flat(await graph_counts(graph))
    problems = []
    for index, payload in enumerate(PAYLOADS):
        written = await gql(client, WRITE_ALL, _inputs(index, payload))
        if written.get("errors"):
            problems.append(f"{payload!r}: refused {written['errors']}")
    if problems:
        return problems
    delta = _delta(before, _flat(await graph_counts(graph)))
    if delta != {key: n * len(PAYLOADS) for key, n in ONE_ROUND.items()}:
        problems.append(f"{len(PAYLOADS)} rounds of writes changed the graph by {delta}")
    for index, read in (await _read_back(client, graph)).items():
        expected = _expected(PAYLOADS[index])
        problems += [f"{PAYLOADS[index]!r}: {key} read back as {read[key]!r}"
                     for key in expected if read[key] != expected[key]]  # fmt: skip
    return problems


def _flat(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    return counts["nodes"] | counts["relationships"]


def _delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {key: after[key] - before[key] for key in after if after[key] != before[key]}


# Shaped fields: each payload in each, on an otherwise valid input, must be refused typed.
ADD_SOURCE = "mutation ($input: AddSourceInput!) { addSource(input: $input) { created } }"
ADD_CLAIM = "mutation ($input: AddClaimInput!) { addClaim(input: $input) { created } }"
ADD_ASSERTION = "mutation ($input: AddAssertionInput!) { addAssertion(input: $input) { created } }"
LINK = "mutation ($input: LinkConflictInput!) { linkConflict(input: $input) { created } }"
RETRACT = "mutation ($id: ID!) { retractAssertion(id: $id) { assertion { id } } }"
VALID_SOURCE = {"id": f"{PREFIX}shaped-source", "title": "T", "kind": "ARTICLE",
                "published": {"date": "2024", "precision": "YEAR"}}  # fmt: skip
VALID_CLAIM = {"id": f"{PREFIX}shaped-claim", "text": "T"}
VALID_ASSERTION = {"id": f"{PREFIX}shaped-assertion", "claimId": SEED_CLAIM,
                   "speakerId": SEED_PERSON, "sourceId": SEED_SOURCE, "stance": "SUPPORTS",
                   "mode": "REPORTED", "start": 1902, "end": 1958,
                   "quote": "Reports say that the EFPs killed at least 196 US troops."}  # fmt: skip


def _assertion_with(key: str, payload: str) -> dict[str, Any]:
    return {"input": VALID_ASSERTION | {key: payload}}


SHAPED: list[tuple[str, str, Callable[[str], dict[str, Any]]]] = [
    ("addSource.id", ADD_SOURCE, lambda p: {"input": VALID_SOURCE | {"id": p}}),
    ("addSource.kind", ADD_SOURCE, lambda p: {"input": VALID_SOURCE | {"kind": p}}),
    ("addSource.published.date", ADD_SOURCE,
     lambda p: {"input": VALID_SOURCE | {"published": {"date": p, "precision": "DAY"}}}),
    ("addSource.publisherId", ADD_SOURCE, lambda p: {"input": VALID_SOURCE | {"publisherId": p}}),
    ("addSource.authorIds", ADD_SOURCE, lambda p: {"input": VALID_SOURCE | {"authorIds": [p]}}),
    ("addSource.republishesId", ADD_SOURCE,
     lambda p: {"input": VALID_SOURCE | {"republishesId": p}}),
    ("addSource.confidence", ADD_SOURCE, lambda p: {"input": VALID_SOURCE | {"confidence": p}}),
    ("addClaim.id", ADD_CLAIM, lambda p: {"input": VALID_CLAIM | {"id": p}}),
    ("addClaim.topicIds", ADD_CLAIM, lambda p: {"input": VALID_CLAIM | {"topicIds": [p]}}),
    *((f"addAssertion.{key}", ADD_ASSERTION, partial(_assertion_with, key))
      for key in ("id", "claimId", "speakerId", "sourceId")),
    ("addAssertion.citesIds", ADD_ASSERTION,
     lambda p: {"input": VALID_ASSERTION | {"citesIds": [p]}}),
    ("addAssertion.asserted.date", ADD_ASSERTION,
     lambda p: {"input": VALID_ASSERTION | {"asserted": {"date": p, "precision": "YEAR"}}}),
    ("linkConflict.claimIds", LINK,
     lambda p: {"input": {"claimIds": [p, SEED_CLAIM], "kind": "OPPOSITE", "note": "n"}}),
    ("retractAssertion.id", RETRACT, lambda p: {"id": p}),
]  # fmt: skip


async def _refusal_problems(client: httpx.AsyncClient, every: bool) -> tuple[int, list[str]]:
    problems, sent = [], 0
    for index, (name, document, variables) in enumerate(SHAPED):
        for payload in payloads_for(index, every):
            body = await gql(client, document, variables(payload))
            sent += 1
            errors = body.get("errors") or [{}]
            extensions = errors[0].get("extensions") or {}
            if extensions.get("code") not in TYPED_CODES or "field" not in extensions:
                problems.append(f"{name} {payload!r}: answered {body}")
    return sent, problems


@pytest.mark.reliability("Cypher and Lucene injection")
@pytest.mark.parametrize("every", [False, pytest.param(True, marks=pytest.mark.slow)])
async def test_injection_strings_in_every_string_argument(
    every: bool,
    writable_seed_graph: Graph,
    writer: httpx.AsyncClient,
    settings: Settings,
    scenario: Scenario,
) -> None:
    graph = writable_seed_graph
    some = "each" if every else f"{len(SHAPE_TRAPS) + PER_FIELD} (in turn) of them"
    scenario.did(
        f"{len(PAYLOADS)} Cypher, Lucene and Unicode strings in the full-text search and in "
        f"the free-text fields of all 5 mutations; {some} in each of the other "
        f"{len(QUERY_ARGUMENTS) - 1} query arguments and the {len(SHAPED)} id, date and kind "
        "fields of the mutations; with a writer token"
    )
    seed = await graph_fingerprint(graph)
    counts = await graph_counts(graph)

    problems = []
    for index, argument in enumerate(QUERY_ARGUMENTS):
        payloads = payloads_for(index, every or argument.expect == "search")
        problems += await _query_problems(writer, argument, payloads)
    assert not problems, "\n".join(problems)
    assert await graph_fingerprint(graph) == seed

    sent, problems = await _refusal_problems(writer, every)
    assert not problems, "\n".join(problems)
    assert await graph_counts(graph) == counts
    assert await graph_fingerprint(graph) == seed

    problems = await _stored_verbatim(writer, graph)
    assert not problems, "\n".join(problems)
    # Beyond the records written above (and their links), nothing changed.
    assert await graph_fingerprint(graph, skip_prefix=PREFIX) == seed
    scenario.measure(
        f"{len(QUERY_ARGUMENTS)} query arguments answered normally or refused typed; "
        f"{sent} shaped values refused typed; {len(PAYLOADS)} sets of writes read back verbatim"
    )
    scenario.lost_nothing("seed graph fingerprint unchanged apart from the intended writes")


# ------------------------------------------------------ regressions found by this file

SEARCH = "query ($s: String) { claims(first: 100, filter: {search: $s}) { edges { cursor } } }"


@pytest.mark.parametrize(
    ("search", "refused"),
    [
        ("w " * 250, False),
        ("\u4e2d" * MAX_SEARCH_LENGTH, False),  # each ideograph is a term of its own
        ("a-" * 250, False),
        # More terms than Lucene's clause limit allows were a server error.
        (" ".join(f"w{i}" for i in range(600)), True),
        ("a-b-c-d " * 300, True),
        ("\u4e2d" * (MAX_SEARCH_LENGTH + 1), True),
    ],
    ids=["250 words", "500 ideographs", "250 hyphenated", "600 words", "1200 hyphenated",
         "501 ideographs"],
)  # fmt: skip
async def test_long_searches_are_answered_or_refused_typed(
    seed_graph: Graph, writer: httpx.AsyncClient, search: str, refused: bool
) -> None:
    body = await gql(writer, SEARCH, {"s": search})
    if refused:
        assert body["data"] is None
        [error] = body["errors"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.search"}
        assert f"at most {MAX_SEARCH_LENGTH} characters" in error["message"]
    else:
        assert "errors" not in body


@pytest.mark.parametrize(
    ("document", "variables", "field"),
    [
        # A trailing newline passed `$`-anchored id and date patterns; digits of other
        # scripts passed `\d` and strptime. Both were stored or compared as they came.
        (ADD_CLAIM, {"input": VALID_CLAIM | {"id": "inj-claim\n"}}, "input.id"),
        (ADD_SOURCE, {"input": VALID_SOURCE | {"publisherId": "org-x\n"}}, "input.publisher"),
        (ADD_ASSERTION,
         {"input": VALID_ASSERTION | {"asserted": {"date": "\u0662\u0660\u0662\u0660",
                                                   "precision": "YEAR"}}},
         "input.asserted"),
        ("{ claims(filter: {assertedFrom: \"2020\\n\"}) { edges { cursor } } }", {},
         "filter.assertedFrom"),
        ("{ sources(filter: {publishedTo: \"\u0662\u0660\u0662\u0660\"}) { edges { cursor } } }",
         {}, "filter.publishedTo"),
    ],
    ids=["id with newline", "reference with newline", "Arabic-Indic year", "filter with newline",
         "filter with Arabic-Indic year"],
)  # fmt: skip
async def test_values_that_only_look_like_ids_or_dates_are_refused(
    writable_seed_graph: Graph,
    writer: httpx.AsyncClient,
    settings: Settings,
    document: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    before = await graph_counts(writable_seed_graph)
    body = await gql(writer, document, variables)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    assert await graph_counts(writable_seed_graph) == before
