"""Writes through the API: validated exactly as the loader validates files, and
written by the loader's own batched statements, one transaction per mutation.

Ids are chosen by the client, so a write can be retried: the same content again
is accepted as already there, other content under a known id is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import AsyncDriver, RoutingControl

from api import cypher
from api.errors import BadInput, Duplicate, NotFound
from loaders import validation as check
from loaders.plan import WriteBatch, node_row
from loaders.records import Assertion, PartialDate, Precision, Source, SourceKind, content_hash
from loaders.validation import Problems
from loaders.writing import AppendOnlyError, write_batch

INPUT = "input"


def _refuse_problems(problems: Problems) -> None:
    if problems.found:
        problem = problems.found[0]
        raise BadInput(f"{problem.field}: {problem.message}", field=f"input.{problem.field}")


async def _require(driver: AsyncDriver, database: str, **ids: list[str]) -> None:
    wanted = {kind: ids.get(kind, []) for kind in
              ("claims", "agents", "organizations", "sources", "assertions", "topics")}  # fmt: skip
    records, _, _ = await driver.execute_query(
        cypher.MISSING_REFERENCES, wanted, routing_=RoutingControl.READ, database_=database
    )
    for kind, missing in records[0].data().items():
        if missing:
            raise NotFound(f"no {kind[:-1]} with id {', '.join(missing)}", field=f"input.{kind}")


async def _write(driver: AsyncDriver, database: str, batch: WriteBatch, kind: str) -> bool:
    """Write atomically; True if the record was created, False if it was already there."""
    try:
        created = await write_batch(driver, database, batch, dt.datetime.now(dt.UTC))
    except AppendOnlyError as error:
        raise Duplicate(
            f"{', '.join(error.ids)} already exists with different content; "
            "records are append-only: use a new id",
            field="input.id",
        ) from None
    return created[kind] > 0


async def add_claim(driver: AsyncDriver, database: str, raw: dict[str, Any]) -> bool:
    problems = Problems()
    claim = check.claim(raw, INPUT, problems)
    _refuse_problems(problems)
    assert claim is not None
    await _require(driver, database, topics=list(claim.topics))
    batch = WriteBatch(files=["addClaim"], claims=[node_row(claim)])
    batch.claim_topics = [{"claim": claim.id, "topic": topic} for topic in claim.topics]
    return await _write(driver, database, batch, "Claim")


async def add_source(
    driver: AsyncDriver, database: str, raw: dict[str, Any], text: str | None
) -> bool:
    problems = Problems()
    if text is not None:
        raw = raw | {"file": "(request)"}
    source = check.source(raw, INPUT, problems, {"(request)": text} if text is not None else {})
    _refuse_problems(problems)
    assert source is not None
    await _require(
        driver, database,
        organizations=[source.publisher] if source.publisher else [],
        agents=list(source.authors),
        sources=[source.republishes] if source.republishes else [],
    )  # fmt: skip
    batch = WriteBatch(files=["addSource"], sources=[node_row(source)])
    if source.publisher:
        batch.published_by = [{"source": source.id, "organization": source.publisher}]
    batch.written_by = [
        {"source": source.id, "agent": author, "position": index}
        for index, author in enumerate(source.authors)
    ]
    if source.republishes:
        batch.republishes = [{"source": source.id, "original": source.republishes}]
    return await _write(driver, database, batch, "Source")


async def add_assertion(driver: AsyncDriver, database: str, raw: dict[str, Any]) -> bool:
    claim_id, speaker, source_id = raw.get("claim"), raw.get("by"), raw.get("source")
    cites = list(raw.get("cites") or [])
    await _require(
        driver, database,
        claims=[str(claim_id)], agents=[str(speaker)], sources=[str(source_id)], assertions=cites,
    )  # fmt: skip
    found_in = await _source_for_quote(driver, database, str(source_id))
    problems = Problems()
    assertion = check.assertion(
        {k: v for k, v in raw.items() if k != "source"}, INPUT, problems, found_in
    )
    _refuse_problems(problems)
    assert assertion is not None
    batch = WriteBatch(files=["addAssertion"], assertions=[_assertion_row(assertion)])
    batch.cites = [{"from": assertion.id, "to": cited} for cited in assertion.cites]
    return await _write(driver, database, batch, "Assertion")


def _assertion_row(assertion: Assertion) -> dict[str, Any]:
    row = node_row(assertion)
    row.update(claim=assertion.claim, by=assertion.by, source=assertion.source)
    return row


async def _source_for_quote(driver: AsyncDriver, database: str, source_id: str) -> Source:
    records, _, _ = await driver.execute_query(
        cypher.SOURCE_FOR_QUOTE, id=source_id, routing_=RoutingControl.READ, database_=database
    )
    value = records[0]["source"]
    return Source(
        id=value["id"],
        title="",
        kind=SourceKind.ARTICLE,
        language="",
        published=PartialDate(value["published"], Precision(value["publishedPrecision"])),
        text=value["text"],
    )


async def link_conflict(driver: AsyncDriver, database: str, raw: dict[str, Any]) -> bool:
    problems = Problems()
    conflict = check.conflict(raw, INPUT, problems)
    _refuse_problems(problems)
    assert conflict is not None
    await _require(driver, database, claims=[conflict.first, conflict.second])
    row = {"first": conflict.first, "second": conflict.second, "props": conflict.props(),
           "hash": content_hash(conflict.props())}  # fmt: skip
    return await _write(
        driver, database, WriteBatch(files=["linkConflict"], conflicts=[row]), "CONTRADICTS"
    )


async def retract_assertion(
    driver: AsyncDriver, database: str, assertion_id: str, by: str, reason: str | None
) -> None:
    await _require(driver, database, assertions=[assertion_id])
    records, _, _ = await driver.execute_query(
        cypher.RETRACT_ASSERTION,
        id=assertion_id,
        now=dt.datetime.now(dt.UTC),
        by=by,
        reason=reason,
        database_=database,
    )
    before = records[0]["before"]
    if before is not None:
        raise BadInput(
            f"assertion {assertion_id} was already retracted at {before.iso_format()}",
            field="id",
        )
