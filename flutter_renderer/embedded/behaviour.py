"""Widgets that only add behaviour (focus, shortcuts, pointers, semantics, scroll configuration,
route pops, the system bars' style): a still frame shows their child, as it does for InkWell or GestureDetector."""

from __future__ import annotations

import flet as ft

from flutter_renderer.catalog import CLASSES
from flutter_renderer.embedded.layout import transparent
from flutter_renderer.embedded.registry import build, unsupported, widget
from flutter_renderer.ir import DartObject, EnumValue

_BEHAVIOUR = (
    "Shortcuts Shortcuts.manager Actions Focus FocusScope FocusTraversalGroup FocusTraversalOrder "
    "CallbackShortcuts MouseRegion Listener AbsorbPointer IgnorePointer ExcludeSemantics MergeSemantics "
    "Semantics RepaintBoundary KeyboardListener NotificationListener PopScope WillPopScope SelectionArea "
    "SelectionContainer SelectionContainer.disabled ScrollConfiguration PrimaryScrollController PrimaryScrollController.none "
    "TextFieldTapRegion TapRegion FocusableActionDetector RawGestureDetector NavigatorPopHandler "
    "ReorderableDragStartListener ReorderableDelayedDragStartListener AnnotatedRegion"
).split()


def _params(*names: str) -> str:
    return " ".join(
        sorted(
            {p for name in names for p in CLASSES[name.split(".")[0]][name.split(".")[1] if "." in name else ""].named}
        )
    )


widget(*_BEHAVIOUR, honours=_params(*_BEHAVIOUR))(transparent)


@widget("Scrollbar", "RawScrollbar", honours=_params("Scrollbar", "RawScrollbar"))
def scrollbar(node: DartObject) -> ft.Control:
    # On Android a scrollbar shows only while scrolling. One shown at rest (thumbVisibility) is the
    # Material scrollbar Flet draws for a scroll view whose scroll mode is ALWAYS.
    k = node.kwargs
    child = build(k.get("child"))
    if k.get("thumbVisibility") is not True and k.get("trackVisibility") is not True:
        return child
    custom = [
        name
        for name in (
            "trackVisibility",
            "thickness",
            "radius",
            "shape",
            "thumbColor",
            "trackColor",
            "mainAxisMargin",
            "crossAxisMargin",
            "padding",
            "minThumbLength",
        )
        if k.get(name) is not None
    ]
    view = _scroll_view(child)
    if node.type == "RawScrollbar" or custom or view is None:
        raise unsupported(f"{node.type} shown at rest ({', '.join(custom) or 'around this child'})", node)
    view.scroll = ft.ScrollMode.ALWAYS
    return child


def _scroll_view(control: ft.Control) -> ft.ScrollableControl | None:
    """The scroll view a Scrollbar listens to: its child's first scrollable below boxes that only size or
    pad it (Flutter's default predicate takes the first scroll notification, depth 0), or None."""
    while isinstance(control, ft.Container) and isinstance(control.content, ft.Control):
        control = control.content
    # ListView / GridView always scroll; a Column or Row scrolls only when made a scroll view.
    scrolls = isinstance(control, (ft.ListView, ft.GridView)) or getattr(control, "scroll", None) is not None
    return control if isinstance(control, ft.ScrollableControl) and scrolls else None


@widget("Directionality", honours="textDirection child")
def directionality(node: DartObject) -> ft.Control:
    direction = node.kwargs.get("textDirection")
    if not (isinstance(direction, EnumValue) and direction.name == "ltr"):
        raise unsupported("Directionality other than TextDirection.ltr", node)
    return build(node.kwargs.get("child"))


# refresh_indicator.dart: the indicator is built only while the user drags or a refresh runs, so
# at rest a RefreshIndicator is its child (its colours and offsets are those of the hidden spinner).
@widget(
    "RefreshIndicator",
    "RefreshIndicator.adaptive",
    honours="child onRefresh backgroundColor color displacement edgeOffset notificationPredicate strokeWidth "
    "triggerMode semanticsLabel semanticsValue",
)
def refresh_indicator(node: DartObject) -> ft.Control:
    return build(node.kwargs.get("child"))
