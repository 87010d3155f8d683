"""Embedded renderer throughput: renders/s and per-sample latency at several worker counts, and the
structure reward (`score_batch`) on the same screens with the largest pool.

Screens: `--source examples` (default), the example screens with their first Text numbered per sample;
`--source synthetic`, the curation generator's screens (seeded, every type and difficulty). Every
render is a different screen. The pool is built from `[renderer]` settings, so overrides such as
FLUTTER_RL__RENDERER__CHROMIUM_PATH apply. Worker start-up is timed apart (`start s`: until every
worker is warm) and excluded from renders/s, as the pool stays warm in training. Latency is per
sample, measured in the worker (compile + map + draw + screenshot). `--out` gets the rows as JSON,
rewritten after each row so a run cut short keeps what it measured.

    .venv/bin/python benchmarks/render_bench.py [--screens 100] [--workers 1 2 4] [--source synthetic]
        [--score] [--out results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from flutter_renderer.api import RenderResult
from flutter_renderer.embedded.backend import EmbeddedBackend
from flutter_renderer.examples import example_files
from flutter_rl.reward.scoring import score_batch
from flutter_rl.settings import Settings, load_settings
from flutter_rl.synth.synthetic import generate_screens

TIMEOUT_S = 30.0  # per sample: generous, so a loaded machine shows slow renders rather than timeouts
COLUMNS = ("run", "workers", "screens", "ok", "errors", "rate", "p50", "p90", "start_s", "wall_s")
HEADERS = (
    "run",
    "workers",
    "screens",
    "ok",
    "errors",
    "per s",
    "p50 latency (s)",
    "p90 latency (s)",
    "start (s)",
    "wall (s)",
)


def example_screens(count: int) -> list[str]:
    """`count` distinct screens: the examples, each with its first Text literal numbered."""
    sources = [f.read_text() for f in example_files()]
    return [re.sub(r"Text\('", f"Text('#{i} ", sources[i % len(sources)], count=1) for i in range(count)]


def synthetic_screens(count: int, seed: int = 42) -> list[str]:
    """`count` screens of the synthetic generator (the same for the same seed)."""
    return [screen.code for screen in generate_screens(count, seed)]


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summarize(run: str, workers: int, results: Sequence[RenderResult], wall: float, start: float) -> dict[str, Any]:
    """One table row: throughput over the batch's wall time, latency percentiles, errors by kind."""
    latencies = [r.elapsed for r in results] or [0.0]
    failed = [r for r in results if not r.ok]
    return {
        "run": run,
        "workers": workers,
        "screens": len(results),
        "ok": len(results) - len(failed),
        "errors": len(failed),
        "rate": len(results) / wall if wall > 0 else 0.0,
        "p50": statistics.median(latencies),
        "p90": percentile(latencies, 0.9),
        "start_s": start,
        "wall_s": wall,
        "error_kinds": dict(Counter(r.error_kind.value for r in failed if r.error_kind)),
        "first_errors": [r.message[:300] for r in failed[:3]],
    }


def table_row(row: dict[str, Any]) -> str:
    """One row of the Markdown table (floats with one or three decimals, missing values as '-')."""

    def cell(column: str, value: Any) -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.1f}" if column in ("rate", "start_s", "wall_s") else f"{value:.3f}"
        return str(value)

    return "| " + " | ".join(cell(c, row.get(c)) for c in COLUMNS) + " |"


def markdown_table(rows: Sequence[dict[str, Any]]) -> str:
    """The header and the rows as a Markdown table."""
    header = ["| " + " | ".join(HEADERS) + " |", "|---|" + "---:|" * (len(HEADERS) - 1)]
    return "\n".join(header + [table_row(row) for row in rows])


def bench(backend: EmbeddedBackend, workers: int, codes: list[str]) -> tuple[dict[str, Any], list[RenderResult]]:
    """Start the pool (timed), warm every worker on a short batch, then render every code once."""
    start = time.monotonic()
    backend.start()
    startup = time.monotonic() - start
    backend.render_batch(codes[: 2 * workers])
    start = time.monotonic()
    results = backend.render_batch(codes)
    return summarize("render", workers, results, time.monotonic() - start, startup), results


def bench_score(
    backend: EmbeddedBackend, workers: int, codes: list[str], renders: list[RenderResult], settings: Settings
) -> dict[str, Any]:
    """`score_batch` with the structure reward: each screen's code as a completion against its own
    render as the target (so it renders again, then SSIM / color / layout against the target)."""
    pairs = [(code, r.png) for code, r in zip(codes, renders) if r.ok]
    reward = settings.reward.model_copy(update={"visual": "structure"})
    start = time.monotonic()
    scores = score_batch(
        [f"```dart\n{code}\n```" for code, _ in pairs], [png for _, png in pairs], backend=backend, settings=reward
    )
    wall = time.monotonic() - start
    failed = [s for s in scores if not s.rendered]
    return {
        "run": "score_batch (structure)",
        "workers": workers,
        "screens": len(scores),
        "ok": len(scores) - len(failed),
        "errors": len(failed),
        "rate": len(scores) / wall if wall > 0 else 0.0,
        "p50": None,
        "p90": None,
        "start_s": None,
        "wall_s": wall,
        "mean_visual": statistics.fmean(s.visual for s in scores) if scores else 0.0,
        "error_kinds": dict(Counter(s.error_kind for s in failed)),
        "first_errors": [s.reason[:300] for s in failed[:3]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="*", default=None, help="worker counts (default: 1, 2, cores)")
    parser.add_argument("--source", choices=("examples", "synthetic"), default="examples")
    parser.add_argument("--score", action="store_true", help="also time score_batch with the largest pool")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args()
    settings = load_settings()
    cores = os.cpu_count() or 1
    counts = sorted(set(args.workers or [1, 2, cores]))
    codes = (synthetic_screens if args.source == "synthetic" else example_screens)(args.screens)
    report: dict[str, Any] = {
        "machine": {
            "arch": platform.machine(),
            "cores": cores,
            "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(),
        },
        "source": args.source,
        "screens": args.screens,
        "chromium_path": settings.renderer.chromium_path,
        "timeout_s": TIMEOUT_S,
        "rows": [],
    }
    print(
        f"machine: {platform.machine()}, {cores} cores, {platform.system()} {platform.release()}; "
        f"{args.screens} {args.source} screens; chromium {settings.renderer.chromium_path}",
        flush=True,
    )

    print(markdown_table([]), flush=True)

    def record(row: dict[str, Any]) -> None:
        report["rows"].append(row)
        print(table_row(row), flush=True)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(report, indent=2))

    for workers in counts:
        with EmbeddedBackend(settings.renderer, workers=workers, timeout_s=TIMEOUT_S) as backend:
            row, results = bench(backend, workers, codes)
            record(row)
            if args.score and workers == counts[-1]:
                record(bench_score(backend, workers, codes, results, settings))


if __name__ == "__main__":
    main()
