"""System bars in phone screenshots: find the status bar and the navigation bar, and crop them off.

A generated Flutter screen never draws the phone's status bar (clock, battery) nor its navigation bar
(three buttons, or a gesture handle / home indicator): comparing a render with a screenshot that has
them scores system UI the code cannot produce. `[data] crop_status_bar` / `crop_navigation_bar` say
what to cut off the top / bottom: "none", a number of pixels of the original, or "auto".

"auto" crops only a band that looks like one of the bars the systems draw, and nothing when unsure.
Sizes are in logical pixels (dp / pt); a screenshot's scale is estimated from its width as
`width / REFERENCE_WIDTH`, since phones are 360-430 logical pixels wide (so a size is known to +-10 %).

- Status bar (top): Android draws 24 dp (25 dp before Android 6; up to ~48 dp on phones with a display
  cutout, where it matches the cutout), iOS 20 pt (before the iPhone X), 44 / 47 pt (notch) or
  54-59 pt (Dynamic Island). Its content is one row of small glyphs (text ~14 sp / 17 pt, icons
  ~15 units tall) at both ends: the clock at the left, signal / battery at the right, and nothing
  in the middle (a screenshot does not include the cutout).
- Navigation bar (bottom): Android's three-button bar is 48 dp with three glyphs, the middle one
  centred; Android 9's two-button bar is 48 dp with a back chevron left of a centred pill; the gesture
  bar (~24 dp) and iOS's home-indicator area (34 pt) show one centred pill a few units tall.

The rule, per edge: the edge row's most common colour is the bar's background; going inwards, rows
are empty (every pixel within `TOLERANCE` of it) until one strip of content rows, then empty again.
The bar ends where another background starts (2 units of rows unlike it, not a line) within reach,
else as far beyond the strip as the strip is from the edge (bars centre their content; iOS's home
indicator sits 8 pt above the bottom of its 34 pt, so over the app's own background this removes the
pill and ~21 pt). The band is kept only when its height, the strip's height and the strip's
horizontal layout (both ends and an empty middle at the top; one centred pill or three glyphs at the
bottom) fit the sizes above; an app bar (24-unit icons, a title in the middle or at one end) or a
bottom navigation bar of the app (icons over labels, 56-80 units) does not fit them. Translucent
bars over scrolling content are not recognised: set pixels for those.

Measured on 86 store screenshots of 13 Android apps (benchmarks/README.md, "System bars"): 54 of 59
status bars and 47 of 54 navigation bars cut where the bar ends, no cut on the images without bars.
Missed: screenshots with rounded display corners, a bar dimmed under a dialog's scrim next to content
of the same darkness, the keyboard's four-glyph bar, app content drawn up to the gesture handle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from PIL import Image

from flutter_rl.settings import CropSetting

Edge = Literal["top", "bottom"]

REFERENCE_WIDTH = 395  # logical width of a typical phone (360-430): pixels per unit = width / this
TOLERANCE = 24  # per-channel difference from the background that counts as content
STATUS_HEIGHT = (18, 62)  # units: 20 pt / 24 dp (a 10 % margin below) up to 59 pt (10 % above)
STATUS_STRIP = (5, 16)  # units: the glyph row (a 14 sp clock, ~15 dp icons); an app bar's ink is ~17 units tall
# Android's 24-28 dp bars on a 360 dp-wide phone read 10 % large (the unit comes from REFERENCE_WIDTH):
# a bar at most this tall may hold a glyph row up to this many units (an app bar is 56-64 units tall)
SHORT_STATUS_BAR, SHORT_STATUS_STRIP = 32, 18
NAV_HEIGHT = (12, 56)  # units: a gesture bar (~24 dp) up to the 48 dp three-button bar
PILL_STRIP = (1, 8)  # units: the gesture handle / home indicator is ~4-5 units tall
BUTTON_STRIP = (8, 26)  # units: the back / home / recents glyphs


@dataclass(frozen=True)
class Crop:
    """Pixels cut off the top and bottom of an original screenshot, and how each was decided."""

    top: int = 0
    bottom: int = 0
    top_from: str = "none"  # "none" | "pixels" | "auto"
    bottom_from: str = "none"


@dataclass(frozen=True)
class _Strip:
    margin: int  # empty rows between the edge and the content strip
    end: int  # first row after the strip (rows counted from the edge)
    height: int  # the band's height: where the bar ends
    columns: np.ndarray  # per column: whether the strip has content there


def _background(row: np.ndarray) -> np.ndarray:
    """The most common colour of one row of RGB pixels."""
    packed = (row[:, 0].astype(np.int32) << 16) | (row[:, 1].astype(np.int32) << 8) | row[:, 2].astype(np.int32)
    values, counts = np.unique(packed, return_counts=True)
    top = int(values[counts.argmax()])
    return np.array([(top >> 16) & 255, (top >> 8) & 255, top & 255], dtype=np.int16)


def _strip(rows: np.ndarray, unit: float, bounds: tuple[float, float]) -> _Strip | None:
    """The bar-like band at the edge of `rows` (ordered from the edge inwards), if any."""
    background = _background(rows[0])
    content = np.abs(rows - background).max(axis=2) > TOLERANCE
    per_row = content.sum(axis=1)
    busy = per_row >= max(2, round(0.002 * rows.shape[1]))
    filled = per_row > 0.5 * rows.shape[1]  # another background (or a photo) starts here
    if not busy.any() or busy[0]:
        return None
    margin = int(busy.argmax())
    if filled[margin]:
        return None  # the edge band just ends: a plain colour block, no glyphs in it
    gap = max(2, margin // 2)  # glyphs have holes (the ':' of a clock); the strip ends at a longer gap
    end, quiet = margin, 0
    for index in range(margin, len(busy)):
        if busy[index]:
            end, quiet = index + 1, 0
        else:
            quiet += 1
            if quiet >= gap:
                break
    centred = end + margin
    solid = max(2, round(2 * unit))  # a new background lasts; a line (a button's outline) does not
    edge = next((i for i in range(end, len(busy) - solid) if filled[i : i + solid].all()), None)
    after = next((i for i in range(end, len(busy)) if busy[i]), len(busy))  # the next content row
    if edge is not None and not busy[end:edge].any() and edge <= bounds[1] * unit:
        height = edge  # the bar's own background ends here
    elif centred <= len(busy) and after >= centred - max(2, round(unit)):
        height = min(centred, after)  # glyphs sit up to a unit off the bar's centre
    else:
        return None  # more content right after the strip: not a bar of its own
    return _Strip(margin, end, height, content[margin:end].any(axis=0))


def _groups(columns: np.ndarray, merge: int) -> list[tuple[int, int]]:
    """Runs of content columns as (first, last), joining runs less than `merge` columns apart."""
    found: list[list[int]] = []
    for x in np.flatnonzero(columns):
        if found and x - found[-1][1] <= merge:
            found[-1][1] = int(x)
        else:
            found.append([int(x), int(x)])
    return [(a, b) for a, b in found]


def _centre(group: tuple[int, int]) -> float:
    return (group[0] + group[1]) / 2


def _within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _status_layout(columns: np.ndarray) -> bool:
    """Glyphs at both ends and none in the middle tenth (a camera cutout's place; a full row of status
    icons reaches 56 % of the width)."""
    width = len(columns)
    found = np.flatnonzero(columns)
    middle = columns[int(0.45 * width) : int(0.55 * width)]
    return bool(found.size) and found[0] < 0.3 * width and found[-1] > 0.7 * width and not middle.any()


def _navigation_layout(columns: np.ndarray, strip_units: float) -> bool:
    """One centred pill (gesture bar, home indicator), three glyphs with the middle one centred, or
    Android 9's two-button bar: a back glyph left of the centre and a centred pill."""
    width = len(columns)
    groups = _groups(columns, merge=max(2, round(0.02 * width)))
    if len(groups) == 1 and _within(strip_units, PILL_STRIP):
        first, last = groups[0]
        return abs(_centre(groups[0]) - width / 2) < 0.05 * width and 0.1 * width <= last - first <= 0.5 * width
    if len(groups) == 3 and _within(strip_units, BUTTON_STRIP):
        return abs(_centre(groups[1]) - width / 2) < 0.06 * width and all(b - a <= 0.15 * width for a, b in groups)
    if len(groups) == 2 and _within(strip_units, BUTTON_STRIP):
        back, pill = groups
        return (
            _within(_centre(back) / width, (0.15, 0.35))
            and back[1] - back[0] <= 0.06 * width
            and abs(_centre(pill) - width / 2) < 0.05 * width
            and 0.04 * width <= pill[1] - pill[0] <= 0.15 * width
        )
    return False


