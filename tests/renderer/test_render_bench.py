"""benchmarks/render_bench.py: its screens, row summary and Markdown table (no browser)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from flutter_renderer.api import ErrorKind, RenderResult

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "render_bench.py"
_SPEC = importlib.util.spec_from_file_location("render_bench", _PATH)
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


def test_screens_are_distinct_and_synthetic_ones_reproducible():
    examples = bench.example_screens(8)
    assert len(set(examples)) == 8 and all("Text('#" in code for code in examples)
    synthetic = bench.synthetic_screens(6, seed=3)
    assert len(set(synthetic)) == 6 and synthetic == bench.synthetic_screens(6, seed=3)
    assert synthetic != bench.synthetic_screens(6, seed=4)


def test_summarize_counts_errors_by_kind_and_rates_over_the_wall_time():
    results = [RenderResult(ok=True, png=b"x", elapsed=e) for e in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    results += [
        RenderResult.failure(ErrorKind.TIMEOUT, "too slow", 30.0),
        RenderResult.failure(ErrorKind.SYNTAX, "line 1:1: expected ;", 0.01),
    ]
    row = bench.summarize("render", 4, results, wall=2.0, start=7.5)
    assert (row["screens"], row["ok"], row["errors"], row["rate"], row["start_s"]) == (10, 8, 2, 5.0, 7.5)
    assert row["p50"] == pytest.approx(0.45) and row["p90"] == pytest.approx(0.8)
    assert row["error_kinds"] == {"timeout": 1, "syntax": 1}
    assert row["first_errors"] == ["too slow", "line 1:1: expected ;"]


def test_table_has_one_cell_per_header_and_dashes_for_missing_values():
    render = bench.summarize("render", 16, [RenderResult(ok=True, png=b"x", elapsed=0.25)], wall=0.04, start=12.0)
    score = {
        "run": "score_batch (structure)",
        "workers": 16,
        "screens": 1,
        "ok": 1,
        "errors": 0,
        "rate": 20.0,
        "p50": None,
        "p90": None,
        "start_s": None,
        "wall_s": 0.05,
    }
    lines = bench.markdown_table([render, score]).splitlines()
    assert len(lines) == 4 and {line.count("|") for line in lines} == {len(bench.HEADERS) + 1}
    assert lines[2] == "| render | 16 | 1 | 1 | 0 | 25.0 | 0.250 | 0.250 | 12.0 | 0.0 |"
    assert lines[3] == "| score_batch (structure) | 16 | 1 | 1 | 0 | 20.0 | - | - | - | 0.1 |"
