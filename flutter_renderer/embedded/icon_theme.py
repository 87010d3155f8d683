"""IconTheme: the colour and size it gives the icons below it that set none themselves.

Icon reads IconTheme.of(context); a Material 3 IconButton takes a non-default IconTheme colour and
size as its style's foregroundColor / iconSize (icon_button.dart, _IconButtonM3.themeStyleOf). The
theme is applied to the built controls, through the controls an icon may sit in; any other control
(a tile, a chip, a text field) sets its own icon colours, so an IconTheme around it is unsupported.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.registry import build, unsupported, widget
from flutter_renderer.ir import ColorValue, DartObject

# Controls an IconTheme reaches icons through (their children are tinted in turn).
_CONTENT = (ft.Icon, ft.Text, ft.Container, ft.Row, ft.Column, ft.Stack)
# IconThemeData.fallback()'s colour: an IconButton ignores an IconTheme of this colour.
_FALLBACK_COLOR = "#ff000000"


def tint_icons(
    control: ft.Control, color: str | None, where: str, *, size: float | None = None, icon_buttons: bool = False
) -> None:
    """Give the Icons in `control` that have none this colour and size (IconButtons too when
    `icon_buttons`); a control an IconTheme cannot be followed through is unsupported, named by `where`."""
    if icon_buttons and type(control) is ft.IconButton:
        if isinstance(control.icon, ft.Icon) and control.icon_color is None:
            tint_icons(control.icon, None if color == _FALLBACK_COLOR else color, where, size=size)
        return
    if not isinstance(control, _CONTENT):
        raise unsupported(f"a {type(control).__name__} in {where}")
    if isinstance(control, ft.Icon):
        control.color = control.color or color
        control.size = control.size or size
    children = getattr(control, "controls", None) or [getattr(control, "content", None)]
    for child in children:
        if isinstance(child, ft.Control):
            tint_icons(child, color, where, size=size, icon_buttons=icon_buttons)


@widget("IconTheme", "IconTheme.merge", honours="data child")
def icon_theme(node: DartObject) -> ft.Control:
    data: Any = node.kwargs.get("data")
    if not (isinstance(data, DartObject) and data.type == "IconThemeData" and not data.ctor):
        raise unsupported(f"{node.type}.data other than IconThemeData(...)", node)
    extra = sorted(name for name, value in data.kwargs.items() if value is not None and name not in ("color", "size"))
    if extra:
        raise unsupported(f"IconThemeData({', '.join(extra)}) in an IconTheme", node)
    color = data.kwargs.get("color")
    child = build(node.kwargs.get("child"))
    tint_icons(
        child,
        v.color(color) if isinstance(color, ColorValue) else None,
        "an IconTheme",
        size=v.finite(data.kwargs.get("size")),
        icon_buttons=True,
    )
    return child
