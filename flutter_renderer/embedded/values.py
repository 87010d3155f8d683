"""Flutter value classes in the IR (EdgeInsets, TextStyle, BoxDecoration, ...) -> Flet values.

Each converter takes one IR value and returns the Flet equivalent, or raises `MappingError` naming
what it could not convert. Flutter names (camelCase) match Flet's enum values, so enums convert by
value lookup rather than by hand-written tables.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Any, TypeVar

import flet as ft

from flutter_renderer.api import ErrorKind, SourceError
from flutter_renderer.embedded import font_features
from flutter_renderer.ir import MATRIX_OPS, STILL_STATES, ColorValue, DartObject, EnumValue, IconValue, ThemeTextStyle

E = TypeVar("E", bound=Enum)


class MappingError(SourceError):
    """A value or widget the mapping cannot reproduce; `kind` is how the sample is classified."""


def describe(value: Any) -> str:
    if isinstance(value, DartObject):
        return f"{value.type}{'.' + value.ctor if value.ctor else ''}(...)"
    return repr(value)[:60]


def bad(value: Any, expected: str) -> MappingError:
    """An ANALYSIS error for a value of the wrong kind (what the Dart analyzer would report)."""
    line = value.line if isinstance(value, DartObject) else 0
    column = value.column if isinstance(value, DartObject) else 0
    return MappingError(ErrorKind.ANALYSIS, f"expected {expected}, got {describe(value)}", line, column)


def of_type(value: Any, type_name: str) -> DartObject:
    """`value` when it is a `type_name` object (any constructor), else the analyzer's error naming it."""
    if not isinstance(value, DartObject) or value.type != type_name:
        raise bad(value, f"{'an' if type_name[0] in 'AEIOU' else 'a'} {type_name}")
    return value


def unsupported(what: str, node: Any = None) -> MappingError:
    line = node.line if isinstance(node, DartObject) else 0
    column = node.column if isinstance(node, DartObject) else 0
    return MappingError(ErrorKind.UNSUPPORTED, f"{what} is not supported by the embedded renderer", line, column)


_STATE_PROPERTIES = frozenset(
    f"{prefix}{kind}"
    for prefix in ("Material", "Widget")
    for kind in (
        "StateProperty",
        "StateColor",
        "StateTextStyle",
        "StateBorderSide",
        "StateOutlinedBorder",
        "StatePropertyAll",
    )
)


def state_value(value: Any, *, selected: bool = False, disabled: bool = False, error: bool = False) -> Any:
    """A WidgetStateProperty's value for a widget in these states (others pass through unchanged):
    `.all(x)` / `WidgetStatePropertyAll(x)` -> x; `.resolveWith(f)` -> f(states), evaluated by the front end."""
    if not isinstance(value, DartObject) or value.type not in _STATE_PROPERTIES:
        return value
    if value.ctor == "resolveWith":
        on = {"selected": selected, "disabled": disabled, "error": error}
        mask = sum(1 << i for i, name in enumerate(STILL_STATES) if on[name])
        resolved = value.args[0] if value.args else None
        if not isinstance(resolved, list) or len(resolved) != 1 << len(STILL_STATES):
            raise unsupported(f"{describe(value)}: a resolver the front end could not evaluate", value)
        return resolved[mask]
    return value.args[0] if value.args else None


def control_states(value: Any, convert: Any = None) -> dict[ft.ControlState, Any] | None:
    """A WidgetStateProperty (or a plain value) as Flet's per-state value: the values when selected,
    when disabled and at rest, each converted by `convert` (default: a colour)."""
    if value is None:
        return None
    convert = convert or color
    states = {
        ft.ControlState.SELECTED: state_value(value, selected=True),
        ft.ControlState.DISABLED: state_value(value, disabled=True),
        ft.ControlState.DEFAULT: state_value(value),
    }
    return {state: convert(x) for state, x in states.items() if x is not None} or None


def number(value: Any, what: str = "a number") -> float | None:
    """A Dart num (None passes through); infinity is kept because Flutter uses it for 'as big as allowed'."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise bad(value, what)
    return value


def finite(value: Any, what: str = "a finite number") -> float | None:
    """A number that must be finite for Flet (sizes in padding, radii, font sizes)."""
    result = number(value, what)
    if result is not None and math.isinf(result):
        raise unsupported(f"an infinite {what}")
    return result


def enum(value: Any, flutter_type: str, flet_enum: type[E]) -> E | None:
    """`MainAxisAlignment.center` -> ft.MainAxisAlignment.CENTER, by Flutter's constant name."""
    if value is None:
        return None
    if not isinstance(value, EnumValue) or value.type != flutter_type:
        raise bad(value, f"a {flutter_type}")
    try:
        return flet_enum(value.name)
    except ValueError:
        raise unsupported(f"{flutter_type}.{value.name}") from None


