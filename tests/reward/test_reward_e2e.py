"""End to end with the embedded renderer: a screen's own code beats another screen's code."""

from __future__ import annotations

from pathlib import Path

import pytest

from flutter_renderer.api import RenderSize
from flutter_rl.reward.scoring import score_batch
from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.settings import load_settings


@pytest.mark.e2e
def test_reference_code_scores_highest_against_its_own_screenshot(repo_root: Path) -> None:
    render = pytest.importorskip("flutter_renderer.render", reason="flutter_renderer.render (embedded backend) not built yet")
    from flutter_rl.curate.synthetic import screen_from_seed

    settings = load_settings(repo_root / "pipeline.toml", preset="tiny", environ={})  # visual = "structure"
    codes = [screen_from_seed("login", "easy", 1).code, screen_from_seed("list", "easy", 2).code]
    size = RenderSize(settings.renderer.width, settings.renderer.height, settings.renderer.pixel_ratio)
    with render.make_backend(settings) as backend:
        shots = backend.render_batch(codes, size=size, timeout=settings.renderer.timeout_s)
        assert all(s.ok for s in shots), [s.message for s in shots]
        own, other = score_batch(codes, [shots[0].png, shots[0].png], backend=backend, settings=settings.reward, size=size)
        funcs, weights = make_reward_functions(settings, backend)
        trl_values = [f(prompts=[None, None], completions=[[{"role": "assistant", "content": c}] for c in reversed(codes)],
                        image=[shots[1].png, shots[1].png]) for f in funcs]

    assert own.rendered and other.rendered
    assert own.visual > 0.99 and own.combined > other.combined
    assert own.metrics["layout"] > other.metrics["layout"]
    trl_combined = [sum(w * v[i] for w, v in zip(weights, trl_values)) for i in range(2)]
    assert trl_combined[0] > trl_combined[1]  # the list screen's own code, through TRL's calling convention
