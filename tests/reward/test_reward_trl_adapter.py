"""The GRPOTrainer reward functions: TRL's calling convention, one render per batch, logged components."""

from __future__ import annotations

import pytest
from PIL import Image

from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.settings import Settings

from .conftest import GOOD  # noqa: TID252


def _settings(**reward) -> Settings:
    return Settings.model_validate({"reward": {"visual": "structure", **reward}})


def _call(func, completions, **columns):
    """Call a reward function exactly as GRPOTrainer._calculate_rewards does."""
    return func(
        prompts=[[{"role": "user", "content": "x"}]] * len(completions),
        completions=completions,
        completion_ids=[[1]] * len(completions),
        trainer_state=None,
        **columns,
    )


def test_names_and_weights_match_trl(fake_backend) -> None:
    from trl.trainer.utils import get_callable_name

    funcs, weights = make_reward_functions(_settings(weights=[0.3, 0.7]), fake_backend)
    assert [get_callable_name(f) for f in funcs] == ["format_reward", "visual_reward", "rendered"]
    assert weights == [0.3, 0.7, 0.0]


def test_components_share_one_render_and_sum_to_combined(fake_backend, screen: Image.Image) -> None:
    funcs, weights = make_reward_functions(_settings(), fake_backend)
    completions = [
        [{"role": "assistant", "content": f"```dart\n{GOOD}\n```"}],
        [{"role": "assistant", "content": "no code"}],
        [{"role": "assistant", "content": GOOD.replace("Text", "Icon")}],
    ]
    values = [_call(f, completions, image=[screen] * 3) for f in funcs]
    assert len(fake_backend.calls) == 1  # three reward functions, one render_batch
    format_values, visual_values, rendered = values
    assert format_values == [1.0, 0.0, 1.0] and rendered == [1.0, 0.0, 0.0]
    assert visual_values[0] == pytest.approx(1.0) and visual_values[1:] == [0.0, 0.0]
    combined = [sum(w * v[i] for w, v in zip(weights, values)) for i in range(3)]
    assert combined == pytest.approx([1.0, 0.0, 0.2])


def test_a_new_batch_is_rendered_again(fake_backend, screen: Image.Image) -> None:
    funcs, _ = make_reward_functions(_settings(), fake_backend)
    _call(funcs[0], [GOOD], image=[screen])
    _call(funcs[0], [GOOD + "\n"], image=[screen])
    _call(funcs[1], [GOOD], image=[Image.new("RGB", (390, 844), "black")])  # same text, other target
    assert len(fake_backend.calls) == 3


def test_images_column_and_paths_are_read(fake_backend, screen: Image.Image, tmp_path) -> None:
    path = tmp_path / "target.png"
    screen.save(path)
    funcs, _ = make_reward_functions(_settings(), fake_backend)
    assert _call(funcs[2], [GOOD, GOOD], images=[[screen], [str(path)]]) == [1.0, 1.0]


def test_missing_target_column_scores_zero(fake_backend) -> None:
    funcs, _ = make_reward_functions(_settings(), fake_backend)
    assert _call(funcs[0], [GOOD]) == [0.0]


def test_reasons_and_metrics_reach_trl_logs(fake_backend, screen: Image.Image) -> None:
    extra: dict[str, list] = {}
    metrics: dict[str, float] = {}
    funcs, _ = make_reward_functions(_settings(), fake_backend)
    for func in funcs:
        _call(
            func,
            [GOOD, "nothing"],
            image=[screen, screen],
            log_extra=lambda c, v: extra.setdefault(c, []).extend(v),
            log_metric=metrics.__setitem__,
        )
    assert extra["render_error"] == ["", "no code in the completion"]  # logged once per batch, not per function
    assert metrics["visual/ssim"] == pytest.approx(1.0) and "visual/clip" not in metrics


def test_unsupported_code_has_no_visual_reward_but_keeps_its_format_score(fake_backend, screen: Image.Image) -> None:
    unsupported = GOOD.replace("const Text('Inbox')", "MaterialApp(routes: {})")  # `unsupported` in the fake
    metrics: dict[str, float] = {}
    funcs, _ = make_reward_functions(_settings(), fake_backend)
    format_values, visual_values, rendered = (
        _call(f, [GOOD, unsupported, "nothing"], image=[screen] * 3, log_metric=metrics.__setitem__) for f in funcs
    )
    # None is TRL's "no reward for this sample": the renderer, not the policy, could not judge it
    assert format_values == [1.0, 1.0, 0.0]
    assert visual_values[1] is None and rendered == [1.0, None, 0.0] and visual_values[2] == 0.0
    assert metrics["render/unsupported_share"] == pytest.approx(1 / 3)
    assert metrics["render/rate"] == pytest.approx(1 / 3) and metrics["render/rate_supported"] == pytest.approx(0.5)
    assert metrics["render/unsupported_format"] == 1.0


def test_clip_visual_without_weights_fails_before_training(fake_backend) -> None:
    from flutter_rl.reward.errors import RewardConfigError

    with pytest.raises(RewardConfigError, match="clip_pretrained"):
        make_reward_functions(_settings(visual="clip", clip_model="ViT-B-32", clip_pretrained="openai"), fake_backend)
