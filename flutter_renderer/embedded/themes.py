"""ThemeData's sub-themes -> Flet's theme objects (Flet hands them to Flutter's ThemeData).

`sub_themes(kwargs)` converts the sub-themes ThemeData was given. Themes of things a first frame
never shows (tooltips, snack bars, popup menus, text selection, scrollbars, page transitions) are
accepted and change nothing. InputDecorationTheme has no Flet equivalent: its values are applied by
the text field builders as Flutter's `InputDecoration.applyDefaults` does (`input_defaults`).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.material import button_style
from flutter_renderer.embedded.registry import bad, unsupported
from flutter_renderer.embedded.text_defaults import TYPE_SCALE, merge, type_scale_style
from flutter_renderer.ir import DartObject

# Themes of widgets a first frame never shows.
INVISIBLE_THEMES = frozenset(
    "tooltipTheme snackBarTheme popupMenuTheme textSelectionTheme scrollbarTheme "
    "menuTheme menuBarTheme menuButtonTheme bannerTheme timePickerTheme "
    "datePickerTheme".split()
)
INPUT_DECORATION: ContextVar[Mapping[str, Any]] = ContextVar("input_decoration", default=MappingProxyType({}))
# ActionIconThemeData: the icon widgets its builders built (the front end ran them), by builder name.
ACTION_ICONS: ContextVar[Mapping[str, Any]] = ContextVar("action_icons", default=MappingProxyType({}))
# Whether the ThemeData sets a bannerTheme (invisible unless a MaterialBanner is in the tree, which
# then does not draw it)
BANNER_THEMED: ContextVar[bool] = ContextVar("banner_themed", default=False)
# ThemeData.platform (what adaptive widgets follow); the renderer's device is an Android phone
PLATFORM: ContextVar[str] = ContextVar("theme_platform", default="android")
_ACTION_ICON_BUILDERS = frozenset(
    "backButtonIconBuilder closeButtonIconBuilder drawerButtonIconBuilder endDrawerButtonIconBuilder".split()
)


def _of(value: Any, *types: str) -> dict[str, Any]:
    if not isinstance(value, DartObject) or value.type not in types:
        raise bad(value, f"a {types[0]}")
    return value.kwargs


def text_theme(value: Any) -> ft.TextTheme:
    """TextTheme(bodyMedium: ...): each style given is merged onto Material 3's for that role, as
    ThemeData merges a text theme onto its defaults (Flet would replace the whole style)."""
    k = _of(value, "TextTheme")
    styles = {}
    for name, style in k.items():
        if style is None or name == "key":
            continue
        if name not in TYPE_SCALE:
            raise unsupported(f"TextTheme.{name} (a Material 2 name)", value)
        base = type_scale_style(name, "onsurface")
        styles["".join("_" + c.lower() if c.isupper() else c for c in name)] = merge(base, v.text_style(style))
    return ft.TextTheme(**styles)


def _button_theme(kind: type, data_type: str) -> Callable[[Any], Any]:
    """A converter of XButtonThemeData(style:) to Flet's theme of that button."""

    def convert(value: Any) -> Any:
        style, width, height = button_style(_of(value, data_type).get("style"))
        if width is not None or height is not None:
            raise unsupported(f"{value.type} minimumSize/fixedSize", value)
        return kind(style=style)

    return convert


def card_theme(value: Any) -> ft.CardTheme:
    k = _of(value, "CardTheme", "CardThemeData")
    if k.get("surfaceTintColor") is not None:
        raise unsupported("CardTheme.surfaceTintColor", value)
    return ft.CardTheme(
        color=v.color(k.get("color")),
        shadow_color=v.color(k.get("shadowColor")),
        elevation=v.finite(k.get("elevation")),
        shape=v.shape_border(k.get("shape")),
        clip_behavior=v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior),
        margin=v.margin(k.get("margin")),
    )


def icon_theme(value: Any) -> ft.IconTheme:
    k = _of(value, "IconThemeData")
    if k.get("shadows") is not None:
        raise unsupported("IconThemeData.shadows", value)
    return ft.IconTheme(
        color=v.color(k.get("color")),
        size=v.finite(k.get("size")),
        opacity=v.finite(k.get("opacity")),
        fill=v.finite(k.get("fill")),
        weight=v.finite(k.get("weight")),
        grade=v.finite(k.get("grade")),
        optical_size=v.finite(k.get("opticalSize")),
    )


def divider_theme(value: Any) -> ft.DividerTheme:
    k = _of(value, "DividerThemeData")
    return ft.DividerTheme(
        color=v.color(k.get("color")),
        thickness=v.finite(k.get("thickness")),
        space=v.finite(k.get("space")),
        leading_indent=v.finite(k.get("indent")),
        trailing_indent=v.finite(k.get("endIndent")),
    )


