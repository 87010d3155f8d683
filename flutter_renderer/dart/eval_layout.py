"""LayoutBuilder: its builder runs once the whole tree is built, with the constraints its parent
gives (layout_constraints), as Flutter runs it during layout.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

import math
from typing import Any

from flutter_renderer.dart import flutter_api, layout_constraints
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase
from flutter_renderer.dart.layout_constraints import Box
from flutter_renderer.dart.syntax import Node
from flutter_renderer.dart.values import Props
from flutter_renderer.ir import DartObject


def constraints_value(box: Box) -> Props:
    """What a LayoutBuilder's builder gets as `constraints` (a BoxConstraints)."""

    def size(width: float, height: float) -> Props:
        return (
            flutter_api.size(width, height)
            if math.isfinite(width) and math.isfinite(height) and height
            else Props("Size", {"width": width, "height": height}, ir=DartObject("Size", "", (width, height)))
        )

    limits = {"minWidth": box.min_w, "maxWidth": box.max_w, "minHeight": box.min_h, "maxHeight": box.max_h}
    attrs: dict[str, Any] = dict(limits)
    attrs.update(
        biggest=size(box.max_w, box.max_h),
        smallest=size(box.min_w, box.min_h),
        hasBoundedWidth=math.isfinite(box.max_w),
        hasBoundedHeight=math.isfinite(box.max_h),
        hasInfiniteWidth=math.isinf(box.min_w),
        hasInfiniteHeight=math.isinf(box.min_h),
        hasTightWidth=box.min_w == box.max_w,
        hasTightHeight=box.min_h == box.max_h,
        isTight=box.min_w == box.max_w and box.min_h == box.max_h,
    )
    return Props("BoxConstraints", attrs, ir=DartObject("BoxConstraints", "", (), limits))


class LayoutEvaluation(EvaluatorBase):
    """LayoutBuilder.builder, run after the tree is built, with its parent's constraints."""

    def defer_layout_builder(self, widget: DartObject, builder: Any, node: Node) -> None:
        """Remember a LayoutBuilder whose builder runs once the constraints are known."""
        self.layout_builders[id(widget)] = (widget, builder, node)

    def run_layout_builders(self, root: DartObject) -> None:
        """Walk the tree from the screen down; give each deferred builder the constraints it gets there
        and put what it builds in its place (then walk into that)."""
        stack: list[tuple[Any, Box]] = [(root, Box.tight(self.width, self.height))]
        while stack and self.layout_builders:
            value, box = stack.pop()
            if isinstance(value, (list, tuple)):
                stack.extend((item, box) for item in value)
                continue
            if isinstance(value, dict):
                stack.extend((item, box) for item in value.values())
                continue
            if not isinstance(value, DartObject):
                continue
            deferred = self.layout_builders.pop(id(value), None)
            if deferred is not None:
                widget, builder, node = deferred
                built = self.call(builder, [BUILD_CONTEXT, constraints_value(box)], {}, node)
                widget.kwargs["builder"] = self.to_ir(built, node)
                stack.append((widget.kwargs["builder"], box))
                continue
            stack.extend(layout_constraints.children(value, box, (self.width, self.height)))
