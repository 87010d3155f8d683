"""Material widgets: text, icons, images, cards, list tiles, buttons, chips, badges, progress,
navigation bars, tabs, dialogs and sheets."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

import flet as ft

from flutter_renderer.embedded import density as tap
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.registry import (
    axes,
    bad,
    build,
    build_optional,
    layout_error,
    positional,
    runtime_error,
    text_of,
    unbounded,
    unsupported,
    widget,
)
from flutter_renderer.embedded.text_defaults import (
    DEFAULT_TEXT,
    ENGINE_TEXT,
    TYPE_SCALE,
    TextDefaults,
    merge,
    merged,
    replaced,
    text_defaults,
    type_scale_style,
)
from flutter_renderer.ir import DartObject, ThemeTextStyle

# Placeholder for pictures the renderer never loads (network and asset images).
IMAGE_PLACEHOLDER = "#ffe0e0e0"
SCREEN_WIDTH: ContextVar[int] = ContextVar("screen_width", default=390)
SCREEN_HEIGHT: ContextVar[int] = ContextVar("screen_height", default=844)


# --- text ---------------------------------------------------------------------------------------


def _text_args(k: dict[str, Any]) -> dict[str, Any]:
    """A Text's own style and paragraph settings over the ambient DefaultTextStyle (text_defaults)."""
    defaults = DEFAULT_TEXT.get()
    style = k.get("style")
    soft_wrap = k.get("softWrap", defaults.soft_wrap)
    if isinstance(style, DartObject) and any(marker in style.kwargs for marker in v.DERIVED_STYLE):
        own, theme_style = _derived_style(style, defaults)
    elif isinstance(style, ThemeTextStyle):
        own, theme_style = None, v.theme_text_style(style)
    elif isinstance(style, DartObject) and style.kwargs.get("inherit") is False:
        own, theme_style = merge(ENGINE_TEXT, v.text_style(style)), None
    else:
        own, theme_style = merge(defaults.style, v.text_style(style)), defaults.theme_style
    return dict(
        style=own,
        theme_style=theme_style,
        text_align=v.enum(k.get("textAlign"), "TextAlign", ft.TextAlign) or defaults.text_align,
        max_lines=int(v.finite(k["maxLines"])) if k.get("maxLines") is not None else defaults.max_lines,
        overflow=v.enum(k.get("overflow"), "TextOverflow", ft.TextOverflow) or defaults.overflow,
        no_wrap=(soft_wrap is False) or None,
    )


def _derived_style(style: DartObject, defaults: TextDefaults) -> tuple[ft.TextStyle | None, ft.TextThemeStyle | None]:
    """A style derived from the theme's or the ambient one (`textTheme.x.copyWith(...)`,
    `DefaultTextStyle.of(context).style.apply(...)`): that style with the given values on top (Flet
    merges a Text's style over its theme style), its size scaled by `apply`'s factor and delta."""
    k = style.kwargs
    given = v.text_style(
        DartObject(
            style.type,
            style.ctor,
            style.args,
            {name: value for name, value in k.items() if name not in v.DERIVED_STYLE},
        )
    )
    if k.get("_theme") is not None:
        base, theme_style = None, v.theme_text_style(ThemeTextStyle(k["_theme"]))
    else:
        base, theme_style = defaults.style, defaults.theme_style
    own = merge(base, given)
    factor, delta = k.get("_fontSizeFactor", 1.0), k.get("_fontSizeDelta", 0.0)
    if (factor, delta) != (1.0, 0.0):
        size = own.size if own is not None and own.size is not None else _theme_size(theme_style)
        own = merge(own, ft.TextStyle(size=size * factor + delta))
    return own, theme_style


def _theme_size(theme_style: ft.TextThemeStyle | None) -> float:
    """The font size of a text theme style (None: the page's bodyMedium) in the default Material 3
    text theme."""
    metrics = tap.METRICS.get()
    if not metrics.material3 or metrics.text_theme:
        raise unsupported("TextStyle.apply(fontSizeFactor/fontSizeDelta) of a Material 2 or custom text theme style")
    return float(TYPE_SCALE[theme_style.value if theme_style is not None else "bodyMedium"][0])


