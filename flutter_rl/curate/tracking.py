"""Record a manifest in MLflow: each split as a dataset input of the active run, plus the counts."""

from __future__ import annotations

import mlflow

from flutter_rl.curate.manifest import Manifest, counts_table

# Columns that describe a screen without its (large) code: what MLflow profiles and shows.
_LOGGED_COLUMNS = ["id", "split", "screen_type", "difficulty", "image_path", "width", "height", "phash", "source"]


def log_manifest_to_mlflow(manifest: Manifest, splits: tuple[str, ...] = ("train", "eval")) -> None:
    """Log each split as a run input (context = split name, digest = manifest version), the counts
    table as `data/counts.json` and the version as the `data.manifest` param. Uses the active run
    (MLflow starts one when none is active)."""
    for name in splits:
        rows = manifest.split(name)[_LOGGED_COLUMNS]
        dataset = mlflow.data.from_pandas(
            rows, source=str(manifest.root), name=f"screens-{name}", digest=manifest.version
        )
        mlflow.log_input(dataset, context=name, tags={"manifest_hash": manifest.hash})
    mlflow.log_table(counts_table(manifest), artifact_file="data/counts.json")
    mlflow.log_param("data.manifest", manifest.version)
