"""Weight-free visual metrics of a render against its target screenshot, each in [0, 1].

CLIP embeddings see "a phone screen with a list" but are weak on where things are, and there are no
CLIP weights offline. These metrics need only numpy and PIL, in the spirit of Design2Code's
block / position / color scores. Both images are first resized to `COMPARE_SIZE` (a 390x844 screen
at 1/3.25 scale), which keeps each metric at a few milliseconds per pair.

- `ssim`: mean structural similarity (Wang et al. 2004) of the grayscale images, with an 11x11
  Gaussian window (sigma 1.5) and the usual constants C1 = (0.01 L)^2, C2 = (0.03 L)^2, L = 255;
  negative values are clipped to 0.
- `color`: histogram intersection of the two color distributions, 8 levels per RGB channel
  (512 bins): 1 when both images use the same colors in the same proportions.
- `layout`: soft IoU of foreground-occupancy maps, averaged over grid scales. A pixel is foreground
  when it differs by more than `FOREGROUND_DELTA` from the image's background (its most common
  color), so light cards and app bars count as blocks; each map holds the foreground share of each
  cell. Fine cells see exact positions, coarse ones still give partial credit to a block that is a
  little off, so the score falls smoothly as a layout shifts; text changed in place inside a block
  does not move it. Two empty screens score 1.
- `structure`: the weighted mean of the three, weights from `[reward.structure_weights]` (the reward
  registry, `flutter_rl.reward.registry.structure`, computes it over a batch; `structure_metrics`
  does it for one pair, for the benchmarks).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PIL import Image

COMPARE_SIZE = (120, 260)  # width, height
LAYOUT_CELLS = (4, 8, 16, 32)  # cell sizes in compare-size pixels: about 13 to 104 screen pixels
FOREGROUND_DELTA = 12  # max channel difference from the background color (#EEEEEE on white counts)
_C1 = (0.01 * 255) ** 2
_C2 = (0.03 * 255) ** 2


def prepare(image: Image.Image) -> np.ndarray:
    """An RGB image as a uint8 array of shape (height, width, 3) at `COMPARE_SIZE`."""
    return np.asarray(image.convert("RGB").resize(COMPARE_SIZE, Image.Resampling.BOX), dtype=np.uint8)


def _gaussian_kernel(size: int = 11, sigma: float = 1.5) -> np.ndarray:
    x = np.arange(size) - size // 2
    kernel = np.exp(-(x**2) / (2 * sigma**2))
    return kernel / kernel.sum()


_KERNEL = _gaussian_kernel()


def _gaussian_filter(image: np.ndarray) -> np.ndarray:
    """Separable Gaussian filter, 'valid' region only (no padding artefacts at the borders)."""
    n = len(_KERNEL)
    h, w = image.shape
    rows = sum(k * image[i : h - n + 1 + i, :] for i, k in enumerate(_KERNEL))
    return sum(k * rows[:, i : w - n + 1 + i] for i, k in enumerate(_KERNEL))


def _gray(rgb: np.ndarray) -> np.ndarray:
    return rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])


def ssim_score(a: np.ndarray, b: np.ndarray) -> float:
    """Mean SSIM of two prepared images' grayscale, clipped to [0, 1]."""
    x, y = _gray(a), _gray(b)
    mu_x, mu_y = _gaussian_filter(x), _gaussian_filter(y)
    var_x = _gaussian_filter(x * x) - mu_x**2
    var_y = _gaussian_filter(y * y) - mu_y**2
    cov = _gaussian_filter(x * y) - mu_x * mu_y
    ssim_map = ((2 * mu_x * mu_y + _C1) * (2 * cov + _C2)) / ((mu_x**2 + mu_y**2 + _C1) * (var_x + var_y + _C2))
    return float(np.clip(ssim_map.mean(), 0.0, 1.0))


def _color_histogram(rgb: np.ndarray) -> np.ndarray:
    q = (rgb >> 5).astype(np.int64)  # 8 levels per channel
    bins = np.bincount(((q[..., 0] << 6) | (q[..., 1] << 3) | q[..., 2]).ravel(), minlength=512)
    return bins / bins.sum()


def color_score(a: np.ndarray, b: np.ndarray) -> float:
    """Histogram intersection of two prepared images' color distributions."""
    return float(np.minimum(_color_histogram(a), _color_histogram(b)).sum())


def foreground_mask(rgb: np.ndarray) -> np.ndarray:
    """True where a pixel differs from the background, taken as the most common (5-bit) color."""
    q = (rgb >> 3).astype(np.int64)
    packed = (q[..., 0] << 10) | (q[..., 1] << 5) | q[..., 2]
    mode = int(np.bincount(packed.ravel()).argmax())
    background = np.array([(mode >> 10) & 31, (mode >> 5) & 31, mode & 31]) * 8 + 4
    return np.abs(rgb.astype(np.int64) - background).max(axis=-1) > FOREGROUND_DELTA


def _occupancy(mask: np.ndarray, cell: int) -> np.ndarray:
    h, w = (mask.shape[0] // cell) * cell, (mask.shape[1] // cell) * cell
    return mask[:h, :w].reshape(h // cell, cell, w // cell, cell).mean(axis=(1, 3))


def layout_score(a: np.ndarray, b: np.ndarray) -> float:
    """Soft IoU of the two prepared images' foreground-occupancy maps, averaged over `LAYOUT_CELLS`."""
    mask_a, mask_b = foreground_mask(a), foreground_mask(b)
    ious = []
    for cell in LAYOUT_CELLS:
        occ_a, occ_b = _occupancy(mask_a, cell), _occupancy(mask_b, cell)
        union = np.maximum(occ_a, occ_b).sum()
        ious.append(1.0 if union == 0 else np.minimum(occ_a, occ_b).sum() / union)
    return float(np.mean(ious))


METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "ssim": ssim_score,
    "color": color_score,
    "layout": layout_score,
}


def structure_metrics(render: Image.Image, target: Image.Image, weights: dict[str, float]) -> dict[str, float]:
    """Every metric of `METRICS` plus `structure`, their mean weighted by `weights` (name -> weight)."""
    a, b = prepare(render), prepare(target)
    scores = {name: metric(a, b) for name, metric in METRICS.items()}
    total = sum(weights.get(name, 0.0) for name in METRICS)
    if total <= 0:
        raise ValueError("structure weights must not all be 0 ([reward.structure_weights])")
    scores["structure"] = sum(weights.get(name, 0.0) * scores[name] for name in METRICS) / total
    return scores
