"""Boxes sized as a fraction of their parent: FractionallySizedBox and AnimatedFractionallySizedBox
(at its target, as the other implicit animations are).

Flet has no fractional sizing, so the box is composed (FIDELITY.md): a Row (Column) whose flex
children are the gap before the child, the child and the gap after it, in the ratio the factor and
the alignment give; the flex factors are integers, so a fraction is drawn to 1/FLEX of the
parent's size. That fills the parent, which is what Flutter's box does under tight constraints;
under loose ones Flutter's box is only the fraction's size and its parent places it, so those
stay unsupported.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.registry import bad, build_optional, is_tight, tight_child, unsupported, widget
from flutter_renderer.ir import DartObject

FLEX = 10_000


def split(content: ft.Control | None, factor: float, position: float, vertical: bool) -> ft.Control:
    """`content` taking `factor` of its parent's width (height when `vertical`), placed at
    `position` (-1 start .. 1 end) of the space left, and the parent's full other axis."""
    before = round((1 - factor) * (position + 1) / 2 * FLEX)
    size = round(factor * FLEX)
    parts = [ft.Container(expand=before)] if before else []
    parts.append(ft.Container(content=content, expand=size))
    if FLEX - before - size > 0:
        parts.append(ft.Container(expand=FLEX - before - size))
    stretch = ft.CrossAxisAlignment.STRETCH
    if vertical:
        return ft.Column(parts, spacing=0, horizontal_alignment=stretch)
    return ft.Row(parts, spacing=0, vertical_alignment=stretch)


def _factor(value: Any, node: DartObject, name: str) -> float | None:
    factor = v.finite(value)
    if factor is not None and not 0 < factor <= 1:
        if factor < 0:
            raise bad(value, f"a non-negative {node.type}.{name} (Flutter asserts it)")
        raise unsupported(f"{node.type}.{name} {factor:g} (a child larger than its parent, or empty)", node)
    return factor


@widget(
    "FractionallySizedBox",
    "AnimatedFractionallySizedBox",
    honours="widthFactor heightFactor alignment child duration curve onEnd",
)
def fractionally_sized_box(node: DartObject) -> ft.Control:
    """The child at `widthFactor` x `heightFactor` of the parent (a missing factor: all of that
    axis), at `alignment` (center by default)."""
    k = node.kwargs
    if not is_tight():
        raise unsupported(
            f"{node.type} whose parent's constraints are not tight (its box would be only the "
            "fraction's size, placed by the parent)",
            node,
        )
    width, height = (
        _factor(k.get("widthFactor"), node, "widthFactor"),
        _factor(k.get("heightFactor"), node, "heightFactor"),
    )
    where = v.alignment(k.get("alignment")) or ft.Alignment(0, 0)
    with tight_child(True):
        content = build_optional(k.get("child"))
    if width is not None:
        content = split(content, width, where.x, vertical=False)
    if height is not None:
        content = split(content, height, where.y, vertical=True)
    return content if content is not None else ft.Container()
