"""Navigation and overlay widgets: bottom bars, tabs, drawers, dialogs and sheets."""

from __future__ import annotations

from contextvars import ContextVar

import flet as ft

from flutter_renderer.ir import Closure, DartObject, EnumValue
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.layout import box_decoration
from flutter_renderer.embedded.material import SCREEN_WIDTH
from flutter_renderer.embedded.registry import (
    axes, bad, build, build_optional, runtime_error, text_of, unsupported, widget, widget_list,
)

_TAB_LENGTH: ContextVar[int | None] = ContextVar("tab_length", default=None)


@widget("NavigationBar", honours="destinations selectedIndex backgroundColor elevation shadowColor indicatorColor "
                                 "indicatorShape height labelBehavior labelPadding")
def navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    destinations = []
    for item in widget_list(node, "destinations"):
        if not isinstance(item, DartObject) or item.type != "NavigationDestination":
            raise unsupported(f"{v.describe(item)} as a NavigationBar destination", node)
        destinations.append(ft.NavigationBarDestination(
            icon=build(item.kwargs.get("icon")), label=text_of(item.kwargs.get("label")),
            selected_icon=build_optional(item.kwargs.get("selectedIcon"))))
    if len(destinations) < 2:
        raise runtime_error("NavigationBar needs at least two destinations", node)
    control = ft.NavigationBar(
        destinations=destinations, selected_index=int(v.finite(k.get("selectedIndex")) or 0),
        bgcolor=v.color(k.get("backgroundColor")), elevation=v.finite(k.get("elevation")),
        shadow_color=v.color(k.get("shadowColor")), indicator_color=v.color(k.get("indicatorColor")),
        indicator_shape=v.shape_border(k.get("indicatorShape")),
        label_behavior=v.enum(k.get("labelBehavior"), "NavigationDestinationLabelBehavior",
                              ft.NavigationBarLabelBehavior),
        label_padding=v.edge_insets(k.get("labelPadding")))
    control.height = v.finite(k.get("height"))
    return control


# Flutter's BottomNavigationBar (the Material 2 bar, still common in generated code), composed from
# primitives because Flet only has the Material 3 NavigationBar. Values are Flutter's defaults with
# `useLegacyColorScheme` (the default): 56 px tall, elevation 8, selected = primary, unselected = black54.
_BNB_HEIGHT = 56
_BNB_UNSELECTED = "#8a000000"


@widget("BottomNavigationBar", honours="items currentIndex type fixedColor backgroundColor iconSize "
                                       "selectedItemColor unselectedItemColor selectedFontSize unselectedFontSize "
                                       "selectedLabelStyle unselectedLabelStyle showSelectedLabels "
                                       "showUnselectedLabels elevation useLegacyColorScheme")
def bottom_navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    items = widget_list(node, "items")
    if len(items) < 2:
        raise runtime_error("BottomNavigationBar needs at least two items", node)
    current = int(v.finite(k.get("currentIndex")) or 0)
    if not 0 <= current < len(items):
        raise runtime_error(f"BottomNavigationBar.currentIndex {current} is out of range (0..{len(items) - 1})", node)
    kind = k.get("type")
    shifting = (kind.name == "shifting") if isinstance(kind, EnumValue) else len(items) > 3
    selected_color = v.color(k.get("selectedItemColor") or k.get("fixedColor")) or ("#ffffffff" if shifting else "primary")
    unselected_color = v.color(k.get("unselectedItemColor")) or ("#b3ffffff" if shifting else _BNB_UNSELECTED)
    icon_size = v.finite(k.get("iconSize")) or 24
    selected_size = v.finite(k.get("selectedFontSize")) or 14
    unselected_size = v.finite(k.get("unselectedFontSize")) or 12
    show_selected = k.get("showSelectedLabels", True) is not False
    show_unselected = k.get("showUnselectedLabels", not shifting) is not False
    cells = []
    for index, item in enumerate(items):
        if not isinstance(item, DartObject) or item.type != "BottomNavigationBarItem":
            raise bad(item, "a BottomNavigationBarItem")
        selected = index == current
        color = selected_color if selected else unselected_color
        icon_node = item.kwargs.get("activeIcon") if selected and item.kwargs.get("activeIcon") else item.kwargs.get("icon")
        icon = build(icon_node)
        if isinstance(icon, ft.Icon):
            icon.color, icon.size = icon.color or color, icon.size or icon_size
        parts: list[ft.Control] = [icon]
        label = item.kwargs.get("label")
        if label is not None and (show_selected if selected else show_unselected):
            parts.append(ft.Text(text_of(label), size=selected_size if selected else unselected_size, color=color,
                                 max_lines=1, style=v.text_style(k.get("selectedLabelStyle" if selected
                                                                      else "unselectedLabelStyle"))))
        cells.append(ft.Container(ft.Column(parts, spacing=0, tight=True,
                                            horizontal_alignment=ft.CrossAxisAlignment.CENTER),
                                  expand=3 if shifting and selected else 2, alignment=ft.Alignment(0, 0)))
    background = v.color(k.get("backgroundColor"))
    if shifting and background is None:
        background = v.color(items[current].kwargs.get("backgroundColor")) or "primary"
    elevation = v.finite(k.get("elevation"))
    elevation = 8 if elevation is None else elevation
    return ft.Container(
        ft.Row(cells, spacing=0), height=_BNB_HEIGHT, bgcolor=background or "surface",
        shadow=ft.BoxShadow(blur_radius=elevation * 1.5, color="#33000000", offset=ft.Offset(0, -1))
        if elevation else None)


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


