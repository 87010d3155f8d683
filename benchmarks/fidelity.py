"""Fidelity of the embedded renderer against real Flutter: SSIM, mean absolute difference and the
structure score of each render against a PNG Flutter drew from the same code.

PAIRS_DIR holds `NAME.dart` + `NAME.png` pairs: a one-file Flutter app and the image Flutter drew of
it at pixel ratio 1. The app must draw its content at the top left of the screen (e.g.
`Scaffold(body: Align(alignment: Alignment.topLeft, child: ...))`): every app is rendered on one
screen as large as the largest PNG, and the PNG-sized top-left corner is compared. PNG rows and
columns at the right or bottom edge that are not fully opaque (a widget 533.33 px tall gives a
534th row of partial coverage) are left out of the comparison. `benchmarks/README.md` says how the
pairs of the measured table were made from flutter/assets-for-api-docs.

Metrics per pair, at full resolution:
- `ssim`: mean structural similarity of the grayscale images (11x11 Gaussian window, sigma 1.5, the
  same numpy implementation the structure reward uses at its reduced size);
- `mad`: mean absolute difference of the RGB values, 0-255;
- `structure`: the project's structure score (`flutter_rl/reward/structure.py`, `[reward] structure_*`
  weights), which compares both images at its own reduced size.

`--out DIR` gets one side-by-side image per pair: Flutter | embedded | the absolute difference (x4).

    .venv/bin/python benchmarks/fidelity.py PAIRS_DIR [--out DIR] [--workers 1] [--json results.json]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from flutter_renderer.api import RenderResult, RenderSize
from flutter_renderer.embedded.backend import EmbeddedBackend
from flutter_rl.evaluate.reporting import markdown_table
from flutter_rl.reward.structure import ssim_score, structure_metrics
from flutter_rl.settings import load_settings

TIMEOUT_S = 30.0
# Verdicts by full-resolution SSIM: what an eye sees when the two images are flicked back and forth.
NEAR_IDENTICAL = 0.99
VISIBLY_DIFFERENT = 0.95
DIFF_GAIN = 4  # the difference panel is amplified so one-level differences are visible


@dataclass
class Pair:
    """One Flutter app and the image Flutter drew of it."""

    name: str
    code: str
    target: Image.Image


@dataclass
class Row:
    """The comparison of one pair (metrics are None when the code did not render)."""

    name: str
    size: str
    rendered: bool
    ssim: float | None = None
    mad: float | None = None
    structure: float | None = None
    verdict: str = ""
    error: str = ""


def load_pairs(folder: Path) -> list[Pair]:
    """Every `NAME.dart` of `folder` that has a `NAME.png`, in name order."""
    pairs = []
    for code in sorted(folder.glob("*.dart")):
        image = code.with_suffix(".png")
        if image.is_file():
            pairs.append(Pair(code.stem, code.read_text(), Image.open(image)))
    return pairs


def opaque_target(image: Image.Image) -> np.ndarray:
    """The image as RGB, without trailing rows and columns that are not fully opaque."""
    rgba = np.asarray(image.convert("RGBA"))
    height, width = rgba.shape[:2]
    alpha = rgba[..., 3]
    while height > 1 and (alpha[height - 1, :width] < 255).any():
        height -= 1
    while width > 1 and (alpha[:height, width - 1] < 255).any():
        width -= 1
    return rgba[:height, :width, :3]


def verdict(ssim: float) -> str:
    """A word for how different the two images look, from their SSIM."""
    if ssim >= NEAR_IDENTICAL:
        return "near-identical"
    return "close" if ssim >= VISIBLY_DIFFERENT else "visibly different"


def compare(pair: Pair, result: RenderResult, weights: dict[str, float]) -> tuple[Row, np.ndarray | None]:
    """The row of one pair and the embedded render cropped to the target (None when not rendered)."""
    size = f"{pair.target.width}x{pair.target.height}"
    if not result.ok:
        first_line = (result.message or "").splitlines()[0] if result.message else ""
        return Row(pair.name, size, False, error=f"{result.error_kind.value}: {first_line}"[:200]), None
    target = opaque_target(pair.target)
    height, width = target.shape[:2]
    render = np.asarray(Image.open(io.BytesIO(result.png)).convert("RGB"))[:height, :width]
    ssim = ssim_score(render, target)
    mad = float(np.abs(render.astype(np.int16) - target.astype(np.int16)).mean())
    structure = structure_metrics(Image.fromarray(render), Image.fromarray(target), weights)["structure"]
    return Row(pair.name, size, True, ssim, mad, structure, verdict(ssim)), render


def side_by_side(target: np.ndarray, render: np.ndarray) -> Image.Image:
    """Flutter | embedded | amplified absolute difference, separated by 4 px of mid grey."""
    diff = np.clip(np.abs(render.astype(np.int16) - target.astype(np.int16)) * DIFF_GAIN, 0, 255).astype(np.uint8)
    gap = np.full((target.shape[0], 4, 3), 128, np.uint8)
    return Image.fromarray(np.concatenate([target, gap, render, gap, 255 - diff], axis=1))


def screen_size(pairs: list[Pair]) -> RenderSize:
    """One screen for every pair: as wide as the widest PNG and as tall as the tallest."""
    return RenderSize(max(p.target.width for p in pairs), max(p.target.height for p in pairs), 1.0)


def summary(rows: list[Row]) -> str:
    """Rendered count, median SSIM over the rendered pairs and the verdict counts."""
    scores = [r.ssim for r in rows if r.rendered and r.ssim is not None]
    median = f"{statistics.median(scores):.3f}" if scores else "-"
    counts = {name: sum(r.verdict == name for r in rows) for name in ("near-identical", "close", "visibly different")}
    return f"rendered {len(scores)}/{len(rows)}, median SSIM {median}, " + ", ".join(
        f"{count} {name}" for name, count in counts.items()
    )


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""

    def number(value: float | None, digits: int) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    return markdown_table(
        ("diagram", "size", "SSIM", "MAD", "structure", "verdict / error"),
        [
            (
                r.name,
                r.size,
                number(r.ssim, 3),
                number(r.mad, 2),
                number(r.structure, 3),
                r.verdict or r.error.replace("|", "\\|"),
            )
            for r in rows
        ],
    )


def run(pairs: list[Pair], workers: int, out: Path | None) -> list[Row]:
    """Render every pair's code on one screen and compare it with its PNG."""
    settings = load_settings()
    weights = settings.reward.structure_weights
    size = screen_size(pairs)
    with EmbeddedBackend(
        settings.renderer,
        workers=workers,
        width=size.width,
        height=size.height,
        pixel_ratio=size.pixel_ratio,
        timeout_s=TIMEOUT_S,
    ) as backend:
        results = backend.render_batch([p.code for p in pairs])
    rows = []
    for pair, result in zip(pairs, results):
        row, render = compare(pair, result, weights)
        rows.append(row)
        if out is not None and render is not None:
            out.mkdir(parents=True, exist_ok=True)
            side_by_side(opaque_target(pair.target), render).save(out / f"{pair.name}.png")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path, help="folder of NAME.dart + NAME.png pairs")
    parser.add_argument("--out", type=Path, default=None, help="write side-by-side images here")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs)
    if not pairs:
        parser.error(f"no NAME.dart + NAME.png pairs in {args.pairs}")
    rows = run(pairs, args.workers, args.out)
    print(table(rows))
    print()
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2))


if __name__ == "__main__":
    main()
