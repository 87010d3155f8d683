"""The real Roboto faces the embedded renderer serves to Flutter, and the doctor's row (no browser)."""

from __future__ import annotations

import json

from flutter_renderer.embedded import fonts
from flutter_renderer.embedded.fonts import (
    FACES,
    find_roboto_faces,
    font_status,
    fonts_version,
    shared_assets_dir,
    write_assets_dir,
)
from flutter_rl import doctor


def faces_folder(tmp_path, skip: str = ""):
    folder = tmp_path / "RobotoTTF"
    folder.mkdir()
    for stem in FACES:
        if stem != skip:
            (folder / f"{stem}.ttf").write_bytes(stem.encode())
    return folder


def test_every_weight_and_italic_of_a_complete_folder_is_found(tmp_path):
    faces = find_roboto_faces((tmp_path / "absent", faces_folder(tmp_path)))
    assert {(f.weight, f.italic) for f in faces} == {
        (w, i) for w in (100, 300, 400, 500, 700, 900) for i in (False, True)
    }
    assert {f.path.name for f in faces if (f.weight, f.italic) == (700, False)} == {"Roboto-Bold.ttf"}


def test_an_incomplete_folder_is_not_used_and_the_doctor_says_what_to_install(tmp_path, monkeypatch):
    folder = faces_folder(tmp_path, skip="Roboto-Medium")
    assert find_roboto_faces((folder,)) == []
    ok, detail = font_status((folder,))
    assert not ok and "synthesized" in detail and "fonts-roboto-unhinted" in detail
    monkeypatch.setattr(fonts, "ROBOTO_DIRS", (folder,))
    check = doctor._roboto_check()
    assert (check.ok, check.optional) == (False, True)


def test_assets_folder_registers_the_faces_before_the_client_s_own_families(tmp_path):
    faces = find_roboto_faces((faces_folder(tmp_path),))
    target = tmp_path / "assets_dir"
    write_assets_dir(target, faces)
    manifest = json.loads((target / "assets" / "FontManifest.json").read_text())
    assert manifest[0]["family"] == "Roboto" and len(manifest[0]["fonts"]) == 12
    assert [e["family"] for e in manifest].count("Roboto") == 1  # Flet's bundled face is not listed
    assert "MaterialIcons" in {e["family"] for e in manifest}
    bold_italic = next(e for e in manifest[0]["fonts"] if e["asset"].endswith("Roboto-BoldItalic.ttf"))
    assert (bold_italic["weight"], bold_italic["style"]) == (700, "italic")
    assert (target / "assets" / bold_italic["asset"]).read_bytes() == b"Roboto-BoldItalic"


def test_the_renderer_version_follows_the_faces(tmp_path):
    faces = find_roboto_faces((faces_folder(tmp_path),))
    before = fonts_version(faces)
    (faces[0].path).write_bytes(b"a different build of the face")
    assert fonts_version(faces) != before
    assert fonts_version([]) == "bundled-roboto"


def test_workers_share_one_assets_folder_per_set_of_faces(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    faces = find_roboto_faces((faces_folder(tmp_path),))
    first, again, none = shared_assets_dir(faces), shared_assets_dir(faces), shared_assets_dir([])
    assert first == again and first != none
    assert (first / "assets" / "FontManifest.json").is_file() and not (none / "assets").exists()
    assert sorted(p.name for p in (tmp_path / "tmp").iterdir()) == sorted([first.name, none.name])
