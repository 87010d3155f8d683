"""Scoring a batch: one render call, per-sample components, bad input scored 0 with a reason."""

from __future__ import annotations

import logging

import pytest
from PIL import Image

from flutter_rl.reward.clip import ClipEmbedder
from flutter_rl.reward.errors import RewardConfigError
from flutter_rl.reward.scoring import render_summary, score_batch
from flutter_rl.settings import RewardSettings

from .conftest import GOOD, NO_RENDER  # noqa: TID252

UNSUPPORTED = GOOD.replace("const Text('Inbox')", "MaterialApp(routes: {})")  # `unsupported` (flutter_renderer/fake.py)
STRUCTURE = RewardSettings(visual="structure")


def test_rendered_code_gets_visual_and_format(fake_backend, screen: Image.Image) -> None:
    [score] = score_batch([GOOD], [screen], backend=fake_backend, settings=STRUCTURE)
    assert score.rendered and score.reason == ""
    assert score.format == 1.0
    assert score.visual == pytest.approx(1.0)  # the fake renders exactly the target
    assert score.combined == pytest.approx(0.8 * 1.0 + 0.2 * 1.0)
    assert set(score.metrics) == {"ssim", "color", "layout", "structure"}


def test_code_that_does_not_render_keeps_only_format(fake_backend, screen: Image.Image) -> None:
    [score] = score_batch([NO_RENDER], [screen], backend=fake_backend, settings=STRUCTURE)
    assert not score.rendered and score.visual == 0.0
    assert score.combined == pytest.approx(0.2 * score.format) and score.format == 1.0
    assert score.error_kind == "syntax" and "expected ';'" in score.reason


def test_unsupported_code_is_marked_apart_from_failures_and_counted_by_render_summary(fake_backend, screen) -> None:
    scores = score_batch(
        [GOOD, NO_RENDER, UNSUPPORTED, UNSUPPORTED], [screen] * 4, backend=fake_backend, settings=STRUCTURE
    )
    assert [s.unsupported for s in scores] == [False, False, True, True]
    assert scores[2].error_kind == "unsupported" and "not supported by the embedded renderer" in scores[2].reason
    assert not scores[2].rendered and scores[2].format == 1.0
    assert render_summary(scores) == {
        "render/rate": 0.25,
        "render/unsupported_share": 0.5,
        "render/rate_supported": 0.5,
        "render/unsupported_format": 1.0,
    }
    only_unsupported = render_summary(scores[2:])
    assert only_unsupported["render/rate"] == 0.0 and "render/rate_supported" not in only_unsupported
    assert "render/unsupported_format" not in render_summary(scores[:2]) and render_summary([]) == {}


def test_the_batch_is_rendered_in_one_call(fake_backend, screen: Image.Image) -> None:
    scores = score_batch([GOOD, NO_RENDER, "", GOOD], [screen] * 4, backend=fake_backend, settings=STRUCTURE)
    assert [s.rendered for s in scores] == [True, False, False, True]
    assert len(fake_backend.calls) == 1 and len(fake_backend.calls[0]) == 3  # the empty completion is not sent


def test_visual_follows_the_target(backend_class, make_screen, to_png, screen: Image.Image) -> None:
    backend = backend_class(lambda code: to_png(make_screen(offset=150)))
    near, far = score_batch([GOOD, GOOD], [make_screen(offset=140), screen], backend=backend, settings=STRUCTURE)
    assert near.visual > far.visual


def test_weights_come_from_settings(fake_backend, screen: Image.Image) -> None:
    settings = RewardSettings(visual="structure", weights=[0.5, 0.5])
    [score] = score_batch([NO_RENDER.replace("import", "// import")], [screen], backend=fake_backend, settings=settings)
    assert score.combined == pytest.approx(0.5 * 2 / 3)


def test_clip_and_mix_visuals(fake_backend, tiny_clip, screen: Image.Image) -> None:
    embedder = ClipEmbedder(*tiny_clip, device="cpu")
    black = Image.new("RGB", (390, 844), "black")
    clip_scores = score_batch(
        [GOOD, GOOD], [screen, black], backend=fake_backend, settings=RewardSettings(visual="clip"), embedder=embedder
    )
    assert clip_scores[0].visual == pytest.approx(1.0, abs=1e-5)
    assert clip_scores[1].visual == pytest.approx(clip_scores[1].metrics["clip"]) and clip_scores[1].visual < 1.0
    [mixed] = score_batch(
        [GOOD],
        [black],
        backend=fake_backend,
        settings=RewardSettings(visual="mix", mix_clip_share=0.25),
        embedder=embedder,
    )
    assert mixed.visual == pytest.approx(0.25 * mixed.metrics["clip"] + 0.75 * mixed.metrics["structure"])


