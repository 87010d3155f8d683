"""Per-unit evaluation results on disk, so a re-run sweep computes only what is new.

A unit is one checkpoint on one eval set with one decoding setup, renderer and reward; its key is
the sha256 of those parts. Its folder `[eval] output_dir/<key>/` holds `samples.parquet` (one row
per screen: scores, error, completion), `renders/<id>.png` and `unit.json` (the key's parts). The
folder is written under a temporary name and renamed into place, so a crash never leaves a unit
that looks complete.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

SAMPLES_FILE = "samples.parquet"
UNIT_FILE = "unit.json"
RENDERS_DIR = "renders"


def unit_key(parts: dict[str, Any]) -> str:
    """The sha256 of the key parts (JSON, sorted keys)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def unit_dir(root: str | Path, key: str) -> Path:
    return Path(root) / key


def load_unit(root: str | Path, key: str) -> pd.DataFrame | None:
    """The cached per-sample table of a unit, or None when it was never completed (or is unreadable)."""
    directory = unit_dir(root, key)
    try:
        return pd.read_parquet(directory / SAMPLES_FILE)
    except (OSError, ValueError):
        return None


def save_unit(
    root: str | Path, key: str, parts: dict[str, Any], samples: pd.DataFrame, renders: dict[str, bytes]
) -> Path:
    """Write a unit atomically; return its folder. An existing complete unit is replaced."""
    final = unit_dir(root, key)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=final.parent))
    try:
        (staging / RENDERS_DIR).mkdir()
        for sample_id, png in renders.items():
            (staging / RENDERS_DIR / f"{_safe(sample_id)}.png").write_bytes(png)
        (staging / UNIT_FILE).write_text(json.dumps(parts, indent=2, sort_keys=True, default=str))
        samples.to_parquet(staging / SAMPLES_FILE, index=False)
        if final.exists():
            shutil.rmtree(final)
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def render_path(root: str | Path, key: str, sample_id: str) -> Path | None:
    """The cached render of one sample, or None when it did not render."""
    path = unit_dir(root, key) / RENDERS_DIR / f"{_safe(sample_id)}.png"
    return path if path.is_file() else None


def _safe(sample_id: str) -> str:
    # ids come from manifests: readable, never a path, and distinct ids never share a file
    readable = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(sample_id))[:80]
    return f"{readable}-{hashlib.sha256(str(sample_id).encode()).hexdigest()[:8]}"
