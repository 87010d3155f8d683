"""Values that exist only while evaluating (types, functions, instances of the file's own classes)
and their conversion to the IR of `flutter_renderer.ir`."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from flutter_renderer.dart.program import ClassDecl, Params
from flutter_renderer.dart.syntax import Node
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue, IconValue, ThemeTextStyle

IR_LEAVES = (ColorValue, IconValue, EnumValue, ThemeTextStyle, Closure, DartObject)


@dataclass(frozen=True)
class TypeRef:
    """A type name used as a value: the receiver of `Colors.red`, `EdgeInsets.all(8)`, `MyWidget()`."""

    name: str


@dataclass
class Lambda:
    """A function literal or local function with the scope it closes over."""

    params: Params
    body: Node  # function_expression_body or function_body
    scope: "Scope"
    line: int
    name: str = ""


@dataclass
class Instance:
    """An object of one of the file's own classes (a data class, a widget, a State)."""

    cls: ClassDecl
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SuperRef:
    """`super` in a method of class `owner`: `this`, with members looked up past `owner`."""

    instance: Instance
    owner: str


@dataclass
class BoundMethod:
    """`_submit` used as a value (a tear-off): becomes a Closure in the output. The receiver is the
    object of a method, the TypeRef of a static method's class, or None for a top-level function."""

    receiver: Any
    name: str
    line: int


@dataclass(frozen=True)
class UserEnum:
    """A constant of an enum declared in the file; `state` holds the fields of an enhanced enum's."""

    type: str
    name: str
    index: int
    state: "Instance | None" = field(default=None, compare=False, hash=False, repr=False)


@dataclass
class Props:
    """A read-only Flutter object known by its properties (ThemeData, Size, MediaQueryData, ...)."""

    type: str
    attrs: dict[str, Any]
    ir: Any = None  # what it becomes in the output, if it may appear there


@dataclass(frozen=True)
class MapEntry:
    key: Any
    value: Any


@dataclass(frozen=True)
class Record:
    """A record `(1, 'a', y: 2)`: equal to another with the same shape and equal fields."""

    positional: tuple[Any, ...] = ()
    named: tuple[tuple[str, Any], ...] = ()  # sorted by name, so field order doesn't matter

    def field(self, name: str) -> Any:
        """`.$1` (1-based) or `.name`; raises KeyError when the record has no such field."""
        if name.startswith("$") and name[1:].isdigit() and 1 <= int(name[1:]) <= len(self.positional):
            return self.positional[int(name[1:]) - 1]
        return dict(self.named)[name]


class CoreValue:
    """A dart:core object the front end models itself (dart_core.py): `type` is its Dart type and
    `str()` its `toString()`."""

    type: str


@dataclass(frozen=True)
class FutureValue(CoreValue):
    """What calling an `async` function (or `Future.value`, `Future.delayed`) gives while building: an
    opaque Future. Its body never runs for the first frame, where nothing is awaited yet."""

    type: str = "Future"  # "Future" | "Stream" (an `async*` function)

    def __str__(self) -> str:
        return f"Instance of '{self.type}<dynamic>'"


# dart:core's exception and error classes, by the text their toString() starts with
EXCEPTION_PREFIXES = {
    "Exception": "Exception",
    "FormatException": "FormatException",
    "StateError": "Bad state",
    "ArgumentError": "Invalid argument(s)",
    "RangeError": "RangeError",
    "UnimplementedError": "UnimplementedError",
    "UnsupportedError": "Unsupported operation",
    "Error": "Error",
    "TimeoutException": "TimeoutException",
}
EXCEPTION_SUPERTYPES = {
    "Exception": "Exception",
    "FormatException": "Exception",
    "TimeoutException": "Exception",
    "StateError": "Error",
    "ArgumentError": "Error",
    "RangeError": "ArgumentError",
    "UnimplementedError": "Error",
    "UnsupportedError": "Error",
    "Error": "Error",
}


@dataclass(frozen=True)
class DartException(CoreValue):
    """An instance of one of dart:core's exceptions or errors (`Exception('x')`, `StateError('x')`)."""

    type: str
    message: Any = None

    def is_a(self, wanted: str) -> bool:
        """Whether this is a `wanted` (its own type or a supertype)."""
        current: str | None = self.type
        while current is not None:
            if current == wanted:
                return True
            parent = EXCEPTION_SUPERTYPES.get(current)
            current = parent if parent != current else None
        return False

    def __str__(self) -> str:
        prefix = EXCEPTION_PREFIXES.get(self.type, self.type)
        return prefix if self.message is None else f"{prefix}: {dart_str(self.message, 10_000)}"


