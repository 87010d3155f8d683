"""Sizes the mapping knows before Flet lays anything out: a widget's fixed extent, and the tight size
a box gives its direct child (for the widgets whose drawing depends on it, e.g. FittedBox)."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.registry import widget_list
from flutter_renderer.ir import DartObject

_FLEX_CHILDREN = ("Expanded", "Flexible", "Spacer")
# Widgets that are as large as their child.
_AS_CHILD = ("ClipRRect", "ClipOval", "Opacity")
# The tight size a SizedBox or Container of both sizes gives its child (None: not known), read by
# the child as it is built: set only around that one build.
_PARENT_SIZE: ContextVar[tuple[float, float] | None] = ContextVar("parent_size", default=None)


@contextmanager
def parent_size(size: tuple[float, float] | None) -> Iterator[None]:
    """Build the next widget knowing it gets exactly `size` (None: not known)."""
    token = _PARENT_SIZE.set(size)
    try:
        yield
    finally:
        _PARENT_SIZE.reset(token)


def given_size() -> tuple[float, float] | None:
    """The tight size the widget being built gets from its parent, where the parent knows it."""
    return _PARENT_SIZE.get()


def content_extent(node: Any, axis: str) -> float | None:
    """The width or height (`axis`) a widget takes whatever its constraints' maximum, where it is fixed:
    a SizedBox or Container of that size (or tight constraints) plus its margin, a clip or opacity of
    such a child, a Column's (Row's) fixed children and spacing along its main axis; None otherwise."""
    if not isinstance(node, DartObject) or node.ctor:
        return None
    k = node.kwargs
    if node.type in _AS_CHILD:
        return content_extent(k.get("child"), axis)
    if node.type in ("SizedBox", "Container"):
        size = v.finite(k.get(axis))
        limits = v.constraints(k.get("constraints")) if node.type == "Container" else None
        if limits is not None:
            low, high = (
                (limits.min_width, limits.max_width) if axis == "width" else (limits.min_height, limits.max_height)
            )
            size = low if size is None and low == high else None
        if size is None:
            return None
        margin = v.margin(k.get("margin")) or ft.Margin(0, 0, 0, 0)
        return size + ((margin.top + margin.bottom) if axis == "height" else (margin.left + margin.right))
    if (node.type, axis) in (("Column", "height"), ("Row", "width")) and not any(
        isinstance(child, DartObject) and child.type in _FLEX_CHILDREN for child in widget_list(node)
    ):
        extents = [content_extent(child, axis) for child in widget_list(node)]
        if any(extent is None for extent in extents):
            return None
        return sum(extents) + (v.finite(k.get("spacing")) or 0) * max(0, len(extents) - 1)  # type: ignore[arg-type]
    return None
