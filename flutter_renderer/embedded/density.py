"""`visualDensity` and `materialTapTargetSize`: the size Flutter gives a tappable control, and the
other theme values composed controls need.

Flet passes the theme's visual density to Flutter but has no tap target size: every control is
padded to Flutter's 48 px touch target. Under `MaterialTapTargetSize.shrinkWrap` (from ThemeData or
the widget) the builders here put the control in a box of the size Flutter lays it out at, with the
formulas of Flutter's checkbox.dart / radio.dart (`kMinInteractiveDimension`, 8 px less when shrink
wrapped, plus `VisualDensity.baseSizeAdjustment`) and button_style_button.dart (the button's own size:
`minimumSize` and padding adjusted by the density; padded to `48 + adjustment` only when padded).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.ir import DartObject, EnumValue

MIN_INTERACTIVE = 48.0  # kMinInteractiveDimension
DENSITY_STEP = 4.0  # VisualDensity.baseSizeAdjustment: 4 px per density unit
# VisualDensity's named densities (horizontal = vertical); adaptivePlatformDensity is standard on
# Android, the platform the renderer reports.
_DENSITIES = {"standard": 0.0, "comfortable": -1.0, "compact": -2.0, "adaptivePlatformDensity": 0.0}


@dataclass(frozen=True)
class ThemeMetrics:
    """What of the app's ThemeData decides the size and look of composed controls: the density (one
    value for both axes), whether tap targets are shrink-wrapped, Material 3, dark, the canvas colour,
    whether the theme sets its own textTheme."""

    density: float = 0.0
    shrink_wrap: bool = False
    material3: bool = True
    dark: bool = False
    canvas: str = "surface"
    text_theme: bool = False


METRICS: ContextVar[ThemeMetrics] = ContextVar("theme_metrics", default=ThemeMetrics())


def density_of(value: Any) -> float | None:
    """A VisualDensity constant -> its density, None when not given."""
    if value is None:
        return None
    if not isinstance(value, EnumValue) or value.type != "VisualDensity" or value.name not in _DENSITIES:
        raise v.bad(value, "a VisualDensity")
    return _DENSITIES[value.name]


def shrink_wrap_of(value: Any) -> bool | None:
    """A MaterialTapTargetSize constant -> True for shrinkWrap, None when not given."""
    if value is None:
        return None
    if not isinstance(value, EnumValue) or value.type != "MaterialTapTargetSize":
        raise v.bad(value, "a MaterialTapTargetSize")
    return value.name == "shrinkWrap"


def from_theme(node: Any, dark: bool) -> ThemeMetrics:
    """The metrics of a ThemeData (Flutter's defaults on Android when None) whose brightness is `dark`."""
    if not isinstance(node, DartObject):
        return ThemeMetrics(dark=dark)
    k = node.kwargs
    return ThemeMetrics(
        density_of(k.get("visualDensity")) or 0.0,
        bool(shrink_wrap_of(k.get("materialTapTargetSize"))),
        k.get("useMaterial3", True) is not False,
        dark,
        v.color(k.get("canvasColor")) or "surface",
        k.get("textTheme") is not None,
    )


def flet_density(density: float) -> ft.VisualDensity:
    """The Flet constant of a named density."""
    return {0.0: ft.VisualDensity.STANDARD, -1.0: ft.VisualDensity.COMFORTABLE, -2.0: ft.VisualDensity.COMPACT}[density]


def toggle(control: ft.Control, k: dict[str, Any], *, in_tile: bool = False) -> ft.Control:
    """A Checkbox or Radio at Flutter's size: 48 px (40 when shrink-wrapped, as list tiles ask) plus the
    density adjustment, with the widget's `visualDensity` / `materialTapTargetSize` over the theme's."""
    tapping = METRICS.get()
    density = density_of(k.get("visualDensity"))
    density = tapping.density if density is None else density
    shrink = shrink_wrap_of(k.get("materialTapTargetSize"))
    shrink = (in_tile or tapping.shrink_wrap) if shrink is None else shrink
    side = MIN_INTERACTIVE - (8.0 if shrink else 0.0) + density * DENSITY_STEP
    return ft.Container(content=control, width=side, height=side)


@dataclass(frozen=True)
class ButtonAxis:
    """One axis of a ButtonStyleButton: its minimumSize, its padding on both sides and its content."""

    minimum: float
    before: float
    after: float
    content: float


def _natural(axis: ButtonAxis, adjustment: float, horizontal: bool) -> float:
    # button_style_button.dart: the density moves minimumSize and each side's padding (horizontally
    # only when it grows); padding is clamped at 0.
    grow = max(0.0, adjustment) if horizontal else adjustment
    padding = max(0.0, axis.before + grow) + max(0.0, axis.after + grow)
    return max(axis.minimum + adjustment, axis.content + padding)


def shrinks(value: Any) -> bool:
    """Whether a control's tap target is shrink-wrapped: its own `materialTapTargetSize` /
    `tapTargetSize` value, else the theme's."""
    own = shrink_wrap_of(value)
    return METRICS.get().shrink_wrap if own is None else own


def button(control: ft.Control, density: float, height: ButtonAxis, width: ButtonAxis | None = None) -> ft.Control:
    """A shrink-wrapped button as Flutter lays it out: its own size, where Flet always pads it to at
    least `48 + adjustment` in each axis; so it goes in a box of that size. `width` None: the button
    is never narrower than its tap target. A button with an explicit size is left as it is."""
    if control.width is not None or control.height is not None:
        return control
    adjustment = density * DENSITY_STEP
    target = MIN_INTERACTIVE + adjustment
    box_height = _natural(height, adjustment, horizontal=False)
    box_width = None if width is None else _natural(width, adjustment, horizontal=True)
    if box_height >= target and (box_width is None or box_width >= target):
        return control
    return ft.Container(content=control, width=box_width, height=box_height)
