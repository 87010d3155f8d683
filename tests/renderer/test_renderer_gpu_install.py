"""benchmarks/gpu/install_renderer.sh: the part bookkeeping across device calls (tiny fake parts; the
full install is exercised by hand with the real bundle, see benchmarks/gpu/README.md)."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "gpu" / "install_renderer.sh"


def _carry(tmp_path: Path, parts: int = 2, bundle: str = "") -> list[Path]:
    """Folders carry1..N as stage_renderer.sh lays them out, each with one part and parts.sha256."""
    data = [f"{bundle}part {i}".encode() for i in range(1, parts + 1)]
    sums = "".join(f"{hashlib.sha256(d).hexdigest()}  renderer.tar.part{i:02d}\n" for i, d in enumerate(data, 1))
    folders = []
    for i, chunk in enumerate(data, 1):
        folder = tmp_path / f"carry{i}"
        folder.mkdir(parents=True)
        (folder / f"renderer.tar.part{i:02d}").write_bytes(chunk)
        (folder / "parts.sha256").write_text(sums)
        folders.append(folder)
    return folders


def _install(folder: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PARTS_DIR": str(tmp_path / "parts"),
        "PYLIB": str(tmp_path / "pylib"),
        "CHROMIUM_ROOT": str(tmp_path / "root"),
    }
    return subprocess.run(["bash", str(SCRIPT), str(folder)], env=env, capture_output=True, text=True, timeout=30)


def test_a_part_whose_predecessor_is_missing_says_to_start_again(tmp_path):
    first, second = _carry(tmp_path)
    run = _install(second, tmp_path)
    assert run.returncode == 1
    assert "renderer.tar.part01 missing" in run.stderr and "Start again with .device/carry1" in run.stderr


def test_each_part_is_stored_and_names_the_next_call(tmp_path):
    first, second, third = _carry(tmp_path, parts=3)
    run = _install(first, tmp_path)
    assert run.returncode == 0, run.stderr
    assert "part 1 of 3 stored" in run.stdout and run.stdout.rstrip().endswith(f"{tmp_path}/carry2")
    assert (tmp_path / "parts" / "renderer.tar.part01").read_bytes() == b"part 1"
    assert "part 2 of 3 stored" in _install(second, tmp_path).stdout


def test_a_damaged_part_is_refused(tmp_path):
    first, _ = _carry(tmp_path)
    (first / "renderer.tar.part01").write_bytes(b"part X")
    run = _install(first, tmp_path)
    assert run.returncode == 1 and "damaged" in run.stderr
    assert not (tmp_path / "parts" / "renderer.tar.part01").exists()


def test_parts_of_a_bundle_staged_again_since_are_dropped(tmp_path):
    old, _ = _carry(tmp_path / "old")
    _, new_second = _carry(tmp_path / "new", bundle="restaged ")
    assert _install(old, tmp_path).returncode == 0
    run = _install(new_second, tmp_path)
    assert run.returncode == 1 and "renderer.tar.part01 missing" in run.stderr
