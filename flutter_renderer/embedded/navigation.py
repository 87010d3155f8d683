"""Navigation and overlay widgets: bottom bars, tabs, drawers, dialogs and sheets."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.density import METRICS
from flutter_renderer.embedded.fonts import ROBOTO_LINE_HEIGHT
from flutter_renderer.embedded.layout import box_decoration
from flutter_renderer.embedded.material import SCREEN_WIDTH
from flutter_renderer.embedded.registry import (
    axes,
    bad,
    build,
    build_optional,
    runtime_error,
    text_of,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.ir import Closure, DartObject, EnumValue

_TAB_LENGTH: ContextVar[int | None] = ContextVar("tab_length", default=None)


@widget(
    "NavigationBar",
    honours="destinations selectedIndex backgroundColor elevation shadowColor indicatorColor "
    "indicatorShape height labelBehavior labelPadding",
)
def navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    destinations = []
    for item in widget_list(node, "destinations"):
        if not isinstance(item, DartObject) or item.type != "NavigationDestination":
            raise unsupported(f"{v.describe(item)} as a NavigationBar destination", node)
        destinations.append(
            ft.NavigationBarDestination(
                icon=build(item.kwargs.get("icon")),
                label=text_of(item.kwargs.get("label")),
                selected_icon=build_optional(item.kwargs.get("selectedIcon")),
            )
        )
    if len(destinations) < 2:
        raise runtime_error("NavigationBar needs at least two destinations", node)
    control = ft.NavigationBar(
        destinations=destinations,
        selected_index=int(v.finite(k.get("selectedIndex")) or 0),
        bgcolor=v.color(k.get("backgroundColor")),
        elevation=v.finite(k.get("elevation")),
        shadow_color=v.color(k.get("shadowColor")),
        indicator_color=v.color(k.get("indicatorColor")),
        indicator_shape=v.shape_border(k.get("indicatorShape")),
        label_behavior=v.enum(
            k.get("labelBehavior"), "NavigationDestinationLabelBehavior", ft.NavigationBarLabelBehavior
        ),
        label_padding=v.edge_insets(k.get("labelPadding")),
    )
    control.height = v.finite(k.get("height"))
    return control


# Flutter's BottomNavigationBar (the Material 2 bar, still common in generated code), composed from
# primitives because Flet only has the Material 3 NavigationBar. Metrics and colours follow
# bottom_navigation_bar.dart with `useLegacyColorScheme` (the default): a Material of elevation 8 (a
# Flet Card, so Flutter draws the shadow), at least 56 px tall; each tile is padded by half the
# selected font size around its icon and a label laid out at the selected font size (unselected
# labels are scaled down from it, hidden ones are transparent but keep their space).
_BNB_MIN_HEIGHT = 56
_BNB_PARAMS = (
    "items currentIndex type fixedColor backgroundColor iconSize selectedItemColor unselectedItemColor "
    "selectedFontSize unselectedFontSize selectedLabelStyle unselectedLabelStyle showSelectedLabels "
    "showUnselectedLabels elevation useLegacyColorScheme"
)
# The label's line height: the Material's bodyMedium (M3: height 1.43) at the selected font size;
# Material 2's body text has no height, so Roboto's own.
_M3_LINE_HEIGHT = 1.43
# ThemeData.unselectedWidgetColor (black54 / white70).
_UNSELECTED_WIDGET = {False: "#8a000000", True: "#b3ffffff"}


def _bnb_colors(k: dict[str, Any], shifting: bool, dark: bool) -> tuple[str, str]:
    """(selected, unselected) colour of the bar's icons and labels (the legacy colour scheme)."""
    selected = v.color(k.get("selectedItemColor"))
    unselected = v.color(k.get("unselectedItemColor"))
    if shifting:  # the surface colour, whatever the bar's background
        return selected or "surface", unselected or "surface"
    return (
        selected or v.color(k.get("fixedColor")) or ("secondary" if dark else "primary"),
        unselected or _UNSELECTED_WIDGET[dark],
    )


