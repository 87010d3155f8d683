"""What Flutter computes for the first frame that the code only describes: the members of
animations, tweens and listenables (and the in-place methods of Matrix4, recorded), and the builder
closures Flutter runs while building.

Animations are read at their start (`flutter_renderer.animation`). Methods that start, stop or
listen (`forward()`, `repeat()`, `addListener(...)`, `dispose()`) change nothing a first frame
shows, except `forward(from: x)` / `reverse(from: x)` / `reset()`, which set the value at once.
`get_property` / `call_method` return MISSING for a member they do not know.
"""

from __future__ import annotations

from typing import Any

from flutter_renderer import animation
from flutter_renderer.dart import still_state
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.values import Props
from flutter_renderer.ir import MATRIX_OPS, STILL_STATES, DartObject, EnumValue

# Builders Flutter runs for the first frame, and what it passes them: `child` is the widget's own
# `child` argument, `home` the app's home route, `start` the tween's start value, `listened` the
# value of the `valueListenable`, `complete` an animation at its end (AnimatedSwitcher shows its
# first child without a transition), `dismissed` one at its start (a context menu still closed), `tab` the index of the tab a CupertinoTabScaffold shows,
# `snapshot` the AsyncSnapshot a FutureBuilder / StreamBuilder starts with, `animationValue` the
# value of the widget's `animation`, `scrollController` a sheet's (unattached) controller,
# `routeSettings` the settings of a Navigator's initial route, `nothing` an empty list (no drag
# is over a DragTarget).
BUILDERS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("AnimatedBuilder", ""): {"builder": ("context", "child")},
    ("ListenableBuilder", ""): {"builder": ("context", "child")},
    ("ValueListenableBuilder", ""): {"builder": ("context", "listened", "child")},
    ("TweenAnimationBuilder", ""): {"builder": ("context", "start", "child")},
    ("StatefulBuilder", ""): {"builder": ("context", "setState")},
    ("OrientationBuilder", ""): {"builder": ("context", "orientation")},
    ("WidgetsApp", ""): {"builder": ("context", "home")},
    ("MaterialApp", ""): {"builder": ("context", "home")},
    ("CupertinoApp", ""): {"builder": ("context", "home")},
    ("AnimatedSwitcher", ""): {"transitionBuilder": ("child", "complete")},
    ("CupertinoTabScaffold", ""): {"tabBuilder": ("context", "tab")},
    ("CupertinoTabView", ""): {"builder": ("context",)},
    ("CupertinoContextMenu", "builder"): {"builder": ("context", "dismissed")},
    ("NestedScrollView", ""): {"headerSliverBuilder": ("context", "false")},
    ("SearchAnchor", ""): {"builder": ("context", "searchController")},
    ("MenuAnchor", ""): {"builder": ("context", "menuController", "child")},
    ("Autocomplete", ""): {"fieldViewBuilder": ("context", "fieldController", "focusNode", "callback")},
    ("RawAutocomplete", ""): {"fieldViewBuilder": ("context", "fieldController", "focusNode", "callback")},
    ("FutureBuilder", ""): {"builder": ("context", "snapshot")},
    ("StreamBuilder", ""): {"builder": ("context", "snapshot")},
    ("MatrixTransition", ""): {"onTransform": ("animationValue",)},
    ("DraggableScrollableSheet", ""): {"builder": ("context", "scrollController")},
    ("Navigator", ""): {"onGenerateRoute": ("routeSettings",)},
    ("MaterialPageRoute", ""): {"builder": ("context",)},
    ("DragTarget", ""): {"builder": ("context", "nothing", "nothing")},
    ("ExpansionPanel", ""): {"headerBuilder": ("context", "isExpanded")},
    ("Stepper", ""): {"controlsBuilder": ("context", "controlsDetails")},
    ("ActionIconThemeData", ""): {
        name: ("context",)
        for name in (
            "backButtonIconBuilder",
            "closeButtonIconBuilder",
            "drawerButtonIconBuilder",
            "endDrawerButtonIconBuilder",
        )
    },
}
# PaginatedDataTable.defaultRowsPerPage.
DEFAULT_ROWS_PER_PAGE = 10
# Builders told whether the list above opened their panel (`ExpansionPanelList.radio`'s
# initialOpenPanelValue), which the panel itself does not know: run for closed and open, in that order.
OPEN_STATE_BUILDERS: dict[tuple[str, str], str] = {("ExpansionPanelRadio", ""): "headerBuilder"}
# Arguments that configure only behaviour after the first frame and may hold values that are no
# widgets (the file's Intent and Action objects, a TickerProvider): left out of the output tree.
BEHAVIOUR_ARGUMENTS: dict[str, frozenset[str]] = {
    name: frozenset(params.split())
    for name, params in {
        "Shortcuts": "shortcuts manager",
        "Actions": "actions dispatcher",
        "CallbackShortcuts": "bindings",
        "FocusableActionDetector": "shortcuts actions",
        "MaterialApp": "shortcuts actions",
        "WidgetsApp": "shortcuts actions",
        "CupertinoApp": "shortcuts actions",
        "FocusTraversalGroup": "policy",
        "FocusTraversalOrder": "order",
        "ScrollConfiguration": "behavior",
        "NotificationListener": "onNotification",
        "Semantics": "sortKey customSemanticsActions attributedLabel attributedValue attributedHint",
        "FutureBuilder": "future",
        "StreamBuilder": "stream",
        "ListenableBuilder": "listenable",
        "RawGestureDetector": "gestures semantics",
        "Navigator": "observers transitionDelegate",
        "Draggable": "data dragAnchorStrategy",
        "LongPressDraggable": "data dragAnchorStrategy",
    }.items()
}


