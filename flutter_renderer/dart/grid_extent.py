"""A grid's `mainAxisExtent` (SliverGridDelegateWithFixedCrossAxisCount): each cell is that tall and
as wide as the grid's width shares out (rendering/sliver_grid.dart getLayout).

The mapping's grid takes a child aspect ratio, so where the grid's width is exact (exact_layout) the
front end gives the delegate the ratio Flutter's cells end up with: cell width over the extent. A
grid of unknown width keeps its extent, which the mapping reports.
"""

from __future__ import annotations

import math

from flutter_renderer.dart.exact_layout import exact_slots, nodes, number
from flutter_renderer.dart.layout_constraints import insets
from flutter_renderer.ir import DartObject

_GRIDS = ("GridView", "GridView.builder", "GridView.count")


def _delegate_holder(grid: DartObject) -> tuple[dict, str] | None:
    """Where the grid keeps its delegate's values: the GridView.count itself or its gridDelegate."""
    if grid.ctor == "count":
        return grid.kwargs, ""
    delegate = grid.kwargs.get("gridDelegate")
    if isinstance(delegate, DartObject) and delegate.type == "SliverGridDelegateWithFixedCrossAxisCount":
        return delegate.kwargs, "gridDelegate"
    return None


def resolve_grid_extents(root: DartObject, width: float, height: float) -> None:
    """Give each vertical grid of exact width whose delegate fixes `mainAxisExtent` the aspect ratio
    of the cells Flutter lays out."""
    if not any(node.kwargs.get("mainAxisExtent") is not None for node in nodes(root)):
        return
    for grid, box, exact, _, _ in exact_slots(root, width, height):
        name = f"{grid.type}.{grid.ctor}" if grid.ctor else grid.type
        holder = _delegate_holder(grid) if name in _GRIDS and exact else None
        if holder is None or getattr(grid.kwargs.get("scrollDirection"), "name", "vertical") != "vertical":
            continue
        values, where = holder
        extent, count = number(values.get("mainAxisExtent")), values.get("crossAxisCount")
        if extent is None or extent <= 0 or not isinstance(count, int) or count < 1 or math.isinf(box.max_w):
            continue
        left, _, right, _ = insets(grid.kwargs.get("padding"))
        spacing = number(values.get("crossAxisSpacing")) or 0.0
        cell = max(0.0, box.max_w - left - right - spacing * (count - 1)) / count
        if not cell:
            continue
        changed = {name: value for name, value in values.items() if name != "mainAxisExtent"}
        changed["childAspectRatio"] = cell / extent
        if where:
            delegate = grid.kwargs[where]
            grid.kwargs[where] = DartObject(
                delegate.type, delegate.ctor, delegate.args, changed, delegate.line, delegate.column
            )
        else:
            grid.kwargs.clear()
            grid.kwargs.update(changed)
