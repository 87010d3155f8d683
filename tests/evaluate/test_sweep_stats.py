import numpy as np
import pytest

from flutter_rl.evaluate.stats import bootstrap_mean, bootstrap_paired_difference


def test_constant_values_have_a_zero_width_interval():
    est = bootstrap_mean([0.5] * 20, samples=200, confidence=0.95)
    assert (est.value, est.low, est.high) == pytest.approx((0.5, 0.5, 0.5))


def test_interval_matches_normal_theory_for_a_large_sample():
    values = np.random.default_rng(1).normal(0.6, 0.2, size=400)
    est = bootstrap_mean(values, samples=2000, confidence=0.95, seed=3)
    half_width = 1.96 * values.std() / np.sqrt(values.size)
    assert est.value == pytest.approx(values.mean())
    assert est.low < est.value < est.high
    assert (est.high - est.low) / 2 == pytest.approx(half_width, rel=0.15)


def test_same_seed_same_interval_and_higher_confidence_is_wider():
    values = [0, 1, 1, 0, 1, 1, 1, 0, 1, 0]
    a = bootstrap_mean(values, samples=500, confidence=0.9, seed=7)
    assert a == bootstrap_mean(values, samples=500, confidence=0.9, seed=7)
    b = bootstrap_mean(values, samples=500, confidence=0.99, seed=7)
    assert b.high - b.low > a.high - a.low


def test_paired_difference_removes_per_item_noise():
    base = np.random.default_rng(2).uniform(0, 1, size=50)
    shifted = base + 0.1  # every screen improves by exactly 0.1
    paired = bootstrap_paired_difference(shifted, base, samples=500, confidence=0.95)
    assert (paired.value, paired.low, paired.high) == pytest.approx((0.1, 0.1, 0.1))
    # resampled independently, the same change would be lost in the spread of the screens
    independent = bootstrap_mean(shifted, samples=500, confidence=0.95)
    assert independent.high - independent.low > 0.1


def test_paired_lengths_must_match_and_empty_is_nan():
    with pytest.raises(ValueError, match="differ in length"):
        bootstrap_paired_difference([1, 2], [1], samples=10, confidence=0.95)
    assert np.isnan(bootstrap_mean([], samples=10, confidence=0.95).value)
