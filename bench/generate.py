"""A synthetic corpus in the shape of the seed data, at any size, from a seed.

    python -m bench.generate --claims 10000 --seed 7 --out DIR [--force]

The same seed and size always give byte-identical output. Documents are made
and written one at a time, referring only to themselves, to earlier documents
and to the shared entities.yaml and sources.yaml, so memory stays bounded and
a loader can read the result in one pass.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.synth.claims import fresh_claim
from bench.synth.dates import FIRST_DAY, LAST_DAY
from bench.synth.documents import PER_FILE, DocumentMaker, Tally
from bench.synth.entities import Cast, make_cast
from bench.synth.memory import Memory
from bench.synth.sources import Originals, unseen_originals
from bench.synth.writing import ShardedWriter, write_yaml

CLAIMS_PER_DOCUMENT = (12, 28)
OWN_PATHS = ("entities.yaml", "sources.yaml", "documents", "claims")


@dataclass(frozen=True)
class Counts:
    organizations: int
    people: int
    topics: int
    sources: int
    documents: int
    republished: int
    claims: int
    quantities: int
    assertions: int
    cites: int
    conflicts: int


def generate(out: Path, claims: int, seed: int, *, per_file: int = PER_FILE) -> Counts:
    """Write a corpus of exactly ``claims`` claims into ``out`` (missing or empty).

    ``per_file`` documents go to each claims file and each text folder.
    """
    if claims < 1:
        raise ValueError("a corpus needs at least one claim")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; --force replaces a generated corpus")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    cast = make_cast(claims, rng)
    write_yaml(out / "entities.yaml", "Synthetic organizations, people and topics.", cast.records)
    originals = _write_originals(out, cast, math.ceil(claims / 20), rng)
    maker = DocumentMaker(cast, Memory(), originals, math.ceil(claims / 20), rng, per_file)
    tally = Tally()
    with ShardedWriter(out, per_file) as writer:
        while tally.claims < claims:
            wanted = min(rng.randint(*CLAIMS_PER_DOCUMENT), claims - tally.claims)
            document = maker.make(tally.documents, wanted)
            writer.write(document)
            tally.add(document.tally)
    entities = cast.record_count()
    return Counts(
        organizations=entities["organizations"],
        people=entities["people"],
        topics=entities["topics"],
        sources=tally.documents + len(originals),
        **asdict(tally),
    )


def _write_originals(out: Path, cast: Cast, documents: int, rng: random.Random) -> Originals:
    subjects = [agent.name for agent in cast.organizations]
    count = max(2, documents // 100)
    middle = (FIRST_DAY + LAST_DAY) // 2
    titles = [fresh_claim(subjects, middle, rng).body() for _ in range(count)]
    records, originals = unseen_originals(count, titles, rng)
    heading = "Originals seen only through their copies."
    write_yaml(out / "sources.yaml", heading, {"sources": records})
    return originals


def _clear(out: Path) -> None:
    for name in OWN_PATHS:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--claims", type=int, required=True, help="how many claims (exactly)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="a missing or empty folder")
    parser.add_argument("--force", action="store_true", help="replace a corpus already in --out")
    args = parser.parse_args(argv)
    if args.force and args.out.is_dir():
        _clear(args.out)
    started = time.perf_counter()
    try:
        counts = generate(args.out, args.claims, args.seed)
    except (FileExistsError, ValueError) as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(" ".join(f"{name}={value}" for name, value in asdict(counts).items()))
    print(f"wrote {args.out} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
