"""Time the sweep's report tables (bootstrap intervals) at the reference size, and print a table.

100 eval screens x 7 checkpoints (base, six checkpoints) x 6 screen types x 3 difficulties, with
`[eval] bootstrap_samples` resamples. Run: `.venv/bin/python benchmarks/sweep_tables_bench.py`.
"""

from __future__ import annotations

import time
from functools import partial

import numpy as np
import pandas as pd

from flutter_rl.evaluate import report

TYPES = ["login", "list", "menu", "modal", "form", "settings"]
DIFFICULTIES = ["easy", "medium", "hard"]


def synthetic_samples(screens: int, checkpoints: int, seed: int = 0) -> pd.DataFrame:
    """Random per-sample rows with the sweep's columns (the numbers only need the right shape)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(checkpoints):
        name, step = ("base", 0) if c == 0 else (f"checkpoint-{80 * c}", 80 * c)
        rendered = rng.random(screens) < 0.64
        visual = np.where(rendered, rng.uniform(0.3, 0.9, screens), 0.0)
        for i in range(screens):
            rows.append(
                {
                    "checkpoint": name,
                    "step": step,
                    "id": f"s{i}",
                    "screen_type": TYPES[i % 6],
                    "difficulty": DIFFICULTIES[i % 3],
                    "rendered": bool(rendered[i]),
                    "error_kind": "" if rendered[i] else "syntax",
                    "format": 1.0,
                    "visual": visual[i],
                    "combined": 0.8 * visual[i] + 0.2,
                    "structure": visual[i],
                }
            )
    return pd.DataFrame(rows)


def main() -> None:
    print(f"{'table':<16}{'screens':>8}{'ckpts':>6}{'resamples':>10}{'rows':>6}{'seconds':>9}")
    for resamples in (1000, 10000):
        samples = synthetic_samples(100, 7)
        ci = {"bootstrap_samples": resamples, "confidence": 0.95}
        for name, build in (
            ("overall", partial(report.overall_table, samples, **ci)),
            ("by_screen_type", partial(report.breakdown_table, samples, "screen_type", **ci)),
            ("by_difficulty", partial(report.breakdown_table, samples, "difficulty", **ci)),
            ("errors", partial(report.error_table, samples)),
        ):
            start = time.perf_counter()
            table = build()
            print(f"{name:<16}{100:>8}{7:>6}{resamples:>10}{len(table):>6}{time.perf_counter() - start:>9.2f}")


if __name__ == "__main__":
    main()