_TEXT = "data textSpan style textAlign maxLines overflow softWrap textScaleFactor selectionColor"


def _scale(k: dict[str, Any], node: DartObject) -> None:
    if k.get("textScaleFactor") not in (None, 1, 1.0):
        raise unsupported("textScaleFactor other than 1.0", node)


@widget("Text", honours=_TEXT)
def text(node: DartObject) -> ft.Control:
    _scale(node.kwargs, node)
    data = positional(node, 0, "data")
    if data is None:
        raise runtime_error("A non-null String must be provided to a Text widget", node)
    return ft.Text(text_of(data), **_text_args(node.kwargs))


def span(node: Any) -> ft.TextSpan:
    """TextSpan(text, style, children) -> ft.TextSpan, recursively."""
    v.of_type(node, "TextSpan")
    k = node.kwargs
    if isinstance(k.get("style"), ThemeTextStyle):
        raise unsupported("a theme text style on a TextSpan", node)
    children = k.get("children") or []
    if not isinstance(children, list):
        raise bad(children, "a List<InlineSpan>")
    return ft.TextSpan(
        text=text_of(k["text"]) if k.get("text") is not None else None,
        style=v.text_style(k.get("style")),
        spans=[span(child) for child in children] or None,
    )


@widget("Text.rich", honours=_TEXT)
def text_rich(node: DartObject) -> ft.Control:
    _scale(node.kwargs, node)
    return ft.Text(spans=[span(positional(node, 0, "textSpan"))], **_text_args(node.kwargs))


@widget("RichText", honours="text textAlign softWrap overflow maxLines textScaleFactor selectionColor")
def rich_text(node: DartObject) -> ft.Control:
    # RichText does not inherit the theme's DefaultTextStyle: Flutter draws unstyled spans in the
    # engine default (white, 14 px), which is why real apps pass a style.
    _scale(node.kwargs, node)
    args = _text_args(node.kwargs)
    args["style"] = ft.TextStyle(color="#ffffffff", size=14)
    return ft.Text(spans=[span(node.kwargs.get("text"))], **args)


def paragraph_defaults(k: dict[str, Any]) -> dict[str, Any]:
    """The paragraph settings of a DefaultTextStyle (textAlign, maxLines, overflow, softWrap)."""
    return dict(
        text_align=v.enum(k.get("textAlign"), "TextAlign", ft.TextAlign),
        max_lines=int(v.finite(k["maxLines"])) if k.get("maxLines") is not None else None,
        overflow=v.enum(k.get("overflow"), "TextOverflow", ft.TextOverflow),
        soft_wrap=k.get("softWrap"),
    )


def default_style(style: Any, *, replace: bool, **paragraph: Any) -> TextDefaults:
    """The DefaultTextStyle a widget sets for its subtree (`replace`: the constructor; else `.merge`)."""
    if isinstance(style, ThemeTextStyle):
        return (replaced if replace else merged)(None, v.theme_text_style(style), **paragraph)
    return (replaced if replace else merged)(v.text_style(style), **paragraph)


_DEFAULT_TEXT_STYLE = "style textAlign softWrap overflow maxLines textWidthBasis textHeightBehavior child"


@widget("DefaultTextStyle", honours=_DEFAULT_TEXT_STYLE)
def default_text_style(node: DartObject) -> ft.Control:
    k = node.kwargs
    with text_defaults(default_style(k.get("style"), replace=True, **paragraph_defaults(k))):
        return build(k.get("child"))


@widget("DefaultTextStyle.merge", honours=_DEFAULT_TEXT_STYLE)
def default_text_style_merge(node: DartObject) -> ft.Control:
    k = node.kwargs
    with text_defaults(default_style(k.get("style"), replace=False, **paragraph_defaults(k))):
        return build(k.get("child"))


