"""The parts of Flutter's API the front end evaluates itself rather than looking up in the catalog:
Colors, Color, Icons, Theme.of, MediaQuery, double/int statics and dart:math.

`static_get` and `static_call` return MISSING for a name they do not know, so the evaluator can go
on to the catalog and then report an analysis error.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from flutter_renderer.catalog import sig
from flutter_renderer.dart.values import Props
from flutter_renderer.ir import ColorValue, DartObject, EnumValue, IconValue, ThemeTextStyle

MISSING = object()

COLOR_ROLES = (
    "primary onPrimary primaryContainer onPrimaryContainer primaryFixed primaryFixedDim onPrimaryFixed "
    "onPrimaryFixedVariant secondary onSecondary secondaryContainer onSecondaryContainer secondaryFixed "
    "secondaryFixedDim onSecondaryFixed onSecondaryFixedVariant tertiary onTertiary tertiaryContainer "
    "onTertiaryContainer tertiaryFixed tertiaryFixedDim onTertiaryFixed onTertiaryFixedVariant error onError "
    "errorContainer onErrorContainer surface onSurface onSurfaceVariant surfaceTint surfaceDim surfaceBright "
    "surfaceContainer surfaceContainerLow surfaceContainerLowest surfaceContainerHigh surfaceContainerHighest "
    "outline outlineVariant shadow scrim inverseSurface onInverseSurface inversePrimary"
).split()
# deprecated ColorScheme roles, mapped the way Flutter's deprecation notes say
OLD_COLOR_ROLES = {"background": "surface", "onBackground": "onsurface", "surfaceVariant": "surfacecontainerhighest"}
THEME_COLORS = {
    "primaryColor": "primary",
    "scaffoldBackgroundColor": "surface",
    "cardColor": "surface",
    "canvasColor": "surface",
    "dividerColor": "outlinevariant",
    "hintColor": "onsurfacevariant",
    "disabledColor": "onsurface,0.38",
    "shadowColor": "shadow",
    "focusColor": "onsurface,0.12",
    "hoverColor": "onsurface,0.04",
    "splashColor": "onsurface,0.12",
    "highlightColor": "onsurface,0.12",
}
TEXT_STYLES = tuple(
    f"{group}{size}"
    for group in ("display", "headline", "title", "body", "label")
    for size in ("Large", "Medium", "Small")
)
# real Flutter namespaces the embedded backend cannot reproduce or that are not deterministic
UNSUPPORTED_NAMES = frozenset(
    {
        "Process",
        "File",
        "Directory",
        "Platform",
        "Isolate",
        "Socket",
        "HttpClient",
        "Stream",
        "Timer",
        "DynamicLibrary",
        "Pointer",
    }
)
# types the catalog need not list, checked like catalog classes: Duration, and keys and controllers,
# handles a screen holds in fields (`GlobalKey<FormState>()`) that draw nothing themselves
CORE_CLASSES = {
    "Duration": {"": sig("", "days hours minutes seconds milliseconds microseconds")},
    "GlobalKey": {"": sig("", "debugLabel")},
    "UniqueKey": {"": sig()},
    "Key": {"": sig("value")},
    "ValueKey": {"": sig("value")},
    "ObjectKey": {"": sig("value")},
    "PageStorageKey": {"": sig("value")},
    "TextEditingController": {"": sig("", "text")},
    "FocusNode": {"": sig("", "debugLabel skipTraversal canRequestFocus")},
    "ScrollController": {"": sig("", "initialScrollOffset keepScrollOffset debugLabel")},
    # (its initial states do show: the mapping draws only a controller that starts with none)
    "MaterialStatesController": {"": sig("value", optional_positional=1)},
}
# builders Flutter calls while laying out: a still frame needs what they build, so the front end
# replaces the closure by its result (a list, one per index, for item builders)
CHILD_BUILDERS = {("Builder", ""): "builder"}
ITEM_BUILDERS = {
    ("ListView", "builder"): ("itemBuilder",),
    ("ListView", "separated"): ("itemBuilder", "separatorBuilder"),
    ("GridView", "builder"): ("itemBuilder",),
    ("SliverList", "builder"): ("itemBuilder",),
    ("SliverList", "separated"): ("itemBuilder", "separatorBuilder"),
    ("SliverFixedExtentList", "builder"): ("itemBuilder",),
    ("SliverGrid", "builder"): ("itemBuilder",),
    ("ReorderableListView", "builder"): ("itemBuilder",),
    ("PageView", "builder"): ("itemBuilder",),
}
# type names the front end resolves itself (in addition to the catalog and the file's own classes)
BUILTIN_TYPES = frozenset(
    {
        "Colors",
        "Icons",
        "CupertinoColors",
        "CupertinoIcons",
        "CupertinoTheme",
        "Color",
        "Theme",
        "MediaQuery",
        "double",
        "int",
        "num",
        "String",
        "bool",
        "List",
        "Map",
        "Object",
        "Curves",
        "TargetPlatform",
        "FractionalOffset",
    }
)


def _milliseconds(count: int) -> DartObject:
    return DartObject("Duration", "", (), {"milliseconds": count})


# The device a screen is drawn for: an Android phone, a release build (asserts off, kDebugMode false).
PLATFORM = EnumValue("TargetPlatform", "android")
# top-level constants of package:flutter that screens read, with their values in Flutter's source at
# 90e4a12f2a (foundation/constants.dart, foundation/platform.dart, material/constants.dart,
# material/theme.dart, material/floating_action_button_location.dart, scheduler/binding.dart: the
# `timeDilation` a screen may set in a callback is 1.0 while the first frame is built)
TOP_LEVEL = {
    "timeDilation": 1.0,
    "kIsWeb": False,
    "kReleaseMode": True,
    "kProfileMode": False,
    "kDebugMode": False,
    "precisionErrorTolerance": 1e-10,
    "defaultTargetPlatform": PLATFORM,
    "kMinInteractiveDimension": 48.0,
    "kToolbarHeight": 56.0,
    "kBottomNavigationBarHeight": 56.0,
    "kTextTabBarHeight": 48.0,
    "kRadialReactionRadius": 20.0,
    "kRadialReactionAlpha": 0x1F,
    "kFloatingActionButtonMargin": 16.0,
    "kThemeAnimationDuration": _milliseconds(200),
    "kThemeChangeDuration": _milliseconds(200),
    "kRadialReactionDuration": _milliseconds(100),
    "kTabScrollDuration": _milliseconds(300),
    "kTabLabelPadding": DartObject("EdgeInsets", "symmetric", (), {"horizontal": 16.0}),
    "kMaterialListPadding": DartObject("EdgeInsets", "symmetric", (), {"vertical": 8.0}),
}
TARGET_PLATFORMS = frozenset("android fuchsia iOS linux macOS windows".split())
# the named curves of animation/curves.dart; opaque here (a still frame shows no motion)
CURVES = frozenset(
    (
        "linear decelerate fastLinearToSlowEaseIn fastEaseInToSlowEaseOut ease easeIn easeInToLinear easeInSine "
        "easeInQuad easeInCubic easeInQuart easeInQuint easeInExpo easeInCirc easeInBack easeOut linearToEaseOut "
        "easeOutSine easeOutQuad easeOutCubic easeOutQuart easeOutQuint easeOutExpo easeOutCirc easeOutBack easeInOut "
        "easeInOutSine easeInOutQuad easeInOutCubic easeInOutCubicEmphasized easeInOutQuart easeInOutQuint "
        "easeInOutExpo easeInOutCirc easeInOutBack fastOutSlowIn slowMiddle bounceIn bounceOut bounceInOut elasticIn "
        "elasticOut elasticInOut"
    ).split()
)
# FractionalOffset's constants as (dx, dy) from the top left (painting/fractional_offset.dart)
FRACTIONAL_OFFSETS = {
    "topLeft": (0.0, 0.0),
    "topCenter": (0.5, 0.0),
    "topRight": (1.0, 0.0),
    "centerLeft": (0.0, 0.5),
    "center": (0.5, 0.5),
    "centerRight": (1.0, 0.5),
    "bottomLeft": (0.0, 1.0),
    "bottomCenter": (0.5, 1.0),
    "bottomRight": (1.0, 1.0),
}


def fractional_offset(dx: float, dy: float) -> DartObject:
    """`FractionalOffset(dx, dy)` is the Alignment(dx * 2 - 1, dy * 2 - 1) it extends."""
    return DartObject("Alignment", "", (float(dx) * 2.0 - 1.0, float(dy) * 2.0 - 1.0))


def _size_of(value: Any) -> tuple[float, float]:
    if isinstance(value, DartObject) and value.type == "Size" and not value.ctor and len(value.args) == 2:
        return float(value.args[0]), float(value.args[1])
    if isinstance(value, Props) and value.type == "Size":
        return value.attrs["width"], value.attrs["height"]
    raise TypeError("expected a Size(width, height)")


def box_constraints(ctor: str, args: list[Any], kwargs: dict[str, Any]) -> DartObject | None:
    """`BoxConstraints.tight/loose/tightForFinite` as the min/max constraints they stand for
    (rendering/box.dart); None for the constructors the catalog reads as given."""
    inf = math.inf
    if ctor in ("tight", "loose") and len(args) == 1 and not kwargs:
        width, height = _size_of(args[0])
        low_w, low_h = (width, height) if ctor == "tight" else (0.0, 0.0)
    elif ctor == "tightForFinite" and not args and set(kwargs) <= {"width", "height"}:
        width, height = float(kwargs.get("width", inf)), float(kwargs.get("height", inf))
        low_w, low_h = (width if width != inf else 0.0), (height if height != inf else 0.0)
    else:
        return None
    return DartObject(
        "BoxConstraints", "", (), {"minWidth": low_w, "maxWidth": width, "minHeight": low_h, "maxHeight": height}
    )


def _pow(base: float, exponent: float) -> float:
    """dart:math pow: an int for small int powers, else a double (never a huge Python int)."""
    if isinstance(base, int) and isinstance(exponent, int) and 0 <= exponent < 64 and abs(base) < 2**31:
        result = base**exponent
        return result if -(2**63) <= result < 2**63 else math.pow(base, exponent)
    return math.pow(base, exponent)


MATH_FUNCTIONS = {"min": min, "max": max, "sqrt": math.sqrt, "pow": _pow, "sin": math.sin, "cos": math.cos}


def _axis_direction(value: Any) -> str:
    if not isinstance(value, EnumValue) or value.type != "AxisDirection":
        raise TypeError(
            f"The argument type '{type(value).__name__}' can't be assigned to the parameter type 'AxisDirection'."
        )
    return value.name


_FLIPPED = {"up": "down", "down": "up", "left": "right", "right": "left"}
# painting/basic_types.dart's top-level functions of directions
PAINTING_FUNCTIONS: dict[str, Any] = {
    "axisDirectionToAxis": lambda d: EnumValue(
        "Axis", "vertical" if _axis_direction(d) in ("up", "down") else "horizontal"
    ),
    "axisDirectionIsReversed": lambda d: _axis_direction(d) in ("up", "left"),
    "flipAxisDirection": lambda d: EnumValue("AxisDirection", _FLIPPED[_axis_direction(d)]),
}


@cache
def flet_colors() -> frozenset[str]:
    import flet as ft

    return frozenset(c.value for c in ft.Colors)


@cache
def flet_icons() -> frozenset[str]:
    import flet as ft

    return frozenset(icon.name.lower() for icon in ft.Icons)


@cache
def cupertino_icons() -> frozenset[str]:
    import flet as ft

    return frozenset(icon.name.lower() for icon in ft.CupertinoIcons)


@cache
def cupertino_colors() -> dict[str, str]:
    """Flutter's CupertinoColors names -> Flet's colour names for them (which Flet resolves the same)."""
    import flet as ft

    def camel(name: str) -> str:
        first, *rest = name.lower().split("_")
        return first + "".join(part.capitalize() for part in rest)

    return {camel(c.name): c.value.lower() for c in ft.CupertinoColors if c.name not in ("PRIMARY", "ON_PRIMARY")}


def material_color(name: str) -> ColorValue | None:
    """`Colors.blueGrey` -> ColorValue('bluegrey'); None when Flutter has no such color."""
    spec = name.lower()
    return ColorValue(spec) if spec in flet_colors() and spec not in _role_specs() else None


@cache
def _role_specs() -> frozenset[str]:
    return frozenset(role.lower() for role in COLOR_ROLES)


def shade(color: ColorValue, level: int) -> ColorValue | None:
    """`Colors.blue.shade100` / `Colors.blue[100]`: only primary and accent swatches have shades."""
    spec = f"{color.spec}{level}"
    if "," in color.spec or color.spec[-1].isdigit() or spec not in flet_colors():
        return None
    return ColorValue(spec)


def with_opacity(color: ColorValue, opacity: float) -> ColorValue:
    """Replace the alpha, as Flutter's `withOpacity`/`withValues(alpha:)` do."""
    opacity = min(1.0, max(0.0, float(opacity)))
    base = color.spec.split(",", 1)[0]
    if base.startswith("#") and len(base) == 9:
        return ColorValue(f"#{round(opacity * 255):02X}{base[3:]}")
    return ColorValue(f"{base},{opacity:g}")


