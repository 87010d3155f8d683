"""Seeded percentile-bootstrap intervals for a mean and for a paired difference of means.

With 100 eval screens a +3 pp render-rate change is inside the noise; these intervals say so. The
difference against the base is paired by eval screen id: both models saw the same screens, so
resampling screens (not each model's scores independently) removes the per-screen difficulty from
the noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its bootstrap interval."""

    value: float
    low: float
    high: float


def bootstrap_mean(values: Sequence[float], *, samples: int, confidence: float, seed: int = 0) -> Estimate:
    """The mean of `values` and its percentile-bootstrap interval; NaNs when `values` is empty."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return Estimate(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, data.size, size=(samples, data.size))].mean(axis=1)
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.percentile(means, [tail, 100.0 - tail])
    return Estimate(float(data.mean()), float(low), float(high))


def bootstrap_paired_difference(
    values: Sequence[float], baseline: Sequence[float], *, samples: int, confidence: float, seed: int = 0
) -> Estimate:
    """mean(values - baseline) over paired items (same order) and its bootstrap interval."""
    a, b = np.asarray(values, dtype=np.float64), np.asarray(baseline, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"paired samples differ in length: {a.size} vs {b.size}")
    return bootstrap_mean(a - b, samples=samples, confidence=confidence, seed=seed)
