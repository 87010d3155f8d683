"""benchmarks/fidelity.py: its pairs, crop, metrics, verdicts and table (no browser)."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "fidelity.py"
_SPEC = importlib.util.spec_from_file_location("fidelity_bench", _PATH)
bench = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = bench  # its dataclasses look their module up while it loads
_SPEC.loader.exec_module(bench)

WEIGHTS = {"ssim": 0.4, "color": 0.2, "layout": 0.4}


def png(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array.astype(np.uint8)).save(out, format="PNG")
    return out.getvalue()


def target(height: int = 40, width: int = 60) -> np.ndarray:
    rng = np.random.default_rng(0)
    image = np.full((height, width, 3), 250, np.uint8)
    image[10:30, 5:40] = rng.integers(0, 255, (20, 35, 3))
    return image


def test_pairs_need_both_files_and_come_in_name_order(tmp_path):
    for name in ("b", "a", "lonely"):
        (tmp_path / f"{name}.dart").write_text("void main() {}")
    for name in ("a", "b", "image_only"):
        Image.fromarray(target()).save(tmp_path / f"{name}.png")
    assert [p.name for p in bench.load_pairs(tmp_path)] == ["a", "b"]


def test_render_larger_than_the_png_is_cropped_to_it_and_identical_pixels_score_1():
    screen = np.full((100, 120, 3), 7, np.uint8)
    screen[:40, :60] = target()
    pair = bench.Pair("same", "", Image.fromarray(target()))
    row, render = bench.compare(pair, RenderResult(ok=True, png=png(screen)), WEIGHTS)
    assert render.shape == (40, 60, 3)
    assert (row.ssim, row.mad, row.structure, row.verdict) == (1.0, 0.0, 1.0, "near-identical")


def test_a_shifted_render_is_visibly_different_and_a_failure_keeps_its_error():
    shifted = np.roll(target(), 6, axis=1)
    pair = bench.Pair("moved", "", Image.fromarray(target()))
    row, _ = bench.compare(pair, RenderResult(ok=True, png=png(shifted)), WEIGHTS)
    assert row.ssim < bench.VISIBLY_DIFFERENT and row.mad > 5 and row.verdict == "visibly different"
    failed, render = bench.compare(
        pair, RenderResult.failure(ErrorKind.UNSUPPORTED, "line 3: FlutterLogo\nmore"), WEIGHTS
    )
    assert render is None and not failed.rendered and failed.error == "unsupported: line 3: FlutterLogo"


def test_partly_transparent_edge_rows_are_left_out():
    rgba = np.dstack([target(), np.full((40, 60), 255, np.uint8)])
    rgba[-1, :, 3] = 84  # a 39.33 px tall widget's last row
    assert bench.opaque_target(Image.fromarray(rgba, "RGBA")).shape == (39, 60, 3)


def test_table_and_summary():
    rows = [
        bench.Row("a", "60x40", True, 1.0, 0.0, 1.0, "near-identical"),
        bench.Row("b", "60x40", True, 0.9, 4.0, 0.8, "visibly different"),
        bench.Row("c", "60x40", False, error="analysis: x | y"),
    ]
    lines = bench.table(rows).splitlines()
    assert lines[2] == "| a | 60x40 | 1.000 | 0.00 | 1.000 | near-identical |"
    assert lines[4] == "| c | 60x40 | - | - | - | analysis: x \\| y |"
    assert bench.summary(rows) == ("rendered 2/3, median SSIM 0.950, 1 near-identical, 0 close, 1 visibly different")
    assert bench.screen_size(
        [bench.Pair("x", "", Image.new("RGB", (30, 90))), bench.Pair("y", "", Image.new("RGB", (50, 20)))]
    ) == RenderSize(50, 90, 1.0)
