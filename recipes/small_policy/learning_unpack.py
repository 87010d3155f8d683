"""Issue 10 Part C, here: put the files `learning_run.py` returned from the GPU loan back together.

Joins the `learning_models.tar.partNN` files in order, extracts the SFT model and the GRPO
checkpoints into `--to` (the training folder the sweep reads: `sft-model/`, `checkpoint-N/`) and
copies `learning_summary.json` next to them.

    python recipes/small_policy/learning_unpack.py /path/to/files_at --to runs/partc/train
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_run import SUMMARY_NAME, TAR_NAME  # noqa: E402


def unpack(files_dir: Path, to: Path) -> list[str]:
    """Join and extract the tar parts in `files_dir` into `to`; return the folders extracted."""
    parts = sorted(files_dir.glob(f"{TAR_NAME}.part*"))
    if not parts:
        raise FileNotFoundError(f"no {TAR_NAME}.part* files in {files_dir}")
    to.mkdir(parents=True, exist_ok=True)
    joined = to / TAR_NAME
    with open(joined, "wb") as whole:
        for part in parts:
            whole.write(part.read_bytes())
    with tarfile.open(joined) as tar:
        names = sorted({member.name.split("/")[0] for member in tar.getmembers()})
        tar.extractall(to, filter="data")
    joined.unlink()
    if (files_dir / SUMMARY_NAME).is_file():
        shutil.copy(files_dir / SUMMARY_NAME, to / SUMMARY_NAME)
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", help="the folder holding the returned files (the device call's files_at)")
    parser.add_argument("--to", default="runs/partc/train", help="training folder to fill (default runs/partc/train)")
    args = parser.parse_args()
    print(f"extracted {', '.join(unpack(Path(args.files), Path(args.to)))} into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
