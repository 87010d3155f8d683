"""Rewards as a registry: a new reward is one function and one registry line; users' own by dotted path."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from flutter_rl.evaluate.scoring import score_samples
from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.registry import REWARDS, Reward, report_columns
from flutter_rl.reward.rendering import RenderedBatch
from flutter_rl.reward.scoring import score_batch
from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.settings import RewardSettings, Settings

from .conftest import GOOD, NO_RENDER  # noqa: TID252


def brightness(batch: RenderedBatch) -> list[float]:
    """1 - the difference of mean gray levels of render and target (the example of docs/extending.md)."""

    def gray(image: Image.Image) -> float:
        return ImageStat.Stat(image.convert("L")).mean[0] / 255

    return batch.over_rendered(lambda render, target: 1 - abs(gray(render) - gray(target)))


@pytest.fixture()
def with_brightness(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(REWARDS, "brightness", Reward(brightness))  # the one registry line


def test_a_new_reward_is_scored_weighted_and_reported(with_brightness, fake_backend, screen: Image.Image) -> None:
    settings = RewardSettings(visual="structure", funcs=["format", "brightness"], weights=[0.5, 0.5])
    dark = Image.new("RGB", screen.size, "black")
    same, other, failed = score_batch(
        [GOOD, GOOD, NO_RENDER], [screen, dark, screen], backend=fake_backend, settings=settings
    )
    assert same.values["brightness"] == pytest.approx(1.0)  # the fake renders exactly the target
    assert other.values["brightness"] < 0.2
    assert "brightness" not in failed.values and failed.combined == pytest.approx(0.5 * failed.format)
    assert other.combined == pytest.approx(0.5 * other.format + 0.5 * other.values["brightness"])
    assert len(fake_backend.calls) == 1  # still one render for every reward
    assert "brightness" in report_columns()


def test_a_new_reward_reaches_trl_and_the_eval_table(with_brightness, fake_backend, screen: Image.Image) -> None:
    settings = Settings.model_validate({"reward": {"visual": "structure", "funcs": ["brightness"], "weights": [1.0]}})
    funcs, weights = make_reward_functions(settings, fake_backend)
    assert [f.__name__ for f in funcs] == ["brightness_reward", "rendered"] and weights == [1.0, 0.0]
    assert funcs[0](prompts=[None], completions=[GOOD], image=[screen]) == [pytest.approx(1.0)]
    rows, _ = score_samples(
        [GOOD],
        [screen],
        [{"id": 1, "screen_type": "list", "difficulty": "easy"}],
        backend=fake_backend,
        reward=settings.reward,
    )
    assert rows[0]["brightness"] == pytest.approx(1.0) and math.isnan(rows[0]["clip"])  # no embedder: no clip


def test_a_dotted_path_names_a_users_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_backend, screen
) -> None:
    (tmp_path / "my_rewards.py").write_text(
        "def length(batch):\n    return [min(len(c) / 1000, 1.0) for c in batch.codes]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    settings = RewardSettings(visual="structure", funcs=["my_rewards.length"], weights=[1.0])
    [score] = score_batch([GOOD], [screen], backend=fake_backend, settings=settings)
    assert score.combined == pytest.approx(len(GOOD) / 1000)
    funcs, _ = make_reward_functions(Settings(reward=settings), fake_backend)
    assert funcs[0].__name__ == "length_reward"


def test_unknown_rewards_name_the_closest(fake_backend, screen: Image.Image) -> None:
    with pytest.raises(RewardConfigError, match=r"unknown reward 'formatt' \(did you mean 'format'\?\)"):
        score_batch(
            [GOOD],
            [screen],
            backend=fake_backend,
            settings=RewardSettings(visual="structure", funcs=["formatt"], weights=[1.0]),
        )
    with pytest.raises(RewardConfigError, match="cannot import 'no_such_module.f'"):
        score_batch(
            [GOOD],
            [screen],
            backend=fake_backend,
            settings=RewardSettings(visual="structure", funcs=["no_such_module.f"], weights=[1.0]),
        )
    with pytest.raises(ValueError, match="one weight each"):
        RewardSettings(funcs=["format"], weights=[0.2, 0.8])


def test_structure_weights_name_registered_metrics(fake_backend, screen: Image.Image) -> None:
    ssim_only = RewardSettings(visual="structure", structure_weights={"ssim": 1.0})
    [score] = score_batch([GOOD], [Image.new("RGB", screen.size, "black")], backend=fake_backend, settings=ssim_only)
    assert score.values["structure"] == pytest.approx(score.values["ssim"])
    with pytest.raises(RewardConfigError, match="'sharpness', which is not a registered reward"):
        score_batch(
            [GOOD],
            [screen],
            backend=fake_backend,
            settings=RewardSettings(visual="structure", structure_weights={"sharpness": 1.0}),
        )