def color(value: Any) -> str | None:
    """A ColorValue -> a Flet color string. Names and theme roles are lower-cased as Flet parses them.
    A MaterialStateColor gives its colour at rest (no state)."""
    value = state_value(value)
    if value is None:
        return None
    if not isinstance(value, ColorValue):
        raise bad(value, "a Color")
    return value.spec if value.spec.startswith("#") else value.spec.lower()


def icon(value: Any) -> ft.IconData | None:
    """An IconValue (`Icons.arrow_back`) -> Flet's icon of the same Material name."""
    if value is None:
        return None
    if not isinstance(value, IconValue):
        raise bad(value, "an IconData")
    try:
        return getattr(ft.CupertinoIcons if value.family == "cupertino" else ft.Icons, value.name.upper())
    except AttributeError:
        raise MappingError(ErrorKind.ANALYSIS, f"unknown icon Icons.{value.name}") from None


def edge_insets(value: Any) -> ft.Padding | None:
    """EdgeInsets / EdgeInsetsDirectional (left-to-right) -> ft.Padding (ft.Margin has the same fields)."""
    if value is None:
        return None
    if not isinstance(value, DartObject) or value.type not in ("EdgeInsets", "EdgeInsetsDirectional"):
        raise bad(value, "an EdgeInsets")
    a, k = value.args, {name: finite(v) for name, v in value.kwargs.items() if name != "key"}
    if value.ctor == "all":
        v = finite(a[0])
        return ft.Padding(v, v, v, v)
    if value.ctor == "symmetric":
        h, v = k.get("horizontal") or 0, k.get("vertical") or 0
        return ft.Padding(h, v, h, v)
    if value.ctor == "only":
        return ft.Padding(
            k.get("left", k.get("start")) or 0,
            k.get("top") or 0,
            k.get("right", k.get("end")) or 0,
            k.get("bottom") or 0,
        )
    if value.ctor in ("fromLTRB", "fromSTEB"):
        return ft.Padding(*(finite(x) for x in a))
    raise unsupported(f"{value.type}.{value.ctor}", value)


def margin(value: Any) -> ft.Margin | None:
    padding = edge_insets(value)
    return None if padding is None else ft.Margin(padding.left, padding.top, padding.right, padding.bottom)


def radius(value: Any) -> float:
    """Radius.circular(r) -> r (Flet has no elliptical corners)."""
    if isinstance(value, DartObject) and value.type == "Radius" and value.ctor == "circular":
        return finite(value.args[0]) or 0
    if isinstance(value, DartObject) and value.type == "Radius":
        raise unsupported(f"Radius.{value.ctor}", value)
    raise bad(value, "a Radius")


def border_radius(value: Any) -> ft.BorderRadius | None:
    if value is None:
        return None
    of_type(value, "BorderRadius")
    if value.ctor == "circular":
        return ft.BorderRadius.all(finite(value.args[0]) or 0)
    if value.ctor == "all":
        return ft.BorderRadius.all(radius(value.args[0]))
    k = {name: radius(v) for name, v in value.kwargs.items() if v is not None and name != "key"}
    if value.ctor == "only":
        return ft.BorderRadius(
            k.get("topLeft", 0), k.get("topRight", 0), k.get("bottomLeft", 0), k.get("bottomRight", 0)
        )
    if value.ctor == "vertical":
        return ft.BorderRadius(k.get("top", 0), k.get("top", 0), k.get("bottom", 0), k.get("bottom", 0))
    if value.ctor == "horizontal":
        return ft.BorderRadius(k.get("left", 0), k.get("right", 0), k.get("left", 0), k.get("right", 0))
    raise unsupported(f"BorderRadius.{value.ctor}", value)


_ALIGNMENT_XY = {
    "topLeft": (-1, -1),
    "topCenter": (0, -1),
    "topRight": (1, -1),
    "centerLeft": (-1, 0),
    "center": (0, 0),
    "centerRight": (1, 0),
    "bottomLeft": (-1, 1),
    "bottomCenter": (0, 1),
    "bottomRight": (1, 1),
    "topStart": (-1, -1),
    "topEnd": (1, -1),
    "centerStart": (-1, 0),
    "centerEnd": (1, 0),
    "bottomStart": (-1, 1),
    "bottomEnd": (1, 1),
}


