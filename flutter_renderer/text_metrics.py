"""Widths of single-line Roboto text, from the advance widths of the real Roboto faces.

Used where Flutter's layout decision depends on how wide some text is (an OverflowBar is a row only
when its children fit). Kerning is not applied, so callers decide only with a margin around the
estimate (`ESTIMATE_MARGIN`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Where Debian's fonts-roboto packages put the faces: unhinted first (what Flutter's own
# material_fonts ship). fonts.py serves the same faces to the web client.
ROBOTO_DIRS = (
    Path("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF"),
    Path("/usr/share/fonts/truetype/roboto/unhinted"),
    Path("/usr/share/fonts/truetype/roboto/hinted"),
)
_FACE_OF_WEIGHT = {100: "Thin", 300: "Light", 400: "Regular", 500: "Medium", 700: "Bold", 900: "Black"}
# Roboto's kerning pairs move a word by at most a few per cent of its width; a decision that needs
# more precision than this relative margin (plus one pixel) is not taken.
ESTIMATE_MARGIN = 0.04


@lru_cache(maxsize=8)
def _advances(weight: int) -> tuple[dict[int, int], int] | None:
    """(advance width of each code point in font units, units per em) of the face of `weight`."""
    face = _FACE_OF_WEIGHT.get(weight)
    path = next((d / f"Roboto-{face}.ttf" for d in ROBOTO_DIRS if (d / f"Roboto-{face}.ttf").is_file()), None)
    if path is None:
        return None
    from fontTools.ttLib import TTFont  # only where a width is asked for: it reads the whole face

    font = TTFont(path, lazy=True)
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    return widths, font["head"].unitsPerEm


def text_width(text: str, *, size: float, weight: int = 400, letter_spacing: float = 0.0) -> float | None:
    """The width of `text` on one line in Roboto of `size` px and `weight` (100-900), with Flutter's
    letter spacing after every character; None when the face is not installed or lacks a glyph."""
    table = _advances(weight)
    if table is None:
        return None
    widths, units = table
    total = 0.0
    for char in text:
        advance = widths.get(ord(char))
        if advance is None:
            return None
        total += advance * size / units + letter_spacing
    return total
