"""Validation, normalization and de-duplication: bad images are reported with a reason and excluded."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from flutter_rl.curate.images import dedupe, hamming, phash, validate_and_normalize
from flutter_rl.curate.items import RawItem
from flutter_rl.settings import DataSettings


def _raw(path: Path) -> RawItem:
    return RawItem(id=path.stem, image_path=str(path), source="folder")


def test_bad_images_are_rejected_with_reasons(tmp_path: Path, make_png, png_bytes) -> None:
    good = make_png(tmp_path / "good.png", 1)
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\nthis is not a png")
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(png_bytes(2)[:600])
    tiny = make_png(tmp_path / "tiny.png", 3, (100, 180))
    landscape = make_png(tmp_path / "landscape.png", 4, (844, 390))
    items = [_raw(p) for p in (good, corrupt, truncated, tiny, landscape)]

    kept, rejected = validate_and_normalize(items, DataSettings(), tmp_path / "store")

    assert [k.id for k in kept] == ["good"]
    reasons = {r.id: r.reason for r in rejected}
    assert set(reasons) == {"corrupt", "truncated", "tiny", "landscape"}
    assert reasons["corrupt"].startswith("cannot decode")
    assert reasons["truncated"].startswith("cannot decode")
    assert reasons["tiny"].startswith("too small")
    assert reasons["landscape"].startswith("not phone-shaped")
    assert all(r.stage == "validate" for r in rejected)


def test_normalize_makes_rgb_at_the_configured_width_and_keeps_the_original(tmp_path: Path) -> None:
    original = tmp_path / "rgba.png"
    Image.new("RGBA", (1170, 2532), (10, 20, 30, 0)).save(original)
    before = original.read_bytes()

    kept, rejected = validate_and_normalize([_raw(original)], DataSettings(normalize_width=390), tmp_path / "store")

    assert not rejected
    item = kept[0]
    with Image.open(item.image_path) as image:
        assert image.mode == "RGB"
        assert image.size == (390, 844)
        assert image.getpixel((5, 5)) == (255, 255, 255)  # transparent -> white
    assert (item.width, item.height) == (390, 844)
    assert item.original_path == str(original) and original.read_bytes() == before
    assert Path(item.image_path).name == f"{item.image_sha256}.png"


def test_phash_is_stable_under_resize_and_differs_between_screens(png_bytes) -> None:
    a = Image.open(io.BytesIO(png_bytes("a")))
    b = Image.open(io.BytesIO(png_bytes("b")))
    resized = a.resize((300, 650))
    assert hamming(phash(a), phash(resized)) <= 4
    assert hamming(phash(a), phash(b)) > 10
    assert len(phash(a)) == 16


def test_duplicates_are_reported_and_excluded(tmp_path: Path, make_png) -> None:
    one = make_png(tmp_path / "a.png", "same")
    Image.open(one).convert("RGB").save(tmp_path / "b_copy.jpg", quality=85)  # re-encoded copy
    make_png(tmp_path / "c.png", "other")
    raws = [_raw(p) for p in sorted(tmp_path.glob("*.*"))]
    items, _ = validate_and_normalize(raws, DataSettings(), tmp_path / "store")

    kept, rejected = dedupe(items, max_distance=4)

    assert sorted(k.id for k in kept) == ["a", "c"]
    assert len(rejected) == 1 and rejected[0].id == "b_copy"
    assert rejected[0].stage == "dedupe" and "duplicate of a" in rejected[0].reason


def test_dedupe_threshold_decides_what_counts_as_a_duplicate(tmp_path: Path, make_png) -> None:
    make_png(tmp_path / "a.png", "same")
    Image.open(tmp_path / "a.png").crop((0, 40, 390, 844)).save(tmp_path / "b.png")  # status bar cut off
    items, _ = validate_and_normalize(
        [_raw(p) for p in sorted(tmp_path.glob("*.png"))], DataSettings(normalize_width=0), tmp_path / "store"
    )
    distance = hamming(items[0].phash, items[1].phash)
    assert distance > 0
    assert len(dedupe(items, max_distance=distance)[0]) == 1
    assert len(dedupe(items, max_distance=distance - 1)[0]) == 2
