"""What Flutter's services hold while the first frame is built, for the code that asks them.

A screen reads them in `initState` and `build`; at the first frame they are all at rest:
- nobody has focus: `requestFocus()` and `autofocus` take effect in a microtask after the frame
  (widgets/focus_manager.dart, `_markNeedsUpdate`), so `FocusNode.hasFocus` is false;
- there is no restoration data on a first launch, so a `RestorableInt(42)` holds its default 42;
- the binding has reported no lifecycle state yet (`lifecycleState` is null, as in Flutter's own
  test of widgets/binding/widget_binding_observer.0.dart), and what it is asked to do
  (`addObserver`, `addPostFrameCallback`) happens after the frame;
- `SharedAppData.getValue` returns the value its `init` callback makes (nothing was set yet);
- a `TextEditingController()` holds the empty text.

Objects that only listen or act later (gesture recognizers, intents, restorable properties,
AppLifecycleListener) are built as they are given (`handle_signature`): their arguments are checked
against Flutter's own constructor in the index. `get_property` / `call_method` / `static_get` /
`static_call` return MISSING for what they don't know.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

from flutter_renderer.api import ErrorKind
from flutter_renderer.catalog import Signature
from flutter_renderer.dart.dart_core import CoreError
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.values import Props
from flutter_renderer.flutter_names import flutter_names
from flutter_renderer.ir import DartObject, EnumValue, controller_text

Call = Callable[[Any, list[Any]], Any]

# The bindings' singletons (`WidgetsBinding.instance`): one object whatever binding is asked.
BINDINGS = frozenset(
    "WidgetsBinding SchedulerBinding ServicesBinding RendererBinding GestureBinding "
    "PaintingBinding SemanticsBinding".split()
)
# Binding methods that register or schedule work for later frames and events.
_BINDING_QUIET = frozenset(
    "addObserver removeObserver addPostFrameCallback addPersistentFrameCallback "
    "scheduleFrameCallback cancelFrameCallbackWithId scheduleFrame ensureVisualUpdate "
    "scheduleWarmUpFrame addTimingsCallback removeTimingsCallback".split()
)
# Flutter base classes whose subclasses a still frame never sees act: their objects are handles.
_HANDLE_BASES = frozenset({"GestureRecognizer", "Intent", "RestorableProperty"})
_HANDLE_TYPES = frozenset(
    {
        "AppLifecycleListener",
        "FocusScopeNode",
        "TransformationController",
        "GestureRecognizerFactoryWithHandlers",
        "UndoHistoryController",
        "TextMagnifierConfiguration",
    }
)
# Singletons and ancestors' states the code asks for that only call back later.
_LATER = {
    "Navigator.of": "NavigatorState",
    "Navigator.maybeOf": "NavigatorState",
    "ScrollNotificationObserver.of": "ScrollNotificationObserverState",
    "ScrollNotificationObserver.maybeOf": "ScrollNotificationObserverState",
}
_FOCUS_NODES = frozenset({"FocusNode", "FocusScopeNode"})


@cache
def is_handle(type_name: str) -> bool:
    """Whether `type_name` is a Flutter class whose objects draw nothing and act only after the first frame."""
    names = flutter_names()
    decl = names.get(type_name)
    if decl is None or decl.kind != "class":
        return False
    # the primitive restorables extend private classes the index doesn't list: known by their name
    return (
        type_name in _HANDLE_TYPES
        or type_name.startswith("Restorable")
        or any(d.name in _HANDLE_BASES for d in names.lineage(type_name))
    )


def handle_signature(type_name: str, ctor: str) -> Signature | None:
    """The signature of a handle's constructor, from Flutter's own in the index; None for other types."""
    if not is_handle(type_name):
        return None
    flutter = flutter_names().constructor(type_name, ctor)
    if flutter is None:
        return None
    optional = sum(p.endswith("?") for p in flutter.positional)
    return Signature(
        tuple(p.rstrip("?") for p in flutter.positional), flutter.named | {"key"}, flutter.required, optional
    )


def _is_restorable(receiver: DartObject) -> bool:
    return receiver.type.startswith("Restorable") and is_handle(receiver.type)


def _restorable_value(receiver: DartObject) -> Any:
    """A restorable property's value: what was assigned, else its default (no restoration data)."""
    if "value" in receiver.kwargs:
        return receiver.kwargs["value"]
    if receiver.type == "RestorableTextEditingController":
        if receiver.ctor == "fromValue":
            text = receiver.args[0].kwargs.get("text", "") if isinstance(receiver.args[0], DartObject) else ""
        else:
            text = receiver.kwargs.get("text") or ""
        return DartObject("TextEditingController", kwargs={"text": text})
    return receiver.args[0] if receiver.args else None


