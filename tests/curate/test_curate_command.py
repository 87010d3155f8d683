"""`flutter-rl curate` / `flutter-rl data show` on a folder of screenshots (no renderer involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main


def _folder(tmp_path: Path, make_png, n: int) -> Path:
    folder = tmp_path / "shots"
    for k in range(n):
        make_png(folder / f"shot-{k:02d}.png", k)
    return folder


def test_curate_eval_only_folder_prints_counts_and_the_manifest_path(tmp_path: Path, make_png, capsys) -> None:
    folder = _folder(tmp_path, make_png, 12)
    out = tmp_path / "data"
    argv = [
        "--set",
        "data.source=folder",
        "--set",
        f"data.path={folder}",
        "--set",
        f"data.output_dir={out}",
        "--set",
        "data.train_size=0",
        "--set",
        "data.eval_size=12",
        "--set",
        "data.dedupe_distance=0",
    ]
    assert main([*argv, "curate"]) == 0
    printed = capsys.readouterr().out
    manifest_line = next(line for line in printed.splitlines() if line.startswith("manifest written: "))
    root = Path(manifest_line.removeprefix("manifest written: "))
    assert (root / "manifest.parquet").is_file() and root.parent == out
    assert "eval 12; rejected 0" in printed
    # the same inputs again: the manifest is reused, and `data show` finds it by version
    assert main([*argv, "curate"]) == 0
    assert f"manifest reused: {root}" in capsys.readouterr().out
    assert main([*argv, "data", "show", root.name]) == 0
    assert f"manifest found: {root}" in capsys.readouterr().out


def test_curate_reports_a_split_the_data_cannot_fill_in_one_line(tmp_path: Path, make_png, capsys) -> None:
    folder = _folder(tmp_path, make_png, 4)
    argv = [
        "--set",
        "data.source=folder",
        "--set",
        f"data.path={folder}",
        "--set",
        f"data.output_dir={tmp_path / 'data'}",
        "--set",
        "data.dedupe_distance=0",
    ]
    assert main([*argv, "curate"]) == 1
    error = capsys.readouterr().err
    error = error[error.index("error: ") :]  # after the progress bars
    assert error.startswith("error: no screens for the train split") and "train_size = 0" in error


def test_data_show_names_what_it_looked_for(tmp_path: Path, capsys) -> None:
    assert main(["--set", f"data.output_dir={tmp_path}", "data", "show", "0123456789ab"]) == 1
    assert "no manifest '0123456789ab'" in capsys.readouterr().err


@pytest.mark.parametrize("frames", [1, 3])
def test_animated_images_are_rejected_with_a_reason(tmp_path: Path, make_png, frames: int) -> None:
    from PIL import Image

    from flutter_rl.curate.images import validate_and_normalize
    from flutter_rl.curate.ingest import ingest_folder
    from flutter_rl.settings import DataSettings

    still = Image.open(make_png(tmp_path / "src.png", 1)).convert("RGB")
    others = [Image.new("RGB", still.size, (40 * k, 0, 0)) for k in range(1, frames)]
    (tmp_path / "shots").mkdir()
    still.save(tmp_path / "shots" / "anim.gif", save_all=frames > 1, append_images=others)
    raw, _ = ingest_folder(tmp_path / "shots")
    kept, rejected = validate_and_normalize(raw, DataSettings(), tmp_path / "store")
    if frames == 1:
        assert [i.id for i in kept] == ["anim"] and not rejected
    else:
        assert not kept and rejected[0].reason == "animated image (3 frames): a screenshot is one frame"
