"""Sources of screenshots: a local folder (with an optional CSV/JSONL metadata file) or a Hugging Face
`datasets` dataset (by name from the local cache, or a path saved with `save_to_disk`), offline.

Metadata columns: id, image (path relative to the folder), screen_type, difficulty, reference_code;
all but `image` are optional. A metadata row whose image is missing becomes a rejection; an image
without a metadata row is still ingested, unlabelled.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from flutter_rl.curate.items import RawItem, Rejection

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")


class IngestError(ValueError):
    """A source that cannot be read at all (missing folder, unreadable metadata file)."""


def read_metadata(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a metadata file (.csv or .jsonl); empty cells become None."""
    file = Path(path)
    if not file.is_file():
        raise IngestError(f"metadata file not found: {file}")
    if file.suffix.lower() == ".csv":
        with file.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    elif file.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise IngestError(f"{file}, line {number}: not valid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise IngestError(f"{file}, line {number}: expected a JSON object, got {type(row).__name__}")
                rows.append(row)
    else:
        raise IngestError(f"metadata must be .csv or .jsonl, got {file.name}")
    return [{k: (v if v not in ("", None) else None) for k, v in row.items()} for row in rows]


def _optional(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    return str(value).strip().lower() if value is not None and str(value).strip() else None


def ingest_folder(
    path: str | Path, metadata: str | Path | None = None, source: str = "folder"
) -> tuple[list[RawItem], list[Rejection]]:
    """Every image in `path` (recursively), labelled from `metadata` where it has a row.

    Without `metadata`, a `metadata.jsonl`/`metadata.csv` inside the folder is used when present.
    """
    root = Path(path)
    if not root.is_dir():
        raise IngestError(f"screenshot folder not found: {root}")
    if metadata is None:
        metadata = next((root / n for n in ("metadata.jsonl", "metadata.csv") if (root / n).is_file()), None)
    rows = read_metadata(metadata) if metadata else []
    items: list[RawItem] = []
    rejections: list[Rejection] = []
    described: set[Path] = set()
    for row in rows:
        image = row.get("image")
        row_id = str(row.get("id") or (Path(str(image)).stem if image else "?"))
        if not image:
            rejections.append(Rejection(row_id, "", "ingest", "metadata row has no 'image'"))
            continue
        file = (root / str(image)).resolve()
        if not file.is_file():
            rejections.append(Rejection(row_id, str(file), "ingest", "image named in metadata does not exist"))
            continue
        described.add(file)
        items.append(
            RawItem(
                id=row_id,
                image_path=str(file),
                source=source,
                screen_type=_optional(row, "screen_type"),
                difficulty=_optional(row, "difficulty"),
                reference_code=row.get("reference_code"),
            )
        )
    for file in sorted(root.rglob("*")):
        if file.suffix.lower() in IMAGE_SUFFIXES and file.resolve() not in described:
            items.append(
                RawItem(
                    id=file.relative_to(root).with_suffix("").as_posix().replace("/", "-"),
                    image_path=str(file.resolve()),
                    source=source,
                )
            )
    return _unique_ids(items, rejections)


def _unique_ids(items: list[RawItem], rejections: list[Rejection]) -> tuple[list[RawItem], list[Rejection]]:
    seen: set[str] = set()
    unique: list[RawItem] = []
    for item in items:
        if item.id in seen:
            rejections.append(Rejection(item.id, item.image_path, "ingest", "duplicate id"))
            continue
        seen.add(item.id)
        unique.append(item)
    return unique, rejections


def ingest_hf(name_or_path: str, split: str, export_dir: str | Path) -> tuple[list[RawItem], list[Rejection]]:
    """A `datasets` dataset, offline: a directory saved with `save_to_disk`, else a name in the local
    cache. Images (column `image`) are written unchanged to `export_dir` so later stages read files.
    Other columns follow the metadata format (id, screen_type, difficulty, reference_code)."""
    import datasets

    location = Path(name_or_path)
    if location.exists():
        loaded = datasets.load_from_disk(str(location))
        dataset = loaded[split] if isinstance(loaded, datasets.DatasetDict) else loaded
    else:
        try:  # served from the local cache when HF_DATASETS_OFFLINE=1 or the hub is unreachable
            dataset = datasets.load_dataset(name_or_path, split=split)
        except Exception as exc:  # datasets raises many types (connection, missing cache, bad split)
            raise IngestError(f"cannot load dataset {name_or_path!r} split {split!r} offline: {exc}") from exc
    if "image" not in dataset.column_names:
        raise IngestError(f"dataset {name_or_path!r} has no 'image' column (columns: {dataset.column_names})")
    dataset = dataset.cast_column("image", datasets.Image(decode=False))
    out = Path(export_dir)
    out.mkdir(parents=True, exist_ok=True)
    items: list[RawItem] = []
    rejections: list[Rejection] = []
    for index, row in enumerate(dataset):
        row_id = str(row.get("id") or f"{split}-{index:06d}")
        image = row["image"] or {}
        data = image.get("bytes") or (Path(image["path"]).read_bytes() if image.get("path") else None)
        if not data:
            rejections.append(Rejection(row_id, "", "ingest", "dataset row has no image bytes"))
            continue
        suffix = Path(image.get("path") or "x.png").suffix or ".png"
        file = out / f"{row_id}{suffix}"
        file.write_bytes(data)
        items.append(
            RawItem(
                id=row_id,
                image_path=str(file),
                source="hf",
                screen_type=_optional(row, "screen_type"),
                difficulty=_optional(row, "difficulty"),
                reference_code=row.get("reference_code"),
            )
        )
    return _unique_ids(items, rejections)
