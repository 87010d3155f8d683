"""FittedBox: its child laid out at its own size, then scaled and placed by `fit` and `alignment`
(rendering/proxy_box.dart RenderFittedBox, painting/box_fit.dart applyBoxFit).

Drawn where both sizes are known: the box's own (its parent is a SizedBox or Container of both
sizes, so the FittedBox is exactly that) and its child's (a box of fixed extent, or a childless
Placeholder, which takes its fallback size under the unbounded constraints a FittedBox gives). The
child sits in a Stack at its own size, centred and scaled there by a paint transform, as Flutter
paints it.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.ir import DartObject, EnumValue
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.extents import content_extent, given_size, parent_size
from flutter_renderer.embedded.registry import axes, build, unsupported, widget

_PLACEHOLDER_FALLBACK = 400.0   # Placeholder.fallbackWidth / fallbackHeight


def _child_size(child: Any) -> tuple[float, float] | None:
    if isinstance(child, DartObject) and child.type == "Placeholder" and child.kwargs.get("child") is None:
        k = child.kwargs
        return (v.finite(k.get("fallbackWidth")) or _PLACEHOLDER_FALLBACK,
                v.finite(k.get("fallbackHeight")) or _PLACEHOLDER_FALLBACK)
    width, height = content_extent(child, "width"), content_extent(child, "height")
    return None if width is None or height is None else (width, height)


def scales(fit: str, box: tuple[float, float], child: tuple[float, float]) -> tuple[float, float]:
    """(x, y) scale of a `child`-sized picture fitted into `box` (applyBoxFit)."""
    (w, h), (cw, ch) = box, child
    if fit == "fill":
        return w / cw, h / ch
    scale = {"contain": min(w / cw, h / ch), "cover": max(w / cw, h / ch), "fitWidth": w / cw,
             "fitHeight": h / ch, "none": 1.0, "scaleDown": min(1.0, w / cw, h / ch)}[fit]
    return scale, scale


@widget("FittedBox", honours="fit alignment clipBehavior child")
def fitted_box(node: DartObject) -> ft.Control:
    k = node.kwargs
    box, child_node = given_size(), k.get("child")
    size = _child_size(child_node)
    if box is None or size is None or 0 in size:
        raise unsupported("FittedBox whose own size or whose child's size is not known", node)
    fit = k.get("fit")
    fit_name = fit.name if isinstance(fit, EnumValue) else "contain"
    alignment = v.alignment(k.get("alignment")) or ft.Alignment(0, 0)
    sx, sy = scales(fit_name, box, size)
    # The child is scaled about its centre, so it is placed where its centre lands once scaled.
    (w, h), (cw, ch) = box, size
    left = (w - cw * sx) / 2 * (1 + alignment.x) + cw * (sx - 1) / 2
    top = (h - ch * sy) / 2 * (1 + alignment.y) + ch * (sy - 1) / 2
    with parent_size(None), axes(vertical=True, horizontal=True):
        child = build(child_node)
    clip = v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior) or ft.ClipBehavior.NONE
    return ft.Stack([ft.Container(content=child, left=left, top=top, width=cw, height=ch,
                                  scale=ft.Scale(scale_x=sx, scale_y=sy))],
                    width=w, height=h, clip_behavior=clip)
