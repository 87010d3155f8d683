"""System bars: `[data] crop_status_bar` / `crop_navigation_bar` find, crop and record the bars.

The screens are the renderer's own example renders (flutter_renderer/examples/*.png, no bars), scaled
to phone densities, with bars drawn by `phone_bars` (Android / iOS sizes) above and below them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from flutter_rl.curate.images import validate_and_normalize
from flutter_rl.curate.items import RawItem
from flutter_rl.curate.manifest import write_manifest
from flutter_rl.curate.system_bars import crop_for, find_bar
from flutter_rl.settings import DataSettings, SettingsError, load_settings

from .phone_bars import navigation_bar, status_bar, with_bars  # noqa: TID252

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "flutter_renderer" / "examples").glob("*.png"))
SCALES = (1.0, 2.0, 2.625, 3.0, 3.5)  # mdpi-like 390 px up to a 1365 px wide phone


def _screen(path: Path, scale: float) -> Image.Image:
    image = Image.open(path).convert("RGB")
    return image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_auto_finds_every_bar_to_the_pixel_and_nothing_on_bare_screens(example: Path) -> None:
    assert len(EXAMPLES) >= 5
    for scale in SCALES:
        screen = _screen(example, scale)
        assert (find_bar(screen, "top"), find_bar(screen, "bottom")) == (0, 0), f"bare screen cropped at {scale}x"
        for status_style in ("android", "ios"):
            for nav_style in ("buttons", "two_button", "gesture", "home"):
                top, bottom = (
                    status_bar(screen.width, scale, status_style),
                    navigation_bar(screen.width, scale, nav_style),
                )
                phone = with_bars(screen, top, bottom)
                found = (find_bar(phone, "top"), find_bar(phone, "bottom"))
                assert found == (top.height, bottom.height), (scale, status_style, nav_style)


def test_a_24_dp_status_bar_of_a_360_dp_wide_phone_is_found() -> None:
    """The unit comes from the width (395 units), so on a 360 dp-wide phone a bar's glyphs read 10 %
    taller: 14.7 dp status icons at 1.5 px/dp (540 px) read 16.1 units (measured on real screenshots,
    benchmarks/README.md); the rule allows 18 in a bar of at most 32 units."""
    scale, width = 1.5, 540
    screen = _screen(EXAMPLES[0], width / Image.open(EXAMPLES[0]).width)
    top = status_bar(width, scale, "android", icon_dp=14.7)
    assert find_bar(with_bars(screen, top), "top") == top.height


def test_a_bar_whose_glyphs_sit_a_pixel_off_its_centre_ends_where_the_content_starts() -> None:
    """A three-button bar on the app's own black background, its glyphs 2 px nearer the content than
    the bar's centre (a real Android screenshot's is 1 px off), and the app's text right above it."""
    scale = 2.625
    bar = navigation_bar(1080, scale, "buttons")
    bar = bar.crop((0, 2, bar.width, bar.height))  # the glyph row moves 2 px towards the screen
    screen = Image.new("RGB", (1080, 1800), (0, 0, 0))
    ImageDraw.Draw(screen).rectangle([40, 1760, 400, 1799], fill=(230, 230, 230))  # a text line down to the bar
    assert find_bar(with_bars(screen, bottom=bar), "bottom") == bar.height


def test_a_status_bar_in_the_app_bar_colour_is_found_by_its_glyphs() -> None:
    """Edge to edge: the app bar's colour runs on under the status bar, so no colour edge marks where it
    ends; the glyph row centred in it does."""
    screen = _screen(EXAMPLES[0], 2.625)
    top = status_bar(screen.width, 2.625, "android", background=(255, 255, 255), foreground=(30, 30, 30))
    band = Image.new("RGB", (screen.width, round(40 * 2.625)), (255, 255, 255))
    phone = with_bars(with_bars(screen, band), top)  # bar, then 40 dp of the same white, then the screen
    assert abs(find_bar(phone, "top") - top.height) <= 2  # centring the glyph row: rounding costs a pixel