def test_clip_visual_without_an_embedder_is_a_config_error(fake_backend, screen: Image.Image) -> None:
    with pytest.raises(RewardConfigError, match="visual"):
        score_batch([GOOD], [screen], backend=fake_backend, settings=RewardSettings(visual="clip"))


@pytest.mark.parametrize(
    "completion, target, kind, reason",
    [
        ("", "SCREEN", "empty_completion", "no code"),
        ("Sorry, I can't do that.", "SCREEN", "empty_completion", "no code"),
        (GOOD, None, "bad_target", "missing image"),
        (GOOD, b"\x89PNG\r\n\x1a\n broken", "bad_target", "unreadable image"),
        (GOOD, "/no/such/target.png", "bad_target", "unreadable image"),
        (GOOD, [], "bad_target", "empty image list"),
    ],
)
def test_bad_input_scores_zero_with_a_reason(fake_backend, screen, caplog, completion, target, kind, reason) -> None:
    target = screen if target == "SCREEN" else target
    with caplog.at_level(logging.DEBUG, logger="flutter_rl.reward"):
        [score] = score_batch([completion], [target], backend=fake_backend, settings=STRUCTURE)
    assert (score.combined, score.visual, score.format, score.rendered) == (0.0, 0.0, 0.0, False)
    assert score.error_kind == kind and reason in score.reason
    assert reason in caplog.text


def test_unparseable_code_is_a_render_failure(backend_class, screen: Image.Image) -> None:
    backend = backend_class(lambda code: None)
    [score] = score_batch(["class {{{ Text("], [screen], backend=backend, settings=STRUCTURE)
    assert not score.rendered and score.visual == 0.0 and score.error_kind == "syntax"


def test_a_renderer_that_raises_fails_the_batch_not_the_caller(backend_class, screen: Image.Image) -> None:
    def explode(code: str) -> bytes:
        raise RuntimeError("browser died")

    scores = score_batch([GOOD, GOOD], [screen, screen], backend=backend_class(explode), settings=STRUCTURE)
    assert all(
        s.error_kind == "crash" and "browser died" in s.reason and s.combined == pytest.approx(0.2) for s in scores
    )


def test_a_corrupt_render_is_scored_zero(backend_class, screen: Image.Image) -> None:
    [score] = score_batch([GOOD], [screen], backend=backend_class(lambda code: b"not a png"), settings=STRUCTURE)
    assert score.error_kind == "bad_render" and not score.rendered and score.visual == 0.0


def test_one_bad_sample_leaves_the_others_alone(fake_backend, screen: Image.Image) -> None:
    scores = score_batch([GOOD, GOOD, GOOD], [screen, b"junk", screen], backend=fake_backend, settings=STRUCTURE)
    assert [s.rendered for s in scores] == [True, False, True]
    assert scores[0].combined == pytest.approx(1.0) and scores[2].combined == pytest.approx(1.0)


class _BrokenEmbedder:
    def similarity(self, renders, targets):
        raise RuntimeError("CUDA out of memory")


def test_clip_failure_zeroes_a_clip_reward_but_not_the_render_rate(fake_backend, screen: Image.Image) -> None:
    [score] = score_batch(
        [GOOD], [screen], backend=fake_backend, settings=RewardSettings(visual="clip"), embedder=_BrokenEmbedder()
    )
    assert score.rendered and score.visual == 0.0 and "out of memory" in score.reason


def test_clip_failure_only_drops_the_reported_metric_for_a_structure_reward(fake_backend, screen: Image.Image) -> None:
    [score] = score_batch([GOOD], [screen], backend=fake_backend, settings=STRUCTURE, embedder=_BrokenEmbedder())
    assert score.visual == pytest.approx(1.0) and "clip" not in score.metrics and score.reason == ""


def test_the_weight_free_path_does_not_import_torch() -> None:
    import subprocess
    import sys

    check = "import sys, flutter_rl.reward; assert 'torch' not in sys.modules, 'torch imported'"
    assert subprocess.run([sys.executable, "-c", check], capture_output=True).returncode == 0
