"""The values the Dart front end produces and the Flet mapping consumes.

The front end (`flutter_renderer.dart`) evaluates the declarative subset of a Dart file into a tree
of these values; the mapping (`flutter_renderer.embedded`) turns that tree into Flet controls. No
other representation crosses that boundary. Plain Python values stand for Dart literals: None
(null), bool, int, float, str, list, dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DartObject:
    """An instance of a Flutter class: `EdgeInsets.all(16)` is type='EdgeInsets', ctor='all', args=(16,)."""

    type: str
    ctor: str = ""
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict, hash=False)
    line: int = 0  # 1-based source position of the constructor call, for error messages
    column: int = 0


def controller_text(controller: DartObject) -> str:
    """A TextEditingController's text: that of the `value` the code assigned, else its `text` ('' if none)."""
    value = controller.kwargs.get("value")
    if isinstance(value, DartObject) and value.type == "TextEditingValue":
        return value.kwargs.get("text") or ""
    return controller.kwargs.get("text") or ""


# The methods called on a Matrix4 (`Matrix4.identity()..rotateZ(0.1)`), recorded in this kwarg of its
# DartObject as (name, args) pairs in call order.
MATRIX_OPS = "_ops"

# `WidgetStateProperty.resolveWith(f)` reaches the mapping with one argument: the list of f's values
# for every set of these states (bit i of the index is STILL_STATES[i]; hover, focus, press and drag
# never show in a still frame).
STILL_STATES = ("selected", "disabled", "error")


@dataclass(frozen=True)
class ColorValue:
    """A color as a Flet color string: '#AARRGGBB', a Material name ('blue100'), or a theme role
    ('primary', 'onSurface'), optionally with opacity as Flet writes it ('blue,0.5')."""

    spec: str


@dataclass(frozen=True)
class IconValue:
    """A Material icon by its Flutter name (`Icons.arrow_back` -> 'arrow_back'), or a Cupertino one
    (`CupertinoIcons.heart` -> 'heart', family 'cupertino')."""

    name: str
    family: str = "material"


@dataclass(frozen=True)
class EnumValue:
    """A Flutter enum-like constant: `MainAxisAlignment.center`, `FontWeight.w600`, `Alignment.topLeft`."""

    type: str
    name: str


@dataclass(frozen=True)
class ThemeTextStyle:
    """A text style of the theme's text theme (`Theme.of(context).textTheme.titleLarge`)."""

    name: str


@dataclass(frozen=True)
class Closure:
    """A function literal used as a callback (`onPressed: () {}`). Parsed, never executed."""

    line: int = 0
