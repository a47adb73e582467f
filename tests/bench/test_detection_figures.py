"""The detection figures the benchmark reports, from the loader's own timings."""

from __future__ import annotations

from bench.loader import LoadRun
from bench.run import batch_detection, detection_figures, detection_table


def test_batch_detection_is_its_time_over_the_writing_time() -> None:
    load = LoadRun(100.0, 200.0, "", {"write_seconds": 40.0, "detection": {"seconds": 10.0}})
    assert batch_detection(load) == {
        "write_seconds": 40.0,
        "batch_detection_seconds": 10.0,
        "batch_detection_share": 0.25,
    }


def test_a_full_pass_gives_candidates_and_claims_per_second() -> None:
    figures = {"claims": 1000, "seconds": 4.0, "found": {"NUMERIC": 6, "OPPOSITE_STANCE": 2}}
    run = LoadRun(5.0, 150.0, "", {"detection": figures})
    result = detection_figures(run)
    assert (result["candidates"], result["candidates_per_second"]) == (8, 2.0)
    assert (result["claims_per_second"], result["peak_rss_mib"]) == (250.0, 150.0)
    [_, _, row, kinds] = detection_table(
        [{"claims": 1000, "load": {"batch_detection_share": 0.25}, "detection": result}]
    )
    assert row.split() == ["1,000", "4.0", "8", "2.0", "250.0", "150.0", "25.0%"]
    assert kinds.split() == ["NUMERIC", "6,", "OPPOSITE_STANCE", "2"]


def test_the_machine_load_is_shown_when_it_was_recorded() -> None:
    figures = {"claims": 10, "seconds": 1.0, "found": {"NUMERIC": 1}}
    result = detection_figures(LoadRun(1.0, 100.0, "", {"detection": figures}))
    size = {"claims": 10, "load": {}, "detection": result, "load_average": [7.9, 8.4, 6.0]}
    assert detection_table([size])[-1].split()[-3:] == ["7.9,", "8.4,", "6.0"]