def _bnb_tile(
    item: DartObject,
    selected: bool,
    sizes: tuple[float, float, float],
    show: tuple[bool, bool],
    color: str,
    styles: tuple[Any, Any],
    flex: int,
) -> tuple[ft.Control, float]:
    """One item's tile and its height."""
    icon_size, selected_size, unselected_size = sizes
    show_selected, show_unselected = show
    icon_node = item.kwargs.get("activeIcon") if selected and item.kwargs.get("activeIcon") else item.kwargs.get("icon")
    icon = build(icon_node)
    if isinstance(icon, ft.Icon):
        icon.color, icon.size = icon.color or color, icon.size or icon_size
    icon_height = icon.size if isinstance(icon, ft.Icon) else icon_size
    if show_selected and not show_unselected:
        top, bottom = (selected_size / 2, selected_size / 2) if selected else (selected_size, 0.0)
    elif not show_selected and not show_unselected:
        top, bottom = selected_size, 0.0
    else:
        top, bottom = selected_size / 2, selected_size / 2
    parts: list[ft.Control] = [icon]
    label = item.kwargs.get("label")
    line = selected_size * (_M3_LINE_HEIGHT if METRICS.get().material3 else ROBOTO_LINE_HEIGHT)
    if label is not None:
        style = v.text_style(styles[0] if selected else styles[1]) or ft.TextStyle()
        style.size = selected_size
        text = ft.Text(text_of(label), color=color, max_lines=1, overflow=ft.TextOverflow.ELLIPSIS, style=style)
        if not selected:
            text.scale = ft.Scale(unselected_size / selected_size, alignment=ft.Alignment(0, 1))
        if not (show_selected if selected else show_unselected):
            text.opacity = 0
        parts.append(text)
    height = top + icon_height + (line if label is not None else 0) + bottom
    column = ft.Column(parts, spacing=0, tight=True, horizontal_alignment=ft.CrossAxisAlignment.CENTER)
    return ft.Container(column, padding=ft.Padding(0, top, 0, bottom), expand=flex), height


@widget("BottomNavigationBar", honours=_BNB_PARAMS)
def bottom_navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    items = widget_list(node, "items")
    if len(items) < 2:
        raise runtime_error("BottomNavigationBar needs at least two items", node)
    current = int(v.finite(k.get("currentIndex")) or 0)
    if not 0 <= current < len(items):
        raise runtime_error(f"BottomNavigationBar.currentIndex {current} is out of range (0..{len(items) - 1})", node)
    for item in items:
        v.of_type(item, "BottomNavigationBarItem")
    kind = k.get("type")
    shifting = (kind.name == "shifting") if isinstance(kind, EnumValue) else len(items) > 3
    if k.get("useLegacyColorScheme") is False:
        raise unsupported("BottomNavigationBar.useLegacyColorScheme: false", node)
    metrics = METRICS.get()
    on, off = _bnb_colors(k, shifting, metrics.dark)
    sizes = (
        v.finite(k.get("iconSize")) or 24,
        v.finite(k.get("selectedFontSize")) or 14,
        v.finite(k.get("unselectedFontSize")) or 12,
    )
    show = (k.get("showSelectedLabels", True) is not False, k.get("showUnselectedLabels", not shifting) is not False)
    tiles, heights = [], []
    for index, item in enumerate(items):
        selected = index == current
        # Shifting tiles grow from flex 1 to 1.5 when selected (flex * 1000 in Flutter).
        flex = (1500 if selected else 1000) if shifting else 1
        tile, height = _bnb_tile(
            item,
            selected,
            sizes,
            show,
            on if selected else off,
            (k.get("selectedLabelStyle"), k.get("unselectedLabelStyle")),
            flex,
        )
        tiles.append(tile)
        heights.append(height)
    # Fixed: backgroundColor, else the Material's canvas colour; shifting: the selected item's
    # backgroundColor only (the bar's own is not used).
    background = (
        v.color(items[current].kwargs.get("backgroundColor")) if shifting else v.color(k.get("backgroundColor"))
    )
    elevation = v.finite(k.get("elevation"))
    bar_height = max(_BNB_MIN_HEIGHT, *heights)
    bar = ft.Card(
        ft.Row(tiles, spacing=0, height=bar_height, vertical_alignment=ft.CrossAxisAlignment.CENTER),
        elevation=8 if elevation is None else elevation,
        bgcolor=background or metrics.canvas,
        shadow_color="shadow",
        shape=ft.RoundedRectangleBorder(radius=0),
        margin=0,
    )
    bar.height = bar_height
    return bar


