"""A non-editable install ships the data the code reads at run time, not only the Python modules."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def test_the_wheel_holds_the_flutter_harness_and_the_tokenizer_corpus(repo_root: Path, tmp_path: Path) -> None:
    # A copy without build/ leftovers: setuptools would otherwise reuse files an earlier build staged.
    source = tmp_path / "source"
    shutil.copytree(
        repo_root,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".device", ".flutter-rl", "runs", "build", "models", "*.egg-info", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    harness = {
        str(p.relative_to(repo_root))
        for p in (repo_root / "flutter_renderer" / "flutter_project").rglob("*")
        if p.is_file()
    }
    assert harness and harness <= names, sorted(harness - names)
    assert "flutter_rl/train/corpus/flutter_screens.dart" in names
    assert "flutter_renderer/catalog.py" in names
