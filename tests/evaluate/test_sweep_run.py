"""run_sweep without MLflow: a scripted generator and the fake renderer drawing colors, so every score is known."""

from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from flutter_rl.evaluate.checkpoints import Checkpoint
from flutter_rl.evaluate.evalset import EvalSetError, load_eval_set
from flutter_rl.evaluate.reporting import results_frame
from flutter_rl.evaluate.sweep import run_sweep
from flutter_rl.settings import EvalSettings, RewardSettings, Settings

from .conftest import UNSUPPORTED_CODE, color_backend, screen_code  # noqa: TID252

TARGET = "#2050a0"


class ScriptedPolicy:
    """Per checkpoint, what each screen gets: the base renders nothing, checkpoint-1 renders the target color."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    @contextmanager
    def generator(self, adapter_dir: Path | None):
        name = adapter_dir.name if adapter_dir else "base"
        self.calls.append(name)
        yield lambda images: [screen_code(TARGET) if name != "base" else "no code here" for _ in images]


def _settings(tmp_path: Path, **eval_overrides) -> Settings:
    return Settings(
        reward=RewardSettings(visual="structure"),
        eval=EvalSettings(output_dir=str(tmp_path / "eval"), bootstrap_samples=50, batch_size=4, **eval_overrides),
    )


CHECKPOINTS = [Checkpoint("base", 0, None, "h-base"), Checkpoint("checkpoint-1", 1, Path("checkpoint-1"), "h-1")]


def test_sweep_scores_each_checkpoint_then_reuses_the_cache(tmp_path, manifest):
    policy, backend = ScriptedPolicy(), color_backend()
    kwargs = dict(checkpoints=CHECKPOINTS, generator_for=policy.generator, backend=backend, track=False)
    first = run_sweep(_settings(tmp_path), manifest=manifest, **kwargs)
    overall = first.tables["overall"].set_index("checkpoint")
    assert overall.loc["base", "render_rate"] == 0 and overall.loc["base", "combined"] == 0
    assert overall.loc["checkpoint-1", "render_rate"] == 1
    assert overall.loc["checkpoint-1", "visual"] == pytest.approx(1.0)  # renders exactly the target
    assert overall.loc["checkpoint-1", "render_rate_delta_pp"] == pytest.approx(100)
    assert first.tables["errors"].set_index("checkpoint").loc["base", "empty_completion"] == 6
    assert len(first.tables["by_screen_type"]) == 2 * 3 and len(first.tables["by_difficulty"]) == 2 * 2
    assert [u.cached for u in first.units] == [False, False]
    assert len(first.samples) == 12 and first.samples["completion"].str.contains("StatelessWidget").sum() == 6

    again = run_sweep(_settings(tmp_path), manifest=manifest, **kwargs)
    assert [u.cached for u in again.units] == [True, True]
    assert policy.calls == ["base", "checkpoint-1"]  # nothing generated the second time
    assert again.tables["overall"].equals(first.tables["overall"])

    changed = run_sweep(_settings(tmp_path, max_new_tokens=64), manifest=manifest, **kwargs)
    assert [u.cached for u in changed.units] == [False, False]


def test_unsupported_code_is_reported_apart_per_checkpoint_and_difficulty(tmp_path, manifest):
    @contextmanager
    def odd_screens_unsupported(adapter_dir):
        # every second screen of a batch (s1, s3, s5: the "hard" ones) uses code the renderer cannot draw
        yield lambda images: [
            screen_code(TARGET).replace("const Placeholder()", UNSUPPORTED_CODE) if i % 2 else screen_code(TARGET)
            for i in range(len(images))
        ]

    result = run_sweep(
        _settings(tmp_path),
        manifest=manifest,
        checkpoints=CHECKPOINTS[1:],
        generator_for=odd_screens_unsupported,
        backend=color_backend(),
        track=False,
    )
    overall = result.tables["overall"].iloc[0]
    assert (overall["render_rate"], overall["unsupported_share"], overall["render_rate_supported"]) == (0.5, 0.5, 1.0)
    assert result.tables["errors"].iloc[0]["unsupported"] == 3
    by_difficulty = result.tables["by_difficulty"].set_index("difficulty")
    assert by_difficulty.loc["hard", "unsupported_share"] == 1.0 and pd.isna(
        by_difficulty.loc["hard", "render_rate_supported"]
    )
    assert by_difficulty.loc["easy", ["render_rate", "unsupported_share", "render_rate_supported"]].tolist() == [
        1.0,
        0.0,
        1.0,
    ]
    assert {"unsupported_share", "render_rate_supported"} <= set(result.tables["by_screen_type"].columns)
    # the Prefect results table and the CLI summary show the three figures
    frame = results_frame(result.tables["overall"].to_dict("records"))
    assert list(frame.columns[2:5]) == ["render_rate", "unsupported_share", "render_rate_supported"]


def test_unreadable_screenshot_is_left_out_not_fatal(tmp_path, manifest):
    (manifest.parent / "images" / "s1.png").write_bytes(b"not a png")
    eval_set = load_eval_set(manifest)
    assert list(eval_set.rows["id"]) == ["s0", "s2", "s3", "s4", "s5"]
    assert "s1" in eval_set.skipped and all(isinstance(im, Image.Image) for im in eval_set.images)
    assert eval_set.content_hash != load_eval_set(manifest, limit=3).content_hash


def test_manifest_without_eval_rows_is_a_clear_error(tmp_path, manifest):
    with pytest.raises(EvalSetError, match="split == 'test'"):
        load_eval_set(manifest, split="test")
    with pytest.raises(EvalSetError, match="not found"):
        load_eval_set(tmp_path / "none.parquet")


def test_missing_clip_weights_stop_the_sweep_before_generating(tmp_path, manifest):
    from flutter_rl.reward.errors import RewardConfigError

    policy = ScriptedPolicy()
    settings = _settings(tmp_path)
    settings.reward = RewardSettings(visual="clip", clip_pretrained=str(tmp_path / "absent.pt"))
    with pytest.raises(RewardConfigError, match="clip_pretrained"):
        run_sweep(
            settings,
            manifest=manifest,
            checkpoints=CHECKPOINTS,
            generator_for=policy.generator,
            backend=color_backend(),
            track=False,
        )
    assert policy.calls == []