@widget("DefaultTabController", honours="length initialIndex child")
def default_tab_controller(node: DartObject) -> ft.Control:
    k = node.kwargs
    length = int(v.finite(k.get("length")) or 0)
    initial = int(v.finite(k.get("initialIndex")) or 0)
    if not 0 <= initial < max(length, 1):
        raise runtime_error(f"DefaultTabController.initialIndex {initial} is out of range", node)
    token = _TAB_LENGTH.set(length)
    try:
        content = build(k.get("child"))
    finally:
        _TAB_LENGTH.reset(token)
    return ft.Tabs(content=content, length=length, selected_index=initial, animation_duration=0)


def _own_controller(node: DartObject, count: int, control: ft.Control) -> ft.Control:
    """A TabBar / TabBarView with an explicit TabController: in a Tabs of its own (Flet's TabBar and
    TabBarView read the controller of a Tabs above them), showing the controller's initialIndex. Bars and
    views sharing one controller then show the same tab at rest, as in Flutter."""
    controller = node.kwargs.get("controller")
    if controller is None:
        return control
    if not (isinstance(controller, DartObject) and controller.type == "TabController"):
        raise bad(controller, f"a TabController for {node.type}.controller")
    length = int(v.finite(controller.kwargs.get("length")) or 0)
    initial = int(v.finite(controller.kwargs.get("initialIndex")) or 0)
    if length != count:
        raise _length_mismatch(node, length, count)
    if not 0 <= initial < max(length, 1):
        raise runtime_error(f"TabController.initialIndex {initial} is out of range", node)
    return ft.Tabs(content=control, length=length, selected_index=initial, animation_duration=0, expand=control.expand)


def _length_mismatch(node: DartObject, length: int, count: int) -> Exception:
    """Flutter's error when a TabController's length differs from the tabs or pages it drives."""
    what = "tabs" if node.type == "TabBar" else "children"
    return runtime_error(
        f"Controller's length property ({length}) does not match the number of {what} ({count}) present in {node.type}",
        node,
    )


def _check_controller(node: DartObject, count: int) -> None:
    length = _TAB_LENGTH.get()
    if node.kwargs.get("controller") is not None:
        return  # checked by _own_controller
    if length is None:
        raise runtime_error(f"No TabController for {node.type}: wrap it in a DefaultTabController", node)
    if length != count:
        raise _length_mismatch(node, length, count)


@widget(
    "TabBar",
    "TabBar.secondary",
    honours="tabs controller isScrollable padding indicatorColor indicatorWeight indicatorSize dividerColor "
    "dividerHeight labelColor labelStyle labelPadding unselectedLabelColor unselectedLabelStyle "
    "tabAlignment",
)
def tab_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    tabs = widget_list(node, "tabs")
    _check_controller(node, len(tabs))
    with axes(horizontal=True):
        controls = [build(tab) for tab in tabs]
    return _own_controller(
        node,
        len(tabs),
        ft.TabBar(
            tabs=controls,
            scrollable=bool(k.get("isScrollable")),
            padding=v.edge_insets(k.get("padding")),
            indicator_color=v.color(k.get("indicatorColor")),
            indicator_thickness=v.finite(k.get("indicatorWeight")),
            indicator_size=v.enum(k.get("indicatorSize"), "TabBarIndicatorSize", ft.TabBarIndicatorSize),
            divider_color=v.color(k.get("dividerColor")),
            divider_height=v.finite(k.get("dividerHeight")),
            label_color=v.color(k.get("labelColor")),
            label_text_style=v.text_style(k.get("labelStyle")),
            label_padding=v.edge_insets(k.get("labelPadding")),
            unselected_label_color=v.color(k.get("unselectedLabelColor")),
            unselected_label_text_style=v.text_style(k.get("unselectedLabelStyle")),
            tab_alignment=v.enum(k.get("tabAlignment"), "TabAlignment", ft.TabAlignment),
            secondary=node.ctor == "secondary",
        ),
    )


