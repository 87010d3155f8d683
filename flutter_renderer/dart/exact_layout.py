"""Where the front end knows a widget's width constraint exactly, for the layout decisions Flutter
takes from it (an OverflowBar's row or column, a grid's cell width).

layout_constraints models every widget's constraints roughly (enough for LayoutBuilder); this walk
marks which of them are exact in width: every ancestor is a widget whose children's width it models
exactly (app, Scaffold body, Center/Align, Padding, SafeArea, Card, SizedBox, ConstrainedBox,
Container without a border, Column, vertical scroll views without padding, Material, ...), and a
Row's flexible child only when every sibling's width is known.
"""

from __future__ import annotations

import math
from typing import Any, Iterator

from flutter_renderer.dart import layout_constraints
from flutter_renderer.dart.layout_constraints import Box
from flutter_renderer.ir import DartObject

# Parents whose children's width constraint layout_constraints.children models exactly (Row and
# Scaffold are handled apart: only some of their children's widths are known).
_EXACT = frozenset(
    (
        "MaterialApp WidgetsApp Center Align Padding SafeArea Card SizedBox ConstrainedBox Column Expanded Flexible "
        "Material DecoratedBox ColoredBox Theme DefaultTextStyle Builder StatefulBuilder"
    ).split()
)
_VERTICAL_SCROLLING = ("SingleChildScrollView", "ListView")
Slot = tuple[Any, Box, bool, Any, Any]  # (value, its constraints, width exact, holder, key in holder)


def number(value: Any) -> float | None:
    """A Dart int or double as a float; None for anything else."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _known_width(child: Any) -> float | None:
    """The width of a non-flexible Row child that does not depend on its content."""
    if not isinstance(child, DartObject):
        return None
    k = child.kwargs
    if child.type == "SizedBox" and not child.ctor and k.get("width") is None and k.get("child") is None:
        return 0.0
    if child.type in ("SizedBox", "Container") and not child.ctor and k.get("margin") is None:
        return number(k.get("width"))
    if child.type == "VerticalDivider":
        return number(k.get("width")) if k.get("width") is not None else 16.0
    if child.type == "NavigationRail" and k.get("extended") is not True:
        # Material 3's minWidth: its destinations are laid out in that width; a leading or trailing
        # widget no wider keeps it.
        rail = number(k.get("minWidth")) if k.get("minWidth") is not None else 80.0
        ends = [
            _known_width(k[name])
            if isinstance(k.get(name), DartObject) and k[name].type == "SizedBox"
            else 0.0
            if k.get(name) is None
            else None
            for name in ("leading", "trailing")
        ]
        return rail if rail is not None and all(end is not None and end <= rail for end in ends) else None
    return None


def _row_widths(node: DartObject, box: Box) -> Iterator[tuple[Box, bool]]:
    """Each Row child's constraints, and whether its width is known: a flexible child's share is
    known when every other child's width is."""
    children = node.kwargs.get("children") or []
    flex_of = {
        i: int(number(c.kwargs.get("flex")) or 1)
        for i, c in enumerate(children)
        if isinstance(c, DartObject) and c.type in ("Expanded", "Flexible")
    }
    fixed = [_known_width(c) for i, c in enumerate(children) if i not in flex_of]
    known = all(width is not None for width in fixed) and math.isfinite(box.max_w)
    spacing = (number(node.kwargs.get("spacing")) or 0.0) * max(0, len(children) - 1)
    share = (
        max(0.0, box.max_w - sum(w or 0.0 for w in fixed) - spacing) / sum(flex_of.values())
        if known and flex_of
        else math.inf
    )
    for i, child in enumerate(children):
        if i in flex_of:
            width = share * flex_of[i]
            yield Box(width if child.type == "Expanded" else 0.0, width, 0.0, box.max_h), known
        else:
            yield Box(0.0, math.inf, 0.0, box.max_h), True


def _slots(node: DartObject, box: Box, screen: tuple[float, float]) -> Iterator[Slot]:
    """node's widget-valued arguments with their constraints, whether the width is modelled exactly,
    and where each is held (to put a replacement in its place)."""
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
        exact = decoration is None or (
            isinstance(decoration, DartObject)
            and decoration.type == "BoxDecoration"
            and decoration.kwargs.get("border") is None
        )
    elif node.type in _VERTICAL_SCROLLING:
        exact = k.get("padding") is None and getattr(k.get("scrollDirection"), "name", "vertical") == "vertical"
    names = {id(arg): name for name, arg in k.items()}
    for child, inner in layout_constraints.children(node, box, screen):
        if id(child) in names:
            yield child, inner, exact or (node.type == "Scaffold" and child is k.get("body")), k, names[id(child)]


def nodes(value: Any) -> Iterator[DartObject]:
    """Every DartObject in `value`, depth first."""
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


def exact_slots(root: DartObject, width: float, height: float) -> Iterator[Slot]:
    """Every widget under the screen's root, top down: (widget, its constraints, whether its width is
    exact, its holder, its key there). A consumer may put another widget at holder[key] before the
    walk goes on; the walk then goes into that one."""
    stack: list[Slot] = [(root, Box.tight(width, height), True, None, None)]
    while stack:
        value, box, exact, holder, key = stack.pop()
        if isinstance(value, list):
            stack.extend((item, box, exact, value, i) for i, item in enumerate(value))
            continue
        if not isinstance(value, DartObject):
            continue
        yield value, box, exact, holder, key
        if holder is not None:
            value = holder[key]
        if isinstance(value, DartObject):
            stack.extend(
                (child, inner, exact and child_exact, where, name)
                for child, inner, child_exact, where, name in _slots(value, box, (width, height))
            )
