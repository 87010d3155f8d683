"""The widget registry: Flutter class name -> the function that builds its Flet control.

Each builder declares the parameters it reproduces (`honours`). Parameters that never change pixels
(callbacks, keys, controllers, semantics) are ignored everywhere; any other parameter a builder
does not honour is an UNSUPPORTED error that names it, so a screen is never silently drawn wrong.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import flet as ft

from flutter_renderer.api import ErrorKind
from flutter_renderer.catalog import CLASSES, UNSUPPORTED
from flutter_renderer.embedded.text_defaults import scoped, text_defaults
from flutter_renderer.embedded.values import MappingError, bad, unsupported
from flutter_renderer.flutter_names import flutter_names
from flutter_renderer.ir import Closure, DartObject, EnumValue

Builder = Callable[[DartObject], ft.Control]

# Parameters that do not affect a still frame.
INVISIBLE = frozenset(
    (
        "key controller focusNode autofocus mouseCursor enableFeedback semanticLabel semanticsLabel semanticsValue "
        "semanticsIdentifier semanticChildCount semanticContainer excludeFromSemantics restorationId heroTag "
        "physics dragStartBehavior keyboardDismissBehavior statesController tooltip textInputAction "
        "inputFormatters autocorrect enableSuggestions keyboardAppearance autofillHints validator onSaved "
        "autovalidateMode splashColor highlightColor hoverColor focusColor overlayColor splashRadius splashFactory "
        "cacheExtent addAutomaticKeepAlives addRepaintBoundaries addSemanticIndexes findChildIndexCallback "
        "primary hitTestBehavior clipBehavior enableInteractiveSelection scrollController scrollPhysics "
        "textCapitalization keyboardType maxLengthEnforcement smartDashesType smartQuotesType selectionControls "
        "contextMenuBuilder canRequestFocus undoController enableIMEPersonalizedLearning stylusHandwritingEnabled "
        "ignorePointers onTapAlwaysCalled animationDuration hoverDuration waitDuration showDuration exitDuration "
        "triggerMode enableTapToDismiss ignorePointer canPop textScaler textWidthBasis textHeightBehavior locale "
        "strutStyle magnifierConfiguration showCursor cursorColor cursorWidth cursorHeight cursorRadius cursorErrorColor "
        "scrollPadding obscuringCharacter onClosing enableDrag isSemanticButton internalAddSemanticForOnTap"
    ).split()
)


def _is_callback(name: str, value: Any) -> bool:
    # Callbacks and builders that are closures: parsed, never executed, invisible in a still frame.
    return isinstance(value, Closure) or (name.startswith("on") and name[2:3].isupper())


@dataclass(frozen=True)
class WidgetSpec:
    build: Builder
    honours: frozenset[str]


WIDGETS: dict[str, WidgetSpec] = {}


def widget(*names: str, honours: str = "") -> Callable[[Builder], Builder]:
    """Register a builder for `Type` or `Type.ctor` names, reproducing the parameters in `honours`."""

    def register(build: Builder) -> Builder:
        for name in names:
            WIDGETS[name] = WidgetSpec(build, frozenset(honours.split()))
        return build

    return register


# Which axes give their subtree unbounded constraints ('v', 'h'): Flutter's layout errors for
# viewports and flex children in unbounded axes are reproduced statically from this.
_UNBOUNDED: ContextVar[frozenset[str]] = ContextVar("unbounded", default=frozenset())
# Parent-data widgets (Expanded, Positioned) are only valid as direct children of Flex / Stack.
PARENT_DATA = {
    "Expanded": "flex",
    "Flexible": "flex",
    "Spacer": "flex",
    "Positioned": "stack",
    "AnimatedPositioned": "stack",
    "AnimatedPositionedDirectional": "stack",
    "PositionedTransition": "stack",
    "RelativePositionedTransition": "stack",
}
# Slivers (registered by slivers.py) are only valid in a viewport's slivers.
PARENT_DATA.update(
    {
        name: "sliver"
        for name in (
            "SliverList SliverFixedExtentList SliverGrid SliverToBoxAdapter SliverPadding SliverFillRemaining SliverAppBar "
            "SliverOpacity SliverAnimatedOpacity SliverFadeTransition SliverIgnorePointer SliverVisibility SliverSafeArea "
            "SliverMainAxisGroup DecoratedSliver SliverOverlapAbsorber SliverOverlapInjector CupertinoSliverNavigationBar "
            "CupertinoSliverRefreshControl SliverConstrainedCrossAxis"
        ).split()
    }
)
# Flet serializes the control tree recursively; far deeper than any real screen, stop with a clear error.
MAX_WIDGET_DEPTH = 250
_DEPTH: ContextVar[int] = ContextVar("depth", default=0)


@contextmanager
def axes(*, vertical: bool | None = None, horizontal: bool | None = None) -> Iterator[None]:
    """Build a subtree with the vertical/horizontal axis unbounded (True), bounded (False) or unchanged."""
    current = set(_UNBOUNDED.get())
    for axis, unbounded in (("v", vertical), ("h", horizontal)):
        if unbounded is True:
            current.add(axis)
        elif unbounded is False:
            current.discard(axis)
    token = _UNBOUNDED.set(frozenset(current))
    try:
        yield
    finally:
        _UNBOUNDED.reset(token)


# The MediaQuery padding (top, bottom) the widget being built sees: zero on the page (no system UI);
# a translucent Cupertino navigation or tab bar gives the content behind it the bar's height.
_MEDIA_PADDING: ContextVar[tuple[float, float]] = ContextVar("media_padding", default=(0.0, 0.0))


@contextmanager
def media_padding(*, top: float | None = None, bottom: float | None = None) -> Iterator[None]:
    """Build a subtree with this MediaQuery top / bottom padding (None: unchanged)."""
    current = _MEDIA_PADDING.get()
    token = _MEDIA_PADDING.set((current[0] if top is None else top, current[1] if bottom is None else bottom))
    try:
        yield
    finally:
        _MEDIA_PADDING.reset(token)


# Whether the next widget built gets tight constraints (its parent forces its size: a SizedBox of
# both sizes and what passes that on), and whether the widget being built got them. Only the boxes
# that know it say so; every other parent gives its children "not known to be tight".
_TIGHT_NEXT: ContextVar[bool] = ContextVar("tight_next", default=False)
_TIGHT: ContextVar[bool] = ContextVar("tight", default=False)


@contextmanager
def tight_child(is_tight: bool) -> Iterator[None]:
    """Build the next widget with tight constraints (True) or not known to be tight (False)."""
    token = _TIGHT_NEXT.set(is_tight)
    try:
        yield
    finally:
        _TIGHT_NEXT.reset(token)


def is_tight() -> bool:
    """Whether the widget being built gets tight constraints from its parent."""
    return _TIGHT.get()


def current_media_padding() -> tuple[float, float]:
    """The MediaQuery (top, bottom) padding of the widget being built."""
    return _MEDIA_PADDING.get()


def unbounded(axis: str) -> bool:
    """Whether the widget being built gets an unbounded constraint on `axis` ('v' or 'h')."""
    return axis in _UNBOUNDED.get()


def layout_error(message: str, node: DartObject) -> MappingError:
    """A layout failure Flutter itself would report (unbounded viewport, flex in unbounded axis)."""
    return MappingError(ErrorKind.OVERFLOW, message, node.line, node.column)


def runtime_error(message: str, node: DartObject) -> MappingError:
    return MappingError(ErrorKind.RUNTIME, message, node.line, node.column)


def _is_default_direction(param: str, value: Any) -> bool:
    # Screens are laid out left to right; an explicit TextDirection.ltr changes nothing.
    return param == "textDirection" and isinstance(value, EnumValue) and value.name == "ltr"


def _check_params(node: DartObject, name: str, spec: WidgetSpec) -> None:
    states = node.kwargs.get("statesController")
    if isinstance(states, DartObject) and states.args and states.args[0]:
        # MaterialStatesController({selected, ...}): the button starts in those states, drawn otherwise
        raise unsupported(f"{name}.statesController with initial states", node)
    for param, value in node.kwargs.items():
        if (
            param in spec.honours
            or param in INVISIBLE
            or value is None
            or _is_callback(param, value)
            or _is_default_direction(param, value)
        ):
            continue
        raise unsupported(f"{name}.{param}", node)


def build(node: Any, *, parent: str = "") -> ft.Control:
    """Build the Flet control of one widget node, with the node's position on any error.

    `parent` is "flex" for the direct children of Row/Column/Flex and "stack" for those of Stack.
    """
    if not isinstance(node, DartObject):
        raise bad(node, "a Widget")
    name = f"{node.type}.{node.ctor}" if node.ctor else node.type
    spec = WIDGETS.get(name)
    if spec is None:
        known = flutter_names().get(node.type)
        if node.type in UNSUPPORTED or flutter_names().is_widget(node.type) or (known is None and node.type in CLASSES):
            raise unsupported(name, node)
        raise MappingError(ErrorKind.ANALYSIS, f"{name} is not a widget", node.line, node.column)
    if PARENT_DATA.get(node.type, parent) != parent:
        if PARENT_DATA[node.type] == "sliver":
            raise runtime_error(
                f"A RenderViewport expected a child of type RenderSliver: {node.type} is a sliver and "
                "must be in a CustomScrollView's slivers (or another sliver)",
                node,
            )
        raise runtime_error(
            f"Incorrect use of ParentDataWidget: {node.type} must be a direct child of "
            f"{'a Row, Column or Flex' if PARENT_DATA[node.type] == 'flex' else 'a Stack'}",
            node,
        )
    _check_params(node, name, spec)
    depth = _DEPTH.get() + 1
    if depth > MAX_WIDGET_DEPTH:
        raise unsupported(f"a widget tree deeper than {MAX_WIDGET_DEPTH} levels", node)
    token = _DEPTH.set(depth)
    tight_token, next_token = _TIGHT.set(_TIGHT_NEXT.get()), _TIGHT_NEXT.set(False)
    text_scope = scoped(node.type)
    try:
        if text_scope is None:
            return spec.build(node)
        with text_defaults(text_scope):
            return spec.build(node)
    except MappingError as exc:
        if not exc.line:
            exc.line, exc.column = node.line, node.column
        raise
    finally:
        _DEPTH.reset(token)
        _TIGHT_NEXT.reset(next_token)
        _TIGHT.reset(tight_token)


def build_optional(node: Any) -> ft.Control | None:
    return None if node is None else build(node)


def widget_list(node: DartObject, param: str = "children") -> list[Any]:
    """The raw widget nodes of a list parameter (Flutter's default is an empty list)."""
    children = node.kwargs.get(param)
    if children is None:
        return []
    if not isinstance(children, list):
        raise bad(children, f"a List<Widget> for {node.type}.{param}")
    return children


def build_children(node: DartObject, param: str = "children", parent: str = "") -> list[ft.Control]:
    return [build(child, parent=parent) for child in widget_list(node, param)]


def evaluated(node: DartObject, param: str, *, optional: bool = False) -> Any:
    """What the front end built for a builder argument (`node.param`); a builder it could not run
    (a Closure), or a missing one unless `optional`, cannot be drawn."""
    value = node.kwargs.get(param)
    if isinstance(value, Closure) or (value is None and not optional):
        raise unsupported(f"{node.type}.{param} the front end could not evaluate", node)
    return value


def positional(node: DartObject, index: int, what: str) -> Any:
    """The `index`-th positional argument, or an ANALYSIS error naming it when it is missing."""
    if len(node.args) <= index:
        raise MappingError(
            ErrorKind.ANALYSIS, f"{node.type}: missing the positional argument {what}", node.line, node.column
        )
    return node.args[index]


def text_of(node: Any, what: str = "a String") -> str:
    if not isinstance(node, str):
        raise bad(node, what)
    return node
