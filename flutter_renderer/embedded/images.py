"""Pictures the renderer never loads, drawn as the documented placeholder: `DecorationImage` (in a
BoxDecoration or Ink.image) paints the `IMAGE_PLACEHOLDER` colour over the box it decorates."""

from __future__ import annotations

import struct
import zlib
from functools import cache
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.material import IMAGE_PLACEHOLDER
from flutter_renderer.embedded.registry import unsupported


@cache
def _solid_png(argb: str) -> bytes:
    """A 1 x 1 PNG of one colour ('#AARRGGBB'): stretched over a box, it paints the box evenly."""
    a, r, g, b = (int(argb[i : i + 2], 16) for i in range(1, 9, 2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)  # 1 x 1, 8-bit RGBA
    pixels = zlib.compress(bytes((0, r, g, b, a)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def decoration_image(value: Any) -> ft.DecorationImage | None:
    """DecorationImage -> the image placeholder over the whole decorated box (never loaded, as
    `Image` is not), painted where Flutter paints the image: above the colour or gradient, under the
    border, clipped to the shape, with the image's opacity."""
    if value is None:
        return None
    v.of_type(value, "DecorationImage")
    k = value.kwargs
    if k.get("colorFilter") is not None or k.get("invertColors"):
        raise unsupported("DecorationImage.colorFilter/invertColors", value)
    opacity = v.finite(k.get("opacity"))
    return placeholder_decoration_image(1.0 if opacity is None else opacity)


def placeholder_decoration_image(opacity: float = 1.0) -> ft.DecorationImage:
    """The image placeholder stretched over a decorated box."""
    return ft.DecorationImage(src=_solid_png(IMAGE_PLACEHOLDER), fit=ft.BoxFit.FILL, opacity=opacity)
