"""Query load over HTTP against a baseline of the same Cypher sent straight through the driver.

For each workload and number of clients, the product run POSTs the workload's GraphQL
bodies to a running uvicorn; the raw run sends, at the same concurrency, exactly the
Cypher and parameters the product sent for those bodies (see ``bench.capture``).
Latency percentiles are nearest-rank over every request of a run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import httpx
from neo4j import AsyncDriver, RoutingControl

from bench.capture import GraphQLBody, SentQuery, capture_queries
from bench.latency import Call, Sample, run_closed_loop
from bench.server import running_api
from bench.workloads import GraphSample, sample_graph
from claimtrace.core.database import open_driver
from claimtrace.core.settings import Settings

PROVENANCE = """
query Provenance($claimId: ID!) {
  provenance(claimId: $claimId) {
    claim { id text quantity { value unit qualifier } firstAsserted }
    independentSourceCount
    assertions {
      id stance mode hedge quote span { start end } asserted { date precision } retractedAt
      speaker { id name ... on Organization { kind } }
      speakerAffiliations { role organization { id name } asOf { date precision } }
      source {
        id title url kind published { date precision }
        publisher { id name } authors { id name }
      }
      citationChain { id speaker { id name } stance mode quote sourceId sourceTitle }
    }
    conflicts {
      kind note
      otherClaim { id text }
      thisSide { id speaker { id name } stance quote sourceTitle }
      otherSide { id speaker { id name } stance quote sourceTitle asserted { date precision } }
    }
  }
}
"""

SEARCH = """
query Search($search: String!) {
  claims(filter: {search: $search}, first: 10) {
    edges { score node { id text } snippet { text start highlights { start end } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

# The first 50 claims (in order of first assertion) under one filter, with their speakers'
# ids as a list would show them.
CLAIMS_PAGE = """
query ClaimsPage($filter: ClaimFilter) {
  claims(filter: $filter, first: 50) {
    edges { node { id text firstAsserted } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

FACETS = """
query Facets($filter: ClaimFilter) {
  claimFacets(filter: $filter, buckets: 10) {
    claims assertions facets { name values buckets { key label claims assertions } }
  }
}
"""

# Three-month windows across the years the generated corpora cover.
DATE_WINDOWS = [("2019-10", "2019-12"), ("2020-04", "2020-06"), ("2021-01", "2021-03"),
                ("2022-07", "2022-09"), ("2023-04", "2023-06")]  # fmt: skip

COMPARE = """
query Compare($personIds: [ID!]!, $topicId: ID) {
  comparePositions(personIds: $personIds, topicId: $topicId) {
    people { id name }
    rows {
      claim { id text }
      positions { person { id } stance assertionId quote }
    }
    pairs {
      first { id name }
      second { id name }
      agreements
      disagreements { kind firstClaimId secondClaimId conflictKind note }
      onlyFirst onlySecond agreementRatio
    }
  }
}
"""

WARMUP_BODIES = 20


class Workload(NamedTuple):
    name: str
    bodies: Sequence[GraphQLBody]


def provenance_workload(claim_ids: Sequence[str]) -> Workload:
    return Workload(
        "provenance", [{"query": PROVENANCE, "variables": {"claimId": c}} for c in claim_ids]
    )


def search_workload(terms: Sequence[str]) -> Workload:
    return Workload("search", [{"query": SEARCH, "variables": {"search": t}} for t in terms])


def phrase_workload(phrases: Sequence[str]) -> Workload:
    return Workload(
        "search phrase", [{"query": SEARCH, "variables": {"search": p}} for p in phrases]
    )


def list_workloads(sample: GraphSample) -> list[Workload]:
    """The claims page unfiltered and under each single filter a frontend uses."""
    people = [person for pair in sample.person_pairs for person in pair]
    filters: dict[str, list[dict[str, Any] | None]] = {
        "list": [None],
        "list topic": [{"topicId": topic} for topic in sample.topic_ids],
        "list person": [{"personId": person} for person in people],
        "list source": [{"sourceId": source} for source in sample.source_ids],
        "list stance": [{"stance": stance} for stance in ("SUPPORTS", "REFUTES", "UNDECIDED")],
        "list dates": [{"assertedFrom": start, "assertedTo": end} for start, end in DATE_WINDOWS],
        "list conflicts": [{"hasConflicts": True}, {"hasConflicts": False}],
    }
    return [
        Workload(name, [{"query": CLAIMS_PAGE, "variables": {"filter": f}} for f in values])
        for name, values in filters.items()
    ]


def facets_workload(topic_ids: Sequence[str]) -> Workload:
    return Workload(
        "facets topic",
        [{"query": FACETS, "variables": {"filter": {"topicId": topic}}} for topic in topic_ids],
    )


def comparison_workload(person_groups: Sequence[Sequence[str]], topic_id: str | None) -> Workload:
    return Workload(
        "compare",
        [
            {"query": COMPARE, "variables": {"personIds": list(group), "topicId": topic_id}}
            for group in person_groups
        ],
    )


async def measure_queries(
    settings: Settings,
    base_url: str,
    driver: AsyncDriver,
    workloads: Sequence[Workload],
    concurrencies: Sequence[int] = (1, 8, 32),
    requests: int = 400,
    budget: float | None = None,
) -> list[dict[str, Any]]:
    """One row per (workload, clients): the product over HTTP, the raw driver on the
    same Cypher, and their ratios. The product runs ``requests`` (or what fits in
    ``budget`` seconds); the raw driver then runs as many. ``driver`` should be opened
    as the API opens its own (``api.database.open_driver``), so that both sides have
    the same pool and timeouts."""
    rows = []
    limits = httpx.Limits(
        max_connections=max(concurrencies), max_keepalive_connections=max(concurrencies)
    )
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0) as client:
        for workload in workloads:
            sent = await capture_queries(settings, workload.bodies)
            product = product_call(client, workload.bodies)
            raw = raw_call(driver, settings.neo4j_database, sent)
            await warm_up(product, raw, len(workload.bodies))
            for clients in concurrencies:
                product_sample = await run_closed_loop(product, requests, clients, budget)
                raw_sample = await run_closed_loop(raw, product_sample.requests, clients)
                rows.append(compare(workload.name, clients, sent, product_sample, raw_sample))
                print(
                    f"  {workload.name} at {clients} clients: {product_sample.elapsed:.1f}s"
                    f" (raw {raw_sample.elapsed:.1f}s)",
                    flush=True,
                )
    return rows


def product_call(client: httpx.AsyncClient, bodies: Sequence[GraphQLBody]) -> Call:
    """Bodies are encoded once, as a client holding its documents would; every answer is
    decoded, as a client reading it would."""
    payloads = [json.dumps(body).encode("utf-8") for body in bodies]
    headers = {"content-type": "application/json"}

    async def call(number: int) -> bool:
        try:
            content = payloads[number % len(payloads)]
            response = await client.post("/graphql", content=content, headers=headers)
            return response.status_code == 200 and "errors" not in response.json()
        except (httpx.HTTPError, ValueError):
            return False

    return call


async def measure_http_floor(
    base_url: str, concurrencies: Sequence[int] = (1, 8, 32), requests: int = 400
) -> list[dict[str, Any]]:
    """GET /healthz (no GraphQL, no Neo4j): what this load generator and uvicorn cost
    on their own, to read the product figures against."""
    limits = httpx.Limits(
        max_connections=max(concurrencies), max_keepalive_connections=max(concurrencies)
    )
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0) as client:

        async def call(number: int) -> bool:
            try:
                return (await client.get("/healthz")).status_code == 200
            except httpx.HTTPError:
                return False

        await run_closed_loop(call, requests, max(concurrencies))
        rows = []
        for clients in concurrencies:
            sample = await run_closed_loop(call, requests, clients)
            rows.append({"clients": clients, "requests": sample.requests} | sample.summary())
        return rows


def raw_call(driver: AsyncDriver, database: str, sent: Sequence[Sequence[SentQuery]]) -> Call:
    """Sends a body's queries one after the other, as the request did."""

    async def call(number: int) -> bool:
        try:
            for query, parameters in sent[number % len(sent)]:
                await driver.execute_query(
                    query,
                    parameters,
                    routing_=RoutingControl.READ,
                    database_=database,
                )
        except Exception:  # any failure is an error to count, as for the product
            return False
        return True

    return call


async def warm_up(product: Call, raw: Call, bodies: int) -> None:
    """A few bodies each way, so plans are cached and connections open."""
    for number in range(min(bodies, WARMUP_BODIES)):
        await product(number)
        await raw(number)


def compare(
    name: str, clients: int, sent: Sequence[Sequence[SentQuery]], product: Sample, raw: Sample
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "workload": name,
        "clients": clients,
        "requests": product.requests,
        "cypher_per_request": round(sum(map(len, sent)) / len(sent), 2),
    }
    row |= {f"product_{key}": value for key, value in product.summary().items()}
    row |= {f"raw_{key}": value for key, value in raw.summary().items()}
    row |= {
        "throughput_ratio": ratio(product.rps, raw.rps),
        "p50_ratio": ratio(product.ms(50), raw.ms(50)),
        "p99_ratio": ratio(product.ms(99), raw.ms(99)),
    }
    return row


def ratio(product: float, raw: float) -> float | None:
    return round(product / raw, 2) if raw > 0 else None


Columns = Sequence[tuple[str, str]]

QUERY_COLUMNS: Columns = (
    ("workload", "workload"), ("clients", "clients"), ("requests", "n"),
    ("cypher_per_request", "cypher/req"),
    ("product_errors", "err"), ("product_rps", "rps"),
    ("product_p50_ms", "p50"), ("product_p95_ms", "p95"), ("product_p99_ms", "p99"),
    ("product_max_ms", "max"),
    ("raw_errors", "raw err"), ("raw_rps", "raw rps"),
    ("raw_p50_ms", "raw p50"), ("raw_p95_ms", "raw p95"), ("raw_p99_ms", "raw p99"),
    ("throughput_ratio", "rps x"), ("p50_ratio", "p50 x"), ("p99_ratio", "p99 x"),
)  # fmt: skip


FLOOR_COLUMNS: Columns = (
    ("clients", "clients"), ("requests", "n"), ("errors", "err"), ("rps", "/healthz rps"),
    ("p50_ms", "p50"), ("p95_ms", "p95"), ("p99_ms", "p99"),
)  # fmt: skip


def format_table(rows: Sequence[dict[str, Any]], columns: Columns = QUERY_COLUMNS) -> str:
    """Plain text, one line per row; times in ms, ratios product/raw."""
    cells = [[title for _, title in columns]]
    cells += [[str(row[key]) for key, _ in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(
        "  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True))
        for line in cells
    )


def workloads_from(sample: GraphSample) -> list[Workload]:
    return [
        provenance_workload(sample.claim_ids),
        search_workload(sample.search_terms),
        phrase_workload(sample.phrases),
        *list_workloads(sample),
        facets_workload(sample.topic_ids),
        comparison_workload(sample.person_pairs, sample.topic_id),
    ]


async def main_async(arguments: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    settings = Settings.from_env()
    async with open_driver(settings) as driver:
        sample = await sample_graph(driver, settings.neo4j_database, size=arguments.bodies)
        async with running_api(settings, workers=arguments.workers) as base_url:
            floor = await measure_http_floor(base_url, arguments.clients, arguments.requests)
            queries = await measure_queries(
                settings,
                base_url,
                driver,
                workloads_from(sample),
                concurrencies=arguments.clients,
                requests=arguments.requests,
                budget=arguments.budget,
            )
    return {"http_floor": floor, "queries": queries}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="GraphQL over HTTP against the raw driver.")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--bodies", type=int, default=100, help="distinct bodies per workload")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--budget", type=float, help="seconds per workload and client count (default: none)"
    )
    parser.add_argument(
        "--clients", type=lambda text: [int(n) for n in text.split(",")], default=[1, 8, 32]
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    arguments = parser.parse_args(argv)
    results = asyncio.run(main_async(arguments))
    print(format_table(results["http_floor"], FLOOR_COLUMNS), end="\n\n")
    print(format_table(results["queries"]))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
