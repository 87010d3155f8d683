"""The checkpoints of a training run, in step order, each with a content hash for the eval cache.

A run's `[train] output_dir` holds `checkpoint-N/` folders (PEFT adapters saved every `save_steps`)
and, after training ends, the final adapter in the folder itself. The sweep evaluates the base model
(step 0), every `checkpoint-N` and the final adapter when its content differs from the last checkpoint.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

ADAPTER_CONFIG = "adapter_config.json"
_CHECKPOINT_DIR = re.compile(r"^checkpoint-(\d+)$")


@dataclass(frozen=True)
class Checkpoint:
    """One model to evaluate: the base (`adapter_dir` None) or the base plus a PEFT adapter."""

    name: str                  # "base", "checkpoint-80", "final"
    step: int                  # training step; 0 for the base
    adapter_dir: Path | None
    content_hash: str          # changes exactly when the weights that generate change


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


def adapter_hash(base_hash: str, adapter_dir: Path) -> str:
    """The hash of base + adapter weights: only `adapter_config.json` and `adapter_model.*` count,
    so a `checkpoint-N` (with optimizer state) and a final save of the same weights hash alike."""
    files = [p for p in adapter_dir.iterdir() if p.is_file() and (p.name == ADAPTER_CONFIG or p.name.startswith("adapter_model"))]
    # an adapter means nothing without its base: the same adapter on another base is another model
    return hashlib.sha256(f"{base_hash}\0{hash_files(adapter_dir, files)}".encode()).hexdigest()


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


def checkpoint_for(adapter_dir: str | Path, model_name: str) -> Checkpoint:
    """One saved adapter as a `Checkpoint`: its folder name, and its step from `checkpoint-N` or its
    `trainer_state.json` (else 0)."""
    path = Path(adapter_dir)
    if not (path / ADAPTER_CONFIG).is_file():
        raise FileNotFoundError(f"{path}: not a PEFT adapter folder (no {ADAPTER_CONFIG})")
    match = _CHECKPOINT_DIR.match(path.name)
    step = int(match.group(1)) if match else _final_step(path, 0)
    return Checkpoint(path.name, step, path, adapter_hash(base_model_hash(model_name), path))


def list_checkpoints(train_dir: str | Path | None, model_name: str) -> list[Checkpoint]:
    """Base, then every `checkpoint-N` adapter by N, then the final adapter in `train_dir` if new.

    A `checkpoint-N` folder without `adapter_config.json` (a save cut short) is skipped; a missing
    or empty `train_dir` gives the base alone.
    """
    base_hash = base_model_hash(model_name)
    found = [Checkpoint("base", 0, None, base_hash)]
    root = Path(train_dir) if train_dir else None
    if root is None or not root.is_dir():
        return found
    numbered = sorted(
        (int(match.group(1)), path)
        for path in root.iterdir()
        if path.is_dir() and (match := _CHECKPOINT_DIR.match(path.name)) and (path / ADAPTER_CONFIG).is_file()
    )
    for step, path in numbered:
        found.append(Checkpoint(path.name, step, path, adapter_hash(base_hash, path)))
    if (root / ADAPTER_CONFIG).is_file():
        final = adapter_hash(base_hash, root)
        if final not in {c.content_hash for c in found}:
            last_step = numbered[-1][0] if numbered else 0
            found.append(Checkpoint("final", _final_step(root, last_step), root, final))
    return found