def _check_controller(node: DartObject, count: int) -> None:
    length = _TAB_LENGTH.get()
    if node.kwargs.get("controller") is not None:
        raise unsupported(f"{node.type} with an explicit TabController", node)
    if length is None:
        raise runtime_error(f"No TabController for {node.type}: wrap it in a DefaultTabController", node)
    if length != count:
        raise runtime_error(f"Controller's length property ({length}) does not match the number of "
                            f"{'tabs' if node.type == 'TabBar' else 'children'} ({count}) present in "
                            f"{node.type}", node)


@widget("TabBar", "TabBar.secondary",
        honours="tabs controller isScrollable padding indicatorColor indicatorWeight indicatorSize dividerColor "
                "dividerHeight labelColor labelStyle labelPadding unselectedLabelColor unselectedLabelStyle "
                "tabAlignment")
def tab_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    tabs = widget_list(node, "tabs")
    _check_controller(node, len(tabs))
    with axes(horizontal=True):
        controls = [build(tab) for tab in tabs]
    return ft.TabBar(
        tabs=controls, scrollable=bool(k.get("isScrollable")), padding=v.edge_insets(k.get("padding")),
        indicator_color=v.color(k.get("indicatorColor")), indicator_thickness=v.finite(k.get("indicatorWeight")),
        indicator_size=v.enum(k.get("indicatorSize"), "TabBarIndicatorSize", ft.TabBarIndicatorSize),
        divider_color=v.color(k.get("dividerColor")), divider_height=v.finite(k.get("dividerHeight")),
        label_color=v.color(k.get("labelColor")), label_text_style=v.text_style(k.get("labelStyle")),
        label_padding=v.edge_insets(k.get("labelPadding")),
        unselected_label_color=v.color(k.get("unselectedLabelColor")),
        unselected_label_text_style=v.text_style(k.get("unselectedLabelStyle")),
        tab_alignment=v.enum(k.get("tabAlignment"), "TabAlignment", ft.TabAlignment),
        secondary=node.ctor == "secondary")