@widget("Tab", honours="text icon iconMargin height child")
def tab(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("text") is not None and k.get("child") is not None:
        raise bad(k["child"], "either text or child in Tab, not both (Flutter asserts this)")
    label = text_of(k["text"]) if k.get("text") is not None else build_optional(k.get("child"))
    return ft.Tab(
        label=label,
        icon=build_optional(k.get("icon")),
        height=v.finite(k.get("height")),
        icon_margin=v.edge_insets(k.get("iconMargin")),
    )


@widget("TabBarView", honours="children controller viewportFraction")
def tab_bar_view(node: DartObject) -> ft.Control:
    children = widget_list(node)
    _check_controller(node, len(children))
    with axes(vertical=False, horizontal=False):
        controls = [build(child) for child in children]
    return _own_controller(
        node,
        len(children),
        ft.TabBarView(controls, viewport_fraction=v.finite(node.kwargs.get("viewportFraction")), expand=True),
    )


@widget("Drawer", honours="backgroundColor elevation shadowColor shape width child")
def drawer(node: DartObject) -> ft.Control:
    # A closed drawer draws nothing; the Scaffold only shows the menu button it implies.
    return ft.NavigationDrawer(
        controls=[build(node.kwargs["child"])] if node.kwargs.get("child") else [],
        bgcolor=v.color(node.kwargs.get("backgroundColor")),
    )


@widget("DrawerHeader", honours="decoration margin padding child")
def drawer_header(node: DartObject) -> ft.Control:
    k = node.kwargs
    # drawer_header.dart: a 161 px box (margin bottom 8) with a hairline divider at its bottom edge,
    # around a box of the decoration and the padding (16/16/16/8) that holds the child in bodyLarge.
    child = build_optional(k.get("child"))
    _default_text_style(child, ft.TextThemeStyle.BODY_LARGE)
    inner = ft.Container(
        content=child,
        padding=v.edge_insets(k.get("padding")) or ft.Padding(16, 16, 16, 8),
        **box_decoration(k.get("decoration")),
    )
    return ft.Container(
        content=inner,
        height=161,
        margin=v.margin(k.get("margin")) or ft.Margin(0, 0, 0, 8),
        border=ft.Border(bottom=ft.BorderSide(0, "outlinevariant")),
    )


def _default_text_style(control: ft.Control | None, style: ft.TextThemeStyle) -> None:
    """Give every Text under `control` with no style of its own the theme `style` (a DefaultTextStyle)."""
    if control is None:
        return
    if isinstance(control, ft.Text):
        if control.style is None and control.theme_style is None:
            control.theme_style = style
        return
    for name in ("content", "controls"):
        value = getattr(control, name, None)
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ft.Control):
                _default_text_style(child, style)


