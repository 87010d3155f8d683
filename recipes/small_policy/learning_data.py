"""Issue 10 Part C, here: curate the `small` preset's data and export its train split for the GPU loan.

Curation is the pipeline's (`curate` with the `small` preset: synthetic screens rendered by the
embedded renderer here, 9 of 12 screen types at easy + medium for training, 12 types x 3 difficulties
x 2 for eval). The train split is written to `--out` as `train.parquet` (id, screen_type, difficulty,
reference_code, image_path) and `images/<id>.png`, each screenshot downscaled to the size the
policy's processor resizes it to anyway (`[model] max_pixels`), so that it fits one carry (64 MiB).
The eval split stays here, at full size, for the sweep.

    python recipes/small_policy/learning_data.py --out .device/partc
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from flutter_rl.curate import Manifest  # noqa: E402
from flutter_rl.curate.manifest import counts_table  # noqa: E402
from flutter_rl.curate.pipeline import curate  # noqa: E402
from flutter_rl.settings import load_settings  # noqa: E402

PRESET = "small"
COLUMNS = ["id", "screen_type", "difficulty", "reference_code", "image_path"]
PROCESSOR_FACTOR = 32  # patch 16 x merge 2: the processor's sizes are multiples of this
PROCESSOR_MIN_PIXELS = 32 * 32


def processor_size(width: int, height: int, max_pixels: int) -> tuple[int, int]:
    """(width, height) the Qwen-VL image processor resizes a `width` x `height` screenshot to."""
    from transformers.models.qwen2_vl.image_processing_qwen2_vl import smart_resize

    resized_height, resized_width = smart_resize(
        height, width, factor=PROCESSOR_FACTOR, min_pixels=PROCESSOR_MIN_PIXELS, max_pixels=max_pixels
    )
    return resized_width, resized_height


def export_train_split(manifest: Manifest, out: Path, max_pixels: int) -> int:
    """Write the train split with downscaled screenshots to `out`; return the number of rows."""
    shutil.rmtree(out / "images", ignore_errors=True)
    (out / "images").mkdir(parents=True)
    train = manifest.split("train")
    paths = []
    for row in train.itertuples(index=False):
        with Image.open(row.image_path) as image:
            size = processor_size(image.width, image.height, max_pixels)
            image.convert("RGB").resize(size, Image.Resampling.BICUBIC).save(
                out / "images" / f"{row.id}.png", optimize=True
            )
        paths.append(f"images/{row.id}.png")
    train = train.assign(image_path=paths)[COLUMNS]
    train.to_parquet(out / "train.parquet", index=False)
    (out / "manifest.json").write_text(
        json.dumps({"manifest": manifest.version, "root": str(manifest.root), "train_rows": len(train)})
    )
    return len(train)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=".device/partc", help="export folder (default .device/partc, git-ignored)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="settings override")
    args = parser.parse_args()

    settings = load_settings(
        REPO / "pipeline.toml", preset=PRESET, overrides=dict(item.split("=", 1) for item in args.set)
    )
    manifest = curate(settings)
    print(f"manifest {manifest.version} at {manifest.root}")
    counts = counts_table(manifest).pivot_table(
        index=["split", "screen_type"], columns="difficulty", values="count", fill_value=0
    )
    print(counts.to_string())
    rows = export_train_split(manifest, Path(args.out), settings.model.max_pixels)
    size = sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file())
    print(f"exported {rows} train rows to {args.out}: {size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