@widget("Tab", honours="text icon iconMargin height child")
def tab(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("text") is not None and k.get("child") is not None:
        raise bad(k["child"], "either text or child in Tab, not both (Flutter asserts this)")
    label = text_of(k["text"]) if k.get("text") is not None else build_optional(k.get("child"))
    return ft.Tab(label=label, icon=build_optional(k.get("icon")), height=v.finite(k.get("height")),
                  icon_margin=v.edge_insets(k.get("iconMargin")))


@widget("TabBarView", honours="children controller viewportFraction")
def tab_bar_view(node: DartObject) -> ft.Control:
    children = widget_list(node)
    _check_controller(node, len(children))
    with axes(vertical=False, horizontal=False):
        controls = [build(child) for child in children]
    return ft.TabBarView(controls, viewport_fraction=v.finite(node.kwargs.get("viewportFraction")), expand=True)


@widget("Drawer", honours="backgroundColor elevation shadowColor shape width child")
def drawer(node: DartObject) -> ft.Control:
    # A closed drawer draws nothing; the Scaffold only shows the menu button it implies.
    return ft.NavigationDrawer(controls=[build(node.kwargs["child"])] if node.kwargs.get("child") else [],
                               bgcolor=v.color(node.kwargs.get("backgroundColor")))


@widget("DrawerHeader", honours="decoration margin padding child")
def drawer_header(node: DartObject) -> ft.Control:
    k = node.kwargs
    # Flutter's DrawerHeader: 161 px tall + 1 px divider, margin bottom 8, padding 16/16/16/8.
    return ft.Container(content=build(k.get("child")), height=161, margin=v.margin(k.get("margin")) or ft.Margin(0, 0, 0, 8),
                        padding=v.edge_insets(k.get("padding")) or ft.Padding(16, 16, 16, 8),
                        border=ft.Border(bottom=ft.BorderSide(1, "outlinevariant")),
                        **box_decoration(k.get("decoration")))


# Flutter's Material 3 AlertDialog, drawn in place (a dialog in the widget tree is a plain widget):
# surfaceContainerHigh, radius 28, elevation 6, insets 40 x 24, title headlineSmall, content bodyMedium.
@widget("AlertDialog", honours="icon iconPadding iconColor title titlePadding titleTextStyle content contentPadding "
                               "contentTextStyle actions actionsPadding actionsAlignment backgroundColor elevation "
                               "shadowColor insetPadding shape alignment scrollable")
def alert_dialog(node: DartObject) -> ft.Control:
    k = node.kwargs
    parts: list[ft.Control] = []
    has_icon = k.get("icon") is not None
    if has_icon:
        # Material 3: the icon is `secondary`, 24 px, centered, and it centers the title under it.
        icon = build(k["icon"])
        if isinstance(icon, ft.Icon):
            icon.color = icon.color or v.color(k.get("iconColor")) or "secondary"
        parts.append(ft.Container(icon, padding=v.edge_insets(k.get("iconPadding")) or ft.Padding(24, 24, 24, 16),
                                  alignment=ft.Alignment(0, 0)))
    with axes(horizontal=False, vertical=True):
        if k.get("title") is not None:
            title = build(k["title"])
            if isinstance(title, ft.Text) and title.style is None and title.theme_style is None:
                title.theme_style = ft.TextThemeStyle.HEADLINE_SMALL
                title.style = v.text_style(k.get("titleTextStyle"))
            if has_icon and isinstance(title, ft.Text) and title.text_align is None:
                title.text_align = ft.TextAlign.CENTER
            top = 0 if has_icon else 24
            parts.append(ft.Container(title, padding=v.edge_insets(k.get("titlePadding")) or ft.Padding(24, top, 24, 0)))
        if k.get("content") is not None:
            content = build(k["content"])
            if isinstance(content, ft.Text) and content.style is None and content.theme_style is None:
                content.theme_style = ft.TextThemeStyle.BODY_MEDIUM
                content.color = "onsurfacevariant"
            parts.append(ft.Container(content, padding=v.edge_insets(k.get("contentPadding"))
                                      or ft.Padding(24, 16 if k.get("title") is not None else 24, 24, 24)))
        actions = [build(action) for action in widget_list(node, "actions")]
    if actions:
        parts.append(ft.Container(
            ft.Row(actions, spacing=8, tight=True, wrap=True,
                   alignment=v.enum(k.get("actionsAlignment"), "MainAxisAlignment", ft.MainAxisAlignment)
                   or ft.MainAxisAlignment.END),
            padding=v.edge_insets(k.get("actionsPadding")) or ft.Padding(24, 0, 24, 24)))
    inset = v.edge_insets(k.get("insetPadding")) or ft.Padding(40, 24, 40, 24)
    dialog = ft.Container(
        ft.Column(parts, spacing=0, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        width=max(280, SCREEN_WIDTH.get() - inset.left - inset.right),
        bgcolor=v.color(k.get("backgroundColor")) or "surfacecontainerhigh",
        border_radius=28 if k.get("shape") is None else None,
        shadow=ft.BoxShadow(blur_radius=10, color="#33000000", offset=ft.Offset(0, 3)),
        clip_behavior=ft.ClipBehavior.ANTI_ALIAS)
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
        parts.append(ft.Container(ft.Container(width=32, height=4, border_radius=2, bgcolor="onsurfacevariant",
                                               opacity=0.4), padding=ft.Padding(0, 22, 0, 22),
                                  alignment=ft.Alignment(0, 0)))
    with axes(vertical=True, horizontal=False):
        parts.append(build(content))
    shape = v.shape_border(k.get("shape"))
    return ft.Container(ft.Column(parts, spacing=0, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
                        bgcolor=v.color(k.get("backgroundColor")) or "surfacecontainerlow",
                        border_radius=shape.radius if isinstance(shape, ft.RoundedRectangleBorder)
                        else ft.BorderRadius(28, 28, 0, 0))