def alignment(value: Any) -> ft.Alignment | None:
    """Alignment.topLeft / AlignmentDirectional.centerStart (LTR) / Alignment(x, y) -> ft.Alignment."""
    if value is None:
        return None
    if isinstance(value, EnumValue) and value.type in ("Alignment", "AlignmentDirectional"):
        if value.name in _ALIGNMENT_XY:
            return ft.Alignment(*_ALIGNMENT_XY[value.name])
    if isinstance(value, DartObject) and value.type == "Alignment" and not value.ctor:
        return ft.Alignment(finite(value.args[0]), finite(value.args[1]))
    raise bad(value, "an Alignment")


def offset(value: Any) -> ft.Offset | None:
    if value is None:
        return None
    if isinstance(value, DartObject) and value.type == "Offset":
        return ft.Offset(finite(value.args[0]), finite(value.args[1]))
    raise bad(value, "an Offset")


def border_side(value: Any) -> ft.BorderSide | None:
    value = state_value(value)
    if value is None:
        return None
    of_type(value, "BorderSide")
    k = value.kwargs
    style = k.get("style")
    if "style" in k and (style is None or (isinstance(style, EnumValue) and style.name == "none")):
        return ft.BorderSide(0, "transparent")  # BorderSide.none
    width, align = finite(k.get("width")), finite(k.get("strokeAlign"))
    # Flutter's BorderSide() defaults: width 1.0, color black, inside the edge (strokeAlignInside).
    return ft.BorderSide(
        1.0 if width is None else width,
        color(k.get("color")) or "#ff000000",
        stroke_align=-1.0 if align is None else align,
    )


def border(value: Any) -> ft.Border | None:
    """Border.all / Border(top: ...) / Border.symmetric / Border.fromBorderSide -> ft.Border."""
    if value is None:
        return None
    of_type(value, "Border")
    k = value.kwargs
    if value.ctor == "all":
        side = border_side(DartObject("BorderSide", kwargs={n: v for n, v in k.items() if n != "key"}))
        return ft.Border(side, side, side, side)
    if value.ctor == "fromBorderSide" and len(value.args) == 1:
        side = border_side(value.args[0])
        return ft.Border(side, side, side, side)
    if value.ctor == "symmetric":
        v, h = border_side(k.get("vertical")), border_side(k.get("horizontal"))
        return ft.Border(top=h, right=v, bottom=h, left=v)
    if value.ctor == "":
        return ft.Border(
            top=border_side(k.get("top")),
            right=border_side(k.get("right")),
            bottom=border_side(k.get("bottom")),
            left=border_side(k.get("left")),
        )
    raise unsupported(f"Border.{value.ctor}", value)


def box_shadows(value: Any) -> list[ft.BoxShadow] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise bad(value, "a List<BoxShadow>")
    shadows = []
    for item in value:
        of_type(item, "BoxShadow")
        k = item.kwargs
        # Flutter's BoxShadow() defaults: black, offset zero, blur 0, spread 0.
        shadows.append(
            ft.BoxShadow(
                spread_radius=finite(k.get("spreadRadius")) or 0,
                blur_radius=finite(k.get("blurRadius")) or 0,
                color=color(k.get("color")) or "#ff000000",
                offset=offset(k.get("offset")) or ft.Offset(0, 0),
                blur_style=enum(k.get("blurStyle"), "BlurStyle", ft.BlurStyle) or ft.BlurStyle.NORMAL,
            )
        )
    return shadows


_GRADIENTS = ("LinearGradient", "RadialGradient", "SweepGradient")


