"""A sweep over two tiny checkpoints end to end: a real tiny Qwen3-VL with two LoRA adapters generates,
results go to the real MLflow server, a re-run hits the cache, and the results notebook runs on them.

The renderer is the real `[renderer] backend` (embedded: Dart front end + Flet + Chromium). A random
tiny policy writes no Flutter, so its samples fail to render (the error tables are real); an oracle
that answers with each screen's reference code checks the render-and-score path with real renders.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import mlflow
import pytest

from flutter_rl.evaluate.sweep import default_backend, run_sweep
from flutter_rl.evaluate.tracking import TABLE_FILES, checkpoint_runs, find_sweep_run, load_sweep_tables
from flutter_rl.settings import EvalSettings, ModelSettings, RewardSettings, TrackingSettings

from .conftest import write_manifest  # noqa: TID252

pytestmark = pytest.mark.e2e


def _two_adapters(base_dir: Path, train_dir: Path, model: ModelSettings) -> None:
    """checkpoint-1 and checkpoint-2: LoRA adapters with different random (non-zero) weights."""
    import torch
    from peft import get_peft_model

    from flutter_rl.train.policy import load_policy, lora_config

    policy, _ = load_policy(model)
    for step in (1, 2):
        torch.manual_seed(step)
        config = lora_config(model)
        config.init_lora_weights = False  # random A and B: the adapter changes what the model writes
        adapted = get_peft_model(policy, config)
        adapted.save_pretrained(train_dir / f"checkpoint-{step}")
        policy = adapted.unload()


@pytest.fixture(scope="module")
def tiny_sweep(live_services, tmp_path_factory):
    from flutter_rl.train.tiny_policy import make_tiny_policy

    root = tmp_path_factory.mktemp("sweep-e2e")
    settings = live_services.model_copy(deep=True)
    settings.model = ModelSettings(
        name=str(make_tiny_policy(root / "tiny-policy")),
        load_in_4bit=False,
        max_pixels=65536,
        lora_rank=4,
        lora_alpha=8,
    )
    settings.eval = EvalSettings(
        max_new_tokens=24, batch_size=2, bootstrap_samples=100, grid_examples=2, output_dir=str(root / "eval")
    )
    settings.reward = RewardSettings(visual="structure")
    settings.tracking = TrackingSettings(
        uri=os.environ["MLFLOW_TRACKING_URI"], experiment=f"sweep-e2e-{uuid.uuid4().hex[:8]}"
    )
    _two_adapters(Path(settings.model.name), root / "train", settings.model)
    backend = default_backend(settings)
    manifest = write_manifest(root / "data", count=4)
    try:
        result = run_sweep(settings, root / "train", manifest, backend=backend)
        yield settings, result, root, manifest, backend
    finally:
        backend.close()


def test_sweep_logs_tables_runs_and_artifacts(tiny_sweep):
    settings, result, *_ = tiny_sweep
    assert [u.checkpoint.name for u in result.units] == ["base", "checkpoint-1", "checkpoint-2"]
    assert not any(u.cached for u in result.units)
    completions = {u.checkpoint.name: tuple(u.samples["completion"]) for u in result.units}
    assert len(set(completions.values())) == 3  # each adapter really changes the generated text

    run = find_sweep_run(settings.tracking.experiment)
    assert run["run_id"] == result.run_id
    tables = load_sweep_tables(run)  # read back from the server
    assert set(tables) == set(TABLE_FILES)
    assert list(tables["overall"]["checkpoint"]) == ["base", "checkpoint-1", "checkpoint-2"]
    assert {
        "render_rate",
        "render_rate_low",
        "unsupported_share",
        "render_rate_supported",
        "visual_delta",
        "combined_delta_high",
    } <= set(tables["overall"].columns)
    assert len(tables["by_screen_type"]) == 3 * 3 and len(tables["by_difficulty"]) == 3 * 2
    assert tables["errors"]["n"].tolist() == [4, 4, 4]
    for metric in ("combined", "unsupported_share"):
        history = mlflow.MlflowClient().get_metric_history(result.run_id, metric)
        assert sorted(m.step for m in history) == [0, 1, 2], metric

    nested = checkpoint_runs(run)
    assert list(nested["tags.checkpoint"]) == ["base", "checkpoint-1", "checkpoint-2"]
    artifacts = {a.path for a in mlflow.MlflowClient().list_artifacts(nested["run_id"][1], "grids")}
    assert artifacts == {"grids/best.png", "grids/worst.png"}
    plots = {a.path for a in mlflow.MlflowClient().list_artifacts(result.run_id, "plots")}
    assert "plots/metric_vs_step.png" in plots


def test_rerun_is_served_from_the_cache(tiny_sweep):
    settings, first, root, manifest, backend = tiny_sweep

    @contextmanager
    def must_not_generate(adapter_dir):
        raise AssertionError(f"generated again for {adapter_dir}")
        yield

    again = run_sweep(settings, root / "train", manifest, backend=backend, generator_for=must_not_generate, track=False)
    assert all(u.cached for u in again.units)
    assert again.tables["overall"].equals(first.tables["overall"])


def test_reference_code_renders_and_scores_as_its_own_target(tiny_sweep, tmp_path):
    """An oracle 'policy' that answers each screenshot with the code that drew it: every sample renders
    through the real renderer, its render is its target (visual 1), and the grids hold real renders."""
    import pandas as pd

    from flutter_rl.evaluate.checkpoints import Checkpoint
    from flutter_rl.reward.images import image_hash, load_image
    from flutter_rl.synth.synthetic import screen_from_seed

    settings, _, _, _, backend = tiny_sweep
    screens = [screen_from_seed(kind, "easy", seed=7) for kind in ("login", "list", "menu")]
    results = backend.render_batch([s.code for s in screens])
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]
    (tmp_path / "images").mkdir()
    rows, answers = [], {}
    for i, (screen, result) in enumerate(zip(screens, results)):
        (tmp_path / "images" / f"r{i}.png").write_bytes(result.png)
        rows.append(
            {
                "id": f"r{i}",
                "split": "eval",
                "screen_type": screen.screen_type,
                "difficulty": "easy",
                "image_path": f"images/r{i}.png",
            }
        )
        answers[image_hash(load_image(result.png))] = f"```dart\n{screen.code}\n```"
    pd.DataFrame(rows).to_parquet(tmp_path / "manifest.parquet")

    @contextmanager
    def oracle(adapter_dir):
        yield lambda images: [answers[image_hash(image)] for image in images]

    result = run_sweep(
        settings,
        manifest=tmp_path / "manifest.parquet",
        checkpoints=[Checkpoint("oracle", 0, None, "oracle")],
        generator_for=oracle,
        backend=backend,
        track=False,
    )
    samples = result.units[0].samples
    assert samples["rendered"].all() and (samples["format"] == 1.0).all()
    assert samples["visual"].tolist() == pytest.approx([1.0] * 3, abs=1e-6)
    assert samples["combined"].tolist() == pytest.approx([1.0] * 3, abs=1e-6)
    renders = sorted((Path(settings.eval.output_dir) / result.units[0].key / "renders").iterdir())
    assert len(renders) == 3


def test_results_notebook_runs_against_the_sweep(tiny_sweep, repo_root, monkeypatch):
    import nbclient
    import nbformat

    settings, result, *_ = tiny_sweep
    monkeypatch.setenv("FLUTTER_RL_EXPERIMENT", settings.tracking.experiment)
    monkeypatch.setenv("FLUTTER_RL_SWEEP_RUN_ID", result.run_id)
    notebook = nbformat.read(repo_root / "notebooks" / "results.ipynb", as_version=4)
    nbclient.NotebookClient(
        notebook, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(repo_root)}}
    ).execute()
    text = "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    assert result.run_id in text and "checkpoint-2" in text
    images = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert len(images) >= 4  # metric vs step, per-type bars, best and worst grids
