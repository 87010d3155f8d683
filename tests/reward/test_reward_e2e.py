"""End to end with the embedded renderer: a screen's own code beats another screen's code."""

from __future__ import annotations

from pathlib import Path

import pytest

from flutter_rl.reward.scoring import score_batch
from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.settings import load_settings


@pytest.mark.e2e
def test_reference_code_scores_highest_against_its_own_screenshot(repo_root: Path) -> None:
    render = pytest.importorskip(
        "flutter_renderer.render", reason="flutter_renderer.render (embedded backend) not built yet"
    )
    from flutter_rl.synth.synthetic import screen_from_seed

    settings = load_settings(repo_root / "pipeline.toml", preset="tiny", environ={})  # visual = "structure"
    codes = [screen_from_seed("login", "easy", 1).code, screen_from_seed("list", "easy", 2).code]
    with render.make_backend(settings) as backend:
        shots = backend.render_batch(codes)
        assert all(s.ok for s in shots), [s.message for s in shots]
        own, other = score_batch(codes, [shots[0].png, shots[0].png], backend=backend, settings=settings.reward)
        funcs, weights = make_reward_functions(settings, backend)
        trl_values = [
            f(
                prompts=[None, None],
                completions=[[{"role": "assistant", "content": c}] for c in reversed(codes)],
                image=[shots[1].png, shots[1].png],
            )
            for f in funcs
        ]

    assert own.rendered and other.rendered
    assert own.visual > 0.99 and own.combined > other.combined
    assert own.metrics["layout"] > other.metrics["layout"]
    trl_combined = [sum(w * v[i] for w, v in zip(weights, trl_values)) for i in range(2)]
    assert trl_combined[0] > trl_combined[1]  # the list screen's own code, through TRL's calling convention


@pytest.mark.slow
@pytest.mark.e2e
def test_reward_functions_drive_grpo_training(repo_root: Path, tmp_path: Path, fake_backend, make_screen) -> None:
    """Two GRPO steps of the tiny policy with these reward functions: TRL logs each component."""
    from flutter_rl.train.grpo import train_grpo
    from flutter_rl.train.prompt import build_example
    from flutter_rl.train.tiny_policy import make_tiny_policy

    settings = load_settings(
        repo_root / "pipeline.toml",
        preset="tiny",
        environ={},
        overrides={
            "model.name": str(make_tiny_policy(tmp_path / "policy", seed=0)),
            "train.output_dir": str(tmp_path / "out"),
            "train.max_steps": 2,
            "train.save_steps": 2,
            "train.max_completion_length": 16,
            "train.num_generations": 2,
            "train.per_device_train_batch_size": 2,
            "train.gradient_accumulation_steps": 1,
        },
    )
    rows = [
        build_example(make_screen(offset=40 * i).resize((90, 195)), reference_code="", screen_type="list")
        for i in range(4)
    ]
    funcs, weights = make_reward_functions(settings, fake_backend)
    result = train_grpo(settings, rows, funcs, weights, tracking_uri=None)

    steps = [h for h in result.log_history if "reward" in h]
    assert len(steps) == 2
    for h in steps:
        parts = {name: h[f"rewards/{name}/mean"] for name in ("format_reward", "visual_reward", "rendered")}
        assert h["reward"] == pytest.approx(0.2 * parts["format_reward"] + 0.8 * parts["visual_reward"], abs=1e-5)
