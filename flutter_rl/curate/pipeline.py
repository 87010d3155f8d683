"""Curation end to end as plain functions: collect a source, validate and normalize, de-duplicate,
label, split, write the manifest. Prefect tasks wrap these one by one; `curate` chains them for the
command line and for tests.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Callable

from flutter_renderer.api import ErrorKind, RenderBackend
from flutter_rl.curate.images import dedupe, validate_and_normalize
from flutter_rl.curate.ingest import IngestError, ingest_folder, ingest_hf
from flutter_rl.curate.items import RawItem, Rejection
from flutter_rl.curate.labels import SCREEN_TYPES, label_items
from flutter_rl.curate.manifest import Manifest, write_manifest
from flutter_rl.curate.split import split
from flutter_rl.progress import track
from flutter_rl.settings import Settings
from flutter_rl.synth import dart, kit, screens, synthetic, wordbanks

_GENERATOR_MODULES = (dart, kit, screens, synthetic, wordbanks)
_TRANSIENT = {ErrorKind.CRASH.value, ErrorKind.TIMEOUT.value}


def generator_fingerprint() -> str:
    """A hash of the generator's source: a changed template means a new synthetic folder."""
    digest = hashlib.sha256()
    for module in _GENERATOR_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def synthetic_dir(settings: Settings, renderer_version: str) -> Path:
    """Where `source = "synthetic"` generates its folder; the name changes with every input of it:
    the data settings it uses, the renderer's settings and version, the generator's source."""
    key = json.dumps(
        {
            "data": [
                settings.data.seed,
                settings.data.synthetic_count,
                settings.data.train_size,
                settings.data.train_difficulties,
                settings.data.train_screen_types,
                settings.data.eval_size,
                settings.data.eval_difficulties,
            ],
            "renderer": [settings.section_hash("renderer"), renderer_version],
            "generator": generator_fingerprint(),
        }
    )
    return Path(settings.data.output_dir) / "synthetic" / hashlib.sha256(key.encode()).hexdigest()[:12]


def input_fingerprint(settings: Settings) -> str:
    """A cheap hash of what the source reads outside the settings: every file's path, size and mtime
    under a folder source (and its metadata file), or of a dataset saved to disk. A cache keyed on
    settings alone would miss an edited screenshot; add this to the key. Synthetic data depends on
    the settings and code only, so its fingerprint is constant."""
    data = settings.data
    if data.source == "synthetic" or not data.path:
        return ""
    digest = hashlib.sha256()
    paths = [Path(data.path)] + ([Path(data.metadata)] if data.metadata else [])
    for root in paths:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if file.is_file():
                stat = file.stat()
                digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    if not Path(data.path).exists():  # a dataset name in the local cache
        digest.update(data.path.encode())
    return digest.hexdigest()[:16]


def render_failures(folder: str | Path) -> list[Rejection]:
    """The screens the generator could not render in `folder`, as curation rejections."""
    return [
        Rejection(
            f["id"],
            "",
            "render",
            f"{f['screen_type']}/{f['difficulty']} did not render: {f['error_kind']}: {f['message']}",
        )
        for f in synthetic.read_failures(folder)
    ]


def _reusable(folder: Path) -> bool:
    """A finished synthetic folder whose failures, if any, came from the code, not the machine:
    a crashed or timed-out renderer is retried on the next run instead of being cached."""
    if not (folder / synthetic.METADATA_FILE).is_file():
        return False
    return not any(f["error_kind"] in _TRANSIENT for f in synthetic.read_failures(folder))


def ensure_synthetic(
    settings: Settings, backend: RenderBackend | None = None, progress: Callable[[int], None] | None = None
) -> Path:
    """Generate and render the synthetic folder unless it already exists for these inputs. A `backend`
    passed in is used as is (the caller owns it); otherwise one is made from `[renderer]`, started only
    when something must be rendered, and closed after. Without `progress`, rendering shows a
    `flutter_rl.progress` bar."""
    owned = backend is None
    if owned:
        from flutter_renderer.render import make_backend

        backend = make_backend(settings)
    folder = synthetic_dir(settings, backend.version)
    if _reusable(folder):
        return folder
    data = settings.data
    bar = track("render synthetic screens", data.synthetic_count) if progress is None else nullcontext(progress)
    with backend if owned else nullcontext(backend) as active, bar as advance:
        reserve = [
            synthetic.Quota(data.train_size, data.train_difficulties, data.train_screen_types or SCREEN_TYPES),
            synthetic.Quota(data.eval_size, data.eval_difficulties),
        ]
        synthetic.synthesize(data.synthetic_count, folder, active, seed=data.seed, reserve=reserve, progress=advance)
    return folder


def collect(settings: Settings, backend: RenderBackend | None = None) -> tuple[list[RawItem], list[Rejection]]:
    """The raw screens of the configured source (`data.source`)."""
    data = settings.data
    if data.source == "synthetic":
        folder = ensure_synthetic(settings, backend)
        items, rejected = ingest_folder(folder, source="synthetic")
        return items, render_failures(folder) + rejected
    if not data.path:
        raise IngestError(f"data.path is empty: source {data.source!r} needs a folder or dataset")
    if data.source == "hf":
        return ingest_hf(data.path, data.hf_split, Path(data.output_dir) / "hf-export")
    return ingest_folder(data.path, data.metadata or None)


def curate(settings: Settings, backend: RenderBackend | None = None) -> Manifest:
    """Collect, validate, normalize, de-duplicate, label, split and write the versioned manifest."""
    data = settings.data
    raw, rejected = collect(settings, backend)
    with track("check, crop and normalize screenshots", len(raw)) as advance:
        items, invalid = validate_and_normalize(raw, data, Path(data.output_dir) / "normalized", progress=advance)
    items, duplicates = dedupe(items, data.dedupe_distance)
    if not items:
        reasons = Counter(r.reason for r in rejected + invalid + duplicates).most_common(3)
        raise IngestError(
            f"no usable screens from source {data.source!r}; most common rejections: "
            + "; ".join(f"{n} x {reason[:160]}" for reason, n in reasons)
        )
    splits, shortfalls = split(label_items(items), data)
    every = [item for part in splits.values() for item in part]
    return write_manifest(every, data.output_dir, rejected + invalid + duplicates, shortfalls)
