"""Boxes that lay their child out at a size of its own and paint it over themselves: FittedBox (the
child scaled and placed by `fit` and `alignment`: rendering/proxy_box.dart RenderFittedBox,
painting/box_fit.dart applyBoxFit) and OverflowBox (the child under its own limits, aligned, painted
beyond the box: rendering/shifted_box.dart RenderConstrainedOverflowBox).

Drawn where both sizes are known: the box's own (its parent is a SizedBox or Container of both
sizes, so the box is exactly that) and its child's (a box of fixed extent, a FlutterLogo of a size,
or a childless Placeholder, which takes its fallback size under unbounded constraints). The child
sits in a Stack of the box's size at its own size, placed (and, in a FittedBox, scaled by a paint
transform) as Flutter paints it.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.extents import content_extent, given_size, parent_size
from flutter_renderer.embedded.registry import axes, build, unsupported, widget
from flutter_renderer.ir import DartObject, EnumValue

_PLACEHOLDER_FALLBACK = 400.0  # Placeholder.fallbackWidth / fallbackHeight


def _child_size(child: Any) -> tuple[float, float] | None:
    if isinstance(child, DartObject) and child.type == "Placeholder" and child.kwargs.get("child") is None:
        k = child.kwargs
        return (
            v.finite(k.get("fallbackWidth")) or _PLACEHOLDER_FALLBACK,
            v.finite(k.get("fallbackHeight")) or _PLACEHOLDER_FALLBACK,
        )
    if isinstance(child, DartObject) and child.type == "FlutterLogo" and v.finite(child.kwargs.get("size")) is not None:
        return (v.finite(child.kwargs["size"]),) * 2  # type: ignore[return-value]
    width, height = content_extent(child, "width"), content_extent(child, "height")
    return None if width is None or height is None else (width, height)


def scales(fit: str, box: tuple[float, float], child: tuple[float, float]) -> tuple[float, float]:
    """(x, y) scale of a `child`-sized picture fitted into `box` (applyBoxFit)."""
    (w, h), (cw, ch) = box, child
    if fit == "fill":
        return w / cw, h / ch
    scale = {
        "contain": min(w / cw, h / ch),
        "cover": max(w / cw, h / ch),
        "fitWidth": w / cw,
        "fitHeight": h / ch,
        "none": 1.0,
        "scaleDown": min(1.0, w / cw, h / ch),
    }[fit]
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
    return ft.Stack(
        [ft.Container(content=child, left=left, top=top, width=cw, height=ch, scale=ft.Scale(scale_x=sx, scale_y=sy))],
        width=w,
        height=h,
        clip_behavior=clip,
    )


@widget("OverflowBox", honours="alignment minWidth maxWidth minHeight maxHeight fit child")
def overflow_box(node: DartObject) -> ft.Control:
    k = node.kwargs
    box, child_node = given_size(), k.get("child")
    size = _child_size(child_node)
    if box is None or size is None or (isinstance(k.get("fit"), EnumValue) and k["fit"].name != "max"):
        raise unsupported("OverflowBox whose own size or whose child's size is not known", node)

    # The box's parent is tight (its size), so an unset limit is that size.
    def limit(name: str, given: float) -> float:
        value = v.finite(k.get(name))
        return given if value is None else value

    limits = [
        (limit(low, given), limit(high, given))
        for low, high, given in (("minWidth", "maxWidth", box[0]), ("minHeight", "maxHeight", box[1]))
    ]
    cw, ch = (min(max(extent, low), high) for extent, (low, high) in zip(size, limits))
    alignment = v.alignment(k.get("alignment")) or ft.Alignment(0, 0)
    (w, h) = box
    with parent_size(None):
        child = build(child_node)
    return ft.Stack(
        [
            ft.Container(
                content=child,
                left=(w - cw) / 2 * (1 + alignment.x),
                top=(h - ch) / 2 * (1 + alignment.y),
                width=cw,
                height=ch,
            )
        ],
        width=w,
        height=h,
        clip_behavior=ft.ClipBehavior.NONE,
    )