def gradient(value: Any) -> ft.Gradient | None:
    """Linear / Radial / SweepGradient -> the Flet gradient of the same name (Flet hands Flutter's
    own gradient the same fields), with Flutter's defaults for the ones left out."""
    if value is None:
        return None
    if not isinstance(value, DartObject) or value.type not in _GRADIENTS:
        raise unsupported(describe(value), value)
    k = value.kwargs
    if k.get("transform") is not None:
        raise unsupported(f"{value.type}.transform", value)
    colors = k.get("colors")
    if not isinstance(colors, list) or len(colors) < 2:
        raise bad(colors, "a List<Color> of at least two colors")
    common = dict(
        colors=[color(c) for c in colors],
        stops=[finite(s) for s in k["stops"]] if k.get("stops") else None,
        tile_mode=enum(k.get("tileMode"), "TileMode", ft.GradientTileMode) or ft.GradientTileMode.CLAMP,
    )
    center = alignment(k.get("center")) or ft.Alignment(0, 0)
    if value.type == "RadialGradient":
        radius, focal_radius = finite(k.get("radius")), finite(k.get("focalRadius"))
        return ft.RadialGradient(
            center=center,
            radius=0.5 if radius is None else radius,
            focal=alignment(k.get("focal")),
            focal_radius=focal_radius or 0.0,
            **common,
        )
    if value.type == "SweepGradient":
        start, end = finite(k.get("startAngle")), finite(k.get("endAngle"))
        return ft.SweepGradient(
            center=center, start_angle=start or 0.0, end_angle=2 * math.pi if end is None else end, **common
        )
    return ft.LinearGradient(
        begin=alignment(k.get("begin")) or ft.Alignment(-1, 0),
        end=alignment(k.get("end")) or ft.Alignment(1, 0),
        **common,
    )


def shape_border(value: Any) -> ft.OutlinedBorder | None:
    """RoundedRectangleBorder / StadiumBorder / CircleBorder -> the Flet shape of the same name."""
    if value is None:
        return None
    if not isinstance(value, DartObject):
        raise bad(value, "a ShapeBorder")
    side = border_side(value.kwargs.get("side"))
    if value.type == "RoundedRectangleBorder":
        return ft.RoundedRectangleBorder(side=side, radius=border_radius(value.kwargs.get("borderRadius")) or 0)
    if value.type == "StadiumBorder":
        return ft.StadiumBorder(side=side)
    if value.type == "CircleBorder":
        return ft.CircleBorder(side=side)
    raise unsupported(describe(value), value)


# Markers of a TextStyle the front end derived from the theme's or the ambient one (dart/methods.py).
DERIVED_STYLE = frozenset(("_theme", "_ambient", "_fontSizeFactor", "_fontSizeDelta"))
_DECORATIONS = {
    "none": None,
    "underline": ft.TextDecoration.UNDERLINE,
    "overline": ft.TextDecoration.OVERLINE,
    "lineThrough": ft.TextDecoration.LINE_THROUGH,
}


def text_style(value: Any) -> ft.TextStyle | None:
    """TextStyle(...) -> ft.TextStyle. `fontFamily` is ignored: only Roboto exists offline, as in a
    Flutter app that did not bundle the family (Flutter falls back to the default font too).
    A MaterialStateTextStyle gives its style at rest."""
    value = state_value(value)
    if value is None:
        return None
    if isinstance(value, ThemeTextStyle):
        raise unsupported("a theme text style here (only Text(style: ...) takes one)")
    of_type(value, "TextStyle")
    k = value.kwargs
    if k.get("_theme") is not None:
        raise unsupported(
            f"a theme text style with copyWith/merge here ({k['_theme']}; only Text(style: ...) takes one)"
        )
    if any(marker in k for marker in DERIVED_STYLE):
        raise unsupported(
            "DefaultTextStyle.of(context).style or TextStyle.apply of a theme style here "
            "(only Text(style: ...) takes one)"
        )
    for name in ("foreground", "background", "shadows", "fontVariations"):
        if k.get(name) is not None:
            raise unsupported(f"TextStyle.{name}", value)
    for feature in k.get("fontFeatures") or []:
        try:
            visible = font_features.changes_glyphs(feature)
        except TypeError:
            raise bad(feature, "a FontFeature") from None
        if visible:
            raise unsupported(
                f"TextStyle.fontFeatures {font_features.tag_and_value(feature)[0]!r} (it changes Roboto's glyphs)",
                value,
            )
    decoration = k.get("decoration")
    if decoration is not None and not (isinstance(decoration, EnumValue) and decoration.name in _DECORATIONS):
        raise bad(decoration, "a TextDecoration")
    return ft.TextStyle(
        size=finite(k.get("fontSize")),
        weight=enum(k.get("fontWeight"), "FontWeight", ft.FontWeight),
        italic=(k["fontStyle"].name == "italic") if isinstance(k.get("fontStyle"), EnumValue) else None,
        color=color(k.get("color")),
        bgcolor=color(k.get("backgroundColor")),
        letter_spacing=finite(k.get("letterSpacing")),
        word_spacing=finite(k.get("wordSpacing")),
        height=finite(k.get("height")),
        decoration=_DECORATIONS[decoration.name] if decoration is not None else None,
        decoration_color=color(k.get("decorationColor")),
        decoration_thickness=finite(k.get("decorationThickness")),
        decoration_style=enum(k.get("decorationStyle"), "TextDecorationStyle", ft.TextDecorationStyle),
        overflow=enum(k.get("overflow"), "TextOverflow", ft.TextOverflow),
    )