# Arguments of every widget that no screenshot shows: a ticker, and the mouse pointer's shape (the
# file's own MaterialStateMouseCursor too).
EVERYONES_BEHAVIOUR = frozenset({"vsync", "mouseCursor"})


def behaviour_arguments(type_name: str) -> frozenset[str]:
    """The arguments of `type_name` that stay out of the IR: BEHAVIOUR_ARGUMENTS and EVERYONES_BEHAVIOUR."""
    return BEHAVIOUR_ARGUMENTS.get(type_name, frozenset()) | EVERYONES_BEHAVIOUR


# Lists that animate items in and out: their initial items are built at the end of the animation
# (SliverAnimatedMultiBoxAdaptor gives them kAlwaysCompleteAnimation), `initialItemCount` of them.
ANIMATED_ITEM_BUILDERS = frozenset({("AnimatedList", ""), ("AnimatedGrid", "")})
# Item builders passed positionally, run once per index up to the count argument, as ITEM_BUILDERS
# (flutter_api) are for named ones: (position of the builder, name of the count).
POSITIONAL_ITEM_BUILDERS: dict[tuple[str, str], tuple[int, str]] = {
    ("SliverChildBuilderDelegate", ""): (0, "childCount"),
}
# `X.resolveWith((states) => ...)`: run for every set of the states a still frame can show (no
# hover, focus, press or drag), so the mapping picks the value of the state its widget is in.
STATE_KINDS = frozenset(
    f"{prefix}{kind}"
    for prefix in ("Material", "Widget")
    for kind in ("StateProperty", "StateColor", "StateTextStyle", "StateBorderSide", "StateOutlinedBorder")
)
STATE_RESOLVERS = frozenset((kind, "resolveWith") for kind in STATE_KINDS)


def state_sets(state_type: str) -> list[list[EnumValue]]:
    """Every combination of STILL_STATES, as the Set<WidgetState> a resolver gets, by bit mask."""
    return [
        [EnumValue(state_type, name) for bit, name in enumerate(STILL_STATES) if mask & (1 << bit)]
        for mask in range(1 << len(STILL_STATES))
    ]


# A SearchController (it takes no arguments) before anyone types or opens its view.
_SEARCH_AT_REST = {"text": "", "isOpen": False}
# Methods that change a Matrix4 in place (recorded; the mapping replays them).
_MATRIX_METHODS = frozenset("translate scale rotateX rotateY rotateZ setEntry".split())
# ChangeNotifier's methods that only register or signal listeners (also on the file's own notifiers).
NOTIFIER_QUIET = frozenset("addListener removeListener notifyListeners dispose".split())
# Methods of controllers and notifiers that only schedule or listen.
_QUIET = NOTIFIER_QUIET | frozenset(
    (
        "addStatusListener removeStatusListener repeat stop animateTo animateBack fling "
        "jumpTo jumpToPage nextPage previousPage animateToPage clear requestFocus "
        "unfocus open close"
    ).split()
)


