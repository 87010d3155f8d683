"""Fixtures for the Flutter SDK backend tests: recorded-format output files and a fake SDK."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
ENGINE = "6d2eb55065c53788dd4891143126230e25a2ed73"  # any 40-hex engine commit


@pytest.fixture
def fixture_text():
    """Read a file of tests/flutter_sdk/fixtures."""
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")


def _executable(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def make_fake_sdk(root: Path, *, launcher: str = "current", version: str = "3.32.8", dart: str = "3.8.1") -> Path:
    """A git clone shaped like an installed, precached Flutter SDK whose programs are this folder's fakes.

    `launcher="current"` adds `bin/internal/update_engine_version.sh` (newer SDKs, whose launcher writes
    `bin/cache/engine.stamp` and `engine.realm` on every call); `"legacy"` is the launcher of Flutter at
    90e4a12f2a (Jan 2024), which writes nothing there. The cache holds what `flutter precache` and the
    first `flutter` run leave: the Dart SDK, the tool snapshot and its stamp, the Material fonts.
    """
    internal, cache = root / "bin" / "internal", root / "bin" / "cache"
    _executable(HERE / "fake_launcher.py", root / "bin" / "flutter")
    _executable(HERE / "fake_flutter.py", cache / "dart-sdk" / "bin" / "dart")
    internal.mkdir(parents=True, exist_ok=True)
    (internal / "shared.sh").write_text("# the fake launcher's logic is in bin/flutter\n")
    (internal / "engine.version").write_text(ENGINE + "\n")
    if launcher == "current":
        (internal / "update_engine_version.sh").write_text("# modelled by bin/flutter\n")
    git = ["git", "-C", str(root), "-c", "user.name=fake", "-c", "user.email=fake@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "bin/internal"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "fake Flutter"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    (cache / "dart-sdk" / "version").write_text(dart + "\n")
    (cache / "flutter_tools.snapshot").write_text("fake snapshot")
    (cache / "flutter_tools.stamp").write_text(f"{head}:\n")
    if launcher == "current":
        (cache / "engine-dart-sdk.stamp").write_text(ENGINE + "\n")
    (cache / "flutter.version.json").write_text(
        json.dumps(
            {
                "frameworkVersion": version,
                "channel": "stable",
                "repositoryUrl": "https://github.com/flutter/flutter.git",
                "frameworkRevision": head,
                "frameworkCommitDate": "2025-01-01 00:00:00 +0000",
                "engineRevision": ENGINE,
                "dartSdkVersion": dart,
                "devToolsVersion": "2.40.3",
            }
        )
    )
    (cache / "lockfile").write_text("")
    (root / "version").write_text(version)
    fonts = cache / "artifacts" / "material_fonts"
    fonts.mkdir(parents=True)
    for name in ("Roboto-Regular.ttf", "roboto-bold.ttf", "RobotoCondensed-Regular.ttf", "MaterialIcons-Regular.otf"):
        (fonts / name).write_bytes(b"font")
    return root


@pytest.fixture
def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and PUB_CACHE inside tmp_path, so the fakes' call log and `pub get` never touch the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PUB_CACHE", str(tmp_path / "pub-cache"))
    (tmp_path / "pub-cache").mkdir()
    return home


@pytest.fixture
def make_sdk(tmp_path: Path, fake_home: Path):
    """`make_fake_sdk` under tmp_path/<name> (default "flutter"), with HOME and PUB_CACHE kept in tmp_path."""
    return lambda name="flutter", **kw: make_fake_sdk(tmp_path / name, **kw)


@pytest.fixture
def fake_sdk(make_sdk) -> Path:
    """A fake SDK with the current launcher (see `make_fake_sdk`)."""
    return make_sdk()