def theme_text_style(value: Any) -> ft.TextThemeStyle | None:
    """`Theme.of(context).textTheme.titleLarge` -> ft.TextThemeStyle.TITLE_LARGE."""
    if value is None:
        return None
    try:
        return ft.TextThemeStyle(value.name)
    except ValueError:
        raise MappingError(ErrorKind.ANALYSIS, f"unknown text theme style {value.name!r}") from None


def constraints(value: Any) -> ft.BoxConstraints | None:
    if value is None:
        return None
    of_type(value, "BoxConstraints")
    k = value.kwargs
    if value.ctor == "":
        return ft.BoxConstraints(
            min_width=number(k.get("minWidth")) or 0,
            max_width=_inf(k.get("maxWidth")),
            min_height=number(k.get("minHeight")) or 0,
            max_height=_inf(k.get("maxHeight")),
        )
    if value.ctor in ("tightFor", "expand"):
        default = math.inf if value.ctor == "expand" else None
        w, h = number(k.get("width")), number(k.get("height"))
        w, h = (default if w is None else w), (default if h is None else h)
        return ft.BoxConstraints(
            min_width=w if w is not None else 0,
            max_width=w if w is not None else math.inf,
            min_height=h if h is not None else 0,
            max_height=h if h is not None else math.inf,
        )
    raise unsupported(f"BoxConstraints.{value.ctor}", value)


def _inf(value: Any) -> float:
    result = number(value)
    return math.inf if result is None else result


def size(value: Any) -> tuple[float, float] | None:
    """Size(w, h) / Size.square(d) / Size.fromHeight(h) -> (w, h), inf for 'unbounded'."""
    if value is None:
        return None
    of_type(value, "Size")
    if value.ctor == "":
        return number(value.args[0]), number(value.args[1])
    if value.ctor == "square":
        return number(value.args[0]), number(value.args[0])
    if value.ctor == "fromHeight":
        return math.inf, number(value.args[0])
    if value.ctor == "fromWidth":
        return number(value.args[0]), math.inf
    raise unsupported(f"Size.{value.ctor}", value)


# Matrix4 constructors -> Flet's recorded Matrix4 (replayed as the same Flutter constructor); the x/y
# rotations have no Flet constructor and are the identity followed by the same rotation.
_MATRIX4 = {
    "identity": "identity",
    "translationValues": "translation_values",
    "diagonal3Values": "diagonal3_values",
    "rotationZ": "rotation_z",
    "skewX": "skew_x",
    "skewY": "skew_y",
}
# the operations the front end records on a Matrix4 (`..translate(...)`, ir.MATRIX_OPS) -> Flet's
_MATRIX4_OPS = {
    "translate": "translate",
    "scale": "scale",
    "rotateZ": "rotate_z",
    "rotateX": "rotate_x",
    "rotateY": "rotate_y",
    "setEntry": "set_entry",
}


def _finite_args(value: DartObject, args: Any) -> list[float]:
    numbers = [finite(a) for a in args]
    if any(n is None for n in numbers):
        raise bad(value, "a Matrix4 with finite numbers")
    return numbers


def matrix4(value: Any) -> ft.Matrix4 | None:
    """Matrix4.identity() / .translationValues / .diagonal3Values / .rotationX/Y/Z / .skewX/Y, with the
    operations recorded on it, -> ft.Matrix4 (None for None); for Container.transform and Transform."""
    if value is None:
        return None
    of_type(value, "Matrix4")
    args = _finite_args(value, value.args)
    if value.ctor in ("rotationX", "rotationY"):
        matrix = ft.Matrix4.identity()
        matrix = matrix.rotate_x(*args) if value.ctor == "rotationX" else matrix.rotate_y(*args)
    elif value.ctor in _MATRIX4:
        matrix = getattr(ft.Matrix4, _MATRIX4[value.ctor])(*args)
    else:
        raise unsupported(f"Matrix4.{value.ctor or '(16 values)'}", value)
    for name, op_args in value.kwargs.get(MATRIX_OPS, []):
        if name not in _MATRIX4_OPS:
            raise unsupported(f"Matrix4.{name}", value)
        getattr(matrix, _MATRIX4_OPS[name])(*_finite_args(value, op_args))
    return matrix