class Scope:
    """Local variables, chained to the enclosing scope; `this` is the object methods run on (an
    extension's receiver may be any value) and `owner` the class whose code runs (its statics are
    visible unqualified, in static code too)."""

    __slots__ = ("vars", "parent", "this", "owner", "doubles")

    def __init__(self, parent: "Scope | None" = None, this: Any = None, owner: str | None = None) -> None:
        self.vars: dict[str, Any] = {}
        self.doubles: frozenset[str] | set[str] = frozenset()  # locals declared `double`
        self.parent = parent
        self.this = this if this is not None or parent is None else parent.this
        self.owner = owner if owner is not None or parent is None else parent.owner

    def find(self, name: str) -> "Scope | None":
        scope: Scope | None = self
        while scope is not None:
            if name in scope.vars:
                return scope
            scope = scope.parent
        return None


def as_declared(value: Any, double: bool) -> Any:
    """Dart makes an int literal a double where a `double` is declared (`double w = 8` is 8.0)."""
    return float(value) if double and type(value) is int else value


def type_name(value: Any) -> str:
    """The Dart type of a value, for error messages."""
    simple = {type(None): "Null", bool: "bool", int: "int", float: "double", str: "String", list: "List", dict: "Map"}
    if type(value) in simple:
        return simple[type(value)]
    if isinstance(value, DartObject):
        return value.type
    if isinstance(value, Instance):
        return value.cls.name
    if isinstance(value, (Props, UserEnum, CoreValue)):
        return value.type
    if isinstance(value, TypeRef):
        return "Type"
    if isinstance(value, (Lambda, BoundMethod, Closure)):
        return "Function"
    names = {
        ColorValue: "Color",
        IconValue: "IconData",
        ThemeTextStyle: "TextStyle",
        MapEntry: "MapEntry",
        Record: "Record",
    }
    if type(value) in names:
        return names[type(value)]
    if isinstance(value, EnumValue):
        return value.type
    return type(value).__name__


def dart_str(value: Any, limit: int = 1_000_000) -> str:
    """`value.toString()` / string interpolation, as Dart prints it.

    Raises ValueError when the text of a collection would pass `limit` characters."""
    pieces: list[str] = []
    size = 0
    stack: list[Any] = [value]
    # iterative, so a deeply nested or self-containing list can't overflow Python's stack
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            piece = item.text
        elif isinstance(item, list):
            stack.append(_Text("]"))
            for index in range(len(item) - 1, -1, -1):
                stack.append(item[index])
                if index:
                    stack.append(_Text(", "))
            piece = "["
        elif isinstance(item, Record):
            stack.append(_Text(")"))
            fields = [(None, v) for v in item.positional] + list(item.named)
            for index in range(len(fields) - 1, -1, -1):
                stack.append(fields[index][1])
                if fields[index][0] is not None:
                    stack.append(_Text(f"{fields[index][0]}: "))
                if index:
                    stack.append(_Text(", "))
            piece = "("
        elif isinstance(item, dict):
            stack.append(_Text("}"))
            entries = list(item.items())
            for index in range(len(entries) - 1, -1, -1):
                stack.extend([entries[index][1], _Text(": "), entries[index][0]])
                if index:
                    stack.append(_Text(", "))
            piece = "{"
        else:
            piece = _scalar_str(item)
        size += len(piece)
        if size > limit:
            raise ValueError(f"the text is longer than {limit} characters")
        pieces.append(piece)
    return "".join(pieces)


@dataclass(frozen=True)
class _Text:
    text: str


def _scalar_str(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value == int(value) and abs(value) < 1e21:
            return f"{int(value)}.0"
        return repr(value)
    if isinstance(value, (str, int)):
        return str(value)
    if isinstance(value, (UserEnum, EnumValue)):
        return f"{value.type}.{value.name}"
    if isinstance(value, MapEntry):
        return f"MapEntry({_scalar_str(value.key)}: {_scalar_str(value.value)})"
    if isinstance(value, CoreValue):
        return str(value)
    return f"Instance of '{type_name(value)}'"