def argb(a: int, r: int, g: int, b: int) -> ColorValue:
    return ColorValue(f"#{a & 255:02X}{r & 255:02X}{g & 255:02X}{b & 255:02X}")


# `DefaultTextStyle.of(context).style`: the ambient text style, which the mapping knows where the
# style is drawn (the same as at `context` unless a DefaultTextStyle lies between them).
AMBIENT_TEXT_STYLE = DartObject("TextStyle", kwargs={"_ambient": True})


_HSV_FIELDS = ("alpha", "hue", "saturation", "value")


def hsv_to_color(alpha: float, hue: float, saturation: float, value: float) -> ColorValue:
    """HSVColor.toColor (painting/colors.dart): the hue's sector of the colour wheel, each channel
    rounded half away from zero as Dart's `round` does."""
    chroma = saturation * value
    secondary = chroma * (1.0 - abs((hue / 60.0) % 2.0 - 1.0))
    match = value - chroma
    sectors = (
        (chroma, secondary, 0.0),
        (secondary, chroma, 0.0),
        (0.0, chroma, secondary),
        (0.0, secondary, chroma),
        (secondary, 0.0, chroma),
        (chroma, 0.0, secondary),
    )
    red, green, blue = sectors[min(max(int(hue // 60.0), 0), 5)]

    def byte(channel: float) -> int:
        return int(math.floor(channel * 0xFF + 0.5))

    return argb(byte(alpha), byte(red + match), byte(green + match), byte(blue + match))


def hsv_member(receiver: DartObject, name: str, args: list[Any] | None) -> Any:
    """A getter (`args` None) or method of `HSVColor.fromAHSV(a, h, s, v)`; MISSING for others."""
    if receiver.type != "HSVColor" or receiver.ctor != "fromAHSV" or len(receiver.args) != 4:
        return MISSING
    fields = dict(zip(_HSV_FIELDS, (float(x) for x in receiver.args)))
    if args is None:
        return fields.get(name, MISSING)
    if name == "toColor" and not args:
        return hsv_to_color(*fields.values())
    changed = {f"with{field.capitalize()}": field for field in _HSV_FIELDS}
    if name in changed and len(args) == 1:
        fields[changed[name]] = float(args[0])
        return DartObject("HSVColor", "fromAHSV", tuple(fields.values()))
    return MISSING


# ThemeData.copyWith(...) fields that no other ThemeData field is derived from: replacing them equals
# passing them to the constructor (a new colorScheme, brightness or canvasColor would not recompute
# the colours ThemeData() derives from them, so copyWith of those is left unsupported).
_THEME_COPY_FIELDS = frozenset(
    "cupertinoOverrideTheme extensions pageTransitionsTheme splashFactory appBarTheme cardTheme chipTheme "
    "dialogTheme dividerTheme elevatedButtonTheme filledButtonTheme outlinedButtonTheme textButtonTheme "
    "iconButtonTheme floatingActionButtonTheme listTileTheme navigationBarTheme bottomNavigationBarTheme "
    "tabBarTheme checkboxTheme radioTheme switchTheme sliderTheme progressIndicatorTheme bottomSheetTheme "
    "drawerTheme snackBarTheme tooltipTheme textSelectionTheme scrollbarTheme popupMenuTheme menuTheme "
    "bannerTheme timePickerTheme datePickerTheme".split()
)


def theme_copy(receiver: DartObject, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """`ThemeData(...).copyWith(...)` of the fields above: the ThemeData built with them; MISSING else."""
    if receiver.type != "ThemeData" or name != "copyWith" or args or not set(kwargs) <= _THEME_COPY_FIELDS:
        return MISSING
    return DartObject(receiver.type, receiver.ctor, receiver.args, {**receiver.kwargs, **kwargs})


def theme_data() -> Props:
    """What `Theme.of(context)` returns: colors as theme roles, text styles by name."""
    scheme = {role: ColorValue(role.lower()) for role in COLOR_ROLES}
    scheme |= {old: ColorValue(new) for old, new in OLD_COLOR_ROLES.items()}
    scheme["brightness"] = EnumValue("Brightness", "light")
    attrs: dict[str, Any] = {name: ColorValue(spec) for name, spec in THEME_COLORS.items()}
    attrs["colorScheme"] = Props("ColorScheme", scheme)
    attrs["textTheme"] = Props("TextTheme", {name: ThemeTextStyle(name) for name in TEXT_STYLES})
    attrs["primaryTextTheme"] = attrs["textTheme"]
    attrs["brightness"] = EnumValue("Brightness", "light")
    attrs["useMaterial3"] = True
    attrs["platform"] = PLATFORM
    return Props("ThemeData", attrs)


def cupertino_theme_data() -> Props:
    """What `CupertinoTheme.of(context)` returns: the app's Cupertino colours (which the renderer gives
    the page as its primary and onPrimary) and CupertinoTextThemeData's styles."""

    def style(size: float, weight: str | None = None, spacing: float = -0.41, color: str = "label") -> DartObject:
        kwargs: dict[str, Any] = {
            "inherit": False,
            "fontSize": size,
            "letterSpacing": spacing,
            "color": ColorValue(color),
        }
        if weight is not None:
            kwargs["fontWeight"] = EnumValue("FontWeight", weight)
        return DartObject("TextStyle", kwargs=kwargs)

    text = {
        "textStyle": style(17),
        "actionTextStyle": style(17, color="primary"),
        "navActionTextStyle": style(17, color="primary"),
        "navTitleTextStyle": style(17, "w600"),
        "navLargeTitleTextStyle": style(34, "w700", 0.38),
        "tabLabelTextStyle": style(10, "w500", -0.24),
        "pickerTextStyle": style(21, "w400", -0.6),
        "dateTimePickerTextStyle": style(21, "normal", 0.4),
    }
    return Props(
        "CupertinoThemeData",
        {
            "brightness": EnumValue("Brightness", "light"),
            "primaryColor": ColorValue("primary"),
            "primaryContrastingColor": ColorValue("onprimary"),
            "scaffoldBackgroundColor": ColorValue("systembackground"),
            "barBackgroundColor": ColorValue("#F0F9F9F9"),
            "textTheme": Props("CupertinoTextThemeData", text),
        },
    )


def size(width: float, height: float) -> Props:
    attrs = {
        "width": float(width),
        "height": float(height),
        "shortestSide": float(min(width, height)),
        "longestSide": float(max(width, height)),
        "aspectRatio": width / height if height else 0.0,
    }
    return Props("Size", attrs, ir=DartObject("Size", "", (float(width), float(height))))


def zero_insets() -> Props:
    attrs = {side: 0.0 for side in ("top", "bottom", "left", "right", "horizontal", "vertical")}
    return Props("EdgeInsets", attrs, ir=DartObject("EdgeInsets", "all", (0.0,)))


def media_query(width: float, height: float) -> Props:
    """What `MediaQuery.of(context)` returns for a phone of the render size, without system insets."""
    return Props(
        "MediaQueryData",
        {
            "size": size(width, height),
            "padding": zero_insets(),
            "viewPadding": zero_insets(),
            "viewInsets": zero_insets(),
            "systemGestureInsets": zero_insets(),
            "devicePixelRatio": 1.0,
            "textScaleFactor": 1.0,
            "orientation": EnumValue("Orientation", "portrait" if height >= width else "landscape"),
            "platformBrightness": EnumValue("Brightness", "light"),
        },
    )


# Colors.primaries / Colors.accents (material/colors.dart): the swatches in Flutter's order, grey left
# out of the primaries as Flutter leaves it out.
SWATCH_LISTS = {
    "primaries": (
        "red",
        "pink",
        "purple",
        "deepPurple",
        "indigo",
        "blue",
        "lightBlue",
        "cyan",
        "teal",
        "green",
        "lightGreen",
        "lime",
        "yellow",
        "amber",
        "orange",
        "deepOrange",
        "brown",
        "blueGrey",
    ),
    "accents": (
        "redAccent",
        "pinkAccent",
        "purpleAccent",
        "deepPurpleAccent",
        "indigoAccent",
        "blueAccent",
        "lightBlueAccent",
        "cyanAccent",
        "tealAccent",
        "greenAccent",
        "lightGreenAccent",
        "limeAccent",
        "yellowAccent",
        "amberAccent",
        "orangeAccent",
        "deepOrangeAccent",
    ),
}


def static_get(type_name: str, member: str) -> Any:
    """`Type.member` for the types evaluated here (not the catalog's); MISSING when unknown."""
    if type_name == "Colors" and member in SWATCH_LISTS:
        return [material_color(name) for name in SWATCH_LISTS[member]]
    if type_name == "Colors":
        return material_color(member) or MISSING
    if type_name == "Icons":
        return IconValue(member) if member in flet_icons() else MISSING
    if type_name == "CupertinoIcons":
        return IconValue(member, "cupertino") if member.lower() in cupertino_icons() else MISSING
    if type_name == "CupertinoColors":
        spec = cupertino_colors().get(member)
        return ColorValue(spec) if spec is not None else MISSING
    if type_name == "double":
        return {
            "infinity": math.inf,
            "maxFinite": 1.7976931348623157e308,
            "minPositive": 5e-324,
            "nan": math.nan,
            "negativeInfinity": -math.inf,
        }.get(member, MISSING)
    if type_name == "math":
        return {"pi": math.pi, "e": math.e}.get(member, MISSING)
    if type_name == "Curves" and member in CURVES:
        return EnumValue("Curves", member)
    if type_name == "TargetPlatform" and member in TARGET_PLATFORMS:
        return EnumValue("TargetPlatform", member)
    if type_name == "FractionalOffset" and member in FRACTIONAL_OFFSETS:
        return fractional_offset(*FRACTIONAL_OFFSETS[member])
    return MISSING


# MaterialLocalizations.of(context) on a US-English device (DefaultMaterialLocalizations): the labels
# of the buttons and tooltips a screen may show or name.
MATERIAL_LABELS = {
    "openAppDrawerTooltip": "Open navigation menu",
    "backButtonTooltip": "Back",
    "closeButtonTooltip": "Close",
    "deleteButtonTooltip": "Delete",
    "moreButtonTooltip": "More",
    "showMenuTooltip": "Show menu",
    "drawerLabel": "Navigation menu",
    "searchFieldLabel": "Search",
    "okButtonLabel": "OK",
    "cancelButtonLabel": "Cancel",
    "closeButtonLabel": "Close",
    "continueButtonLabel": "Continue",
    "saveButtonLabel": "Save",
    "copyButtonLabel": "Copy",
    "pasteButtonLabel": "Paste",
}


def static_call(type_name: str, name: str, args: list[Any], kwargs: dict[str, Any], width: float, height: float) -> Any:
    """`Type.name(args)` / `Type(args)` for the types evaluated here; MISSING when unknown.

    Raises TypeError / ValueError on bad arguments, which the evaluator reports."""
    key = f"{type_name}.{name}" if name else type_name
    if key == "Color":
        (value,) = args
        return ColorValue(f"#{int(value) & 0xFFFFFFFF:08X}")
    if key == "Color.fromARGB":
        return argb(*(int(v) for v in args))
    if key == "Color.fromRGBO":
        r, g, b, opacity = args
        return argb(round(float(opacity) * 255), int(r), int(g), int(b))
    if key == "Theme.of":
        return theme_data()
    if key == "DefaultTextStyle.of":
        return Props("DefaultTextStyle", {"style": AMBIENT_TEXT_STYLE})
    if key == "MaterialLocalizations.of":
        return Props("MaterialLocalizations", dict(MATERIAL_LABELS))
    if key == "NestedScrollView.sliverOverlapAbsorberHandleFor":
        return DartObject("SliverOverlapAbsorberHandle")
    if key in ("CupertinoTheme.of", "CupertinoTheme.maybeOf"):
        return cupertino_theme_data()
    if key in ("CupertinoTheme.brightnessOf", "CupertinoTheme.maybeBrightnessOf"):
        return EnumValue("Brightness", "light")
    if key in ("MediaQuery.of", "MediaQuery.maybeOf"):
        return media_query(width, height)
    if key == "MediaQuery.sizeOf":
        return size(width, height)
    if key in ("MediaQuery.paddingOf", "MediaQuery.viewInsetsOf", "MediaQuery.viewPaddingOf"):
        return zero_insets()
    if key in ("double.parse", "double.tryParse"):
        return float(args[0])
    if key in ("int.parse", "int.tryParse"):
        return int(args[0])
    if type_name == "math" and name in MATH_FUNCTIONS:
        return MATH_FUNCTIONS[name](*args)
    if key == "FractionalOffset":
        dx, dy = args
        return fractional_offset(dx, dy)
    if type_name == "BoxConstraints":
        return box_constraints(name, args, kwargs) or MISSING
    return MISSING
