"""The eval screens of the curated manifest, their target screenshots and a content hash.

The manifest is the Parquet file of `flutter_rl.curate` (columns id, split, screen_type, difficulty,
image_path, ...); `image_path` is absolute or relative to the manifest's folder. A row whose
screenshot is missing or unreadable is left out with a warning (and listed in `skipped`), so one bad
file never stops a sweep; the hash covers exactly the screens evaluated.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from PIL import Image

from flutter_rl.curate.manifest import MANIFEST_FILE
from flutter_rl.reward.images import BadImageError, load_image

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("id", "split", "screen_type", "difficulty", "image_path")


class EvalSetError(ValueError):
    """The manifest cannot be used for evaluation; the message says why."""


@dataclass
class EvalSet:
    """The screens to evaluate, in manifest order, with their loaded targets."""

    rows: pd.DataFrame  # id, screen_type, difficulty, image_path (absolute)
    images: list[Image.Image]
    content_hash: str
    skipped: dict[str, str] = field(default_factory=dict)  # id -> why it was left out

    def __len__(self) -> int:
        return len(self.rows)


def _image_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def latest_manifest(data_dir: str | Path) -> Path:
    """The newest `<version>/manifest.parquet` that curation wrote under `[data] output_dir`."""
    found = sorted(Path(data_dir).glob(f"*/{MANIFEST_FILE}"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise EvalSetError(
            f"no curated manifest under {Path(data_dir).resolve()} (run curation first or pass --manifest)"
        )
    return found[-1]


def dataset_name(manifest: str | Path) -> str:
    """A manifest's version, the name of its folder (`<version>/manifest.parquet`), for run names."""
    path = Path(manifest)
    return (path.parent if path.name == MANIFEST_FILE else path).name


def load_eval_set(manifest: str | Path, split: str = "eval", limit: int | None = None) -> EvalSet:
    """The `split` rows of `manifest` (a manifest.parquet or its folder; at most `limit` rows), with
    readable target images and a content hash."""
    path = Path(manifest)
    path = path / MANIFEST_FILE if path.is_dir() else path
    if not path.is_file():
        raise EvalSetError(f"eval manifest not found: {path.resolve()} (run curation first or pass --manifest)")
    table = pd.read_parquet(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise EvalSetError(f"{path}: manifest lacks columns {missing}")
    table = table[table["split"] == split]
    if table.empty:
        raise EvalSetError(f"{path}: no rows with split == {split!r}")
    if table["id"].duplicated().any():
        raise EvalSetError(
            f"{path}: duplicate ids in split {split!r}: {sorted(table['id'][table['id'].duplicated()].unique())[:5]}"
        )
    if limit is not None:
        table = table.head(limit)

    keep, images, skipped = [], [], {}
    digest = hashlib.sha256()
    for row in table.itertuples(index=False):
        image_path = Path(row.image_path)
        image_path = image_path if image_path.is_absolute() else path.parent / image_path
        try:
            images.append(load_image(image_path))
        except BadImageError as exc:
            skipped[str(row.id)] = str(exc)
            log.warning("eval screen %s left out: %s", row.id, exc)
            continue
        keep.append(
            {
                "id": str(row.id),
                "screen_type": row.screen_type,
                "difficulty": row.difficulty,
                "image_path": str(image_path),
            }
        )
        digest.update(f"{row.id}\0{row.screen_type}\0{row.difficulty}\0{_image_digest(image_path)}\n".encode())
    if not keep:
        raise EvalSetError(f"{path}: no readable eval screenshots ({len(skipped)} left out)")
    return EvalSet(pd.DataFrame(keep), images, digest.hexdigest(), skipped)