def list_tile_theme(value: Any) -> ft.ListTileTheme:
    k = _of(value, "ListTileThemeData")
    for name in ("style", "visualDensity", "titleAlignment", "leadingAndTrailingTextStyle"):
        if k.get(name) is not None:
            raise unsupported(f"ListTileThemeData.{name}", value)
    return ft.ListTileTheme(
        icon_color=v.color(k.get("iconColor")),
        text_color=v.color(k.get("textColor")),
        bgcolor=v.color(k.get("tileColor")),
        selected_tile_color=v.color(k.get("selectedTileColor")),
        selected_color=v.color(k.get("selectedColor")),
        is_three_line=k.get("isThreeLine"),
        dense=k.get("dense"),
        shape=v.shape_border(k.get("shape")),
        content_padding=v.edge_insets(k.get("contentPadding")),
        min_vertical_padding=v.finite(k.get("minVerticalPadding")),
        horizontal_spacing=v.finite(k.get("horizontalTitleGap")),
        min_leading_width=v.finite(k.get("minLeadingWidth")),
        title_text_style=v.text_style(k.get("titleTextStyle")),
        subtitle_text_style=v.text_style(k.get("subtitleTextStyle")),
        min_height=v.finite(k.get("minTileHeight")),
    )


def fab_theme(value: Any) -> ft.FloatingActionButtonTheme:
    k = _of(value, "FloatingActionButtonThemeData")
    for name in (
        "iconSize",
        "sizeConstraints",
        "smallSizeConstraints",
        "largeSizeConstraints",
        "extendedSizeConstraints",
        "extendedTextStyle",
        "extendedPadding",
        "extendedIconLabelSpacing",
    ):
        if k.get(name) is not None:
            raise unsupported(f"FloatingActionButtonThemeData.{name}", value)
    return ft.FloatingActionButtonTheme(
        bgcolor=v.color(k.get("backgroundColor")),
        foreground_color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shape=v.shape_border(k.get("shape")),
    )


def navigation_bar_theme(value: Any) -> ft.NavigationBarTheme:
    k = _of(value, "NavigationBarThemeData")
    for name in ("labelTextStyle", "iconTheme", "surfaceTintColor"):
        if k.get(name) is not None:
            raise unsupported(f"NavigationBarThemeData.{name}", value)
    return ft.NavigationBarTheme(
        bgcolor=v.color(k.get("backgroundColor")),
        shadow_color=v.color(k.get("shadowColor")),
        indicator_color=v.color(k.get("indicatorColor")),
        elevation=v.finite(k.get("elevation")),
        height=v.finite(k.get("height")),
        indicator_shape=v.shape_border(k.get("indicatorShape")),
        label_behavior=v.enum(
            k.get("labelBehavior"), "NavigationDestinationLabelBehavior", ft.NavigationBarLabelBehavior
        ),
    )


def checkbox_theme(value: Any) -> ft.CheckboxTheme:
    k = _of(value, "CheckboxThemeData")
    return ft.CheckboxTheme(
        fill_color=v.control_states(k.get("fillColor")),
        check_color=v.control_states(k.get("checkColor")),
        shape=v.shape_border(k.get("shape")),
        border_side=v.border_side(k.get("side")),
    )


def radio_theme(value: Any) -> ft.RadioTheme:
    return ft.RadioTheme(fill_color=v.control_states(_of(value, "RadioThemeData").get("fillColor")))


def switch_theme(value: Any) -> ft.SwitchTheme:
    k = _of(value, "SwitchThemeData")
    if k.get("thumbIcon") is not None:
        raise unsupported("SwitchThemeData.thumbIcon", value)
    return ft.SwitchTheme(
        thumb_color=v.control_states(k.get("thumbColor")),
        track_color=v.control_states(k.get("trackColor")),
        track_outline_color=v.control_states(k.get("trackOutlineColor")),
    )


def progress_theme(value: Any) -> ft.ProgressIndicatorTheme:
    k = _of(value, "ProgressIndicatorThemeData")
    return ft.ProgressIndicatorTheme(
        color=v.color(k.get("color")),
        linear_track_color=v.color(k.get("linearTrackColor")),
        linear_min_height=v.finite(k.get("linearMinHeight")),
        circular_track_color=v.color(k.get("circularTrackColor")),
    )


def tab_bar_theme(value: Any) -> ft.TabBarTheme:
    k = _of(value, "TabBarTheme", "TabBarThemeData")
    if k.get("indicator") is not None:
        raise unsupported("TabBarTheme.indicator", value)
    return ft.TabBarTheme(
        indicator_color=v.color(k.get("indicatorColor")),
        divider_color=v.color(k.get("dividerColor")),
        divider_height=v.finite(k.get("dividerHeight")),
        label_color=v.color(k.get("labelColor")),
        unselected_label_color=v.color(k.get("unselectedLabelColor")),
        label_padding=v.edge_insets(k.get("labelPadding")),
        label_text_style=v.text_style(k.get("labelStyle")),
        unselected_label_text_style=v.text_style(k.get("unselectedLabelStyle")),
        indicator_size=v.enum(k.get("indicatorSize"), "TabBarIndicatorSize", ft.TabBarIndicatorSize),
        tab_alignment=v.enum(k.get("tabAlignment"), "TabAlignment", ft.TabAlignment),
    )


