"""The sweep's tables, as DataFrames built from the per-sample rows of every checkpoint.

- `overall_table`: one row per checkpoint: the render figures, visual, combined, format, structure, each with
  its bootstrap interval, and the change against the base (paired by screen id) with its interval;
- `breakdown_table`: the same per screen type or per difficulty (the reference experiment's per-type
  table is the `final` rows of `breakdown_table(samples, "screen_type")`);
- `error_table`: how many samples failed to render, per error kind and checkpoint (what to fix next).

Rates are fractions in [0, 1]; their changes are in percentage points (`render_rate_delta_pp`).
Scores and their changes are absolute (`visual_delta`).

Three render figures separate the policy's failures from the renderer's blind spots: `render_rate`
over all samples, `unsupported_share` (code the renderer calls valid Flutter it cannot draw), and
`render_rate_supported` over the other samples, whose change against the base is paired over the
screens supported at both checkpoints. They are derived from `error_kind`, so units cached before
they existed report them too.
"""

from __future__ import annotations

import zlib

import pandas as pd

from flutter_renderer.api import ErrorKind
from flutter_rl.evaluate.stats import bootstrap_mean, bootstrap_paired_difference
from flutter_rl.reward.registry import report_columns

# metric column -> per-sample column it averages (NaN cells left out): the render rates, the combined
# reward, and every reward the registry reports (flutter_rl.reward.registry.report_columns)
METRICS: dict[str, str] = {
    "render_rate": "rendered",
    "unsupported_share": "unsupported",
    "render_rate_supported": "rendered_supported",
    "combined": "combined",
    **{name: name for name in report_columns()},
}
RATES = {"render_rate", "unsupported_share", "render_rate_supported"}
BASE = "base"


def with_render_columns(samples: pd.DataFrame) -> pd.DataFrame:
    """`samples` plus `unsupported` (True when the renderer called the code `unsupported`),
    `rendered_supported` (`rendered`, NaN for an unsupported sample), and NaN for a metric's column
    that the table lacks (a reward registered after it was scored)."""
    unsupported = samples["error_kind"].fillna("").eq(ErrorKind.UNSUPPORTED.value)
    samples = samples.assign(
        unsupported=unsupported, rendered_supported=samples["rendered"].astype(float).where(~unsupported)
    )
    return samples.assign(**{column: float("nan") for column in METRICS.values() if column not in samples})


def delta_name(metric: str) -> str:
    """The column of a metric's change against the base: `<metric>_delta_pp` for rates, else `<metric>_delta`."""
    return f"{metric}_delta_pp" if metric in RATES else f"{metric}_delta"


def _seed(*parts: object) -> int:
    # one stable seed per cell, so a table is reproducible and cells do not share resamples
    return zlib.crc32("\0".join(map(str, parts)).encode())


def _summary(
    rows: pd.DataFrame, base_rows: pd.DataFrame | None, *, samples: int, confidence: float, key: tuple
) -> dict:
    """Means with intervals for every metric of `rows`, and paired changes against `base_rows`."""
    out: dict[str, float | int] = {"n": len(rows)}
    paired = None
    if base_rows is not None:
        paired = rows.merge(base_rows, on="id", suffixes=("", "_base"))
    for metric, column in METRICS.items():
        values = rows[column].astype(float).dropna()
        est = bootstrap_mean(values, samples=samples, confidence=confidence, seed=_seed(*key, metric))
        out.update({metric: est.value, f"{metric}_low": est.low, f"{metric}_high": est.high})
        scale = 100.0 if metric in RATES else 1.0
        if paired is None:
            diff = (float("nan"),) * 3
        else:
            pairs = paired[[column, f"{column}_base"]].astype(float).dropna()
            d = bootstrap_paired_difference(
                pairs[column],
                pairs[f"{column}_base"],
                samples=samples,
                confidence=confidence,
                seed=_seed(*key, metric, "delta"),
            )
            diff = (d.value * scale, d.low * scale, d.high * scale)
        name = delta_name(metric)
        out.update({name: diff[0], f"{name}_low": diff[1], f"{name}_high": diff[2]})
    return out


def _checkpoints(samples: pd.DataFrame) -> list[tuple[str, int]]:
    pairs = samples[["checkpoint", "step"]].drop_duplicates()
    return sorted(
        ((str(c), int(s)) for c, s in pairs.itertuples(index=False)), key=lambda p: (p[1], p[0] != BASE, p[0])
    )


def overall_table(
    samples: pd.DataFrame, *, bootstrap_samples: int, confidence: float, base: str = BASE
) -> pd.DataFrame:
    """One row per checkpoint (step order); changes are against `base` (NaN when it is absent)."""
    samples = with_render_columns(samples)
    base_rows = samples[samples["checkpoint"] == base]
    base_rows = base_rows if len(base_rows) else None
    rows = []
    for name, step in _checkpoints(samples):
        own = samples[samples["checkpoint"] == name]
        summary = _summary(own, base_rows, samples=bootstrap_samples, confidence=confidence, key=(name,))
        rows.append({"checkpoint": name, "step": step, **summary})
    return pd.DataFrame(rows)


def breakdown_table(
    samples: pd.DataFrame, by: str, *, bootstrap_samples: int, confidence: float, base: str = BASE
) -> pd.DataFrame:
    """One row per (checkpoint, value of `by`), e.g. `by="screen_type"` or `by="difficulty"`."""
    samples = with_render_columns(samples)
    rows = []
    groups = sorted(samples[by].dropna().unique())
    for name, step in _checkpoints(samples):
        own = samples[samples["checkpoint"] == name]
        for group in groups:
            mine = own[own[by] == group]
            if mine.empty:
                continue
            base_rows = samples[(samples["checkpoint"] == base) & (samples[by] == group)]
            summary = _summary(
                mine,
                base_rows if len(base_rows) else None,
                samples=bootstrap_samples,
                confidence=confidence,
                key=(name, by, group),
            )
            rows.append({"checkpoint": name, "step": step, by: group, **summary})
    return pd.DataFrame(rows)


def error_table(samples: pd.DataFrame) -> pd.DataFrame:
    """Per checkpoint: samples, rendered, failed, and the count of each error kind.

    Every renderer `ErrorKind` has a column (0 when absent, so tables of different sweeps line up);
    the scorer's own kinds (`empty_completion`, `bad_target`, ...) get one when they occur.
    """
    kinds = [kind.value for kind in ErrorKind]
    kinds += sorted(set(samples["error_kind"].fillna("")) - set(kinds) - {""})
    rows = []
    for name, step in _checkpoints(samples):
        own = samples[samples["checkpoint"] == name]
        counts = own["error_kind"].fillna("").value_counts()
        rendered = int(own["rendered"].sum())
        rows.append(
            {
                "checkpoint": name,
                "step": step,
                "n": len(own),
                "rendered": rendered,
                "failed": len(own) - rendered,
                **{kind: int(counts.get(kind, 0)) for kind in kinds},
            }
        )
    return pd.DataFrame(rows)
