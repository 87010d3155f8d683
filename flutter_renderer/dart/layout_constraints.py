"""The BoxConstraints a widget's children get, for running LayoutBuilder.builder as Flutter does.

A simplified layout model over the IR, top down from the screen: the app gives its home the whole
screen; a Scaffold gives its body the space between its bars; Center/Align loosen; Padding,
Container, SizedBox, ConstrainedBox, Card and SafeArea shrink or tighten; Row/Column give
non-flexible children an unbounded main axis and split what explicit sizes leave among flexible
ones; scroll views give an unbounded main axis. Any other widget passes its own constraints on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterator

from flutter_renderer.ir import DartObject, EnumValue

INF = math.inf


@dataclass(frozen=True)
class Box:
    """min/max width and height."""

    min_w: float
    max_w: float
    min_h: float
    max_h: float

    @staticmethod
    def tight(width: float, height: float) -> "Box":
        return Box(width, width, height, height)

    def loosen(self) -> "Box":
        return Box(0.0, self.max_w, 0.0, self.max_h)

    def deflate(self, left: float, top: float, right: float, bottom: float) -> "Box":
        h, v = left + right, top + bottom
        return Box(
            max(0.0, self.min_w - h), max(0.0, self.max_w - h), max(0.0, self.min_h - v), max(0.0, self.max_h - v)
        )

    def tighten(self, width: float | None = None, height: float | None = None) -> "Box":
        """Flutter's BoxConstraints.tighten: a given size, clamped into these constraints."""

        def clamp(value: float, low: float, high: float) -> float:
            return min(max(value, low), high)

        min_w, max_w = (self.min_w, self.max_w) if width is None else (clamp(width, self.min_w, self.max_w),) * 2
        min_h, max_h = (self.min_h, self.max_h) if height is None else (clamp(height, self.min_h, self.max_h),) * 2
        return Box(min_w, max_w, min_h, max_h)


# Heights of the bars a Scaffold lays out around its body (Material 3 defaults).
_APP_BAR = 56.0
_TAB_BAR = 48.0
_BOTTOM_BARS = {"NavigationBar": 80.0, "BottomNavigationBar": 56.0, "BottomAppBar": 80.0}
_APPS = ("MaterialApp", "WidgetsApp", "CupertinoApp")
_LOOSENING = ("Center", "Align", "Stack", "IndexedStack", "AnimatedAlign")
_SCROLLING = ("ListView", "GridView", "SingleChildScrollView", "CustomScrollView", "ReorderableListView")


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def insets(value: Any) -> tuple[float, float, float, float]:
    """EdgeInsets(.all/.symmetric/.only/.fromLTRB) -> (left, top, right, bottom); 0 when unknown."""
    if not isinstance(value, DartObject) or value.type not in ("EdgeInsets", "EdgeInsetsDirectional"):
        return 0.0, 0.0, 0.0, 0.0
    a, k = value.args, value.kwargs
    if value.ctor == "all" and a:
        return (_num(a[0]) or 0.0,) * 4
    if value.ctor == "symmetric":
        h, v = _num(k.get("horizontal")) or 0.0, _num(k.get("vertical")) or 0.0
        return h, v, h, v
    if value.ctor == "only":
        return tuple(
            _num(k.get(n, k.get(alt))) or 0.0
            for n, alt in (("left", "start"), ("top", "top"), ("right", "end"), ("bottom", "bottom"))  # type: ignore[return-value]
        )
    if value.ctor in ("fromLTRB", "fromSTEB") and len(a) == 4:
        return tuple(_num(x) or 0.0 for x in a)  # type: ignore[return-value]
    return 0.0, 0.0, 0.0, 0.0


def _scaffold_body(node: DartObject, box: Box) -> Box:
    k = node.kwargs
    top = 0.0
    bar = k.get("appBar")
    if isinstance(bar, DartObject):
        top = _num(bar.kwargs.get("toolbarHeight")) or _APP_BAR
        top += _TAB_BAR if bar.kwargs.get("bottom") is not None else 0.0
    nav = k.get("bottomNavigationBar")
    bottom = _BOTTOM_BARS.get(nav.type, 0.0) if isinstance(nav, DartObject) else 0.0
    return Box(0.0, box.max_w, 0.0, max(0.0, box.max_h - top - bottom))


