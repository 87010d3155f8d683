"""Widgets drawn as they are before the user acts, as the first frame shows them: Dismissible and
Draggable (not dragged), DragTarget (nothing over it), InteractiveViewer (not panned or zoomed),
DraggableScrollableSheet (at its initial size) and Navigator (its initial route, nothing pushed)."""

from __future__ import annotations

import math
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.fractions import split
from flutter_renderer.embedded.registry import (
    bad,
    build,
    build_optional,
    evaluated,
    tight_child,
    unbounded,
    unsupported,
    widget,
)
from flutter_renderer.ir import DartObject


@widget(
    "Dismissible",
    honours="child background secondaryBackground direction resizeDuration dismissThresholds "
    "movementDuration crossAxisEndOffset behavior",
)
def dismissible(node: DartObject) -> ft.Control:
    """Flet's Dismissible is Flutter's: at rest it paints the child only (the backgrounds show while dragged)."""
    k = node.kwargs
    return ft.Dismissible(
        content=build(k.get("child")),
        background=build_optional(k.get("background")),
        secondary_background=build_optional(k.get("secondaryBackground")),
    )


@widget(
    "Draggable",
    "LongPressDraggable",
    honours="child feedback childWhenDragging axis affinity feedbackOffset "
    "maxSimultaneousDrags delay hapticFeedbackOnStart rootOverlay "
    "ignoringFeedbackSemantics ignoringFeedbackPointer allowedButtonsFilter",
)
def draggable(node: DartObject) -> ft.Control:
    """Flet's Draggable is Flutter's; not dragged, it shows its child (feedback and childWhenDragging
    appear only during a drag)."""
    return ft.Draggable(content=build(node.kwargs.get("child")))


@widget("DragTarget", honours="builder")
def drag_target(node: DartObject) -> ft.Control:
    """Flet's DragTarget is Flutter's: what its builder built with no candidate or rejected data."""
    return ft.DragTarget(content=build(evaluated(node, "builder")))


def _untransformed(controller: Any, node: DartObject) -> None:
    if controller is None:
        return
    value = controller.args[0] if isinstance(controller, DartObject) and controller.args else None
    identity = (
        isinstance(value, DartObject) and value.type == "Matrix4" and value.ctor == "identity" and not value.kwargs
    )
    if not isinstance(controller, DartObject) or not (value is None or identity):
        raise unsupported("InteractiveViewer.transformationController with a transform at the first frame", node)


@widget(
    "InteractiveViewer",
    honours="child clipBehavior constrained transformationController boundaryMargin minScale "
    "maxScale panEnabled scaleEnabled scaleFactor alignment panAxis "
    "interactionEndFrictionCoefficient trackpadScrollCausesScale alignPanAxis",
)
def interactive_viewer(node: DartObject) -> ft.Control:
    """Flet's InteractiveViewer is Flutter's; before any gesture its transform is the identity, so
    limits and margins change nothing yet."""
    k = node.kwargs
    _untransformed(k.get("transformationController"), node)
    return ft.InteractiveViewer(
        content=build(k.get("child")),
        constrained=k.get("constrained", True) is not False,
        clip_behavior=v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior) or ft.ClipBehavior.HARD_EDGE,
    )


def _fraction(value: Any, default: float, node: DartObject, what: str) -> float:
    fraction = default if value is None else v.finite(value)
    if fraction is None or not 0 <= fraction <= 1:
        raise bad(value, f"a fraction between 0.0 and 1.0 for {node.type}.{what}")
    return fraction


@widget(
    "DraggableScrollableSheet",
    honours="builder initialChildSize minChildSize maxChildSize expand snap snapSizes "
    "snapAnimationDuration shouldCloseOnMinExtent",
)
def draggable_scrollable_sheet(node: DartObject) -> ft.Control:
    """(Composed) The sheet fills its parent (`expand`) and shows what `builder` built at the bottom
    `initialChildSize` of it, full width: Flutter's FractionallySizedBox aligned bottomCenter."""
    k = node.kwargs
    if k.get("expand") is False:
        raise unsupported("DraggableScrollableSheet(expand: false)", node)
    if unbounded("v") or unbounded("h"):
        raise unsupported("DraggableScrollableSheet in an unbounded parent", node)
    size = _fraction(k.get("initialChildSize"), 0.5, node, "initialChildSize")
    with tight_child(True):
        sheet = build(evaluated(node, "builder"))
    if size == 0:
        return ft.Container()
    column = split(sheet, size, 1, vertical=True)
    column.expand = True
    return column


def _top_page(node: DartObject) -> Any:
    """The widget of a Navigator's top route: the last of `pages`' child, else what `onGenerateRoute`
    built for the initial route (a MaterialPageRoute whose builder the front end ran)."""
    k = node.kwargs
    pages = k.get("pages")
    if isinstance(pages, list) and pages:
        page = pages[-1]
        if isinstance(page, DartObject) and page.type == "MaterialPage":
            return page.kwargs.get("child")
        raise unsupported(f"{v.describe(page)} as a Navigator page (only MaterialPage)", node)
    if k.get("onGenerateInitialRoutes") is not None:
        raise unsupported("Navigator.onGenerateInitialRoutes", node)
    route = k.get("onGenerateRoute")
    if isinstance(route, DartObject) and route.type == "MaterialPageRoute":
        return evaluated(route, "builder")
    if route is None:
        raise bad(None, "pages or an onGenerateRoute for the Navigator (it has no route to show)")
    raise unsupported(f"{v.describe(route)} as the Navigator's initial route (only MaterialPageRoute)", node)


@widget(
    "Navigator",
    honours="pages onPopPage initialRoute onGenerateInitialRoutes onGenerateRoute onUnknownRoute "
    "reportsRouteUpdateToEngine clipBehavior requestFocus restorationScopeId "
    "routeTraversalEdgeBehavior",
)
def navigator(node: DartObject) -> ft.Control:
    """The top route's page, filling the navigator (its Overlay gives each route all of its size)."""
    if unbounded("v") or unbounded("h"):
        raise unsupported("Navigator in an unbounded parent", node)
    with tight_child(True):
        page = build(_top_page(node))
    return ft.Container(content=page, width=math.inf, height=math.inf)
