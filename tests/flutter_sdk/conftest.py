"""Fixtures for the Flutter SDK backend tests: recorded-format output files and a fake SDK."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"


@pytest.fixture
def fixture_text():
    """Read a file of tests/flutter_sdk/fixtures."""
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def fake_sdk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory shaped like a Flutter SDK whose `flutter` and `dart` are tests/flutter_sdk/fake_flutter.py.

    HOME points into tmp_path so the fake's call log (and `pub get`, which runs outside the sandbox)
    never touches the real home.
    """
    root = tmp_path / "flutter"
    for exe in (root / "bin" / "flutter", root / "bin" / "cache" / "dart-sdk" / "bin" / "dart"):
        exe.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "fake_flutter.py", exe)
        exe.chmod(exe.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    fonts = root / "bin" / "cache" / "artifacts" / "material_fonts"
    fonts.mkdir(parents=True)
    for name in ("Roboto-Regular.ttf", "roboto-bold.ttf", "RobotoCondensed-Regular.ttf", "MaterialIcons-Regular.otf"):
        (fonts / name).write_bytes(b"font")
    (root / "version").write_text("3.24.5\n")
    (root / "bin" / "cache" / "lockfile").write_text("")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PUB_CACHE", str(tmp_path / "pub-cache"))
    (tmp_path / "pub-cache").mkdir()
    return root
