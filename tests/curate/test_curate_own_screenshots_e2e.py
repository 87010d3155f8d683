"""Evaluate on your own screenshots, as docs/data.md says, end to end from the command line.

A folder of 20 phone screenshots is made here: synthetic screens rendered by the real embedded
renderer, scaled to a 1080-pixel-wide phone, with Android or iOS status and navigation bars drawn
above and below them (`phone_bars`). Then, as subprocesses against the live MLflow and Prefect
services (`live_services`): `flutter-rl make-tiny-policy`, `flutter-rl curate` with an eval-only
split (`data.train_size = 0`), and `flutter-rl evaluate --base`. The tables are read back from MLflow.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import mlflow
import pandas as pd
import pytest
from PIL import Image

from flutter_rl.evaluate.tracking import TABLE_FILES, find_sweep_run, load_sweep_tables
from flutter_rl.synth.synthetic import synthesize

from .phone_bars import navigation_bar, status_bar, with_bars  # noqa: TID252

pytestmark = pytest.mark.e2e

SCREENS = 20
SCALE = 1080 / 390  # a 390 dp render on a 1080-pixel-wide phone


def _screenshot_folder(settings, folder: Path) -> dict[str, tuple[int, int]]:
    """SCREENS screenshots with bars, a metadata.csv naming their screen types; returns each one's bar heights."""
    from flutter_renderer.render import make_backend

    renders = folder.parent / "renders"
    with make_backend(settings) as backend:
        report = synthesize(SCREENS, renders, backend, seed=19)
    assert len(report.written) >= SCREENS - 2, report.failures
    types = {
        row["id"]: row["screen_type"] for row in map(json.loads, (renders / "metadata.jsonl").read_text().splitlines())
    }
    folder.mkdir()
    bars, rows = {}, []
    for k, sample_id in enumerate(report.written):
        screen = Image.open(renders / f"{sample_id}.png").convert("RGB")
        screen = screen.resize((1080, round(screen.height * SCALE)), Image.Resampling.LANCZOS)
        top = status_bar(1080, SCALE, "android" if k % 2 else "ios")
        bottom = navigation_bar(1080, SCALE, ("buttons", "gesture", "home")[k % 3])
        name = f"Screenshot_{k:02d}"
        with_bars(screen, top, bottom).save(folder / f"{name}.png")
        bars[name] = (top.height, bottom.height)
        rows.append({"id": name, "image": f"{name}.png", "screen_type": types[sample_id]})
    with (folder / "metadata.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "image", "screen_type"])
        writer.writeheader()
        writer.writerows(rows)
    return bars


def _flutter_rl(repo_root: Path, config: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    command = [sys.executable, "-m", "flows.cli", "--config", str(config), *args]
    done = subprocess.run(command, cwd=repo_root, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{' '.join(args)}\nstdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
    return done


def test_own_screenshots_with_bars_curate_and_evaluate_on_the_base_model(live_services, repo_root, tmp_path):
    folder = tmp_path / "my-screenshots"
    bars = _screenshot_folder(live_services, folder)
    config = Path(live_services.source)
    experiment = f"own-screenshots-{uuid.uuid4().hex[:8]}"
    policy = tmp_path / "tiny-policy"
    _flutter_rl(repo_root, config, "make-tiny-policy", "--out", str(policy))
    settings = [
        "data.source=folder",
        f"data.path={folder}",
        f"data.output_dir={tmp_path / 'data'}",
        "data.train_size=0",
        f"data.eval_size={len(bars)}",
        "data.dedupe_distance=0",
        f"model.name={policy}",
        "model.load_in_4bit=false",
        "model.max_pixels=65536",
        "eval.max_new_tokens=24",
        "eval.batch_size=4",
        "eval.bootstrap_samples=100",
        f"eval.output_dir={tmp_path / 'eval'}",
        "reward.visual=structure",
        f"tracking.experiment={experiment}",
    ]
    overrides = [part for item in settings for part in ("--set", item)]

    curated = _flutter_rl(repo_root, config, *overrides, "curate")
    root = Path(re.search(r"^manifest written: (.+)$", curated.stdout, re.M).group(1))
    assert f"eval {len(bars)}; rejected 0" in curated.stdout
    assert f"status bar {len(bars)}, navigation bar {len(bars)}" in curated.stdout
    frame = pd.read_parquet(root / "manifest.parquet")
    assert set(frame["split"]) == {"eval"}
    for row in frame.itertuples():
        top, bottom = bars[row.id]
        assert abs(row.crop_top - top) <= 2, row  # over an app bar of (nearly) its colour: the centred estimate
        if bottom == round(34 * SCALE):  # iOS home indicator over a dark app: its pill at least
            assert round(13 * SCALE) < row.crop_bottom <= bottom, row
        else:
            assert abs(row.crop_bottom - bottom) <= 2, row
    assert (frame["width"] == 390).all() and frame["height"].between(840, 860).all()  # the render's 390 x 844 again

    evaluated = _flutter_rl(repo_root, config, *overrides, "evaluate", "--base", "--manifest", str(root))
    for stage in ("generate", "render + score"):
        assert re.search(rf"base: {re.escape(stage)}: 100%.*\b{len(bars)}/{len(bars)}\b", evaluated.stderr), stage
    header = next(line.split() for line in evaluated.stdout.splitlines() if line.split()[:1] == ["checkpoint"])
    assert {"render_rate", "visual", "combined", "format", "structure"} <= set(header)

    mlflow.set_tracking_uri(os.environ["MLFLOW_TRACKING_URI"])
    run = find_sweep_run(experiment)
    assert run["tags.mlflow.runName"] == f"base {policy.name} on {root.name}"
    assert f"MLflow run: {run['run_id']}" in evaluated.stdout
    tables = load_sweep_tables(run)
    assert set(tables) == set(TABLE_FILES)
    by_type = tables["by_screen_type"]
    assert set(by_type["screen_type"]) == set(frame["screen_type"]) and len(by_type) > 1
    assert by_type["n"].sum() == len(bars) and set(by_type["checkpoint"]) == {"base"}
    plots = {a.path for a in mlflow.MlflowClient().list_artifacts(run["run_id"], "plots")}
    assert plots == {"plots/metric_vs_step.png"}


def test_progress_is_a_prefect_artifact_that_reaches_the_total(live_services):
    """Inside a flow run, `track` keeps a progress artifact on the Prefect server up to 100 %."""
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.runtime import flow_run

    from flutter_rl.progress import track

    @flow(name="progress-e2e")
    def counting() -> str:
        with track("render synthetic screens", 5) as advance:
            for _ in range(5):
                advance(1)
        return flow_run.id

    run_id = counting()
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id]))
        )
    (artifact,) = [a for a in artifacts if a.type == "progress"]
    assert artifact.data == 100.0
    assert artifact.description == "render synthetic screens: 5/5 screens"