def builder_arguments(
    spec: tuple[str, ...], kwargs: dict[str, Any], context: Any, width: float, height: float
) -> list[Any]:
    """The arguments of one first-frame builder call, from its `BUILDERS` spec."""
    values = {
        "context": lambda: context,
        "child": lambda: kwargs.get("child"),
        "home": lambda: kwargs.get("home"),
        "setState": lambda: None,  # only called from callbacks, which never run
        "orientation": lambda: EnumValue("Orientation", "portrait" if height >= width else "landscape"),
        "start": lambda: tween_start(kwargs.get("tween")),
        "listened": lambda: listened_value(kwargs.get("valueListenable")),
        "complete": lambda: DartObject("AlwaysStoppedAnimation", "", (1.0,)),
        "dismissed": lambda: DartObject("AlwaysStoppedAnimation", "", (0.0,)),
        "false": lambda: False,  # NestedScrollView's innerBoxIsScrolled at rest
        "searchController": lambda: kwargs.get("searchController") or DartObject("SearchController"),
        "menuController": lambda: kwargs.get("controller") or DartObject("MenuController"),
        "fieldController": lambda: (
            kwargs.get("textEditingController")
            or DartObject("TextEditingController", kwargs={"text": _initial_text(kwargs.get("initialValue"))})
        ),
        "focusNode": lambda: kwargs.get("focusNode") or DartObject("FocusNode"),
        "callback": lambda: None,  # onFieldSubmitted: only called from callbacks
        "tab": lambda: current_tab(kwargs),
        "snapshot": lambda: initial_snapshot(kwargs),
        "animationValue": lambda: animation.value_of(kwargs.get("animation")),
        "scrollController": lambda: DartObject("ScrollController"),
        "routeSettings": lambda: initial_route_settings(kwargs),
        "nothing": lambda: [],
        "isExpanded": lambda: kwargs.get("isExpanded") is True,
        "controlsDetails": lambda: controls_details(kwargs),
    }
    return [values[name]() for name in spec]


def controls_details(kwargs: dict[str, Any]) -> DartObject:
    """The ControlsDetails a vertical Stepper passes its controlsBuilder: it builds controls only under
    the current step, so stepIndex is currentStep and the step is active."""
    current = kwargs.get("currentStep", 0)
    return DartObject(
        "ControlsDetails",
        kwargs={
            "currentStep": current,
            "stepIndex": current,
            "isActive": True,
            "onStepContinue": kwargs.get("onStepContinue"),
            "onStepCancel": kwargs.get("onStepCancel"),
        },
    )


def _initial_text(value: Any) -> str:
    """Autocomplete.initialValue (a TextEditingValue) -> the text its field starts with."""
    return value.kwargs.get("text", "") if isinstance(value, DartObject) else ""


def initial_route_settings(kwargs: dict[str, Any]) -> Props:
    """The RouteSettings a Navigator generates its first route with: `initialRoute`, else '/'
    (Navigator.defaultRouteName). A deeper initial route ('/a/b') also pushes the routes under it,
    which the first frame doesn't show."""
    name = kwargs.get("initialRoute") or "/"
    return Props(
        "RouteSettings", {"name": name, "arguments": None}, ir=DartObject("RouteSettings", kwargs={"name": name})
    )


def initial_snapshot(kwargs: dict[str, Any]) -> Props:
    """The snapshot a FutureBuilder / StreamBuilder builds its first frame with (widgets/async.dart):
    `initialData` (or none) and, with a future or stream to wait for, ConnectionState.waiting. Even a
    completed Future delivers its value in a microtask, after the first frame."""
    data = kwargs.get("initialData")
    source = kwargs.get("future", kwargs.get("stream"))
    attrs = {
        "connectionState": EnumValue("ConnectionState", "none" if source is None else "waiting"),
        "data": data,
        "hasData": data is not None,
        "error": None,
        "hasError": False,
        "stackTrace": None,
    }
    if data is not None:
        attrs["requireData"] = data
    return Props("AsyncSnapshot", attrs)


def initial_route(type_name: str, ctor: str, kwargs: dict[str, Any]) -> Any:
    """An app without `home`: the builder of `routes[initialRoute ?? '/']`, which its first frame shows."""
    if type_name not in ("MaterialApp", "WidgetsApp", "CupertinoApp") or ctor or kwargs.get("home") is not None:
        return None
    routes = kwargs.get("routes")
    name = kwargs.get("initialRoute") or "/"
    return routes.get(name) if isinstance(routes, dict) else None


def current_tab(kwargs: dict[str, Any]) -> int:
    """The tab a CupertinoTabScaffold shows first: its controller's initialIndex, else the tab bar's currentIndex."""
    for holder, name in ((kwargs.get("controller"), "initialIndex"), (kwargs.get("tabBar"), "currentIndex")):
        if isinstance(holder, DartObject) and isinstance(holder.kwargs.get(name), int):
            return holder.kwargs[name]
    return 0


