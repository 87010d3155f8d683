"""Cupertino widgets: CupertinoApp's theme, the page and tab scaffolds, navigation and tab bars,
buttons, switches, sliders, segmented controls, list sections and tiles.

Flet's Cupertino controls are Flutter's Cupertino widgets; they read the Cupertino theme Flutter
derives from the page's Material theme (primary -> primaryColor, onPrimary -> primaryContrastingColor),
so a CupertinoApp gives the page a Material theme carrying its Cupertino colours. Metrics Flet sets
differently from Flutter (button padding, disabled colours, the bar's background visibility) are
passed explicitly with Flutter's values. The page scaffold, the tab scaffold and list sections have
no Flet control and are composed (FIDELITY.md).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.inputs import slider_range
from flutter_renderer.embedded.layout import box_decoration
from flutter_renderer.embedded.registry import (
    bad,
    build,
    build_optional,
    evaluated,
    media_padding,
    runtime_error,
    text_of,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.embedded.scaffold import BASELINE_LIGHT
from flutter_renderer.embedded.text_defaults import ENGINE_TEXT, TextDefaults, merge, text_defaults
from flutter_renderer.ir import ColorValue, DartObject, EnumValue


@dataclass(frozen=True)
class CupertinoLook:
    """The CupertinoThemeData in effect (colours as Flet colour strings)."""

    dark: bool = False
    primary: str = "systemblue"
    contrasting: str = "#ffffffff"
    bar: str = "#f0f9f9f9"
    scaffold: str = "#ffffffff"


# CupertinoThemeData's defaults (cupertino/theme.dart): systemBlue, systemBackground, and the bar's
# translucent 0xF0F9F9F9 (dark 0xF01D1D1D); label text black (dark white).
_LIGHT, _DARK = CupertinoLook(), CupertinoLook(True, "systemblue", "#ffffffff", "#f01d1d1d", "#ff000000")
CUPERTINO: ContextVar[CupertinoLook] = ContextVar("cupertino", default=_LIGHT)
_NAV_BAR_HEIGHT = 44.0  # kMinInteractiveDimensionCupertino
_TAB_BAR_HEIGHT = 50.0


def cupertino_theme(node: Any) -> tuple[ft.Theme, bool, TextDefaults, CupertinoLook]:
    """CupertinoThemeData (or None) -> the page's theme, dark, the app's default text, the look."""
    if node is not None and (not isinstance(node, DartObject) or node.type != "CupertinoThemeData"):
        raise bad(node, "a CupertinoThemeData")
    k = node.kwargs if node is not None else {}
    if k.get("textTheme") is not None:
        raise unsupported("CupertinoThemeData.textTheme", node)
    dark = isinstance(k.get("brightness"), EnumValue) and k["brightness"].name == "dark"
    base = _DARK if dark else _LIGHT
    look = CupertinoLook(
        dark,
        v.color(k.get("primaryColor")) or base.primary,
        v.color(k.get("primaryContrastingColor")) or base.contrasting,
        v.color(k.get("barBackgroundColor")) or base.bar,
        v.color(k.get("scaffoldBackgroundColor")) or base.scaffold,
    )
    scheme = dict(BASELINE_LIGHT, primary=look.primary, on_primary=look.contrasting, surface=look.scaffold)
    theme = ft.Theme(
        use_material3=True,
        color_scheme=ft.ColorScheme(**scheme),
        scaffold_bgcolor=look.scaffold,
        visual_density=ft.VisualDensity.STANDARD,
    )
    return theme, dark, TextDefaults(style=text_style(look)), look


def text_style(look: CupertinoLook) -> ft.TextStyle:
    """CupertinoTextThemeData's textStyle: 17 px, letter spacing -0.41, the label colour (black; dark: white)."""
    return merge(
        ENGINE_TEXT, ft.TextStyle(size=17, letter_spacing=-0.41, color="#ffffffff" if look.dark else "#ff000000")
    )