def test_bands_that_are_not_system_bars_are_left_alone() -> None:
    width, scale = 1080, 1080 / 411
    plain = Image.new("RGB", (width, 2200), (250, 250, 250))
    assert find_bar(plain, "top") == find_bar(plain, "bottom") == 0
    # an app bar: 24 dp icons at both ends are taller than status bar glyphs
    app_bar = plain.copy()
    for x in (16, 411 - 40):
        app_bar.paste((40, 40, 40), (round(x * scale), round(16 * scale), round((x + 24) * scale), round(40 * scale)))
    assert find_bar(app_bar, "top") == 0
    # a centred title (an iOS navigation bar) is not a clock at one end and icons at the other
    title = plain.copy()
    title.paste((40, 40, 40), (width // 2 - 120, round(20 * scale), width // 2 + 120, round(32 * scale)))
    assert find_bar(title, "top") == 0
    # an app's bottom navigation bar: four icons over labels (two rows), 80 dp tall
    bottom = plain.copy()
    for i in range(4):
        x = round((i + 0.5) * width / 4)
        bottom.paste((40, 40, 40), (x - 30, 2200 - round(60 * scale), x + 30, 2200 - round(36 * scale)))
        bottom.paste((40, 40, 40), (x - 40, 2200 - round(28 * scale), x + 40, 2200 - round(16 * scale)))
    assert find_bar(bottom, "bottom") == 0


def _curate_one(tmp_path: Path, image: Image.Image, **data: object):
    original = tmp_path / "in" / "shot.png"
    original.parent.mkdir(parents=True, exist_ok=True)
    image.save(original)
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    settings = DataSettings(normalize_width=0, output_dir=str(tmp_path / "out"), **data)
    items, rejected = validate_and_normalize([RawItem("shot", str(original), "folder")], settings, tmp_path / "store")
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before  # the original is never modified
    return items, rejected


def test_curation_crops_the_bars_and_records_them_in_the_manifest(tmp_path: Path) -> None:
    screen = _screen(EXAMPLES[1], 2.625)
    top, bottom = status_bar(screen.width, 2.625, "android"), navigation_bar(screen.width, 2.625, "buttons")
    items, rejected = _curate_one(tmp_path, with_bars(screen, top, bottom))
    assert not rejected
    (item,) = items
    assert (item.crop_top, item.crop_bottom) == (top.height, bottom.height)
    assert np.array_equal(np.asarray(Image.open(item.image_path)), np.asarray(screen))
    manifest = write_manifest([item.__class__(**{**item.__dict__, "split": "eval"})], tmp_path / "manifests")
    row = manifest.frame.iloc[0]
    assert (row["crop_top"], row["crop_bottom"]) == (top.height, bottom.height)
    assert manifest.report["cropped"] == {"status_bar": 1, "navigation_bar": 1}


def test_none_and_pixels_override_the_detection(tmp_path: Path) -> None:
    screen = _screen(EXAMPLES[2], 2.0)
    phone = with_bars(screen, status_bar(screen.width, 2.0, "ios"), navigation_bar(screen.width, 2.0, "home"))
    assert crop_for(phone, "none", "none").top == 0
    crop = crop_for(phone, 30, "auto")
    assert (crop.top, crop.top_from, crop.bottom_from) == (30, "pixels", "auto") and crop.bottom > 0
    items, _ = _curate_one(tmp_path, phone, crop_status_bar=30, crop_navigation_bar="none")
    assert (items[0].crop_top, items[0].crop_bottom, items[0].height) == (30, 0, phone.height - 30)
    _, rejected = _curate_one(tmp_path / "big", phone, crop_status_bar=phone.height // 2 + 1)
    assert "leaves under half" in rejected[0].reason


@pytest.mark.parametrize("value", ["-4", "true", '"top"'])
def test_crop_settings_are_validated(repo_root: Path, value: str) -> None:
    with pytest.raises(SettingsError, match="crop_status_bar"):
        load_settings(repo_root / "pipeline.toml", overrides={"data.crop_status_bar": value}, environ={})
    assert (
        load_settings(
            repo_root / "pipeline.toml", overrides={"data.crop_navigation_bar": "48"}, environ={}
        ).data.crop_navigation_bar
        == 48
    )


def test_a_line_above_the_bar_is_not_where_the_bar_ends() -> None:
    """A dark app (its background within the tolerance of the bar's black) with a button outline
    30 dp above the bottom: the outline is content of the app, not the start of a new background."""
    scale = 2.625
    screen = Image.new("RGB", (1080, 2200), (23, 19, 11))
    screen.paste((200, 180, 120), (80, 2200 - round(30 * scale), 1000, 2200 - round(30 * scale) + 2))
    bottom = navigation_bar(1080, scale, "gesture")
    assert abs(find_bar(with_bars(screen, None, bottom), "bottom") - bottom.height) <= 3