def find_bar(image: Image.Image, edge: Edge) -> int:
    """The height in pixels of the status bar (`edge` "top") or navigation bar ("bottom") that
    `image` shows, or 0 when the band at that edge does not look like one (see the module docstring)."""
    unit = image.width / REFERENCE_WIDTH
    height_bounds, strip = (
        (STATUS_HEIGHT, STATUS_STRIP) if edge == "top" else (NAV_HEIGHT, (PILL_STRIP[0], BUTTON_STRIP[1]))
    )
    reach = min(image.height, int(height_bounds[1] * unit * 1.6) + 4)  # only these rows are read
    band = image.crop(
        (0, 0, image.width, reach) if edge == "top" else (0, image.height - reach, image.width, image.height)
    )
    pixels = np.asarray(band.convert("RGB"), dtype=np.int16)
    if edge == "bottom":
        pixels = pixels[::-1]
    found = _strip(pixels, unit, height_bounds)
    if found is None:
        return 0
    strip_units = (found.end - found.margin) / unit
    if edge == "top" and found.height / unit <= SHORT_STATUS_BAR:
        strip = (strip[0], SHORT_STATUS_STRIP)
    if not (_within(found.height / unit, height_bounds) and _within(strip_units, strip)):
        return 0
    fits = _status_layout(found.columns) if edge == "top" else _navigation_layout(found.columns, strip_units)
    return found.height if fits else 0


def _resolve(image: Image.Image, setting: CropSetting, edge: Edge) -> tuple[int, str]:
    if setting == "none":
        return 0, "none"
    if setting == "auto":
        return find_bar(image, edge), "auto"
    return int(setting), "pixels"


def crop_for(image: Image.Image, status_bar: CropSetting, navigation_bar: CropSetting) -> Crop:
    """What to cut off `image` for the `[data] crop_status_bar` / `crop_navigation_bar` settings."""
    top, top_from = _resolve(image, status_bar, "top")
    bottom, bottom_from = _resolve(image, navigation_bar, "bottom")
    return Crop(top, bottom, top_from, bottom_from)


def apply_crop(image: Image.Image, crop: Crop) -> Image.Image:
    """`image` without the cropped rows (a new image; the original is left as it is)."""
    if not crop.top and not crop.bottom:
        return image
    return image.crop((0, crop.top, image.width, image.height - crop.bottom))
