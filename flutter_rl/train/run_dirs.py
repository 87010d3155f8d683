"""Where a training run writes: one folder per configuration under `[train] output_dir`, and which files
of a saved checkpoint hold its weights."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from flutter_rl.settings import Settings

ADAPTER_CONFIG = "adapter_config.json"
MODEL_CONFIG_FILES = ("config.json", "generation_config.json")


def training_dir(settings: Settings, manifest_version: str) -> Path:
    """The folder of one training configuration: `[train] output_dir/run-<hash>`.

    The hash covers `[model]`, `[reward]`, `[train]` (but where and in how many processes it runs:
    output_dir, num_processes, accelerate_config) and the manifest version, so a killed run resumes from
    its own checkpoints and a changed setting starts a fresh run instead of resuming someone else's.
    """
    payload = {
        "model": settings.section_hash("model"),
        "reward": settings.section_hash("reward"),
        "train": settings.train.model_dump(mode="json", exclude={"output_dir", "num_processes", "accelerate_config"}),
        "manifest": manifest_version,
    }
    key = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]
    return Path(settings.train.output_dir) / f"run-{key}"


def latest_training_dir(root: str | Path) -> Path:
    """The most recently written `run-*` folder under `root` (where sweeps look by default), else `root`."""
    runs = [p for p in Path(root).glob("run-*") if p.is_dir()]
    return max(runs, key=lambda p: p.stat().st_mtime) if runs else Path(root)


def weight_files(checkpoint_dir: str | Path) -> list[Path]:
    """The files that hold a saved checkpoint's weights (no optimizer, processor or trainer state): a
    PEFT adapter's (`adapter_config.json`, `adapter_model.*`), else a fully fine-tuned model's
    (`config.json`, `generation_config.json`, `model*.safetensors`); none when it is neither."""
    folder = Path(checkpoint_dir)
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file()]
    if (folder / ADAPTER_CONFIG).is_file():
        return sorted(p for p in files if p.name == ADAPTER_CONFIG or p.name.startswith("adapter_model"))
    weights = [
        p for p in files if p.name.startswith("model") and p.name.endswith((".safetensors", ".safetensors.index.json"))
    ]
    if not weights or not (folder / "config.json").is_file():
        return []
    return sorted([p for p in files if p.name in MODEL_CONFIG_FILES] + weights)
