import io

import pandas as pd
from PIL import Image

from flutter_rl.evaluate import plots
from flutter_rl.evaluate.report import breakdown_table, overall_table


def _samples() -> pd.DataFrame:
    rows = []
    for checkpoint, step, ok in (("base", 0, False), ("final", 8, True)):
        for i, kind in enumerate(["menu", "menu", "form"]):
            rows.append(
                {
                    "checkpoint": checkpoint,
                    "step": step,
                    "id": f"s{i}",
                    "screen_type": kind,
                    "difficulty": "easy",
                    "rendered": ok,
                    "error_kind": "" if ok else "syntax",
                    "format": 1.0,
                    "visual": 0.5 * ok,
                    "combined": 0.4 * ok + 0.2,
                    "structure": 0.5 * ok,
                }
            )
    return pd.DataFrame(rows)


def test_figures_render_to_png():
    samples = _samples()
    overall = overall_table(samples, bootstrap_samples=20, confidence=0.9)
    by_type = breakdown_table(samples, "screen_type", bootstrap_samples=20, confidence=0.9)
    for figure in (plots.metric_vs_step(overall), plots.delta_bars(by_type, "screen_type", "final")):
        image = Image.open(io.BytesIO(plots.figure_png(figure)))
        assert image.format == "PNG" and image.width > 300
    assert len(plots.delta_bars(by_type, "screen_type", "final").axes[0].patches) == 2  # one bar per type


def test_grid_has_a_row_per_example_and_marks_failed_renders():
    target = Image.new("RGB", (390, 844), (20, 80, 160))
    grid = plots.image_grid([plots.GridRow(target, target, "same"), plots.GridRow(target, None, "failed")])
    width, height = plots.PANEL_SIZE
    row_height = height + plots.CAPTION_HEIGHT
    assert grid.size == (3 * width, plots.HEADER_HEIGHT + 2 * row_height)
    first, second = plots.HEADER_HEIGHT + plots.CAPTION_HEIGHT, plots.HEADER_HEIGHT + row_height + plots.CAPTION_HEIGHT
    assert grid.getpixel((2 * width + width // 2, first + height // 2)) == (255, 255, 255)  # identical: blank diff
    assert grid.getpixel((width + 4, second + 4)) == (235, 235, 235)  # "did not render"
    assert grid.getpixel((width // 2, second + height // 2)) == (20, 80, 160)  # the target is always shown


def test_best_and_worst_pick_by_combined():
    samples = _samples()[lambda d: d["checkpoint"] == "final"].assign(combined=[0.9, 0.1, 0.5])
    best, worst = plots.best_and_worst(samples, 1)
    assert best["id"].tolist() == ["s0"] and worst["id"].tolist() == ["s1"]
