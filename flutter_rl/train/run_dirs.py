"""Where a training run writes: one folder per configuration under `[train] output_dir`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flutter_rl.settings import Settings


def training_dir(settings: Settings, manifest_version: str) -> Path:
    """The folder of one training configuration: `[train] output_dir/run-<hash>`.

    The hash covers `[model]`, `[reward]`, `[train]` (but its output_dir) and the manifest version, so
    a killed run resumes from its own checkpoints and a changed setting starts a fresh run instead of
    resuming someone else's.
    """
    payload = {
        "model": settings.section_hash("model"),
        "reward": settings.section_hash("reward"),
        "train": settings.train.model_dump(mode="json", exclude={"output_dir"}),
        "manifest": manifest_version,
    }
    key = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]
    return Path(settings.train.output_dir) / f"run-{key}"


def latest_training_dir(root: str | Path) -> Path:
    """The most recently written `run-*` folder under `root` (where sweeps look by default), else `root`."""
    runs = [p for p in Path(root).glob("run-*") if p.is_dir()]
    return max(runs, key=lambda p: p.stat().st_mtime) if runs else Path(root)