@widget("CupertinoPageScaffold", honours="navigationBar backgroundColor resizeToAvoidBottomInset child")
def page_scaffold(node: DartObject) -> ft.Control:
    # Composed as in cupertino/page_scaffold.dart: the child fills the page behind a translucent bar
    # (with the bar's height as MediaQuery top padding) or below an opaque one; the bar on top.
    k = node.kwargs
    bar_node = k.get("navigationBar")
    look = CUPERTINO.get()
    layers: list[ft.Control] = []
    bar = build(bar_node) if bar_node is not None else None
    opaque = bar is not None and _is_opaque(getattr(bar, "bgcolor", None) or look.bar)
    with media_padding(top=_NAV_BAR_HEIGHT if bar is not None and not opaque else None):
        child = build(k.get("child"))
    layers.append(ft.Container(child, padding=ft.Padding(0, _NAV_BAR_HEIGHT, 0, 0)) if opaque else child)
    if bar is not None:
        layers.append(ft.Container(bar, top=0, left=0, right=0))
    return ft.Container(
        ft.Stack(layers, alignment=ft.Alignment(-1, -1), fit=ft.StackFit.LOOSE, expand=True),
        bgcolor=v.color(k.get("backgroundColor")) or look.scaffold,
        expand=True,
    )


def _is_opaque(color: str) -> bool:
    """Whether a Flet colour string is fully opaque ('#AARRGGBB' with alpha ff, or a name without an
    opacity: 'systemgrey' but not 'systemgrey,0.5')."""
    base, _, opacity = color.partition(",")
    if opacity and float(opacity) < 1:
        return False
    return not (base.startswith("#") and len(base) == 9 and base[1:3].lower() != "ff")


@widget(
    "CupertinoNavigationBar",
    honours="leading automaticallyImplyLeading automaticallyImplyMiddle "
    "previousPageTitle middle trailing border backgroundColor brightness "
    "padding transitionBetweenRoutes heroTag",
)
def navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    bar = ft.CupertinoAppBar(
        leading=build_optional(k.get("leading")),
        title=build_optional(k.get("middle")),
        trailing=build_optional(k.get("trailing")),
        bgcolor=v.color(k.get("backgroundColor")) or CUPERTINO.get().bar,
        automatically_imply_leading=k.get("automaticallyImplyLeading", True) is not False,
        automatically_imply_title=k.get("automaticallyImplyMiddle", True) is not False,
        padding=v.edge_insets(k.get("padding")),
        border=v.border(k.get("border")),
        # The bar draws its background at rest (newer Flutter hides it until content scrolls under).
        automatic_background_visibility=False,
    )
    if k.get("brightness") is not None:
        bar.brightness = v.enum(k["brightness"], "Brightness", ft.Brightness)
    return bar


# CupertinoButton's metrics (cupertino/button.dart): 16 px padding, 14 x 64 when filled, 44 px minimum
# size, 8 px corners, quaternarySystemFill when a filled button is disabled.
_BUTTON_PADDING = ft.Padding(16, 16, 16, 16)
_FILLED_PADDING = ft.Padding(64, 14, 64, 14)


def _button(node: DartObject, filled: bool) -> ft.Control:
    k = node.kwargs
    color = v.color(k.get("color"))
    kind = ft.CupertinoFilledButton if filled else ft.CupertinoButton
    button = kind(
        content=build(k.get("child")),
        bgcolor=color,
        padding=v.edge_insets(k.get("padding")) or (_FILLED_PADDING if filled or color else _BUTTON_PADDING),
        min_size=ft.Size(*(2 * [v.finite(k.get("minSize")) if k.get("minSize") is not None else 44.0])),
        border_radius=v.border_radius(k.get("borderRadius")) or ft.BorderRadius.all(8),
        alignment=v.alignment(k.get("alignment")) or ft.Alignment(0, 0),
        disabled_bgcolor=v.color(k.get("disabledColor")) or "quaternarysystemfill",
        opacity_on_click=v.finite(k.get("pressedOpacity")) or 0.4,
        disabled=k.get("onPressed") is None,
    )
    return button


_BUTTON = "child onPressed padding color disabledColor minSize pressedOpacity borderRadius alignment"


@widget("CupertinoButton", honours=_BUTTON)
def button(node: DartObject) -> ft.Control:
    return _button(node, filled=False)


