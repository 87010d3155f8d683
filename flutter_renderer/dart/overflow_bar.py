"""OverflowBar: a row when its children fit its width, else a column (widgets/overflow_bar.dart).

Which of the two Flutter lays out depends on the children's widths and the width its parent gives.
The front end decides it only where both are known: the bar's width is exact (exact_layout), and
every child is a fixed-width box or a Material 3
text button whose width follows from its label's Roboto advances (text_metrics), and the estimate is
clear of the bar's width by text_metrics.ESTIMATE_MARGIN. It then puts the Row or Column Flutter's
RenderOverflowBar lays out in the bar's place; an undecided bar stays, and the mapping reports it.
"""

from __future__ import annotations

import math
from typing import Any

from flutter_renderer.dart.exact_layout import exact_slots, nodes, number
from flutter_renderer.dart.layout_constraints import Box
from flutter_renderer.ir import DartObject, EnumValue
from flutter_renderer.text_metrics import ESTIMATE_MARGIN, text_width

# Material 3 button metrics (material/*_button.dart defaultStyleOf, textScaleFactor 1): horizontal
# padding of the plain button, (start, end) padding of its .icon variant, the 64 px minimum width;
# labels are labelLarge: Roboto Medium 14 with letter spacing 0.1; .icon adds an 18 px icon and an
# 8 px gap.
_PADDING = {"ElevatedButton": 24.0, "FilledButton": 24.0, "OutlinedButton": 24.0, "TextButton": 12.0}
_ICON_PADDING = {
    "ElevatedButton": (16.0, 24.0),
    "FilledButton": (16.0, 24.0),
    "OutlinedButton": (16.0, 24.0),
    "TextButton": (12.0, 16.0),
}
_MIN_WIDTH, _ICON, _GAP = 64.0, 18.0, 8.0
# Theme values that change a button's size.
_SIZING_THEME = frozenset(
    "textTheme elevatedButtonTheme textButtonTheme outlinedButtonTheme filledButtonTheme "
    "buttonTheme visualDensity materialTapTargetSize typography fontFamily".split()
)
_VERTICAL_ALIGN = {"start": "start", "center": "center", "end": "end"}


def _material3_buttons(root: DartObject) -> bool:
    """Whether buttons keep Material 3's default sizes everywhere in the tree."""
    for node in nodes(root):
        if node.type == "ThemeData" and (node.kwargs.get("useMaterial3") is False or _SIZING_THEME & set(node.kwargs)):
            return False
    return True


def _label_width(child: Any) -> float | None:
    if not (
        isinstance(child, DartObject)
        and child.type == "Text"
        and not child.ctor
        and child.args
        and isinstance(child.args[0], str)
        and not child.kwargs
    ):
        return None
    return text_width(child.args[0], size=14.0, weight=500, letter_spacing=0.1)


def child_width(child: Any) -> float | None:
    """The width Flutter gives one child of a bar (loose constraints), where it is known."""
    if not isinstance(child, DartObject):
        return None
    k = child.kwargs
    if child.type == "SizedBox" and not child.ctor and k.get("child") is None:
        return number(k.get("width"))
    if child.type not in _PADDING or k.get("style") is not None:
        return None
    if not child.ctor:
        label = _label_width(k.get("child"))
        return None if label is None else max(_MIN_WIDTH, label + 2 * _PADDING[child.type])
    if (
        child.ctor == "icon"
        and isinstance(k.get("icon"), DartObject)
        and k["icon"].type == "Icon"
        and not set(k["icon"].kwargs) - {"key"}
    ):
        label = _label_width(k.get("label"))
        start, end = _ICON_PADDING[child.type]
        return None if label is None else max(_MIN_WIDTH, start + _ICON + _GAP + label + end)
    return None


def _as_row(bar: DartObject, children: list[Any]) -> DartObject:
    k = bar.kwargs
    alignment = k.get("alignment")
    row: dict[str, Any] = {"children": children}
    if alignment is None:
        row["mainAxisSize"] = EnumValue("MainAxisSize", "min")
    else:
        row["mainAxisAlignment"] = alignment
    if alignment is None or alignment.name in ("start", "center", "end"):
        row["spacing"] = k.get("spacing") or 0.0
    return DartObject("Row", "", (), row, bar.line, bar.column)


def _as_column(bar: DartObject, children: list[Any]) -> DartObject:
    k = bar.kwargs
    if getattr(k.get("overflowDirection"), "name", "down") == "up":
        children = children[::-1]
    align = getattr(k.get("overflowAlignment"), "name", "start")
    column = DartObject(
        "Column",
        "",
        (),
        {
            "mainAxisSize": EnumValue("MainAxisSize", "min"),
            "spacing": k.get("overflowSpacing") or 0.0,
            "crossAxisAlignment": EnumValue("CrossAxisAlignment", _VERTICAL_ALIGN[align]),
            "children": children,
        },
        bar.line,
        bar.column,
    )
    # The bar takes all of its width when it overflows.
    return DartObject("SizedBox", "", (), {"width": math.inf, "child": column}, bar.line, bar.column)


def _resolved(bar: DartObject, box: Box) -> DartObject | None:
    """The Row or Column Flutter lays `bar` out as, within `box`; None when that is not clear."""
    k = bar.kwargs
    if getattr(k.get("textDirection"), "name", "ltr") != "ltr":
        return None
    children = list(k.get("children") or [])
    widths = [child_width(child) for child in children]
    if not children or any(w is None for w in widths):
        return None
    actual = sum(widths) + (number(k.get("spacing")) or 0.0) * (len(children) - 1)  # type: ignore[arg-type]
    if math.isinf(box.max_w) or actual * (1 + ESTIMATE_MARGIN) + 1 < box.max_w:
        return _as_row(bar, children)
    if actual * (1 - ESTIMATE_MARGIN) - 1 > box.max_w:
        return _as_column(bar, children)
    return None


def resolve_overflow_bars(root: DartObject, width: float, height: float) -> None:
    """Replace, in place, each OverflowBar whose layout is clear with the Row or Column it lays out."""
    if not any(node.type == "OverflowBar" for node in nodes(root)) or not _material3_buttons(root):
        return
    for value, box, exact, holder, key in exact_slots(root, width, height):
        if value.type == "OverflowBar" and exact and holder is not None:
            replaced = _resolved(value, box)
            if replaced is not None:
                holder[key] = replaced
