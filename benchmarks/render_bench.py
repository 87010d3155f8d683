"""Embedded renderer throughput: 100 screens at 1, 2 and N (= cores) workers.

Screens are the example screens with their first Text changed per sample, so every render is a
different screen. Worker start-up is excluded (the pool is warm in training); each configuration
renders a short warm batch first. Prints a Markdown table: renders/s and p50/p90 per-sample latency.

    .venv/bin/python benchmarks/render_bench.py [--screens 100] [--workers 1 2 4]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time

from flutter_renderer.embedded.backend import EmbeddedBackend
from flutter_renderer.examples import example_files


def screens(count: int) -> list[str]:
    """`count` distinct screens: the examples, each with its first Text literal numbered."""
    sources = [f.read_text() for f in example_files()]
    return [re.sub(r"Text\('", f"Text('#{i} ", sources[i % len(sources)], count=1) for i in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench(workers: int, codes: list[str]) -> dict[str, float]:
    with EmbeddedBackend(workers=workers, timeout=30.0) as backend:
        backend.start()
        backend.render_batch(codes[: 2 * workers])  # wait until every worker is up and warm
        start = time.monotonic()
        results = backend.render_batch(codes)
        wall = time.monotonic() - start
    latencies = [r.elapsed for r in results]
    return {"workers": workers, "ok": sum(r.ok for r in results), "rate": len(codes) / wall,
            "p50": statistics.median(latencies), "p90": percentile(latencies, 0.9), "wall": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=100)
    parser.add_argument("--workers", type=int, nargs="*", default=None)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    counts = args.workers or sorted({1, 2, cores})
    codes = screens(args.screens)
    print(f"machine: {platform.machine()}, {cores} cores, {platform.system()} {platform.release()}, "
          f"{args.screens} screens")
    print("| workers | rendered ok | renders/s | p50 latency (s) | p90 latency (s) | wall (s) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for workers in counts:
        row = bench(workers, codes)
        print(f"| {row['workers']} | {row['ok']}/{args.screens} | {row['rate']:.1f} | {row['p50']:.3f} | "
              f"{row['p90']:.3f} | {row['wall']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