@widget("CupertinoButton.filled", honours=_BUTTON)
def filled_button(node: DartObject) -> ft.Control:
    return _button(node, filled=True)


@widget(
    "CupertinoSwitch", honours="value onChanged activeColor trackColor thumbColor applyTheme onLabelColor offLabelColor"
)
def switch(node: DartObject) -> ft.Control:
    k = node.kwargs
    # cupertino/switch.dart: the track is systemGreen when on, unless the theme is applied to it.
    themed = k.get("applyTheme") is True
    active = v.color(k.get("activeColor")) or (None if themed else "systemgreen")
    return ft.CupertinoSwitch(
        value=bool(k.get("value")),
        active_track_color=active,
        inactive_track_color=v.color(k.get("trackColor")),
        thumb_color=v.color(k.get("thumbColor")),
        on_label_color=v.color(k.get("onLabelColor")),
        off_label_color=v.color(k.get("offLabelColor")),
        disabled=k.get("onChanged") is None,
    )


@widget("CupertinoSlider", honours="value onChanged min max divisions activeColor thumbColor")
def slider(node: DartObject) -> ft.Control:
    k = node.kwargs
    value, low, high = slider_range(node)
    return ft.CupertinoSlider(
        value=value,
        min=low,
        max=high,
        divisions=k.get("divisions"),
        active_color=v.color(k.get("activeColor")),
        thumb_color=v.color(k.get("thumbColor")),
        disabled=k.get("onChanged") is None,
    )


def _segments(node: DartObject) -> tuple[list[ft.Control], int]:
    """The children map of a segmented control -> its built segments and the selected index (-1: none)."""
    children = node.kwargs.get("children")
    if not isinstance(children, dict) or len(children) < 2:
        raise runtime_error(f"{node.type} needs a children map of at least two segments", node)
    keys = list(children)
    group = node.kwargs.get("groupValue")
    if group is not None and group not in keys:
        raise runtime_error(f"{node.type}.groupValue {group!r} is not one of its children's keys", node)
    return [build(child) for child in children.values()], keys.index(group) if group is not None else -1


@widget(
    "CupertinoSegmentedControl",
    honours="children groupValue onValueChanged unselectedColor selectedColor borderColor pressedColor padding",
)
def segmented_control(node: DartObject) -> ft.Control:
    k = node.kwargs
    controls, selected = _segments(node)
    return ft.CupertinoSegmentedButton(
        controls=controls,
        selected_index=selected,
        selected_color=v.color(k.get("selectedColor")),
        unselected_color=v.color(k.get("unselectedColor")),
        border_color=v.color(k.get("borderColor")),
        click_color=v.color(k.get("pressedColor")),
        padding=v.edge_insets(k.get("padding")),
    )


@widget(
    "CupertinoSlidingSegmentedControl", honours="children groupValue onValueChanged thumbColor padding backgroundColor"
)
def sliding_segmented_control(node: DartObject) -> ft.Control:
    k = node.kwargs
    controls, selected = _segments(node)
    control = ft.CupertinoSlidingSegmentedButton(
        controls=controls, selected_index=selected, thumb_color=v.color(k.get("thumbColor"))
    )
    control.bgcolor = v.color(k.get("backgroundColor")) or control.bgcolor
    control.padding = v.edge_insets(k.get("padding")) or control.padding
    return control


@widget(
    "CupertinoActivityIndicator",
    "CupertinoActivityIndicator.partiallyRevealed",
    honours="color animating radius progress",
)
def activity_indicator(node: DartObject) -> ft.Control:
    # Drawn still: its first frame (the spinner at rest), so that a render settles.
    k = node.kwargs
    control = ft.CupertinoActivityIndicator(color=v.color(k.get("color")), animating=False)
    control.radius = v.finite(k.get("radius")) or 10
    if node.ctor == "partiallyRevealed":
        control.progress = v.finite(k.get("progress")) or 1.0
    return control


_TILE = (
    "title subtitle additionalInfo leading trailing onTap backgroundColor backgroundColorActivated padding "
    "leadingSize leadingToTitle"
)


