"""Figures of a sweep (matplotlib) and image grids of best and worst samples (PIL).

Figures are built as `matplotlib.figure.Figure` objects, without pyplot: no global figure registry to
leak, no backend to choose, so the same code runs in flows, CI and notebooks.

- `metric_vs_step`: render rate, unsupported share, visual and combined per checkpoint step, with bootstrap bands;
- `delta_bars`: per screen type (or difficulty) change against the base, with interval whiskers;
- `image_grid`: rows of target | render | difference, captioned with id and scores (and, for a sample
  that failed, the first line of its error message).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Sequence

import pandas as pd
from matplotlib.figure import Figure
from PIL import Image, ImageChops, ImageDraw, ImageOps

PANEL_SIZE = (195, 422)  # half a 390x844 screen: three panels stay readable in the MLflow UI
CAPTION_HEIGHT = 36  # two lines: id and scores, then why the sample failed
HEADER_HEIGHT = 20
STEP_METRICS = ("render_rate", "unsupported_share", "visual", "combined")


def metric_vs_step(overall: pd.DataFrame, metrics: Sequence[str] = STEP_METRICS) -> Figure:
    """One panel per metric: the value at each checkpoint's step and its bootstrap band."""
    ordered = overall.sort_values("step")
    fig = Figure(figsize=(4.2 * len(metrics), 3.4), layout="tight")
    axes = fig.subplots(1, len(metrics), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        ax.plot(ordered["step"], ordered[metric], marker="o")
        ax.fill_between(ordered["step"], ordered[f"{metric}_low"], ordered[f"{metric}_high"], alpha=0.2)
        for row in ordered.itertuples(index=False):
            ax.annotate(
                row.checkpoint, (row.step, getattr(row, metric)), fontsize=7, xytext=(3, 3), textcoords="offset points"
            )
        ax.set_title(metric)
        ax.set_xlabel("training step")
        ax.grid(alpha=0.3)
    return fig


def delta_bars(breakdown: pd.DataFrame, by: str, checkpoint: str) -> Figure:
    """Bars of the render-rate change (pp) and visual change of `checkpoint` against the base, per `by`."""
    rows = breakdown[breakdown["checkpoint"] == checkpoint].sort_values("render_rate_delta_pp", ascending=False)
    fig = Figure(figsize=(9, 0.5 * max(len(rows), 3) + 1.5), layout="tight")
    axes = fig.subplots(1, 2, squeeze=False)
    for ax, column, label in zip(
        axes[0], ("render_rate_delta_pp", "visual_delta"), ("render rate change (pp)", "visual change")
    ):
        value = rows[column].to_numpy()
        whiskers = [value - rows[f"{column}_low"].to_numpy(), rows[f"{column}_high"].to_numpy() - value]
        ax.barh(
            rows[by].astype(str),
            value,
            xerr=whiskers,
            color=["tab:green" if v >= 0 else "tab:red" for v in value],
            capsize=3,
        )
        ax.axvline(0, color="black", linewidth=0.8)
        ax.invert_yaxis()
        ax.set_xlabel(label)
        ax.grid(axis="x", alpha=0.3)
    axes[0][0].set_title(f"{checkpoint} vs base, per {by}")
    return fig


def figure_png(figure: Figure) -> bytes:
    """A figure as PNG bytes (for notebooks and files)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


@dataclass
class GridRow:
    """One example of a grid: its target, its render (None when it did not render) and a caption."""

    target: Image.Image
    render: Image.Image | None
    caption: str
    detail: str = ""  # a second caption line, e.g. the first line of the error message


def _panel(image: Image.Image) -> Image.Image:
    return ImageOps.pad(image.convert("RGB"), PANEL_SIZE, color=(255, 255, 255))


def _failed_panel(text: str) -> Image.Image:
    panel = Image.new("RGB", PANEL_SIZE, (235, 235, 235))
    ImageDraw.Draw(panel).multiline_text((8, PANEL_SIZE[1] // 2 - 10), text, fill=(160, 0, 0))
    return panel


def _fit(draw: ImageDraw.ImageDraw, text: str, width: float) -> str:
    """`text` cut (with an ellipsis) to fit `width` pixels in the default font."""
    if draw.textlength(text) <= width:
        return text
    while text and draw.textlength(text + "...") > width:
        text = text[:-1]
    return text + "..."


def image_grid(rows: Sequence[GridRow]) -> Image.Image:
    """A header (target | render | difference), then one row per example with its caption above."""
    width, height = 3 * PANEL_SIZE[0], PANEL_SIZE[1] + CAPTION_HEIGHT
    grid = Image.new("RGB", (width, HEADER_HEIGHT + max(1, len(rows)) * height), (255, 255, 255))
    draw = ImageDraw.Draw(grid)
    for j, title in enumerate(("target", "render", "difference (white = same)")):
        draw.text((j * PANEL_SIZE[0] + 4, 4), title, fill=(0, 0, 0))
    for i, row in enumerate(rows):
        top = HEADER_HEIGHT + i * height
        draw.text((4, top + 5), _fit(draw, row.caption, width - 8), fill=(0, 0, 0))
        if row.detail:
            draw.text((4, top + 19), _fit(draw, row.detail, width - 8), fill=(160, 0, 0))
        target = _panel(row.target)
        if row.render is None:
            render, diff = _failed_panel("did not render"), _failed_panel("")
        else:
            render = _panel(row.render)
            diff = ImageOps.invert(ImageChops.difference(target, render))
        for j, panel in enumerate((target, render, diff)):
            grid.paste(panel, (j * PANEL_SIZE[0], top + CAPTION_HEIGHT))
        draw.line((0, top, width, top), fill=(128, 128, 128))
    for j in (1, 2):  # separators, so a white screen does not run into its neighbour
        draw.line((j * PANEL_SIZE[0], HEADER_HEIGHT, j * PANEL_SIZE[0], grid.height), fill=(128, 128, 128))
    return grid


def best_and_worst(samples: pd.DataFrame, n: int, metric: str = "combined") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `n` highest and `n` lowest samples by `metric` (ties broken by id, so the pick is stable)."""
    ordered = samples.sort_values([metric, "id"], ascending=[False, True])
    return ordered.head(n), ordered.tail(n).iloc[::-1]