# --- icons and images ---------------------------------------------------------------------------


@widget("Icon", honours="icon size color fill weight grade opticalSize shadows applyTextScaling")
def icon(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("shadows") is not None:
        raise unsupported("Icon.shadows", node)
    data = v.icon(positional(node, 0, "icon")) if node.args and node.args[0] is not None else None
    if data is None:  # Icon(null) lays out as an empty box of the icon size
        size = v.finite(k.get("size")) or 24
        return ft.Container(width=size, height=size)
    return ft.Icon(
        data,
        size=v.finite(k.get("size")),
        color=v.color(k.get("color")),
        fill=v.finite(k.get("fill")),
        weight=v.finite(k.get("weight")),
        grade=v.finite(k.get("grade")),
        optical_size=v.finite(k.get("opticalSize")),
    )


def placeholder_image(k: dict[str, Any]) -> ft.Control:
    """A flat box of the size Flutter gives the image before it has loaded (the renderer never fetches
    network images or reads assets). rendering/image.dart sizes it `tightFor(width, height)
    .enforce(constraints).smallest`: a missing width or height is the constraints' minimum, which is
    what a Container of size 0 gets too (0 under loose constraints, the full extent under tight ones)."""
    width, height = v.number(k.get("width")), v.number(k.get("height"))
    return ft.Container(
        width=0 if width is None else width, height=0 if height is None else height, bgcolor=IMAGE_PLACEHOLDER
    )


_IMAGE = (
    "name src image width height fit alignment color opacity colorBlendMode repeat centerSlice "
    "matchTextDirection gaplessPlayback isAntiAlias filterQuality cacheWidth cacheHeight scale headers bundle "
    "package frameBuilder loadingBuilder errorBuilder semanticLabel excludeFromSemantics"
)


@widget("Image", "Image.asset", "Image.network", honours=_IMAGE)
def image(node: DartObject) -> ft.Control:
    return placeholder_image(node.kwargs)


@widget(
    "CircleAvatar",
    honours="child backgroundColor backgroundImage foregroundImage foregroundColor radius minRadius maxRadius",
)
def circle_avatar(node: DartObject) -> ft.Control:
    k = node.kwargs
    has_image = k.get("backgroundImage") is not None or k.get("foregroundImage") is not None
    return ft.CircleAvatar(
        content=build_optional(k.get("child")),
        bgcolor=IMAGE_PLACEHOLDER
        if has_image and k.get("backgroundColor") is None
        else v.color(k.get("backgroundColor")),
        color=v.color(k.get("foregroundColor")),
        radius=v.finite(k.get("radius")),
        min_radius=v.finite(k.get("minRadius")),
        max_radius=v.finite(k.get("maxRadius")),
    )


# --- surfaces -----------------------------------------------------------------------------------


@widget(
    "Card",
    "Card.filled",
    "Card.outlined",
    honours="color shadowColor surfaceTintColor elevation shape margin clipBehavior child borderOnForeground",
)
def card(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("surfaceTintColor") is not None:
        raise unsupported("Card.surfaceTintColor", node)
    variant = {"": ft.CardVariant.ELEVATED, "filled": ft.CardVariant.FILLED, "outlined": ft.CardVariant.OUTLINED}
    return ft.Card(
        content=build_optional(k.get("child")),
        bgcolor=v.color(k.get("color")),
        shadow_color=v.color(k.get("shadowColor")),
        elevation=v.finite(k.get("elevation")),
        shape=v.shape_border(k.get("shape")),
        margin=v.margin(k.get("margin")),
        clip_behavior=v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior),
        variant=variant[node.ctor],
    )


def _tile_width_check(node: DartObject) -> None:
    if unbounded("h"):
        raise layout_error(
            f"{node.type} was given unbounded width (a ListTile in a Row needs Expanded or a SizedBox)", node
        )


_TILE = (
    "leading title subtitle trailing isThreeLine dense visualDensity shape selectedColor iconColor textColor "
    "titleTextStyle subtitleTextStyle leadingAndTrailingTextStyle contentPadding enabled selected tileColor "
    "selectedTileColor horizontalTitleGap minVerticalPadding minLeadingWidth minTileHeight titleAlignment style"
)


@widget("ListTile", honours=_TILE)
def list_tile(node: DartObject) -> ft.Control:
    _tile_width_check(node)
    return make_list_tile(
        node.kwargs,
        leading=build_optional(node.kwargs.get("leading")),
        trailing=build_optional(node.kwargs.get("trailing")),
    )


def make_list_tile(k: dict[str, Any], *, leading: ft.Control | None, trailing: ft.Control | None) -> ft.ListTile:
    """The ListTile every *ListTile widget draws, with its leading/trailing controls already built."""
    with axes(horizontal=False):
        title, subtitle = build_optional(k.get("title")), build_optional(k.get("subtitle"))
    if k.get("visualDensity") is not None or k.get("style") is not None or k.get("titleAlignment") is not None:
        raise unsupported("ListTile.visualDensity/style/titleAlignment")
    return ft.ListTile(
        leading=leading,
        title=title,
        subtitle=subtitle,
        trailing=trailing,
        is_three_line=bool(k.get("isThreeLine")),
        dense=k.get("dense"),
        shape=v.shape_border(k.get("shape")),
        selected_color=v.color(k.get("selectedColor")),
        icon_color=v.color(k.get("iconColor")),
        text_color=v.color(k.get("textColor")),
        title_text_style=v.text_style(k.get("titleTextStyle")),
        subtitle_text_style=v.text_style(k.get("subtitleTextStyle")),
        leading_and_trailing_text_style=v.text_style(k.get("leadingAndTrailingTextStyle")),
        content_padding=v.edge_insets(k.get("contentPadding")),
        selected=bool(k.get("selected")),
        bgcolor=v.color(k.get("tileColor")),
        selected_tile_color=v.color(k.get("selectedTileColor")),
        horizontal_spacing=v.finite(k.get("horizontalTitleGap")),
        min_vertical_padding=v.finite(k.get("minVerticalPadding")),
        min_leading_width=v.finite(k.get("minLeadingWidth")),
        min_height=v.finite(k.get("minTileHeight")),
        disabled=k.get("enabled") is False,
    )


@widget("Divider", honours="height thickness indent endIndent color radius")
def divider(node: DartObject) -> ft.Control:
    k = node.kwargs
    return ft.Divider(
        height=v.finite(k.get("height")),
        thickness=v.finite(k.get("thickness")),
        leading_indent=v.finite(k.get("indent")),
        trailing_indent=v.finite(k.get("endIndent")),
        color=v.color(k.get("color")),
        radius=v.border_radius(k.get("radius")),
    )


@widget("VerticalDivider", honours="width thickness indent endIndent color radius")
def vertical_divider(node: DartObject) -> ft.Control:
    k = node.kwargs
    return ft.VerticalDivider(
        width=v.finite(k.get("width")),
        thickness=v.finite(k.get("thickness")),
        leading_indent=v.finite(k.get("indent")),
        trailing_indent=v.finite(k.get("endIndent")),
        color=v.color(k.get("color")),
        radius=v.border_radius(k.get("radius")),
    )


# --- buttons ------------------------------------------------------------------------------------


def _state_value(value: Any) -> Any:
    """A WidgetStateProperty in a button style: its value for an enabled button at rest."""
    return v.state_value(value)


def style_values(value: Any) -> dict[str, Any]:
    """The values a ButtonStyle / X.styleFrom(...) sets (WidgetStatePropertyAll unwrapped)."""
    if value is None:
        return {}
    if not isinstance(value, DartObject) or not (value.type == "ButtonStyle" or value.ctor == "styleFrom"):
        raise bad(value, "a ButtonStyle")
    return {name: _state_value(x) for name, x in value.kwargs.items() if x is not None}


def button_style(value: Any) -> tuple[ft.ButtonStyle | None, float | None, float | None]:
    """ButtonStyle / X.styleFrom(...) -> (ft.ButtonStyle, width, height).

    Flet's ButtonStyle has no minimum/fixed size; those become the button's width/height, which is
    exact whenever the minimum exceeds the button's natural size (the usual full-width button)."""
    if value is None:
        return None, None, None
    k = style_values(value)
    for name in (
        "maximumSize",
        "iconAlignment",
        "backgroundBuilder",
        "foregroundBuilder",
        "alignment",
        "disabledForegroundColor",
        "disabledBackgroundColor",
        "disabledIconColor",
    ):
        if k.get(name) is not None:
            raise unsupported(f"{value.type}.{value.ctor or ''} {name}".replace(". ", "."))
    width = height = None
    for name in ("minimumSize", "fixedSize"):
        if k.get(name) is not None:
            w, h = v.size(k[name])
            width = w if w else width
            height = h if h and (name == "fixedSize" or h > 40) else height
    style = ft.ButtonStyle(
        color=v.color(k.get("foregroundColor")),
        bgcolor=v.color(k.get("backgroundColor")),
        shadow_color=v.color(k.get("shadowColor")),
        elevation=v.finite(k.get("elevation")),
        padding=v.edge_insets(k.get("padding")),
        side=v.border_side(k.get("side")),
        shape=v.shape_border(k.get("shape")),
        text_style=_button_text_style(k.get("textStyle")),
        icon_color=v.color(k.get("iconColor")),
        icon_size=v.finite(k.get("iconSize")),
        visual_density=_flet_density(k.get("visualDensity")),
    )
    return style, width, height


def _button_text_style(value: Any) -> ft.TextStyle | None:
    """ButtonStyle.textStyle. A theme style (`Theme.of(context).textTheme.headlineSmall`) is the type
    scale's under a theme that keeps Flutter's Material 3 text theme; its colour never shows, as the
    button paints its label in the foreground colour (button_style_button.dart)."""
    metrics = tap.METRICS.get()
    if isinstance(value, ThemeTextStyle) and value.name in TYPE_SCALE and metrics.material3 and not metrics.text_theme:
        return type_scale_style(value.name)
    return v.text_style(value)


def _flet_density(value: Any) -> ft.VisualDensity | None:
    density = tap.density_of(value)
    return None if density is None else tap.flet_density(density)


def _label_height(control: ft.Control) -> float | None:
    """The height of a button's label as Flutter lays it out: a Text line of labelLarge (14 px, height
    1.43) or its own size, an Icon (18 px in buttons), the tallest of a Row of them; None otherwise."""
    if isinstance(control, ft.Text):
        style = control.style
        size = (style.size if style is not None and style.size else None) or control.size or 14
        return size * ((style.height if style is not None and style.height else None) or 1.43)
    if isinstance(control, ft.Icon):
        return control.size or 18
    if isinstance(control, ft.Row):
        heights = [_label_height(child) for child in control.controls]
        return None if None in heights or not heights else max(heights)
    return None


_BUTTONS = {
    "ElevatedButton": ft.Button,
    "FilledButton": ft.FilledButton,
    "TextButton": ft.TextButton,
    "OutlinedButton": ft.OutlinedButton,
}


@widget(
    *[f"{name}{ctor}" for name in _BUTTONS for ctor in ("", ".icon")],
    "FilledButton.tonal",
    "FilledButton.tonalIcon",
    honours="child icon label style onPressed",
)
def button(node: DartObject) -> ft.Control:
    k = node.kwargs
    kind = ft.FilledTonalButton if node.ctor.startswith("tonal") else _BUTTONS[node.type]
    style, width, height = button_style(k.get("style"))
    with axes(horizontal=True):
        content = build(k["label"]) if "label" in k else build_optional(k.get("child"))
    icon = build_optional(k.get("icon"))
    # `child: null` is valid: Flutter aligns nothing in the button; Flet needs a control, so a 0x0 one
    control = kind(
        content=content or ft.Container(width=0, height=0), icon=icon, style=style, disabled=k.get("onPressed") is None
    )
    control.width, control.height = width, height
    return _tap_sized(node, control, [c for c in (content, icon) if c is not None])


def _tap_sized(node: DartObject, control: ft.Control, parts: list[ft.Control]) -> ft.Control:
    """A ButtonStyleButton at its shrink-wrapped size when tap targets are shrink-wrapped (M3: at least
    40 px tall, TextButton with 8 px vertical padding, the others none; M2: 36 px, TextButton 8)."""
    style = style_values(node.kwargs.get("style"))
    tapping = tap.METRICS.get()
    if not tap.shrinks(style.get("tapTargetSize")):
        return control
    heights = [_label_height(part) for part in parts]
    if None in heights:
        raise unsupported(f"{node.type} with shrink-wrapped tap targets and a child other than Text or Icon", node)
    density = tap.density_of(style.get("visualDensity"))
    padding = v.edge_insets(style.get("padding"))
    vertical = 8.0 if node.type == "TextButton" else 0.0
    axis = tap.ButtonAxis(
        40.0 if tapping.material3 else 36.0,
        padding.top if padding else vertical,
        padding.bottom if padding else vertical,
        max(heights, default=0.0),
    )
    return tap.button(control, tapping.density if density is None else density, axis)


_ICON_BUTTONS = {
    "": ft.IconButton,
    "filled": ft.FilledIconButton,
    "filledTonal": ft.FilledTonalIconButton,
    "outlined": ft.OutlinedIconButton,
}


@widget(
    *[f"IconButton{'.' + c if c else ''}" for c in _ICON_BUTTONS],
    honours="icon iconSize color padding alignment style isSelected selectedIcon onPressed disabledColor "
    "visualDensity constraints",
)
def icon_button(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("constraints") is not None or k.get("alignment") is not None:
        raise unsupported("IconButton.constraints/alignment", node)
    style, width, height = button_style(k.get("style"))
    values = style_values(k.get("style"))
    icon = build(k.get("icon"))
    enabled = k.get("onPressed") is not None
    foreground = v.color(k.get("color") if enabled else k.get("disabledColor"))
    if isinstance(icon, ft.Icon) and icon.color is None and foreground is not None:
        # Flutter gives the icon the button's colour through an IconTheme (an Icon's own colour wins);
        # Flet 1.0.5's IconButton does not pass icon_color to an icon control.
        icon.color = foreground
    padding = v.edge_insets(k.get("padding") or values.get("padding"))
    control = _ICON_BUTTONS[node.ctor](
        icon=icon,
        icon_size=v.finite(k.get("iconSize")),
        icon_color=v.color(k.get("color")),
        padding=v.edge_insets(k.get("padding")),
        style=style,
        selected=k.get("isSelected"),
        selected_icon=build_optional(k.get("selectedIcon")),
        disabled=not enabled,
        disabled_color=v.color(k.get("disabledColor")),
        visual_density=_flet_density(k.get("visualDensity")),
    )
    control.width, control.height = width, height
    if not tap.shrinks(values.get("tapTargetSize")):
        return control
    if not isinstance(icon, ft.Icon):
        raise unsupported("IconButton with shrink-wrapped tap targets and an icon other than Icon", node)
    # Material 3 IconButton: 40 px minimum, 8 px padding, a 24 px icon, and the *standard* density
    # unless the button sets one (its M3 defaults do not read the theme's).
    size = icon.size or v.finite(k.get("iconSize")) or v.finite(values.get("iconSize")) or 24
    pad = padding or ft.Padding(8, 8, 8, 8)
    density = tap.density_of(k.get("visualDensity") or values.get("visualDensity")) or 0.0
    return tap.button(
        control, density, tap.ButtonAxis(40, pad.top, pad.bottom, size), tap.ButtonAxis(40, pad.left, pad.right, size)
    )


_FAB = "child foregroundColor backgroundColor elevation shape mini onPressed isExtended"


@widget("FloatingActionButton", "FloatingActionButton.small", honours=_FAB)
def floating_action_button(node: DartObject) -> ft.Control:
    k = node.kwargs
    return ft.FloatingActionButton(
        content=build_optional(k.get("child")),
        bgcolor=v.color(k.get("backgroundColor")),
        foreground_color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shape=v.shape_border(k.get("shape")),
        mini=bool(k.get("mini")) or node.ctor == "small",
    )


# FloatingActionButton.large (floating_action_button.dart, _FABDefaultsM3 / _FABDefaultsM2): a 96 px
# square with a 36 px icon; M3 rounds it by 28 px, M2 keeps the circle.
_LARGE_FAB_SIZE, _LARGE_FAB_ICON, _LARGE_FAB_RADIUS = 96, 36, 28


@widget("FloatingActionButton.large", honours=_FAB)
def floating_action_button_large(node: DartObject) -> ft.Control:
    k = node.kwargs
    child = build_optional(k.get("child"))
    if child is not None and not isinstance(child, ft.Icon):
        # The 36 px IconTheme would reach icons anywhere below; only a direct Icon is resized here.
        raise unsupported("FloatingActionButton.large with a child other than an Icon", node)
    if isinstance(child, ft.Icon) and child.size is None:
        child.size = _LARGE_FAB_ICON
    shape = v.shape_border(k.get("shape")) or (
        ft.RoundedRectangleBorder(radius=_LARGE_FAB_RADIUS) if tap.METRICS.get().material3 else ft.CircleBorder()
    )
    return ft.FloatingActionButton(
        content=child,
        bgcolor=v.color(k.get("backgroundColor")),
        foreground_color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shape=shape,
        width=_LARGE_FAB_SIZE,
        height=_LARGE_FAB_SIZE,
    )


@widget("FloatingActionButton.extended", honours=_FAB + " icon label")
def floating_action_button_extended(node: DartObject) -> ft.Control:
    k = node.kwargs
    return ft.FloatingActionButton(
        content=build(k.get("label")),
        icon=build_optional(k.get("icon")),
        bgcolor=v.color(k.get("backgroundColor")),
        foreground_color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shape=v.shape_border(k.get("shape")),
    )


# --- chips, badges, progress --------------------------------------------------------------------

_CHIP = (
    "label avatar labelStyle labelPadding side shape color backgroundColor padding elevation shadowColor "
    "deleteIcon deleteIconColor selected selectedColor showCheckmark checkmarkColor disabledColor isEnabled"
)


@widget("Chip", "ActionChip", "FilterChip", "ChoiceChip", "InputChip", honours=_CHIP)
def chip(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("color") is not None:
        raise unsupported(f"{node.type}.color (a WidgetStateProperty)", node)
    selectable = node.type in ("FilterChip", "ChoiceChip", "InputChip")
    noop = lambda e: None  # noqa: E731 - Flet draws the delete/select affordances only with a handler
    disabled = (node.type == "ActionChip" and k.get("onPressed") is None) or k.get("isEnabled") is False
    # A MaterialStateOutlinedBorder's shape in the chip's state; null defers to the chip's default.
    shape = v.state_value(k.get("shape"), selected=selectable and bool(k.get("selected")), disabled=disabled)
    return ft.Chip(
        label=build(k.get("label")),
        leading=build_optional(k.get("avatar")),
        label_text_style=v.text_style(k.get("labelStyle")),
        label_padding=v.edge_insets(k.get("labelPadding")),
        border_side=v.border_side(k.get("side")),
        shape=v.shape_border(shape),
        bgcolor=v.color(k.get("backgroundColor")),
        padding=v.edge_insets(k.get("padding")),
        elevation=v.finite(k.get("elevation")),
        shadow_color=v.color(k.get("shadowColor")),
        delete_icon=build_optional(k.get("deleteIcon")),
        delete_icon_color=v.color(k.get("deleteIconColor")),
        on_delete=noop if k.get("onDeleted") is not None else None,
        selected=bool(k.get("selected")) if selectable else False,
        on_select=noop if selectable and k.get("onSelected") is not None else None,
        selected_color=v.color(k.get("selectedColor")),
        show_checkmark=k.get("showCheckmark", node.type == "FilterChip" or node.type == "InputChip"),
        check_color=v.color(k.get("checkmarkColor")),
        # A plain Chip is enabled in Flutter; Flet draws a chip without any handler as disabled.
        on_click=noop if not selectable and (node.type == "Chip" or k.get("onPressed") is not None) else None,
        disabled=disabled,
    )


_BADGE = "backgroundColor textColor smallSize largeSize textStyle padding alignment label isLabelVisible child count"


@widget("Badge", "Badge.count", honours=_BADGE)
def badge(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("child") is None:
        raise unsupported("Badge without a child", node)
    if k.get("label") is not None and not (isinstance(k["label"], DartObject) and k["label"].type == "Text"):
        raise unsupported("a Badge label other than Text", node)
    label = str(k["count"]) if node.ctor == "count" else (k["label"].args[0] if k.get("label") else None)
    control = build(k["child"])
    control.badge = ft.Badge(
        label=label,
        bgcolor=v.color(k.get("backgroundColor")),
        text_color=v.color(k.get("textColor")),
        small_size=v.finite(k.get("smallSize")),
        large_size=v.finite(k.get("largeSize")),
        text_style=v.text_style(k.get("textStyle")),
        padding=v.edge_insets(k.get("padding")),
        alignment=v.alignment(k.get("alignment")),
        label_visible=k.get("isLabelVisible", True) is not False,
    )
    return control


# Indeterminate indicators animate forever; a frozen frame at these values keeps renders identical.
FROZEN_CIRCULAR = 0.25
FROZEN_LINEAR = 0.3


def _progress_value(k: dict[str, Any], frozen: float) -> float:
    value = v.finite(k.get("value"))
    return frozen if value is None else value


@widget(
    "CircularProgressIndicator",
    honours="value backgroundColor color valueColor strokeWidth strokeAlign "
    "strokeCap trackGap year2023 padding constraints",
)
def circular_progress(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("valueColor") is not None or k.get("constraints") is not None:
        raise unsupported("CircularProgressIndicator.valueColor/constraints", node)
    return ft.ProgressRing(
        value=_progress_value(k, FROZEN_CIRCULAR),
        color=v.color(k.get("color")),
        bgcolor=v.color(k.get("backgroundColor")),
        stroke_width=v.finite(k.get("strokeWidth")),
        stroke_align=v.finite(k.get("strokeAlign")),
        stroke_cap=v.enum(k.get("strokeCap"), "StrokeCap", ft.StrokeCap),
        track_gap=v.finite(k.get("trackGap")),
        year_2023=k.get("year2023"),
        padding=v.edge_insets(k.get("padding")),
    )


@widget(
    "LinearProgressIndicator",
    honours="value backgroundColor color valueColor minHeight borderRadius "
    "stopIndicatorColor stopIndicatorRadius trackGap year2023",
)
def linear_progress(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("valueColor") is not None:
        raise unsupported("LinearProgressIndicator.valueColor", node)
    return ft.ProgressBar(
        value=_progress_value(k, FROZEN_LINEAR),
        color=v.color(k.get("color")),
        bgcolor=v.color(k.get("backgroundColor")),
        bar_height=v.finite(k.get("minHeight")),
        border_radius=v.border_radius(k.get("borderRadius")),
        stop_indicator_color=v.color(k.get("stopIndicatorColor")),
        stop_indicator_radius=v.finite(k.get("stopIndicatorRadius")),
        track_gap=v.finite(k.get("trackGap")),
        year_2023=k.get("year2023"),
    )