# ThemeData parameter -> (ft.Theme field, converter).
SUB_THEMES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "textTheme": ("text_theme", text_theme),
    "elevatedButtonTheme": ("button_theme", _button_theme(ft.ButtonTheme, "ElevatedButtonThemeData")),
    "filledButtonTheme": ("filled_button_theme", _button_theme(ft.FilledButtonTheme, "FilledButtonThemeData")),
    "outlinedButtonTheme": ("outlined_button_theme", _button_theme(ft.OutlinedButtonTheme, "OutlinedButtonThemeData")),
    "textButtonTheme": ("text_button_theme", _button_theme(ft.TextButtonTheme, "TextButtonThemeData")),
    "iconButtonTheme": ("icon_button_theme", _button_theme(ft.IconButtonTheme, "IconButtonThemeData")),
    "cardTheme": ("card_theme", card_theme),
    "iconTheme": ("icon_theme", icon_theme),
    "dividerTheme": ("divider_theme", divider_theme),
    "listTileTheme": ("list_tile_theme", list_tile_theme),
    "floatingActionButtonTheme": ("floating_action_button_theme", fab_theme),
    "navigationBarTheme": ("navigation_bar_theme", navigation_bar_theme),
    "checkboxTheme": ("checkbox_theme", checkbox_theme),
    "radioTheme": ("radio_theme", radio_theme),
    "switchTheme": ("switch_theme", switch_theme),
    "progressIndicatorTheme": ("progress_indicator_theme", progress_theme),
    "tabBarTheme": ("tab_bar_theme", tab_bar_theme),
}
HANDLED = frozenset(SUB_THEMES) | INVISIBLE_THEMES | {"inputDecorationTheme", "actionIconTheme"}


def sub_themes(k: dict[str, Any]) -> dict[str, Any]:
    """The ft.Theme arguments for the sub-themes in ThemeData's arguments `k`."""
    return {field: convert(k[name]) for name, (field, convert) in SUB_THEMES.items() if k.get(name) is not None}


# What an InputDecorationTheme supplies to the decorations the field builders draw; the borders and
# colours of focus and hover never show in a still frame.
_INPUT_THEME = frozenset(
    "labelStyle helperStyle hintStyle errorStyle isDense contentPadding prefixStyle suffixStyle "
    "filled fillColor enabledBorder border alignLabelWithHint".split()
)
_INPUT_THEME_INVISIBLE = frozenset(
    "focusedBorder focusedErrorBorder focusColor hoverColor hintFadeDuration floatingLabelStyle key".split()
)


def input_decoration_theme(value: Any) -> dict[str, Any]:
    """InputDecorationTheme -> the InputDecoration arguments it supplies where a field gives none."""
    k = _of(value, "InputDecorationTheme")
    for name, given in k.items():
        if given is not None and given is not False and name not in _INPUT_THEME | _INPUT_THEME_INVISIBLE:
            raise unsupported(f"InputDecorationTheme.{name}", value)
    return {name: k[name] for name in _INPUT_THEME if k.get(name) is not None}


def action_icon_theme(value: Any) -> dict[str, Any]:
    """ActionIconThemeData -> the icon widget of each builder it has."""
    k = _of(value, "ActionIconThemeData")
    return {name: k[name] for name in _ACTION_ICON_BUILDERS if k.get(name) is not None}


@contextmanager
def theme_defaults(theme_data: Any) -> Iterator[None]:
    """Build with this ThemeData's InputDecorationTheme as the defaults of every field's decoration,
    its ActionIconTheme's icons for the buttons app bars imply, whether it sets a bannerTheme, and
    its platform."""
    k = theme_data.kwargs if isinstance(theme_data, DartObject) else {}
    given, icons = k.get("inputDecorationTheme"), k.get("actionIconTheme")
    token = INPUT_DECORATION.set(input_decoration_theme(given) if given is not None else {})
    icons_token = ACTION_ICONS.set(action_icon_theme(icons) if icons is not None else {})
    banner_token = BANNER_THEMED.set(k.get("bannerTheme") is not None)
    platform_token = PLATFORM.set(getattr(k.get("platform"), "name", "android"))
    try:
        yield
    finally:
        PLATFORM.reset(platform_token)
        INPUT_DECORATION.reset(token)
        ACTION_ICONS.reset(icons_token)
        BANNER_THEMED.reset(banner_token)