@widget("CupertinoListTile", "CupertinoListTile.notched", honours=_TILE)
def list_tile(node: DartObject) -> ft.Control:
    k = node.kwargs
    return ft.CupertinoListTile(
        title=build(k.get("title")),
        subtitle=build_optional(k.get("subtitle")),
        additional_info=build_optional(k.get("additionalInfo")),
        leading=build_optional(k.get("leading")),
        trailing=build_optional(k.get("trailing")),
        bgcolor=v.color(k.get("backgroundColor")),
        padding=v.edge_insets(k.get("padding")),
        leading_size=v.finite(k.get("leadingSize")),
        leading_to_title=v.finite(k.get("leadingToTitle")),
        notched=node.ctor == "notched",
    )


@widget("CupertinoListTileChevron")
def list_tile_chevron(node: DartObject) -> ft.Control:
    # cupertino/list_tile.dart: right_chevron at the text size (17 px) in systemGrey2.
    return ft.Icon(ft.CupertinoIcons.RIGHT_CHEVRON, size=17, color="systemgrey2")


# CupertinoListSection's metrics (cupertino/list_section.dart).
_HEADER_FOOTER_COLOR = "#ff6c6c6c"  # (108, 108, 108); dark (142, 142, 146)
_HEADER_FOOTER_COLOR_DARK = "#ff8e8e92"


def _section_text(child: Any, style: ft.TextStyle, replacement: ft.TextStyle | None = None) -> ft.Control:
    with text_defaults(TextDefaults(style=replacement or merge(text_style(CUPERTINO.get()), style))):
        return build(child)


def _separated(rows: list[ft.Control], color: str, indent: float, base: bool) -> list[ft.Control]:
    # A 1 px divider between rows, indented by dividerMargin + additionalDividerMargin; the base style
    # also draws full-width ones above and below.
    def line(start: float) -> ft.Control:
        return ft.Container(height=1, bgcolor=color, margin=ft.Margin(start, 0, 0, 0))

    result: list[ft.Control] = [line(0)] if base else []
    for index, row in enumerate(rows):
        result.append(row)
        if index < len(rows) - 1:
            result.append(line(indent))
    return result + ([line(0)] if base else [])


_SECTION = (
    "children header footer margin backgroundColor decoration clipBehavior dividerMargin "
    "additionalDividerMargin topMargin hasLeading separatorColor"
)


@widget("CupertinoListSection", "CupertinoListSection.insetGrouped", honours=_SECTION)
def list_section(node: DartObject) -> ft.Control:
    return _section(
        node, inset=node.ctor == "insetGrouped", has_leading=node.kwargs.get("hasLeading", True) is not False
    )


@widget(
    "CupertinoFormSection",
    "CupertinoFormSection.insetGrouped",
    honours="children header footer margin backgroundColor decoration clipBehavior",
)
def form_section(node: DartObject) -> ft.Control:
    # cupertino/form_section.dart: a list section without leading widgets; header and footer in a
    # DefaultTextStyle of their own (13 px, secondaryLabel); the base form has no margin.
    inset = node.ctor == "insetGrouped"
    margin = v.margin(node.kwargs.get("margin")) or (ft.Margin(20, 0, 20, 10) if inset else ft.Margin(0, 0, 0, 0))
    label = ft.TextStyle(size=13, color="secondarylabel")
    return _section(node, inset=inset, has_leading=False, margin=margin, label_style=merge(ENGINE_TEXT, label))


