"""OverflowBar: a row when its children fit its width, else a column (widgets/overflow_bar.dart).

Which of the two Flutter lays out depends on the children's widths and the width its parent gives.
The front end decides it only where both are known: every ancestor is a widget whose width
constraint layout_constraints models exactly, and every child is a fixed-width box or a Material 3
text button whose width follows from its label's Roboto advances (text_metrics), and the estimate is
clear of the bar's width by text_metrics.ESTIMATE_MARGIN. It then puts the Row or Column Flutter's
RenderOverflowBar lays out in the bar's place; an undecided bar stays, and the mapping reports it.
"""

from __future__ import annotations

import math
from typing import Any, Iterator

from flutter_renderer.dart import layout_constraints
from flutter_renderer.dart.layout_constraints import Box
from flutter_renderer.ir import DartObject, EnumValue
from flutter_renderer.text_metrics import ESTIMATE_MARGIN, text_width

# Parents whose children's width constraint layout_constraints.children models exactly (Row and
# Scaffold are handled apart: only some of their children's widths are known).
_EXACT = frozenset((
    "MaterialApp WidgetsApp Center Align Padding SafeArea Card SizedBox ConstrainedBox Column Expanded Flexible "
    "Material DecoratedBox ColoredBox Theme DefaultTextStyle Builder StatefulBuilder"
).split())
_VERTICAL_SCROLLING = ("SingleChildScrollView", "ListView")
# Material 3 button metrics (material/*_button.dart defaultStyleOf, textScaleFactor 1): horizontal
# padding of the plain button, (start, end) padding of its .icon variant, the 64 px minimum width;
# labels are labelLarge: Roboto Medium 14 with letter spacing 0.1; .icon adds an 18 px icon and an
# 8 px gap.
_PADDING = {"ElevatedButton": 24.0, "FilledButton": 24.0, "OutlinedButton": 24.0, "TextButton": 12.0}
_ICON_PADDING = {"ElevatedButton": (16.0, 24.0), "FilledButton": (16.0, 24.0), "OutlinedButton": (16.0, 24.0),
                 "TextButton": (12.0, 16.0)}
_MIN_WIDTH, _ICON, _GAP = 64.0, 18.0, 8.0
# Theme values that change a button's size.
_SIZING_THEME = frozenset("textTheme elevatedButtonTheme textButtonTheme outlinedButtonTheme filledButtonTheme "
                          "buttonTheme visualDensity materialTapTargetSize typography fontFamily".split())