def _flex_children(node: DartObject, box: Box, vertical: bool) -> Iterator[tuple[Any, Box]]:
    children = node.kwargs.get("children") or []
    stretch = (
        isinstance(node.kwargs.get("crossAxisAlignment"), EnumValue)
        and node.kwargs["crossAxisAlignment"].name == "stretch"
    )
    main_max = box.max_h if vertical else box.max_w
    cross_max = box.max_w if vertical else box.max_h
    fixed, flexes = 0.0, 0
    for child in children:
        if isinstance(child, DartObject) and child.type in ("Expanded", "Flexible", "Spacer"):
            flexes += int(_num(child.kwargs.get("flex")) or 1)
        elif isinstance(child, DartObject) and child.type in ("SizedBox", "Container"):
            fixed += _num(child.kwargs.get("height" if vertical else "width")) or 0.0
    fixed += (_num(node.kwargs.get("spacing")) or 0.0) * max(0, len(children) - 1)
    share = max(0.0, main_max - fixed) / flexes if flexes and math.isfinite(main_max) else INF
    cross = (cross_max, cross_max) if stretch else (0.0, cross_max)
    for child in children:
        if isinstance(child, DartObject) and child.type in ("Expanded", "Flexible"):
            extent = share * int(_num(child.kwargs.get("flex")) or 1)
            low = extent if child.type == "Expanded" else 0.0
            main = (low, extent)
        else:
            main = (0.0, INF)
        yield child, (Box(*cross, *main) if vertical else Box(*main, *cross))


def children(node: DartObject, box: Box, screen: tuple[float, float]) -> Iterator[tuple[Any, Box]]:
    """The widget-valued arguments of `node` with the constraints each gets."""
    k = node.kwargs
    if node.type in _APPS:
        for name in ("home", "builder"):
            yield k.get(name), Box.tight(*screen)
        return
    if node.type == "Scaffold":
        yield k.get("body"), _scaffold_body(node, box)
        for name in ("appBar", "floatingActionButton", "drawer", "endDrawer", "bottomNavigationBar", "bottomSheet"):
            yield k.get(name), box.loosen()
        return
    if node.type in ("Column", "Row", "Flex"):
        vertical = node.type == "Column" or (
            node.type == "Flex" and getattr(k.get("direction"), "name", "") == "vertical"
        )
        yield from _flex_children(node, box, vertical)
        return
    if node.type in _SCROLLING:
        horizontal = getattr(k.get("scrollDirection"), "name", "") == "horizontal"
        inner = Box(0.0, INF, box.min_h, box.max_h) if horizontal else Box(box.min_w, box.max_w, 0.0, INF)
        for name in ("child", "children", "slivers", "itemBuilder"):
            yield k.get(name), inner
        return
    if node.type in _LOOSENING:
        inner = box.loosen()
    elif node.type in ("Padding", "SafeArea"):
        inner = box.deflate(*insets(k.get("padding" if node.type == "Padding" else "minimum")))
    elif node.type == "Card":
        inner = box.deflate(*(insets(k.get("margin")) if k.get("margin") is not None else (4.0,) * 4))
    elif node.type in ("SizedBox", "Container", "ConstrainedBox"):
        inner = _sized(node, box)
    else:
        inner = box
    for value in list(k.values()) + list(node.args):
        yield value, inner


def _sized(node: DartObject, box: Box) -> Box:
    k = node.kwargs
    if node.type == "Container":
        box = box.deflate(*insets(k.get("margin")))
    limits = k.get("constraints")
    if isinstance(limits, DartObject) and limits.type == "BoxConstraints" and not limits.ctor:
        c = limits.kwargs
        box = Box(
            max(box.min_w, _num(c.get("minWidth")) or 0.0),
            min(box.max_w, _num(c.get("maxWidth")) or INF),
            max(box.min_h, _num(c.get("minHeight")) or 0.0),
            min(box.max_h, _num(c.get("maxHeight")) or INF),
        )
    box = box.tighten(_num(k.get("width")), _num(k.get("height")))
    if node.type == "Container":
        box = box.deflate(*insets(k.get("padding")))
        if k.get("alignment") is not None:
            box = box.loosen()
    return box