def tween_start(tween: Any) -> Any:
    """TweenAnimationBuilder's first value: it animates from `begin` (or `end` when begin is null)."""
    if not animation.is_tween(tween):
        raise TypeError("TweenAnimationBuilder.tween must be a Tween")
    start = animation.tween_at(tween, 0.0)
    return tween.kwargs.get("end") if start is None else start


def listened_value(listenable: Any) -> Any:
    """`ValueNotifier(x).value` (and an animation's value, which is a ValueListenable too)."""
    if animation.is_animation(listenable):
        return animation.value_of(listenable)
    if isinstance(listenable, DartObject) and listenable.type == "ValueNotifier":
        return listenable.kwargs.get("_value", listenable.args[0] if listenable.args else None)
    held = still_state.get_property(listenable, "value") if isinstance(listenable, DartObject) else MISSING
    if held is not MISSING:  # a controller at rest (TextEditingController, UndoHistoryController, ...)
        return held
    raise TypeError("valueListenable must be a ValueNotifier or an Animation")


def _status(controller: DartObject) -> EnumValue:
    stored = controller.kwargs.get("_status")
    if stored is not None:
        return stored
    low, high = animation.controller_bounds(controller)
    value = animation.value_of(controller)
    name = "dismissed" if value == low else "completed" if value == high else "forward"
    return EnumValue("AnimationStatus", name)


def get_property(receiver: DartObject, name: str) -> Any:
    """Getters of animations (`value`, `status`, ...) and notifiers; MISSING for others."""
    if animation.is_animation(receiver):
        if name == "value":
            return animation.value_of(receiver)
        if name == "status" and receiver.type == "AnimationController":
            return _status(receiver)
        if name in ("isCompleted", "isDismissed", "isAnimating") and receiver.type == "AnimationController":
            status = _status(receiver).name
            return {
                "isCompleted": status == "completed",
                "isDismissed": status == "dismissed",
                "isAnimating": status in ("forward", "reverse"),
            }[name]
        if name in ("lowerBound", "upperBound") and receiver.type == "AnimationController":
            return animation.controller_bounds(receiver)[name == "upperBound"]
    if receiver.type == "ValueNotifier" and name == "value":
        return listened_value(receiver)
    if receiver.type == "SearchController" and name in _SEARCH_AT_REST:
        return _SEARCH_AT_REST[name]
    if receiver.type == "MenuController" and name == "isOpen":  # no menu is open in a first frame
        return False
    return MISSING


def call_method(receiver: DartObject, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Methods of animations, tweens, curves and controllers; MISSING for others."""
    if animation.is_animation(receiver) and name == "drive" and len(args) == 1:
        return animation.driven(receiver, args[0])
    if animation.is_tween(receiver):
        if name == "animate" and len(args) == 1:
            return animation.driven(args[0], receiver)
        if name == "evaluate" and len(args) == 1:
            return animation.tween_at(receiver, animation.value_of(args[0]))
        if name in ("transform", "lerp") and len(args) == 1:
            return animation.tween_at(receiver, float(args[0]))
        if name == "chain" and len(args) == 1:
            return DartObject(
                receiver.type, receiver.ctor, receiver.args, {**receiver.kwargs, animation.CHAIN: args[0]}
            )
    if name == "transform" and len(args) == 1 and receiver.type in ("Interval", "Threshold", "Cubic"):
        return animation.curve_at(receiver, float(args[0]))
    if receiver.type == "Matrix4" and name in _MATRIX_METHODS:
        receiver.kwargs.setdefault(MATRIX_OPS, []).append((name, tuple(args)))
        return None
    if receiver.type == "AnimationController" and name in ("forward", "reverse", "reset", "repeat"):
        return _start(receiver, name, kwargs)
    if name in _QUIET and (
        receiver.type.endswith(("Controller", "Notifier"))
        or receiver.type == "FocusNode"
        or animation.is_animation(receiver)
    ):
        return None
    return MISSING


def _start(controller: DartObject, name: str, kwargs: dict[str, Any]) -> None:
    """forward/reverse/reset/repeat: the value jumps to `from` (or the lower bound for reset) at
    once, and the status changes; the motion itself starts after the first frame."""
    low, high = animation.controller_bounds(controller)
    if name == "reset":
        controller.kwargs["value"] = low
    elif kwargs.get("from") is not None:
        controller.kwargs["value"] = float(kwargs["from"])
    value = animation.value_of(controller)
    if name == "reverse":
        status = "dismissed" if value == low else "reverse"
    elif name == "reset":
        status = "dismissed"
    else:
        status = "completed" if value == high and name == "forward" else "forward"
    controller.kwargs["_status"] = EnumValue("AnimationStatus", status)