# Flutter's Material 3 AlertDialog, drawn in place (a dialog in the widget tree is a plain widget):
# surfaceContainerHigh, radius 28, elevation 6, insets 40 x 24, title headlineSmall, content bodyMedium.
@widget(
    "AlertDialog",
    honours="icon iconPadding iconColor title titlePadding titleTextStyle content contentPadding "
    "contentTextStyle actions actionsPadding actionsAlignment backgroundColor elevation "
    "shadowColor insetPadding shape alignment scrollable",
)
def alert_dialog(node: DartObject) -> ft.Control:
    k = node.kwargs
    parts: list[ft.Control] = []
    has_icon = k.get("icon") is not None
    if has_icon:
        # Material 3: the icon is `secondary`, 24 px, centered, and it centers the title under it.
        icon = build(k["icon"])
        if isinstance(icon, ft.Icon):
            icon.color = icon.color or v.color(k.get("iconColor")) or "secondary"
        parts.append(
            ft.Container(
                icon,
                padding=v.edge_insets(k.get("iconPadding")) or ft.Padding(24, 24, 24, 16),
                alignment=ft.Alignment(0, 0),
            )
        )
    with axes(horizontal=False, vertical=True):
        if k.get("title") is not None:
            title = build(k["title"])
            if isinstance(title, ft.Text) and title.style is None and title.theme_style is None:
                title.theme_style = ft.TextThemeStyle.HEADLINE_SMALL
                title.style = v.text_style(k.get("titleTextStyle"))
            if has_icon and isinstance(title, ft.Text) and title.text_align is None:
                title.text_align = ft.TextAlign.CENTER
            top = 0 if has_icon else 24
            parts.append(
                ft.Container(title, padding=v.edge_insets(k.get("titlePadding")) or ft.Padding(24, top, 24, 0))
            )
        if k.get("content") is not None:
            content = build(k["content"])
            if isinstance(content, ft.Text) and content.style is None and content.theme_style is None:
                content.theme_style = ft.TextThemeStyle.BODY_MEDIUM
                content.color = "onsurfacevariant"
            parts.append(
                ft.Container(
                    content,
                    padding=v.edge_insets(k.get("contentPadding"))
                    or ft.Padding(24, 16 if k.get("title") is not None else 24, 24, 24),
                )
            )
        actions = [build(action) for action in widget_list(node, "actions")]
    if actions:
        parts.append(
            ft.Container(
                ft.Row(
                    actions,
                    spacing=8,
                    tight=True,
                    wrap=True,
                    alignment=v.enum(k.get("actionsAlignment"), "MainAxisAlignment", ft.MainAxisAlignment)
                    or ft.MainAxisAlignment.END,
                ),
                padding=v.edge_insets(k.get("actionsPadding")) or ft.Padding(24, 0, 24, 24),
            )
        )
    inset = v.edge_insets(k.get("insetPadding")) or ft.Padding(40, 24, 40, 24)
    dialog = ft.Container(
        ft.Column(parts, spacing=0, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        width=max(280, SCREEN_WIDTH.get() - inset.left - inset.right),
        bgcolor=v.color(k.get("backgroundColor")) or "surfacecontainerhigh",
        border_radius=28 if k.get("shape") is None else None,
        shadow=ft.BoxShadow(blur_radius=10, color="#33000000", offset=ft.Offset(0, 3)),
        clip_behavior=ft.ClipBehavior.ANTI_ALIAS,
    )
    if k.get("shape") is not None:
        shape = v.shape_border(k["shape"])
        if not isinstance(shape, ft.RoundedRectangleBorder):
            raise unsupported("an AlertDialog shape other than RoundedRectangleBorder", node)
        dialog.border_radius = shape.radius
    return ft.Container(dialog, padding=inset, alignment=v.alignment(k.get("alignment")) or ft.Alignment(0, 0))


@widget("BottomSheet", honours="builder backgroundColor elevation shape showDragHandle onClosing")
def bottom_sheet(node: DartObject) -> ft.Control:
    k = node.kwargs
    content = k.get("builder")
    if isinstance(content, Closure) or content is None:
        raise unsupported("BottomSheet.builder the front end could not evaluate", node)
    parts: list[ft.Control] = []
    if k.get("showDragHandle"):
        parts.append(
            ft.Container(
                ft.Container(width=32, height=4, border_radius=2, bgcolor="onsurfacevariant", opacity=0.4),
                padding=ft.Padding(0, 22, 0, 22),
                alignment=ft.Alignment(0, 0),
            )
        )
    with axes(vertical=True, horizontal=False):
        parts.append(build(content))
    shape = v.shape_border(k.get("shape"))
    return ft.Container(
        ft.Column(parts, spacing=0, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        bgcolor=v.color(k.get("backgroundColor")) or "surfacecontainerlow",
        border_radius=shape.radius if isinstance(shape, ft.RoundedRectangleBorder) else ft.BorderRadius(28, 28, 0, 0),
    )
