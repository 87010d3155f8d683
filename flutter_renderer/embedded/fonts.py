"""Real Roboto faces for the Flutter web client.

Flet's web client bundles one Roboto face (regular, a Latin subset): the engine synthesizes bold by
smearing it and draws medium as regular, so bold text is narrower than Flutter's and medium looks
like regular. When Debian's `fonts-roboto-unhinted` (or `fonts-roboto-hinted`) is installed, each
page gets an assets folder whose `FontManifest.json` registers the real faces (100-900, upright and
italic) under the family `Roboto`; the engine reads each face's weight and slant from the font file
and picks the nearest, as it does for the faces Flutter bundles on a phone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from flet_web import get_package_web_dir

from flutter_renderer.text_metrics import ROBOTO_DIRS

# The package's file name stem -> (CSS weight, italic). Roboto has no 200, 600 or 800 face; the
# engine falls back to the nearest weight, as on Android.
_STYLES = {"Thin": 100, "Light": 300, "Regular": 400, "Medium": 500, "Bold": 700, "Black": 900}
FACES = {
    **{f"Roboto-{name}": (weight, False) for name, weight in _STYLES.items()},
    **{f"Roboto-{name}Italic": (weight, True) for name, weight in _STYLES.items() if name != "Regular"},
    "Roboto-Italic": (400, True),
}
# Served by the Flet server from the page's assets folder, under the engine's `assets/` base.
_FONT_FOLDER = "fonts/roboto-faces"
# Roboto's line height as a multiple of the font size, (ascender - descender) / unitsPerEm of its hhea
# table (1900 + 500) / 2048: what a TextStyle with no `height` gets.
ROBOTO_LINE_HEIGHT = 2400 / 2048
INSTALL_HINT = "apt-get install fonts-roboto-unhinted (scripts/setup.sh does)"


@dataclass(frozen=True)
class Face:
    """One font file and the weight and slant it is registered with."""

    path: Path
    weight: int
    italic: bool


def find_roboto_faces(dirs: tuple[Path, ...] | None = None) -> list[Face]:
    """Every Roboto face of the first folder of `dirs` (default ROBOTO_DIRS) that has all of them;
    [] when none has."""
    for folder in ROBOTO_DIRS if dirs is None else dirs:
        faces = [Face(folder / f"{stem}.ttf", weight, italic) for stem, (weight, italic) in sorted(FACES.items())]
        if all(face.path.is_file() for face in faces):
            return faces
    return []


def font_status(dirs: tuple[Path, ...] | None = None) -> tuple[bool, str]:
    """(ok, detail) for `flutter-rl doctor`: whether the real faces are served, or what to install."""
    faces = find_roboto_faces(dirs)
    if faces:
        return True, f"{len(faces)} Roboto faces (100-900, italic) from {faces[0].path.parent}"
    searched = ", ".join(map(str, ROBOTO_DIRS if dirs is None else dirs))
    return False, f"no Roboto faces in {searched}: bold/medium/italic are synthesized; {INSTALL_HINT}"


def write_assets_dir(target: Path, faces: list[Face]) -> None:
    """Fill `target` (a Flet assets_dir) with the faces and a FontManifest.json that registers them
    next to the client's own families (Material Icons, ...). Flet appends its bundled Roboto after
    these entries; the engine keeps the first registered face of a style, so the real regular wins."""
    manifest_path = Path(get_package_web_dir()) / "assets" / "FontManifest.json"
    manifest = [entry for entry in json.loads(manifest_path.read_text()) if entry.get("family") != "Roboto"]
    folder = target / "assets" / _FONT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for face in faces:
        shutil.copyfile(face.path, folder / face.path.name)
        entry: dict[str, object] = {"asset": f"{_FONT_FOLDER}/{face.path.name}", "weight": face.weight}
        if face.italic:
            entry["style"] = "italic"
        entries.append(entry)
    manifest.insert(0, {"family": "Roboto", "fonts": entries})
    (target / "assets" / "FontManifest.json").write_text(json.dumps(manifest))


def fonts_version(faces: list[Face]) -> str:
    """What decides the text pixels: the faces' names and sizes (part of the renderer's version)."""
    return ",".join(f"{face.path.name}:{face.path.stat().st_size}" for face in faces) or "bundled-roboto"


def shared_assets_dir(faces: list[Face] | None = None) -> Path:
    """The assets folder for `faces` (default: the installed ones), built once per machine and shared
    by every worker: one folder per set of faces and Flet client, under the temp dir, never deleted
    (4 MB), so a killed worker leaves nothing behind."""
    faces = find_roboto_faces() if faces is None else faces
    manifest = Path(get_package_web_dir()) / "assets" / "FontManifest.json"
    key = hashlib.sha256((fonts_version(faces) + manifest.read_text()).encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"flutter-rl-assets-{key}"
    if not target.is_dir():
        building = Path(tempfile.mkdtemp(prefix=f"{target.name}-", dir=target.parent))
        if faces:
            write_assets_dir(building, faces)
        try:
            os.rename(building, target)  # atomic: a worker that loses the race uses the winner's folder
        except OSError:
            shutil.rmtree(building, ignore_errors=True)
    return target
