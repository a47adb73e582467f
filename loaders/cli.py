"""Command line: ``python -m claimtrace.loaders load data/`` (or ``claimtrace-load load data/``).

Without a folder, ``check`` and ``load`` use the seed corpus that ships with the package.
``detect`` runs detection over the whole graph (or ``--claim`` ones) and stores the
candidates it finds. ``import-claimreview FILE`` imports published fact-checks
(ClaimReview JSON-LD, a DataFeed, or a Fact Check Tools API answer); with ``--check``
it only validates. ``load --bulk`` loads into the empty database of a local instance
through ``neo4j-admin database import`` (then detection runs once over the whole
graph); ``bulk-files FOLDER OUT`` only writes the files that import reads (for a
server elsewhere).

Connection settings come from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE. ``check`` validates without connecting.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from neo4j.exceptions import AuthError, ServiceUnavailable
from prometheus_client import REGISTRY, write_to_textfile
from tqdm import tqdm

from claimtrace.core.database import Graph, open_driver
from claimtrace.core.migrations import MigrationError, apply_migrations
from claimtrace.core.plans import WriteBatch
from claimtrace.core.settings import Settings, SettingsError
from claimtrace.core.store.detection import (
    DETECTION_CONNECTIONS,
    DetectionReport,
    detect,
    detect_all,
)
from claimtrace.core.validation import ValidationError
from claimtrace.core.vocabulary import CandidateKind
from claimtrace.core.writing import AppendOnlyError, graph_counts
from claimtrace.loaders.bulk import ARGUMENTS_FILE, BulkImportError
from claimtrace.loaders.bulk_load import (
    NotEmpty,
    bulk_load_local,
    finish_bulk_import,
    write_bulk_files,
)
from claimtrace.loaders.claimreview import check_claimreview_file, import_claimreview_file
from claimtrace.loaders.load import LoadReport, check_folder, load_folder
from claimtrace.loaders.local_neo4j import LauncherFailed, NotLocal
from claimtrace.loaders.seed import seed_corpus

FOLDER_HELP = "a data folder (default: the seed corpus shipped with claimtrace)"
KINDS = ("Source", "Organization", "Person", "Topic", "Claim", "Assertion", "CONTRADICTS")
IMPORTED_KINDS = ("Source", "Organization", "Person", "Claim", "Assertion")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="claimtrace-load", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    load = commands.add_parser("load", help="validate a data folder and load it into Neo4j")
    load.add_argument("folder", type=Path, nargs="?", help=FOLDER_HELP)
    load.add_argument(
        "--batch-rows", type=int, default=20_000, help="claims+assertions per transaction"
    )
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.add_argument(
        "--no-detect", action="store_true", help="do not run detection after each batch"
    )
    load.add_argument("--report-json", type=Path, help="also write the timings to this file")
    load.add_argument(
        "--bulk",
        action="store_true",
        help="first load into an empty local database, through neo4j-admin database import",
    )
    load.add_argument(
        "--metrics-file",
        type=Path,
        help="write the load's metrics (rows, batches, Cypher round trips) there, in "
        "the Prometheus text format (for node_exporter's textfile collector)",
    )
    detect = commands.add_parser(
        "detect", help="run detection over every claim (or the --claim ones), store candidates"
    )
    detect.add_argument(
        "--kind", action="append", choices=[kind.value for kind in CandidateKind],
        help="only this kind (repeatable; default: every kind)",
    )  # fmt: skip
    detect.add_argument("--claim", action="append", help="only these claims (repeatable)")
    detect.add_argument("--report-json", type=Path, help="also write the figures to this file")
    bulk_files = commands.add_parser(
        "bulk-files", help="validate a data folder and write the files neo4j-admin imports"
    )
    bulk_files.add_argument("folder", type=Path, help="a data folder")
    bulk_files.add_argument("out", type=Path, help="the folder to write them into")
    commands.add_parser(
        "finish-import", help="after neo4j-admin imported bulk-files: migrations and fix-up"
    )
    check = commands.add_parser("check", help="validate a data folder without writing")
    check.add_argument("folder", type=Path, nargs="?", help=FOLDER_HELP)
    reviews = commands.add_parser(
        "import-claimreview", help="import fact-checks: ClaimReview JSON-LD, DataFeed, API JSON"
    )
    reviews.add_argument("file", type=Path, help="a JSON or JSON-LD file")
    reviews.add_argument("--check", action="store_true", help="validate only, write nothing")
    args = parser.parse_args(argv)
    if args.command == "import-claimreview":
        args.folder = args.file
    elif args.command == "detect":
        args.folder = "the graph"
    elif getattr(args, "folder", None) is None:
        args.folder = seed_corpus()
    try:
        if args.command == "import-claimreview":
            return _import_reviews(args.file, check_only=args.check)
        if args.command == "check":
            checked = check_folder(args.folder)
            totals = checked.totals
            _warn(checked.warnings)
            print(
                f"{args.folder}: valid: {totals['Source']} sources, "
                f"{totals['Claim']} claims, {totals['Assertion']} assertions, "
                f"{totals['CONTRADICTS']} conflicts"
            )
            return 0
        if args.command == "detect":
            kinds = [CandidateKind(kind) for kind in args.kind or CandidateKind]
            return asyncio.run(_detect(kinds, args.claim, args.report_json))
        if args.command == "finish-import":
            return asyncio.run(_finish_import())
        if args.command == "bulk-files":
            return _bulk_files(args.folder, args.out)
        if args.bulk:
            return asyncio.run(_bulk_load(args.folder, detection=not args.no_detect))
        status = asyncio.run(
            _load(
                args.folder, args.batch_rows, quiet=args.quiet,
                detection=not args.no_detect, report_json=args.report_json,
            )
        )  # fmt: skip
        if args.metrics_file is not None:
            write_to_textfile(str(args.metrics_file), REGISTRY)
        return status
    except ValidationError as error:
        print(f"refused {args.folder}: {error}", file=sys.stderr)
        return 1
    except AppendOnlyError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except AuthError:
        print("Neo4j rejected NEO4J_USER/NEO4J_PASSWORD", file=sys.stderr)
        return 2
    except ServiceUnavailable:
        print("Neo4j is not reachable at NEO4J_URI", file=sys.stderr)
        return 2
    except MigrationError as error:
        print(f"migration error: {error}", file=sys.stderr)
        return 2
    except (NotLocal, NotEmpty, BulkImportError) as error:
        print(f"refused --bulk: {error}", file=sys.stderr)
        return 2
    except LauncherFailed as error:
        print(f"bulk load failed: {error}", file=sys.stderr)
        return 2


async def _detect(
    kinds: list[CandidateKind], claims: list[str] | None, report_json: Path | None
) -> int:
    settings = Settings.from_env()
    async with open_driver(settings, pool_size=DETECTION_CONNECTIONS) as driver:
        graph = Graph(driver, settings.neo4j_database)
        await apply_migrations(graph)
        if claims:
            report = await detect(graph, claims, kinds)
        else:
            report = await detect_all(graph, kinds)
    print(detection_summary(report))
    if report_json is not None:
        _write_json(report_json, {"detection": _figures(report)})
    return 0


def _figures(report: DetectionReport) -> dict[str, object]:
    return {
        "claims": report.claims,
        "seconds": report.seconds,
        "found": dict(report.found),
        "created": dict(report.created),
    }


def _write_json(path: Path, value: dict[str, object]) -> None:
    path.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")


def detection_summary(report: DetectionReport) -> str:
    found = sum(report.found.values())
    rate = found / report.seconds if report.seconds else 0.0
    lines = [
        f"detection over {report.claims:,} claims in {report.seconds:.1f}s: "
        f"{found:,} candidates ({rate:,.0f}/s), {sum(report.created.values()):,} new",
        f"  {'':<16}{'found':>9}{'new':>9}",
    ]
    for kind in CandidateKind:
        lines.append(f"  {kind.value:<16}{report.found[kind]:>9,}{report.created[kind]:>9,}")
    return "\n".join(lines)


async def _load(
    folder: Path, batch_rows: int, *, quiet: bool, detection: bool, report_json: Path | None
) -> int:
    started = time.perf_counter()
    settings = Settings.from_env()
    async with open_driver(settings, pool_size=DETECTION_CONNECTIONS) as driver:
        graph = Graph(driver, settings.neo4j_database)
        with tqdm(
            desc=f"loading {folder}", unit=" batch", disable=True if quiet else None, leave=False
        ) as bar:

            def advance(batch: WriteBatch) -> None:
                bar.update(1)
                bar.set_postfix_str(batch.files[-1][-60:])

            report = await load_folder(
                graph, folder, max_batch_rows=batch_rows, on_batch=advance, detection=detection
            )
        counts = await graph_counts(graph)
    _warn(report.warnings)
    print(_summary(folder, report, time.perf_counter() - started, counts))
    if report_json is not None:
        figures: dict[str, object] = {"write_seconds": report.write_seconds}
        if report.detection is not None:
            figures["detection"] = _figures(report.detection)
        _write_json(report_json, figures)
    return 0


async def _bulk_load(folder: Path, *, detection: bool) -> int:
    started = time.perf_counter()
    settings = Settings.from_env()
    bulk = await bulk_load_local(settings, folder)
    async with open_driver(settings, pool_size=DETECTION_CONNECTIONS) as driver:
        graph = Graph(driver, settings.neo4j_database)
        counts = await graph_counts(graph)
        # The import is one batch: detection runs once over everything it wrote.
        detected = await detect_all(graph, list(CandidateKind)) if detection else None
    _warn(bulk.load.warnings)
    print(_summary(folder, bulk.load, time.perf_counter() - started, counts))
    print("  steps: " + ", ".join(f"{step} {seconds}s" for step, seconds in bulk.seconds.items()))
    if detected is not None:
        print(detection_summary(detected))
    return 0


def _bulk_files(folder: Path, out: Path) -> int:
    bulk = write_bulk_files(folder, out)
    _warn(bulk.load.warnings)
    print(f"wrote the import files of {folder} into {out}; import them with:")
    print(f"  neo4j-admin database import full <database> @{out / ARGUMENTS_FILE}")
    print("then, with the server started: claimtrace-load finish-import")
    return 0


async def _finish_import() -> int:
    settings = Settings.from_env()
    async with open_driver(settings, pool_size=1) as driver:
        graph = Graph(driver, settings.neo4j_database)
        await finish_bulk_import(graph)
        counts = await graph_counts(graph)
    print("migrations applied; graph holds: " + _node_counts(counts))
    return 0


def _import_reviews(path: Path, *, check_only: bool) -> int:
    if check_only:
        checked = check_claimreview_file(path)
        _warn(checked.warnings)
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(checked.counts.items()))
        print(f"{path}: valid: {counts}")
        return 0
    return asyncio.run(_write_reviews(path))


async def _write_reviews(path: Path) -> int:
    started = time.perf_counter()
    settings = Settings.from_env()
    async with open_driver(settings, pool_size=DETECTION_CONNECTIONS) as driver:
        graph = Graph(driver, settings.neo4j_database)
        before = await graph_counts(graph)
        report = await import_claimreview_file(graph, path)
        after = await graph_counts(graph)
    _warn(report.warnings)
    lines = [
        f"imported {path} in {time.perf_counter() - started:.1f}s",
        f"  {'':<14}{'in file':>9}{'created':>9}{'already there':>15}",
    ]
    for kind in IMPORTED_KINDS:
        lines.append(
            f"  {kind:<14}{report.in_file[kind]:>9}{report.created[kind]:>9}"
            f"{report.already_there(kind):>15}"
        )
    lines.append("graph before: " + _node_counts(before))
    lines.append("graph after:  " + _node_counts(after))
    print("\n".join(lines))
    return 0


def _node_counts(counts: dict[str, dict[str, int]]) -> str:
    return ", ".join(f"{label} {n}" for label, n in sorted(counts["nodes"].items()))


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _summary(
    folder: Path, report: LoadReport, seconds: float, counts: dict[str, dict[str, int]]
) -> str:
    lines = [f"loaded {folder} in {seconds:.1f}s", f"  {'':<14}{'created':>9}{'already there':>15}"]
    for kind in KINDS:
        lines.append(f"  {kind:<14}{report.created[kind]:>9}{report.already_there(kind):>15}")
    if report.detection is not None:
        seconds, write = report.detection.seconds, report.write_seconds
        lines.append(
            f"detection after each batch: {sum(report.detection.created.values())} new "
            f"candidates in {seconds:.1f}s, adding {seconds / write:.0%} to the "
            f"{write:.1f}s of writing"
        )
    nodes = ", ".join(f"{label} {n}" for label, n in sorted(counts["nodes"].items()))
    relationships = ", ".join(f"{kind} {n}" for kind, n in sorted(counts["relationships"].items()))
    lines += [f"graph now holds: {nodes}", f"  relationships: {relationships}"]
    return "\n".join(lines)