_VERTICAL_ALIGN = {"start": "start", "center": "center", "end": "end"}


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _walk(value: Any) -> Iterator[DartObject]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, DartObject):
            yield item
            stack.extend(item.args)
            stack.extend(item.kwargs.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


def _material3_buttons(root: DartObject) -> bool:
    """Whether buttons keep Material 3's default sizes everywhere in the tree."""
    for node in _walk(root):
        if node.type == "ThemeData" and (node.kwargs.get("useMaterial3") is False
                                         or _SIZING_THEME & set(node.kwargs)):
            return False
    return True


def _label_width(child: Any) -> float | None:
    if not (isinstance(child, DartObject) and child.type == "Text" and not child.ctor and child.args
            and isinstance(child.args[0], str) and not child.kwargs):
        return None
    return text_width(child.args[0], size=14.0, weight=500, letter_spacing=0.1)


def child_width(child: Any) -> float | None:
    """The width Flutter gives one child of a bar (loose constraints), where it is known."""
    if not isinstance(child, DartObject):
        return None
    k = child.kwargs
    if child.type == "SizedBox" and not child.ctor and k.get("child") is None:
        return _num(k.get("width"))
    if child.type not in _PADDING or k.get("style") is not None:
        return None
    if not child.ctor:
        label = _label_width(k.get("child"))
        return None if label is None else max(_MIN_WIDTH, label + 2 * _PADDING[child.type])
    if child.ctor == "icon" and isinstance(k.get("icon"), DartObject) and k["icon"].type == "Icon" \
            and not set(k["icon"].kwargs) - {"key"}:
        label = _label_width(k.get("label"))
        start, end = _ICON_PADDING[child.type]
        return None if label is None else max(_MIN_WIDTH, start + _ICON + _GAP + label + end)
    return None


def _known_width(child: Any) -> float | None:
    """The width of a non-flexible Row child that does not depend on its content."""
    if not isinstance(child, DartObject):
        return None
    k = child.kwargs
    if child.type == "SizedBox" and not child.ctor and k.get("width") is None and k.get("child") is None:
        return 0.0
    if child.type in ("SizedBox", "Container") and not child.ctor and k.get("margin") is None:
        return _num(k.get("width"))
    if child.type == "VerticalDivider":
        return _num(k.get("width")) if k.get("width") is not None else 16.0
    if child.type == "NavigationRail" and k.get("extended") is not True:
        # Material 3's minWidth: its destinations are laid out in that width; a leading or trailing
        # widget no wider keeps it.
        rail = _num(k.get("minWidth")) if k.get("minWidth") is not None else 80.0
        ends = [_known_width(k[name]) if isinstance(k.get(name), DartObject) and k[name].type == "SizedBox" else
                0.0 if k.get(name) is None else None for name in ("leading", "trailing")]
        return rail if rail is not None and all(end is not None and end <= rail for end in ends) else None
    return None


def _row_widths(node: DartObject, box: Box) -> Iterator[tuple[Box, bool]]:
    """Each Row child's constraints, and whether its width is known: a flexible child's share is
    known when every other child's width is."""
    children = node.kwargs.get("children") or []
    flex_of = {i: int(_num(c.kwargs.get("flex")) or 1) for i, c in enumerate(children)
               if isinstance(c, DartObject) and c.type in ("Expanded", "Flexible")}
    fixed = [_known_width(c) for i, c in enumerate(children) if i not in flex_of]
    known = all(width is not None for width in fixed) and math.isfinite(box.max_w)
    spacing = (_num(node.kwargs.get("spacing")) or 0.0) * max(0, len(children) - 1)
    share = max(0.0, box.max_w - sum(w or 0.0 for w in fixed) - spacing) / sum(flex_of.values()) if known and flex_of \
        else math.inf
    for i, child in enumerate(children):
        if i in flex_of:
            width = share * flex_of[i]
            yield Box(width if child.type == "Expanded" else 0.0, width, 0.0, box.max_h), known
        else:
            yield Box(0.0, math.inf, 0.0, box.max_h), True


Slot = tuple[Any, Box, bool, Any, Any]   # (value, its constraints, width exact, holder, key in holder)


def _slots(node: DartObject, box: Box, screen: tuple[float, float]) -> Iterator[Slot]:
    """node's widget-valued arguments with their constraints, whether the width is modelled exactly,
    and where each is held (to put a resolved bar in its place)."""
    k = node.kwargs
    if node.type in ("Row", "Column"):
        children = k.get("children") or []
        if node.type == "Row":
            pairs: Iterator[tuple[Box, bool]] = _row_widths(node, box)
        else:
            pairs = ((inner, True) for _, inner in layout_constraints.children(node, box, screen))
        for i, (inner, exact) in enumerate(pairs):
            yield children[i], inner, exact, children, i
        return
    exact = node.type in _EXACT
    if node.type == "Container":
        decoration = k.get("decoration")
        exact = decoration is None or (isinstance(decoration, DartObject) and decoration.type == "BoxDecoration"
                                       and decoration.kwargs.get("border") is None)
    elif node.type in _VERTICAL_SCROLLING:
        exact = k.get("padding") is None and getattr(k.get("scrollDirection"), "name", "vertical") == "vertical"
    names = {id(arg): name for name, arg in k.items()}
    for child, inner in layout_constraints.children(node, box, screen):
        if id(child) in names:
            yield child, inner, exact or (node.type == "Scaffold" and child is k.get("body")), k, names[id(child)]


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
    column = DartObject("Column", "", (), {
        "mainAxisSize": EnumValue("MainAxisSize", "min"), "spacing": k.get("overflowSpacing") or 0.0,
        "crossAxisAlignment": EnumValue("CrossAxisAlignment", _VERTICAL_ALIGN[align]), "children": children},
        bar.line, bar.column)
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
    actual = sum(widths) + (_num(k.get("spacing")) or 0.0) * (len(children) - 1)  # type: ignore[arg-type]
    if math.isinf(box.max_w) or actual * (1 + ESTIMATE_MARGIN) + 1 < box.max_w:
        return _as_row(bar, children)
    if actual * (1 - ESTIMATE_MARGIN) - 1 > box.max_w:
        return _as_column(bar, children)
    return None


def resolve_overflow_bars(root: DartObject, width: float, height: float) -> None:
    """Replace, in place, each OverflowBar whose layout is clear with the Row or Column it lays out."""
    if not any(node.type == "OverflowBar" for node in _walk(root)) or not _material3_buttons(root):
        return
    stack: list[Slot] = [(root, Box.tight(width, height), True, None, None)]
    while stack:
        value, box, exact, holder, key = stack.pop()
        if isinstance(value, list):
            stack.extend((item, box, exact, value, i) for i, item in enumerate(value))
            continue
        if not isinstance(value, DartObject):
            continue
        if value.type == "OverflowBar" and exact and holder is not None:
            replaced = _resolved(value, box)
            if replaced is not None:
                holder[key] = value = replaced
        stack.extend((child, inner, exact and child_exact, where, name)
                     for child, inner, child_exact, where, name in _slots(value, box, (width, height)))
