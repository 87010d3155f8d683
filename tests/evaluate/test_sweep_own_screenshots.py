"""Evaluating your own screenshots: `evaluate --base`, what the console and the grids say, progress.

The policy is scripted and the renderer is `color_backend()` (conftest), so every score is known; MLflow
runs on a local file store in tmp_path (the same client calls as against the server; MLflow 3 asks
for MLFLOW_ALLOW_FILE_STORE to open one).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from flows import cli
from flutter_rl import progress
from flutter_rl.evaluate import plots
from flutter_rl.evaluate import sweep as sweep_module
from flutter_rl.evaluate.checkpoints import Checkpoint
from flutter_rl.evaluate.cli import _print_result
from flutter_rl.evaluate.generate import generate_batches
from flutter_rl.evaluate.report import METRICS
from flutter_rl.evaluate.scoring import score_samples
from flutter_rl.evaluate.sweep import evaluate_base, run_sweep
from flutter_rl.evaluate.tracking import sample_grid
from flutter_rl.settings import EvalSettings, ModelSettings, RewardSettings, Settings, TrackingSettings

from .conftest import color_backend, screen_code, write_manifest  # noqa: TID252

TARGET = "#2050a0"


@pytest.fixture(autouse=True)
def _file_store(monkeypatch):
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")


def _settings(tmp_path: Path) -> Settings:
    return Settings(
        model=ModelSettings(name="Org/Some-VL-Model"),
        reward=RewardSettings(visual="structure"),
        eval=EvalSettings(output_dir=str(tmp_path / "eval"), bootstrap_samples=50, batch_size=4, grid_examples=2),
        tracking=TrackingSettings(uri=(tmp_path / "mlruns").as_uri(), experiment="own-screens"),
    )


@contextmanager
def _half_right(adapter_dir: Path | None):
    """Even screens get the target colour, odd ones code that does not parse (the colour backend: syntax error)."""
    yield lambda images: [
        screen_code(TARGET) if i % 2 == 0 else "```dart\nvoid main( {\n```" for i, _ in enumerate(images)
    ]


def test_evaluate_base_logs_one_run_named_after_model_and_dataset(tmp_path, capsys):
    settings = _settings(tmp_path)
    manifest = write_manifest(tmp_path / "data" / "0123abcd4567", count=6)
    result = evaluate_base(settings, manifest, generator_for=_half_right, backend=color_backend())
    assert [u.checkpoint.name for u in result.units] == ["base"]
    client = mlflow.MlflowClient(settings.tracking.uri)
    run = client.get_run(result.run_id)
    assert run.info.run_name == "base Some-VL-Model on 0123abcd4567"
    assert run.data.params["model"] == "Org/Some-VL-Model" and run.data.params["dataset"] == "0123abcd4567"
    plots_logged = {a.path for a in client.list_artifacts(result.run_id, "plots")}
    assert plots_logged == {"plots/metric_vs_step.png"}  # no "base vs base" bars

    _print_result(result)
    header = capsys.readouterr().out.splitlines()[0].split()
    assert set(METRICS) <= set(header)  # every metric the MLflow run has, format included
    assert not [c for c in header if "delta" in c]  # nothing to compare the base with


def test_a_checkpoint_next_to_the_base_still_gets_its_comparison_plots(tmp_path, capsys):
    settings = _settings(tmp_path)
    manifest = write_manifest(tmp_path / "data" / "v1", count=6)
    checkpoints = [Checkpoint("base", 0, None, "h0"), Checkpoint("checkpoint-1", 1, Path("checkpoint-1"), "h1")]
    result = run_sweep(
        settings, "", manifest, checkpoints=checkpoints, generator_for=_half_right, backend=color_backend()
    )
    logged = {a.path for a in mlflow.MlflowClient(settings.tracking.uri).list_artifacts(result.run_id, "plots")}
    assert {"plots/by_screen_type.png", "plots/by_difficulty.png"} <= logged
    _print_result(result)
    header = capsys.readouterr().out.splitlines()[0].split()
    assert {"format", "format_delta", "structure_delta", "render_rate_delta_pp"} <= set(header)


def test_cli_evaluate_base_and_its_argument_errors(tmp_path, monkeypatch, capsys):
    config = tmp_path / "pipeline.toml"
    config.write_text(f'[data]\noutput_dir = "{tmp_path / "data"}"\n[model]\nname = "Org/M"\n')
    seen = {}

    def fake_run_sweep(settings, train_dir, manifest, **kwargs):
        seen.update(train_dir=train_dir, manifest=manifest, **kwargs)
        raise FileNotFoundError("stop here")

    monkeypatch.setattr(sweep_module, "run_sweep", fake_run_sweep)
    assert (
        cli.main(
            [
                "--config",
                str(config),
                "evaluate",
                "--base",
                "--manifest",
                "runs/data/abc/manifest.parquet",
                "--no-track",
            ]
        )
        == 2
    )
    assert [c.name for c in seen["checkpoints"]] == ["base"] and seen["run_name"] == "base M on abc"
    seen.clear()
    assert cli.main(["--config", str(config), "evaluate", "--no-track"]) == 2  # no target: the newest run's sweep
    assert seen["train_dir"] is None and "checkpoints" not in seen
    assert cli.main(["--config", str(config), "evaluate", str(tmp_path), "--base"]) == 2
    assert "not an adapter and --base" in capsys.readouterr().err


def test_grids_print_the_first_line_of_each_failure(tmp_path, monkeypatch):
    settings = _settings(tmp_path)
    manifest = write_manifest(tmp_path / "data" / "v1", count=4)
    result = run_sweep(
        settings,
        "",
        manifest,
        checkpoints=[Checkpoint("base", 0, None, "h0")],
        generator_for=_half_right,
        backend=color_backend(),
        track=False,
    )
    unit = result.units[0]
    captured: list[plots.GridRow] = []
    monkeypatch.setattr(plots, "image_grid", lambda rows: captured.extend(rows))
    images = dict(zip(result.eval_set.rows["id"], result.eval_set.images))
    sample_grid(unit, settings, unit.samples, images)
    failed = [row for row in captured if row.render is None]
    assert len(failed) == 2 and all(row.detail == "did not render (syntax): line 1: expected ';'" for row in failed)
    assert all(row.detail == "" for row in captured if row.render is not None)


def test_grid_detail_line_is_drawn_and_cut_to_the_width():
    target = Image.new("RGB", (390, 844), (255, 255, 255))
    plain = plots.image_grid([plots.GridRow(target, None, "s0")])
    detailed = plots.image_grid([plots.GridRow(target, None, "s0", "did not render (syntax): " + "x" * 400)])

    def red(grid: Image.Image) -> np.ndarray:  # the detail line's pixels drawn in red (antialiased)
        line = np.asarray(grid, dtype=int)[plots.HEADER_HEIGHT + 17 : plots.HEADER_HEIGHT + 32]
        return (line[..., 0] - line[..., 1] > 60).any(axis=0)

    assert red(detailed).sum() > 100 and not red(plain).any()
    assert not red(detailed)[-4:].any()  # cut before the right edge


def test_progress_counts_batches_to_the_total(capsys):
    seen: list[int] = []
    images = [Image.new("RGB", (4, 8))] * 10
    out = generate_batches(lambda batch: ["c"] * len(batch), images, 4, [0, 4, 8], progress=seen.append)
    assert out == {0: ["c"] * 4, 4: ["c"] * 4, 8: ["c"] * 2} and seen == [4, 4, 2]
    with progress.track("base: generate", 10) as advance:
        for n in seen:
            advance(n)
    assert "base: generate: 100%" in capsys.readouterr().err and "10/10" in progress.describe("x", 10, 10, 5.0)
    assert progress.describe("x", 2, 10, 4.0) == "x: 2/10 screens, ETA 0m16s"


def test_a_batch_out_of_gpu_memory_scores_empty_and_the_warning_names_the_batch_size(caplog):
    """torch raises `torch.OutOfMemoryError` (a RuntimeError) with "CUDA out of memory. Tried to allocate ..."
    (c10/cuda/CUDACachingAllocator.cpp); the sweep keeps going and says which setting to lower."""
    import torch

    def generate(batch):
        if len(batch) == 4:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        raise RuntimeError("shape mismatch")

    images = [Image.new("RGB", (4, 8))] * 6
    with caplog.at_level("WARNING", logger="flutter_rl.evaluate.generate"):
        out = generate_batches(generate, images, 4, [0, 4])
    assert out == {0: [""] * 4, 4: [""] * 2}
    oom, other = caplog.messages
    assert "samples 0-3" in oom and "lower [eval] batch_size (now 4)" in oom
    assert "samples 4-5" in other and "batch_size" not in other


def test_scoring_in_chunks_gives_the_rows_of_one_batch():
    completions = [screen_code(TARGET), "no code", screen_code("#ffffff"), screen_code(TARGET), "```dart\nx(\n```"]
    targets = [Image.new("RGB", (39, 84), TARGET)] * 5
    rows = [{"id": f"s{i}", "screen_type": "list", "difficulty": "easy"} for i in range(5)]
    reward = RewardSettings(visual="structure")
    whole, renders = score_samples(completions, targets, rows, backend=color_backend(), reward=reward)
    seen: list[int] = []
    chunked, chunk_renders = score_samples(
        completions, targets, rows, backend=color_backend(), reward=reward, chunk=2, progress=seen.append
    )
    assert seen == [2, 2, 1]
    assert pd.DataFrame(chunked).equals(pd.DataFrame(whole)) and chunk_renders == renders


def test_progress_outside_prefect_makes_no_artifact(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a progress artifact outside a Prefect run")

    monkeypatch.setattr("prefect.artifacts.create_progress_artifact", refuse)
    with progress.track("x", 3) as advance:
        advance(3)


def test_logging_a_sweep_leaves_the_process_tracking_uri_alone(tmp_path, monkeypatch):
    """`mlflow.set_tracking_uri` also sets $MLFLOW_TRACKING_URI (MLflow 3); a sweep logged to its own
    server must not redirect the caller's later runs (it did: the services test after the sweep tests
    then talked to a file store)."""
    import mlflow

    from flutter_rl.evaluate.tracking import tracking_at

    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:5999")
    before = mlflow.get_tracking_uri()
    with tracking_at((tmp_path / "mlruns").as_uri()):
        assert mlflow.get_tracking_uri().startswith("file://")
    assert os.environ["MLFLOW_TRACKING_URI"] == "http://127.0.0.1:5999"
    assert mlflow.get_tracking_uri() == before
    monkeypatch.delenv("MLFLOW_TRACKING_URI")
    with tracking_at((tmp_path / "mlruns").as_uri()):
        pass
    assert "MLFLOW_TRACKING_URI" not in os.environ