def get_property(receiver: DartObject, name: str) -> Any:
    """Getters of bindings, focus nodes, text controllers and restorable properties at the first frame."""
    if receiver.type in BINDINGS and name == "lifecycleState":
        return None
    if receiver.type in _FOCUS_NODES and name in ("hasFocus", "hasPrimaryFocus"):
        return False
    if receiver.type == "TextEditingController" and name in ("text", "value"):
        text = controller_text(receiver)
        return (
            text
            if name == "text"
            else receiver.kwargs.get("value") or DartObject("TextEditingValue", kwargs={"text": text})
        )
    if receiver.type == "UndoHistoryController" and name == "value":  # nothing was typed yet
        return Props("UndoHistoryValue", {"canUndo": False, "canRedo": False})
    if receiver.type == "TransformationController" and name == "value":  # no gesture moved it yet
        return receiver.args[0] if receiver.args else DartObject("Matrix4", "identity")
    if _is_restorable(receiver):
        if name == "value":
            return _restorable_value(receiver)
        if name in ("isRegistered", "enabled"):
            return True
        if name == "isPresent":  # a RestorableRouteFuture: no route was pushed yet
            return False
    return MISSING


def call_method(receiver: DartObject, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Methods of bindings and handles that only register or act later: they return nothing."""
    if receiver.type in BINDINGS and name in _BINDING_QUIET:
        return None
    if name in ("dispose", "addListener", "removeListener") and (
        is_handle(receiver.type) or receiver.type in _LATER.values()
    ):
        return None
    return MISSING


def static_get(type_name: str, member: str) -> Any:
    """`WidgetsBinding.instance` and the other bindings' singletons."""
    if type_name in BINDINGS and member == "instance":
        return DartObject(type_name)
    return MISSING


def static_call(type_name: str, name: str, args: list[Any], kwargs: dict[str, Any], call: Call) -> Any:
    """`Directionality.of` (ltr), `Focus.of(context)` (a node without focus), `SharedAppData.getValue`
    (its initial value), `Action.overridable` (its default action: an override acts only when
    invoked), ancestors' states that only call back later, and `TextInputFormatter.withFunction`
    (a handle: it formats what is typed)."""
    key = f"{type_name}.{name}"
    if key in ("Directionality.of", "Directionality.maybeOf"):  # every screen is laid out left to right
        return EnumValue("TextDirection", "ltr")
    if key in _LATER:  # routes are pushed and scroll notifications sent after the first frame
        return DartObject(_LATER[key])
    if key in ("TextInput.setInputControl", "TextInput.restorePlatformInputControl"):  # no keyboard is shown
        return None
    if key in ("Focus.of", "Focus.maybeOf", "FocusScope.of"):
        return DartObject("FocusScopeNode" if type_name == "FocusScope" else "FocusNode")
    if key == "SharedAppData.getValue" and len(args) == 3:
        return call(args[2], [])
    if key == "SharedAppData.setValue":
        raise CoreError(
            "'SharedAppData.setValue' while the first frame is built is not supported by the embedded renderer.",
            ErrorKind.UNSUPPORTED,
        )
    if key == "Action.overridable" and set(kwargs) == {"defaultAction", "context"} and not args:
        return kwargs["defaultAction"]
    if key == "TextInputFormatter.withFunction" and len(args) == 1 and not kwargs:  # formats typed text only
        return DartObject("TextInputFormatter", "withFunction")
    return MISSING
