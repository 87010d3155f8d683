"""The weight-free visual metrics on constructed screen pairs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from flutter_rl.reward.structure import METRICS, prepare, structure_metrics

WEIGHTS = {"ssim": 0.4, "color": 0.2, "layout": 0.4}


def _metric(name: str, a: Image.Image, b: Image.Image) -> float:
    return METRICS[name](prepare(a), prepare(b))


def _noisy(image: Image.Image, sigma: float) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float64)
    noise = np.random.default_rng(0).normal(0, 1, pixels.shape) * sigma  # same pattern, growing strength
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))


def test_identical_images_score_one(screen: Image.Image) -> None:
    assert structure_metrics(screen, screen.copy(), WEIGHTS) == pytest.approx(
        {"ssim": 1.0, "color": 1.0, "layout": 1.0, "structure": 1.0}
    )


def test_different_sizes_are_compared_at_one_scale(screen: Image.Image) -> None:
    bigger = screen.resize((780, 1688), Image.Resampling.NEAREST)
    assert structure_metrics(screen, bigger, WEIGHTS)["structure"] > 0.95


@pytest.mark.parametrize("name", ["ssim", "layout"])
def test_shifted_layout_scores_below_changed_text(make_screen, screen: Image.Image, name: str) -> None:
    changed_text = make_screen(texts=("Outbox", "Preferences", "Account"))
    shifted = make_screen(offset=120)
    assert _metric(name, screen, shifted) < _metric(name, screen, changed_text)


def test_changed_text_is_seen_by_ssim_not_by_layout(make_screen, screen: Image.Image) -> None:
    changed_text = make_screen(texts=("Outbox", "Preferences", "Account"))
    assert _metric("ssim", screen, changed_text) < 0.99
    assert _metric("layout", screen, changed_text) == pytest.approx(1.0)  # same blocks, same places


def test_shifted_layout_lowers_the_structure_score(make_screen, screen: Image.Image) -> None:
    changed_text = structure_metrics(screen, make_screen(texts=("Outbox", "Preferences", "Account")), WEIGHTS)
    shifted = structure_metrics(screen, make_screen(offset=120), WEIGHTS)
    assert shifted["structure"] < changed_text["structure"]


def test_color_swap_lowers_the_color_score(make_screen, screen: Image.Image) -> None:
    swapped = make_screen(bar_color="#C62828")  # blue app bar -> red
    assert _metric("color", screen, swapped) < 0.99
    assert _metric("color", screen, swapped) < _metric(
        "color", screen, make_screen(texts=("Outbox", "Settings", "Profile"))
    )


@pytest.mark.parametrize("name", ["ssim", "color", "layout"])
def test_scores_fall_as_noise_grows(screen: Image.Image, name: str) -> None:
    scores = [_metric(name, screen, _noisy(screen, sigma)) for sigma in (0, 10, 30, 60, 120)]
    assert scores[0] == pytest.approx(1.0)
    assert all(later <= earlier + 1e-9 for earlier, later in zip(scores, scores[1:])), scores
    assert scores[-1] < scores[0] - 0.1


@pytest.mark.parametrize("name", ["ssim", "layout"])
def test_scores_fall_as_the_shift_grows(make_screen, screen: Image.Image, name: str) -> None:
    scores = [_metric(name, screen, make_screen(offset=offset)) for offset in (0, 20, 60, 150, 300)]
    assert all(later < earlier for earlier, later in zip(scores, scores[1:])), scores


def test_all_metrics_stay_in_unit_range(screen: Image.Image) -> None:
    inverted = Image.fromarray(255 - np.asarray(screen))
    for other in (inverted, Image.new("RGB", (390, 844), "black"), _noisy(screen, 200)):
        for value in structure_metrics(screen, other, WEIGHTS).values():
            assert 0.0 <= value <= 1.0


def test_two_blank_screens_have_the_same_layout(
    make_screen,
) -> None:
    white = Image.new("RGB", (390, 844), "white")
    assert _metric("layout", white, white.copy()) == 1.0
    assert _metric("layout", white, make_screen()) < 0.5


def test_zero_weights_are_refused(screen: Image.Image) -> None:
    with pytest.raises(ValueError, match="structure_"):
        structure_metrics(screen, screen, {"ssim": 0, "color": 0, "layout": 0})