def _section(
    node: DartObject,
    *,
    inset: bool,
    has_leading: bool,
    margin: ft.Margin | None = None,
    label_style: ft.TextStyle | None = None,
) -> ft.Control:
    """CupertinoListSection (cupertino/list_section.dart): header, the rows on a rounded (inset) or
    full-width group with dividers between them, footer. `label_style` replaces the header and footer
    text style (CupertinoFormSection)."""
    k = node.kwargs
    dark = CUPERTINO.get().dark
    rows = [build(child) for child in widget_list(node)]
    if not rows and k.get("header") is None:
        raise runtime_error(f"{node.type} needs children or a header", node)
    divider_margin = v.finite(k.get("dividerMargin"))
    divider_margin = (14.0 if inset else 20.0) if divider_margin is None else divider_margin
    additional = v.finite(k.get("additionalDividerMargin"))
    if additional is None:
        additional = (42.0 if has_leading else 14.0) if inset else (44.0 if has_leading else 0.0)
    parts: list[ft.Control] = []
    if not inset:
        parts.append(ft.Container(height=v.finite(k.get("topMargin")) if k.get("topMargin") is not None else 22.0))
    grey = _HEADER_FOOTER_COLOR_DARK if dark else _HEADER_FOOTER_COLOR
    if k.get("header") is not None:
        style = ft.TextStyle(size=20, weight=ft.FontWeight.BOLD) if inset else ft.TextStyle(size=13, color=grey)
        parts.append(
            ft.Container(
                _section_text(k["header"], style, label_style),
                alignment=ft.Alignment(-1, 0),
                padding=ft.Padding(20, 16 if inset else 0, 20, 6),
            )
        )
    if rows:
        radius = ft.BorderRadius.all(10) if inset else None
        decoration: dict[str, Any] = {"bgcolor": "secondarysystemgroupedbackground", "border_radius": radius}
        if k.get("decoration") is not None:
            decoration = box_decoration(k["decoration"])
        if margin is None:
            margin = v.margin(k.get("margin"))
        if margin is None:
            margin = ft.Margin(20, 0 if k.get("header") is not None else 20, 20, 10) if inset else ft.Margin(0, 0, 0, 8)
        separator = v.color(k.get("separatorColor")) or "separator"
        clip = v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior) or (ft.ClipBehavior.HARD_EDGE if inset else None)
        parts.append(
            ft.Container(
                ft.Column(
                    _separated(rows, separator, divider_margin + additional, not inset),
                    spacing=0,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
                margin=margin,
                clip_behavior=clip,
                **decoration,
            )
        )
    if k.get("footer") is not None:
        style = ft.TextStyle(size=13, color=grey) if not inset else ft.TextStyle()
        parts.append(
            ft.Container(
                _section_text(k["footer"], style, label_style),
                alignment=ft.Alignment(-1, 0),
                padding=ft.Padding(20, 0, 20, 10 if inset else 0),
            )
        )
    return ft.Container(
        ft.Column(parts, spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        bgcolor=v.color(k.get("backgroundColor")) or "systemgroupedbackground",
    )


@widget("CupertinoFormRow", honours="child prefix padding helper error")
def form_row(node: DartObject) -> ft.Control:
    return _form_row(node, build(node.kwargs.get("child")))


def _form_row(node: DartObject, child: ft.Control) -> ft.Control:
    """cupertino/form_row.dart: prefix (app text style) and the child aligned to the end, then the
    helper and the error (destructiveRed, w500) below; padding 20/6/6/6."""
    k = node.kwargs
    look = CUPERTINO.get()
    row: list[ft.Control] = []
    if k.get("prefix") is not None:
        with text_defaults(TextDefaults(style=text_style(look))):
            row.append(build(k["prefix"]))
    row.append(ft.Container(child, alignment=ft.Alignment(1, 0), expand=1, expand_loose=True))
    parts: list[ft.Control] = [
        ft.Row(
            row,
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            spacing=0,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )
    ]
    for name, style in (
        ("helper", text_style(look)),
        ("error", merge(ENGINE_TEXT, ft.TextStyle(color="destructivered", weight=ft.FontWeight.W_500))),
    ):
        if k.get(name) is not None:
            with text_defaults(TextDefaults(style=style)):
                parts.append(ft.Container(build(k[name]), alignment=ft.Alignment(-1, 0)))
    return ft.Container(
        ft.Column(parts, spacing=0, horizontal_alignment=ft.CrossAxisAlignment.CENTER),
        padding=v.edge_insets(k.get("padding")) or ft.Padding(20, 6, 6, 6),
    )


@widget(
    "CupertinoTabBar",
    honours="items onTap currentIndex backgroundColor activeColor inactiveColor iconSize height border",
)
def tab_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    items = widget_list(node, "items")
    if len(items) < 2:
        raise runtime_error("CupertinoTabBar needs at least two items", node)
    destinations = []
    for item in items:
        v.of_type(item, "BottomNavigationBarItem")
        label = item.kwargs.get("label")
        destinations.append(
            ft.NavigationBarDestination(
                icon=build(item.kwargs.get("icon")), label=text_of(label) if label is not None else None
            )
        )
    current = int(v.finite(k.get("currentIndex")) or 0)
    if not 0 <= current < len(items):
        raise runtime_error(f"CupertinoTabBar.currentIndex {current} is out of range", node)
    bar = ft.CupertinoNavigationBar(
        destinations=destinations,
        selected_index=current,
        bgcolor=v.color(k.get("backgroundColor")) or CUPERTINO.get().bar,
        active_color=v.color(k.get("activeColor")),
        inactive_color=v.color(k.get("inactiveColor")) or "inactivegray",
        icon_size=v.finite(k.get("iconSize")) or 30,
        border=v.border(k.get("border")),
    )
    if k.get("height") not in (None, _TAB_BAR_HEIGHT):
        raise unsupported("CupertinoTabBar.height", node)
    return bar


@widget(
    "CupertinoTabScaffold",
    honours="tabBar tabBuilder controller backgroundColor resizeToAvoidBottomInset restorationId",
)
def tab_scaffold(node: DartObject) -> ft.Control:
    # Composed as in cupertino/tab_scaffold.dart: the current tab fills the page, the (translucent)
    # tab bar over its bottom, its height given to the tab as MediaQuery bottom padding.
    k = node.kwargs
    shown = evaluated(node, "tabBuilder")
    bar = build(k.get("tabBar"))
    with media_padding(bottom=_TAB_BAR_HEIGHT):
        content = build(shown)
    return ft.Container(
        ft.Stack([content, ft.Container(bar, left=0, right=0, bottom=0)], expand=True),
        bgcolor=v.color(k.get("backgroundColor")) or CUPERTINO.get().scaffold,
        expand=True,
    )


@widget(
    "CupertinoTabView",
    honours="builder navigatorKey defaultTitle routes onGenerateRoute onUnknownRoute "
    "navigatorObservers restorationScopeId",
)
def tab_view(node: DartObject) -> ft.Control:
    return build(evaluated(node, "builder"))


@widget(
    "CupertinoScrollbar",
    "CupertinoContextMenu",
    "CupertinoContextMenu.builder",
    honours="child controller thumbVisibility thickness thicknessWhileDragging radius radiusWhileDragging "
    "notificationPredicate scrollbarOrientation actions enableHapticFeedback previewBuilder builder",
)
def child_only(node: DartObject) -> ft.Control:
    """A scrollbar hidden until the list scrolls, a context menu still closed (the front end built a
    `builder` one at animation 0): just the child."""
    if node.kwargs.get("thumbVisibility") is True:
        raise unsupported(f"{node.type}.thumbVisibility", node)
    return build(evaluated(node, "builder") if node.ctor == "builder" else node.kwargs.get("child"))


@widget(
    "CupertinoRadio",
    honours="value groupValue onChanged toggleable activeColor inactiveColor fillColor useCheckmarkStyle",
)
def radio(node: DartObject) -> ft.Control:
    k = node.kwargs
    selected = k.get("value") == k.get("groupValue")
    return ft.RadioGroup(
        value="on" if selected else None,
        content=ft.CupertinoRadio(
            value="on",
            active_color=v.color(k.get("activeColor")),
            inactive_color=v.color(k.get("inactiveColor")),
            fill_color=v.color(k.get("fillColor")),
            toggleable=bool(k.get("toggleable")),
            use_checkmark_style=bool(k.get("useCheckmarkStyle")),
            disabled=k.get("onChanged") is None,
        ),
    )


_FIELD = (
    "controller placeholder placeholderStyle padding style textAlign readOnly obscureText maxLines minLines "
    "enabled prefix suffix prefixMode suffixMode clearButtonMode decoration"
)


def _text_field(
    k: dict[str, Any], node: DartObject, *, borderless: bool, value: Any = None, **extra: Any
) -> ft.CupertinoTextField:
    if k.get("decoration") is not None:
        raise unsupported(f"{node.type}.decoration", node)
    controller = k.get("controller")
    if value is None and isinstance(controller, DartObject):
        value = controller.kwargs.get("text")
    prefix = extra.pop("prefix", None) or build_optional(k.get("prefix"))
    field = ft.CupertinoTextField(
        value=text_of(value) if value is not None else "",
        placeholder_text=k.get("placeholder"),
        placeholder_style=v.text_style(k.get("placeholderStyle")),
        text_style=v.text_style(k.get("style")),
        text_align=v.enum(k.get("textAlign"), "TextAlign", ft.TextAlign),
        read_only=bool(k.get("readOnly")),
        password=bool(k.get("obscureText")),
        disabled=k.get("enabled") is False,
        prefix=prefix,
        suffix=build_optional(k.get("suffix")),
        **extra,
    )
    if borderless:
        field.border = ft.NoInputBorder()
    if k.get("padding") is not None:
        field.padding = v.edge_insets(k["padding"])
    return field


@widget("CupertinoTextField", "CupertinoTextField.borderless", honours=_FIELD)
def text_field(node: DartObject) -> ft.Control:
    return _text_field(node.kwargs, node, borderless=node.ctor == "borderless")


@widget("CupertinoTextFormFieldRow", honours=_FIELD + " initialValue helper error")
def text_form_field_row(node: DartObject) -> ft.Control:
    # cupertino/text_form_field_row.dart: a form row whose child is a borderless text field.
    k = node.kwargs
    field_args = {name: value for name, value in k.items() if name not in ("prefix", "padding")}
    field = _text_field(field_args, node, borderless=True, value=k.get("initialValue"))
    return _form_row(node, field)


@widget(
    "CupertinoSearchTextField",
    honours="controller style placeholder placeholderStyle decoration backgroundColor "
    "borderRadius padding itemColor itemSize prefixInsets prefixIcon "
    "suffixInsets suffixIcon suffixMode enabled onSuffixTap",
)
def search_text_field(node: DartObject) -> ft.Control:
    # cupertino/search_field.dart: a text field on tertiarySystemFill with 9 px corners, a 20 px
    # search icon (secondaryLabel) before it and 'Search' as placeholder; the clear button only shows
    # while editing.
    k = node.kwargs
    if k.get("decoration") is not None or k.get("prefixIcon") is not None:
        raise unsupported("CupertinoSearchTextField.decoration/prefixIcon", node)
    insets = v.edge_insets(k.get("prefixInsets")) or ft.Padding(6, 0, 0, 3)
    icon = ft.Icon(
        ft.CupertinoIcons.SEARCH,
        size=v.finite(k.get("itemSize")) or 20,
        color=v.color(k.get("itemColor")) or "secondarylabel",
    )
    args = {
        "placeholder": k.get("placeholder", "Search"),
        "controller": k.get("controller"),
        "style": k.get("style"),
        "enabled": k.get("enabled"),
        "placeholderStyle": k.get("placeholderStyle")
        or DartObject("TextStyle", kwargs={"color": ColorValue("systemgrey")}),
    }
    field = _text_field(
        args,
        node,
        borderless=True,
        prefix=ft.Container(icon, padding=insets),
        bgcolor=v.color(k.get("backgroundColor")) or "tertiarysystemfill",
        border_radius=v.border_radius(k.get("borderRadius")) or ft.BorderRadius.all(9),
    )
    field.padding = v.edge_insets(k.get("padding")) or ft.Padding(5.5, 8, 5.5, 8)
    return field


@widget("CupertinoTheme", honours="data child")
def cupertino_theme_widget(node: DartObject) -> ft.Control:
    # The Cupertino widgets below read the page's Material-based Cupertino theme: give them one.
    theme, dark, _, look = cupertino_theme(node.kwargs.get("data"))
    token = CUPERTINO.set(look)
    try:
        child = build(node.kwargs.get("child"))
    finally:
        CUPERTINO.reset(token)
    return ft.Container(
        child, theme=theme, dark_theme=theme, theme_mode=ft.ThemeMode.DARK if dark else ft.ThemeMode.LIGHT
    )
