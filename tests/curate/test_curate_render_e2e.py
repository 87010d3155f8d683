"""The synthetic generator against the real embedded renderer: every type x difficulty renders."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from flutter_rl.curate.labels import DIFFICULTIES, SCREEN_TYPES
from flutter_rl.settings import Settings
from flutter_rl.synth.synthetic import synthesize

pytestmark = pytest.mark.e2e


def test_every_type_and_difficulty_renders(tmp_path: Path) -> None:
    render = pytest.importorskip("flutter_renderer.render", reason="flutter_renderer.render not built yet")
    settings = Settings()
    per_cell = 2
    n = per_cell * len(SCREEN_TYPES) * len(DIFFICULTIES)  # plan_labels cycles every cell evenly
    with render.make_backend(settings) as backend:
        report = synthesize(n, tmp_path, backend, seed=11)

    failures = [(f["screen_type"], f["difficulty"], f["error_kind"], f["message"][:200]) for f in report.failures]
    assert not failures, failures
    assert report.render_rate == 1.0
    pngs = sorted(tmp_path.glob("*.png"))
    assert len(pngs) == n
    cells = Counter((r["screen_type"], r["difficulty"]) for r in map(json.loads, (tmp_path / "metadata.jsonl").open()))
    assert set(cells) == {(t, d) for t in SCREEN_TYPES for d in DIFFICULTIES}
