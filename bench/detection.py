"""Detection over a graph already loaded into the bench Neo4j, without wiping it:
``python -m bench.detection`` prints the figures ``make bench`` reports for a size."""

from __future__ import annotations

import json

from bench.loader import run_detection
from bench.run import bench_settings, detection_figures, detection_table


def main() -> int:
    run = run_detection(bench_settings())
    figures = detection_figures(run)
    claims = run.figures["detection"]["claims"]
    print(run.output.strip())
    print("\n".join(detection_table([{"claims": claims, "load": {}, "detection": figures}])))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
