"""Find the Flutter SDK, its Dart, its version and the Material fonts in its cache."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = (
    "install Flutter (https://docs.flutter.dev/get-started/install, e.g. `git clone "
    "https://github.com/flutter/flutter.git -b stable` then `flutter/bin/flutter precache`) and either put "
    '`flutter` on PATH or set `[renderer] flutter_sdk = "/path/to/flutter"` in pipeline.toml '
    "(or FLUTTER_RL__RENDERER__FLUTTER_SDK)"
)


class FlutterSdkError(RuntimeError):
    """The Flutter SDK is missing or unusable; the message says how to fix it."""


@dataclass(frozen=True)
class FlutterSdk:
    """An installed Flutter SDK: `root` holds `bin/flutter` and `bin/cache/`."""

    root: Path

    @property
    def flutter(self) -> Path:
        return self.root / "bin" / "flutter"

    @property
    def cache(self) -> Path:
        """`bin/cache`: the Dart SDK, the engine artifacts, the tool snapshot and the launcher's stamps."""
        return self.root / "bin" / "cache"

    @property
    def dart(self) -> Path:
        """The SDK's own Dart VM; calling it directly skips the `bin/dart` wrapper's update check and lock."""
        direct = self.cache / "dart-sdk" / "bin" / "dart"
        return direct if direct.exists() else self.root / "bin" / "dart"

    @property
    def dart_version(self) -> str:
        """The bundled Dart's version, e.g. `3.8.1` or `3.9.0-163.1.beta` (`bin/cache/dart-sdk/version`); "" if unknown."""
        try:
            return (self.cache / "dart-sdk" / "version").read_text().strip()
        except OSError:
            return ""

    @property
    def material_fonts(self) -> Path:
        """Where `flutter precache` puts Roboto and MaterialIcons (the fonts apps get from the engine)."""
        return self.cache / "artifacts" / "material_fonts"

    @property
    def version(self) -> str:
        """The framework version: `bin/cache/flutter.version.json` (Flutter >= 3.22) or the `version` file."""
        info = self.cache / "flutter.version.json"
        try:
            return str(json.loads(info.read_text())["frameworkVersion"])
        except (OSError, ValueError, KeyError):
            pass
        try:
            return (self.root / "version").read_text().strip() or "unknown"
        except OSError:
            return "unknown"


def _is_sdk(root: Path) -> bool:
    # bin/flutter only sources bin/internal/shared.sh (flutter/flutter bin/flutter); wrappers have no such file.
    return (root / "bin" / "flutter").is_file() and (root / "bin" / "internal" / "shared.sh").is_file()


def find_sdk(configured: str = "") -> FlutterSdk:
    """The SDK at `configured` (`[renderer] flutter_sdk`), else the one whose `flutter` is on PATH."""
    if configured:
        root = Path(configured).expanduser().resolve()
        if root.name == "flutter" and root.parent.name == "bin":  # the user named the executable
            root = root.parent.parent
        if not (root / "bin" / "flutter").is_file():
            raise FlutterSdkError(f"[renderer] flutter_sdk = {configured!r}: no bin/flutter there; {INSTALL_HINT}")
        if not _is_sdk(root):
            raise FlutterSdkError(
                f"[renderer] flutter_sdk = {configured!r}: {root} has bin/flutter but no "
                f"bin/internal/shared.sh, so it is not a Flutter SDK; {INSTALL_HINT}"
            )
        return FlutterSdk(root)
    on_path = shutil.which("flutter")
    if on_path is None:
        raise FlutterSdkError(
            f"the Flutter SDK was not found ([renderer] flutter_sdk is empty and `flutter` is "
            f"not on PATH); {INSTALL_HINT}"
        )
    resolved = Path(os.path.realpath(on_path))
    if not _is_sdk(resolved.parent.parent):
        raise FlutterSdkError(
            f"`flutter` on PATH ({on_path} -> {resolved}) is not inside a Flutter SDK (no "
            f"{resolved.parent.parent}/bin/internal/shared.sh): it is a wrapper (snap, a version "
            f"manager, a script). Set [renderer] flutter_sdk to the SDK folder it runs; {INSTALL_HINT}"
        )
    return FlutterSdk(resolved.parent.parent)


# The families Cupertino text styles ask for: CupertinoSystemText/Display since flutter/flutter e84f1296ac
# (Nov 2023), .SF Pro Text/Display from 4ac2daf337 (2019), .SF UI Text/Display before (cupertino/
# text_theme.dart). No test engine has them, so Cupertino text would draw in the test font's boxes;
# golden_toolkit lets fonts register under these names for the same reason (font_loader.dart).
CUPERTINO_FAMILIES = (
    "CupertinoSystemText",
    "CupertinoSystemDisplay",
    ".SF Pro Text",
    ".SF Pro Display",
    ".SF UI Text",
    ".SF UI Display",
)


def font_files(sdk: FlutterSdk) -> dict[str, list[Path]]:
    """Font family -> files to load for real text: Roboto (every weight/style), MaterialIcons, and the
    Roboto files again under each of `CUPERTINO_FAMILIES`.

    File names differ in case between SDK releases (`Roboto-Regular.ttf`, `roboto-regular.ttf`), so match
    without case. A family with no file is absent from the result.
    """
    if not sdk.material_fonts.is_dir():
        return {}
    files = sorted(p for p in sdk.material_fonts.iterdir() if p.is_file())
    roboto = [p for p in files if p.name.lower().startswith("roboto-") and p.suffix.lower() == ".ttf"]
    icons = [p for p in files if p.name.lower().startswith("materialicons-regular.")]
    families = {"Roboto": roboto, "MaterialIcons": icons[:1], **{family: roboto for family in CUPERTINO_FAMILIES}}
    return {family: paths for family, paths in families.items() if paths}


def pub_cache_dir() -> Path:
    """Where pub keeps downloaded packages (`PUB_CACHE`, default ~/.pub-cache)."""
    return Path(os.environ.get("PUB_CACHE") or Path.home() / ".pub-cache").expanduser()
