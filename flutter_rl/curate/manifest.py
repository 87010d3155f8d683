"""The versioned dataset manifest: a Parquet table of screens, their images, counts and a report.

The version is a content hash (sha256 over the sorted rows, each image's sha256, and the report's
rejections and shortfalls), and the manifest lives in `out_dir/<hash[:12]>/`. Writing the same
content again finds that directory and reuses it: that is the curation cache, keyed by content.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from flutter_rl.curate.items import Item, Rejection
from flutter_rl.curate.split import Shortfall

MANIFEST_FILE = "manifest.parquet"
REPORT_FILE = "report.json"
COUNTS_FILE = "counts.csv"
REJECTED_FILE = "rejected.csv"
COLUMNS = [
    "id",
    "split",
    "screen_type",
    "difficulty",
    "image_path",
    "original_path",
    "width",
    "height",
    "phash",
    "image_sha256",
    "reference_code",
    "source",
    "screen_type_source",
    "difficulty_source",
    "crop_top",
    "crop_bottom",
]
# Where a file came from on this machine is provenance, not content: it stays out of the hash.
_UNHASHED = {"original_path"}


@dataclass
class Manifest:
    """A curated dataset on disk: `frame` has one row per screen, `image_path` absolute."""

    root: Path
    hash: str
    frame: pd.DataFrame
    report: dict = field(default_factory=dict)
    reused: bool = False

    @property
    def version(self) -> str:
        return self.hash[:12]

    def split(self, name: str) -> pd.DataFrame:
        """The rows of one split ('train', 'eval' or 'unused')."""
        return self.frame[self.frame["split"] == name].reset_index(drop=True)

    @classmethod
    def load(cls, path: str | Path) -> "Manifest":
        """Open a manifest directory (`out_dir/<version>/`) or its manifest.parquet."""
        root = Path(path)
        root = root.parent if root.name == MANIFEST_FILE else root
        if not (root / MANIFEST_FILE).is_file():
            raise FileNotFoundError(f"no {MANIFEST_FILE} in {root}")
        report = json.loads((root / REPORT_FILE).read_text())
        frame = pd.read_parquet(root / MANIFEST_FILE)
        frame["image_path"] = [str(root / p) for p in frame["image_path"]]
        return cls(root=root, hash=report["hash"], frame=frame, report=report)


def _frame(items: Iterable[Item]) -> pd.DataFrame:
    rows = [
        {**{c: getattr(item, c) for c in COLUMNS if c != "image_path"}, "image_path": f"images/{item.id}.png"}
        for item in items
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["split", "id"], kind="stable").reset_index(drop=True)


def content_hash(frame: pd.DataFrame, rejections: list[Rejection], shortfalls: list[Shortfall]) -> str:
    """sha256 over the manifest rows (with each image's sha256) and the report; order-independent."""
    digest = hashlib.sha256()
    for row in sorted(
        json.dumps({k: v for k, v in r.items() if k not in _UNHASHED}, sort_keys=True, default=str)
        for r in frame.to_dict("records")
    ):
        digest.update(row.encode())
    for rejection in sorted((r.id, r.stage, r.reason) for r in rejections):
        digest.update(json.dumps(rejection).encode())
    for shortfall in sorted(json.dumps(asdict(s), sort_keys=True) for s in shortfalls):
        digest.update(shortfall.encode())
    return digest.hexdigest()


def counts_table(manifest: Manifest | pd.DataFrame) -> pd.DataFrame:
    """Screens per (split, screen_type, difficulty), long format, with zero rows left out."""
    frame = manifest.frame if isinstance(manifest, Manifest) else manifest
    counts = frame.groupby(["split", "screen_type", "difficulty"]).size().reset_index(name="count")
    return counts.sort_values(["split", "screen_type", "difficulty"]).reset_index(drop=True)


def write_manifest(
    items: list[Item], out_dir: str | Path, rejections: list[Rejection] = (), shortfalls: list[Shortfall] = ()
) -> Manifest:
    """Write (or reuse) `out_dir/<hash[:12]>/` with manifest.parquet, images/, counts.csv,
    rejected.csv and report.json. Items need `split` set; their `image_path` is copied in."""
    rejections, shortfalls = list(rejections), list(shortfalls)
    frame = _frame(items)
    digest = content_hash(frame, rejections, shortfalls)
    out = Path(out_dir)
    target = out / digest[:12]
    if _complete(target, digest):
        manifest = Manifest.load(target)
        manifest.reused = True
        return manifest
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}-", dir=out))
    (staging / "images").mkdir()
    for item in items:
        shutil.copyfile(item.image_path, staging / "images" / f"{item.id}.png")
    frame.to_parquet(staging / MANIFEST_FILE, index=False)
    counts_table(frame).to_csv(staging / COUNTS_FILE, index=False)
    pd.DataFrame([asdict(r) for r in rejections], columns=["id", "path", "stage", "reason"]).to_csv(
        staging / REJECTED_FILE, index=False
    )
    report = {
        "hash": digest,
        "rows": len(frame),
        "splits": {name: int(n) for name, n in frame["split"].value_counts().sort_index().items()},
        "rejected": len(rejections),
        "rejected_by_stage": {s: sum(r.stage == s for r in rejections) for s in sorted({r.stage for r in rejections})},
        "cropped": {
            "status_bar": int((frame["crop_top"] > 0).sum()),
            "navigation_bar": int((frame["crop_bottom"] > 0).sum()),
        },
        "shortfalls": [asdict(s) for s in shortfalls],
    }
    (staging / REPORT_FILE).write_text(json.dumps(report, indent=2) + "\n")
    if target.exists():  # a half-written or foreign directory under our name: replace it
        shutil.rmtree(target)
    try:
        os.replace(staging, target)
    except OSError:
        if not _complete(target, digest):
            raise
        shutil.rmtree(staging)  # another process wrote the same version meanwhile
    return Manifest.load(target)


def _complete(directory: Path, digest: str) -> bool:
    """Whether `directory` holds a finished manifest of this content hash."""
    report = directory / REPORT_FILE
    return report.is_file() and json.loads(report.read_text()).get("hash") == digest
