"""`flutter-rl train`: the curated train split + the real rewards (rendered by the configured backend) -> GRPO.

The manifest is the curation stage's (`flutter_rl.curate`): passed with `--manifest`, or curated now
from `[data]` (which reuses an identical manifest already on disk). Rewards are the reward stage's
`make_reward_functions` (format, visual, render rate) on the renderer of `[renderer]`.

Under `accelerate launch` every process runs this: the main process curates first (the others then
reuse its manifest), and each process scores its own completions on a renderer of
`[renderer] workers / N` pages (`flutter_rl.train.distributed`).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import pandas as pd
import torch
from PIL import Image, UnidentifiedImageError

from flutter_rl.endpoints import tracking_uri
from flutter_rl.settings import Settings
from flutter_rl.train.distributed import per_process_renderer, world_size
from flutter_rl.train.grpo import TrainingSetupError, TrainResult, train_grpo
from flutter_rl.train.mlflow_run import TrackingError, check_tracking_server
from flutter_rl.train.policy import PolicyError, check_policy
from flutter_rl.train.prompt import build_example
from flutter_rl.train.run_dirs import training_dir

log = logging.getLogger(__name__)

ROW_COLUMNS = ("id", "screen_type", "difficulty", "reference_code")


def train_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Training rows from manifest rows; a screenshot that cannot be read is skipped with a warning."""
    rows = []
    for record in frame.to_dict("records"):
        try:
            with Image.open(record["image_path"]) as image:
                screenshot = image.convert("RGB")
        except (OSError, UnidentifiedImageError) as exc:
            log.warning("skipping %s: cannot read %s (%s)", record.get("id"), record["image_path"], exc)
            continue
        rows.append(build_example(screenshot, **{c: record.get(c) or "" for c in ROW_COLUMNS}))
    return rows


def run_training(settings: Settings, manifest_path: str | None = None) -> TrainResult:
    """Train on the train split of the manifest with the rewards of `[reward]`, logged to `[tracking]`."""
    # The cheap checks first: a wrong model name or a stopped server should not wait for a browser and curation.
    check_policy(settings.model)
    check_tracking_server(tracking_uri(settings))
    from accelerate import PartialState

    from flutter_renderer.render import make_backend
    from flutter_rl.curate import Manifest
    from flutter_rl.curate.pipeline import curate
    from flutter_rl.reward import make_reward_functions

    renderer = per_process_renderer(settings.renderer, world_size())
    with make_backend(renderer) as backend:
        with PartialState(cpu=not torch.cuda.is_available()).main_process_first():
            manifest = Manifest.load(manifest_path) if manifest_path else curate(settings, backend)
        train_split = manifest.split("train")
        if train_split.empty:
            raise TrainingSetupError(
                f"the manifest {manifest.root} has no train split (an eval-only dataset, "
                "curated with data.train_size = 0): evaluate it, or curate with train_size > 0"
            )
        rows = train_rows(train_split)
        if not rows:
            raise TrainingSetupError(f"the manifest {manifest.root} has no readable train rows")
        reward_funcs, reward_weights = make_reward_functions(settings, backend)
        settings = settings.model_copy(deep=True)
        settings.train.output_dir = str(training_dir(settings, manifest.version))
        return train_grpo(
            settings,
            rows,
            reward_funcs,
            reward_weights,
            tracking_uri(settings),
            run_params={"data.manifest": manifest.version, "data.train_rows": len(rows)},
        )


def train_command(settings: Settings, manifest_path: str | None = None) -> int:
    """The CLI: train, print where the checkpoints went; exit 2 on a setup error (one line, no traceback)."""
    try:
        result = run_training(settings, manifest_path)
    except (PolicyError, TrainingSetupError, TrackingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"checkpoints: {', '.join(p.name for p in result.checkpoints) or 'none'} in {result.output_dir}")
    if result.mlflow_run_id:
        print(f"MLflow run: {result.mlflow_run_id}")
    return 0
