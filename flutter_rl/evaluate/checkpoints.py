"""The checkpoints of a training run, in step order, each with a content hash for the eval cache.

A run's `[train] output_dir` holds `checkpoint-N/` folders saved every `save_steps` (PEFT adapters, or
whole models under `[model] adapter = "none"`) and, after training ends, possibly the final weights in
the folder itself. The sweep evaluates the base model (step 0), every `checkpoint-N` and the final
weights when their content differs from the last checkpoint.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from flutter_rl.train.run_dirs import weight_files

_CHECKPOINT_DIR = re.compile(r"^checkpoint-(\d+)$")


@dataclass(frozen=True)
class Checkpoint:
    """One model to evaluate: the base (`weights_dir` None), the base plus a PEFT adapter, or a full model."""

    name: str  # "base", "checkpoint-80", "final"
    step: int  # training step; 0 for the base
    weights_dir: Path | None  # a PEFT adapter folder or a fully fine-tuned model folder
    content_hash: str  # changes exactly when the weights that generate change


def hash_files(directory: Path, paths: list[Path]) -> str:
    """sha256 over the given files (path relative to `directory`, then bytes), in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def hash_dir(directory: Path) -> str:
    """sha256 over every file under `directory`."""
    return hash_files(directory, [p for p in directory.rglob("*") if p.is_file()])


def weights_hash(base_hash: str, weights_dir: Path) -> str:
    """The hash of base + checkpoint weights: only the weight files count (`run_dirs.weight_files`),
    so a `checkpoint-N` (with optimizer state) and a final save of the same weights hash alike."""
    # an adapter means nothing without its base, and a full model is read with the base's processor
    return hashlib.sha256(f"{base_hash}\0{hash_files(weights_dir, weight_files(weights_dir))}".encode()).hexdigest()


def base_model_hash(model_name: str) -> str:
    """The base model's identity: the content of its local directory (wherever it lies), else its hub id."""
    local = Path(model_name)
    if local.is_dir():
        return hash_dir(local)
    return hashlib.sha256(f"hub:{model_name}".encode()).hexdigest()


def _final_step(train_dir: Path, fallback: int) -> int:
    state = train_dir / "trainer_state.json"
    try:
        return int(json.loads(state.read_text())["global_step"])
    except (OSError, ValueError, KeyError, TypeError):
        return fallback


def checkpoint_for(weights_dir: str | Path, model_name: str) -> Checkpoint:
    """One saved adapter or model as a `Checkpoint`: its folder name, and its step from `checkpoint-N`
    or its `trainer_state.json` (else 0)."""
    path = Path(weights_dir)
    if not weight_files(path):
        raise FileNotFoundError(
            f"{path}: not a checkpoint folder (neither a PEFT adapter's adapter_config.json nor a model's config.json + model.safetensors)"
        )
    match = _CHECKPOINT_DIR.match(path.name)
    step = int(match.group(1)) if match else _final_step(path, 0)
    return Checkpoint(path.name, step, path, weights_hash(base_model_hash(model_name), path))


def list_checkpoints(train_dir: str | Path | None, model_name: str) -> list[Checkpoint]:
    """Base, then every `checkpoint-N` by N, then the final weights in `train_dir` if new.

    A `checkpoint-N` folder without weights (a save cut short) is skipped; a missing or empty
    `train_dir` gives the base alone.
    """
    base_hash = base_model_hash(model_name)
    found = [Checkpoint("base", 0, None, base_hash)]
    root = Path(train_dir) if train_dir else None
    if root is None or not root.is_dir():
        return found
    numbered = sorted(
        (int(match.group(1)), path)
        for path in root.iterdir()
        if path.is_dir() and (match := _CHECKPOINT_DIR.match(path.name)) and weight_files(path)
    )
    for step, path in numbered:
        found.append(Checkpoint(path.name, step, path, weights_hash(base_hash, path)))
    if weight_files(root):
        final = weights_hash(base_hash, root)
        if final not in {c.content_hash for c in found}:
            last_step = numbered[-1][0] if numbered else 0
            found.append(Checkpoint("final", _final_step(root, last_step), root, final))
    return found
