"""MaterialApp, ThemeData, Scaffold and AppBar: the frame every screen is drawn in."""

from __future__ import annotations

import math
from contextvars import ContextVar
from typing import Any, Callable

import flet as ft

from flutter_renderer.embedded import themes
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.banner import full_width, is_full_width
from flutter_renderer.embedded.density import METRICS, from_theme
from flutter_renderer.embedded.material import SCREEN_WIDTH
from flutter_renderer.embedded.registry import (
    axes,
    build,
    build_optional,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.embedded.text_defaults import TextDefaults, text_defaults
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue

# Flutter's default Material 3 light scheme (ThemeData() with no arguments), from theme_data.dart.
BASELINE_LIGHT = dict(
    primary="#ff6750a4",
    on_primary="#ffffffff",
    primary_container="#ffeaddff",
    on_primary_container="#ff21005d",
    primary_fixed="#ffeaddff",
    primary_fixed_dim="#ffd0bcff",
    on_primary_fixed="#ff21005d",
    on_primary_fixed_variant="#ff4f378b",
    secondary="#ff625b71",
    on_secondary="#ffffffff",
    secondary_container="#ffe8def8",
    on_secondary_container="#ff1d192b",
    secondary_fixed="#ffe8def8",
    secondary_fixed_dim="#ffccc2dc",
    on_secondary_fixed="#ff1d192b",
    on_secondary_fixed_variant="#ff4a4458",
    tertiary="#ff7d5260",
    on_tertiary="#ffffffff",
    tertiary_container="#ffffd8e4",
    on_tertiary_container="#ff31111d",
    tertiary_fixed="#ffffd8e4",
    tertiary_fixed_dim="#ffefb8c8",
    on_tertiary_fixed="#ff31111d",
    on_tertiary_fixed_variant="#ff633b48",
    error="#ffb3261e",
    on_error="#ffffffff",
    error_container="#fff9dedc",
    on_error_container="#ff410e0b",
    surface="#fffef7ff",
    on_surface="#ff1d1b20",
    surface_dim="#ffded8e1",
    surface_bright="#fffef7ff",
    surface_container_lowest="#ffffffff",
    surface_container_low="#fff7f2fa",
    surface_container="#fff3edf7",
    surface_container_high="#ffece6f0",
    surface_container_highest="#ffe6e0e9",
    on_surface_variant="#ff49454f",
    outline="#ff79747e",
    outline_variant="#ffcac4d0",
    shadow="#ff000000",
    scrim="#ff000000",
    inverse_surface="#ff322f35",
    on_inverse_surface="#fff5eff7",
    inverse_primary="#ffd0bcff",
    surface_tint="#ff6750a4",
)
BASELINE_SEED = "#ff6750a4"
# The theme's scaffoldBackgroundColor (Flutter: colorScheme.surface unless set). Flet's Pagelet does
# not take it from the theme, so every Scaffold gets it explicitly.
SCAFFOLD_BACKGROUND: ContextVar[str] = ContextVar("scaffold_background", default="surface")

# ColorScheme.light()/.dark() defaults (the Material 2 baseline); unset roles derive from these.
_M2_LIGHT = dict(
    primary="#ff6200ee",
    on_primary="#ffffffff",
    secondary="#ff03dac6",
    on_secondary="#ff000000",
    surface="#ffffffff",
    on_surface="#ff000000",
    error="#ffb00020",
    on_error="#ffffffff",
)
_M2_DARK = dict(
    primary="#ffbb86fc",
    on_primary="#ff000000",
    secondary="#ff03dac6",
    on_secondary="#ff000000",
    surface="#ff121212",
    on_surface="#ffffffff",
    error="#ffcf6679",
    on_error="#ff000000",
)
_DERIVED = {
    "primary_container": "primary",
    "secondary_container": "secondary",
    "tertiary": "secondary",
    "tertiary_container": "secondary",
    "on_tertiary": "on_secondary",
    "error_container": "error",
    "surface_container": "surface",
    "surface_container_low": "surface",
    "surface_container_high": "surface",
    "surface_container_highest": "surface",
    "surface_container_lowest": "surface",
    "surface_tint": "primary",
    "on_surface_variant": "on_surface",
    "on_primary_container": "on_primary",
    "on_secondary_container": "on_secondary",
}


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _brightness(value: Any) -> bool:
    """True for Brightness.dark."""
    return isinstance(value, EnumValue) and value.name == "dark"


def color_scheme(node: Any) -> tuple[ft.ColorScheme | None, str | None, bool]:
    """ColorScheme.fromSeed / .light / .dark -> (explicit scheme, seed color, dark)."""
    v.of_type(node, "ColorScheme")
    k = node.kwargs
    roles = {}
    for name, value in k.items():
        if name in ("seedColor", "brightness", "key", "dynamicSchemeVariant", "contrastLevel") or value is None:
            continue
        if name in ("background", "onBackground", "surfaceVariant"):
            raise unsupported(f"ColorScheme.{name} (deprecated; use surface / surfaceContainerHighest)", node)
        roles[_snake(name)] = v.color(value)
    if node.ctor == "fromSeed":
        if k.get("dynamicSchemeVariant") is not None or k.get("contrastLevel") not in (None, 0, 0.0):
            raise unsupported("ColorScheme.fromSeed dynamicSchemeVariant/contrastLevel", node)
        return (
            (ft.ColorScheme(**roles) if roles else None),
            v.color(k.get("seedColor")),
            _brightness(k.get("brightness")),
        )
    dark = node.ctor == "dark" or _brightness(k.get("brightness"))
    scheme = {**(_M2_DARK if dark else _M2_LIGHT), **roles}
    for role, base in _DERIVED.items():
        scheme.setdefault(role, scheme[base])
    return ft.ColorScheme(**scheme), None, dark


def _app_bar_theme(node: Any) -> ft.AppBarTheme | None:
    if node is None:
        return None
    v.of_type(node, "AppBarTheme")
    k = node.kwargs
    for name in (
        "iconTheme",
        "actionsIconTheme",
        "toolbarTextStyle",
        "systemOverlayStyle",
        "surfaceTintColor",
        "scrolledUnderElevation",
        "leadingWidth",
        "actionsPadding",
    ):
        if k.get(name) is not None and name not in ("systemOverlayStyle",):
            raise unsupported(f"AppBarTheme.{name}", node)
    return ft.AppBarTheme(
        bgcolor=v.color(k.get("backgroundColor") or k.get("color")),
        color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shadow_color=v.color(k.get("shadowColor")),
        shape=v.shape_border(k.get("shape")),
        center_title=k.get("centerTitle"),
        title_spacing=v.finite(k.get("titleSpacing")),
        toolbar_height=v.finite(k.get("toolbarHeight")),
        title_text_style=v.text_style(k.get("titleTextStyle")),
    )


# ThemeData parameters that do not change a Material 3 frame: primarySwatch/primaryColor only feed
# legacy widgets, fontFamily names fonts the app would have to bundle (Flutter falls back to Roboto).
_THEME_IGNORED = {
    "key",
    "primarySwatch",
    "primaryColor",
    "primaryColorLight",
    "primaryColorDark",
    "fontFamily",
    "fontFamilyFallback",
    "package",
    "platform",
    "pageTransitionsTheme",
    "splashFactory",
    "splashColor",
    "highlightColor",
    "hoverColor",
    "focusColor",
    "extensions",
}
_THEME_HONOURED = {
    "cupertinoOverrideTheme",
    "useMaterial3",
    "colorScheme",
    "colorSchemeSeed",
    "brightness",
    "scaffoldBackgroundColor",
    "canvasColor",
    "cardColor",
    "dividerColor",
    "appBarTheme",
    "visualDensity",
    "materialTapTargetSize",
}


def _no_cupertino_override(value: Any) -> None:
    """ThemeData.cupertinoOverrideTheme: accepted when it overrides nothing (`applyThemeToAll` only
    changes adaptive widgets on Apple platforms); any override of the Cupertino colours is unsupported."""
    if value is None:
        return
    v.of_type(value, "CupertinoThemeData")
    if any(x is not None for name, x in value.kwargs.items() if name not in ("applyThemeToAll", "key")):
        raise unsupported("ThemeData.cupertinoOverrideTheme that overrides the Cupertino theme", value)


def _theme_from(node: DartObject) -> dict[str, Any]:
    """ThemeData.from's arguments as the ThemeData(...) it returns (theme_data.dart). In Material 3 that
    differs from ThemeData(colorScheme:) only in the divider colour (onSurface at 12%, not outline);
    the Material 2 version sets surfaces the M2 ThemeData here does not derive, so it is unsupported."""
    k = {name: value for name, value in node.kwargs.items() if value is not None}
    if k.get("useMaterial3", True) is False:
        raise unsupported("ThemeData.from(useMaterial3: false)", node)
    return k | {"dividerColor": ColorValue("onsurface,0.12")}


def theme(node: Any) -> tuple[ft.Theme, bool]:
    """ThemeData (or None for Flutter's default) -> (ft.Theme, dark). Unknown sub-themes are UNSUPPORTED."""
    base = dict(use_material3=True, visual_density=ft.VisualDensity.STANDARD)
    if node is None:
        return ft.Theme(color_scheme=ft.ColorScheme(**BASELINE_LIGHT), **base), False
    v.of_type(node, "ThemeData")
    k = (
        _theme_from(node)
        if node.ctor == "from"
        else {name: value for name, value in node.kwargs.items() if value is not None}
    )
    for name in k:
        if name not in _THEME_IGNORED and name not in _THEME_HONOURED and name not in themes.HANDLED:
            raise unsupported(f"ThemeData.{name}", node)
    _no_cupertino_override(k.get("cupertinoOverrideTheme"))
    material3 = k.get("useMaterial3", True) is not False
    dark = node.ctor == "dark" or _brightness(k.get("brightness"))
    scheme, seed = None, None
    if "colorScheme" in k:
        scheme, seed, scheme_dark = color_scheme(k["colorScheme"])
        dark = dark or scheme_dark
    elif "colorSchemeSeed" in k:
        seed = v.color(k["colorSchemeSeed"])
    elif not material3 and isinstance(k.get("primarySwatch"), ColorValue):
        scheme = ft.ColorScheme(primary=v.color(k["primarySwatch"]), on_primary="#ffffffff")
    elif not dark:
        scheme = ft.ColorScheme(**BASELINE_LIGHT)
    else:
        seed = BASELINE_SEED
    result = ft.Theme(
        use_material3=material3,
        color_scheme=scheme,
        color_scheme_seed=seed,
        visual_density=v.enum(k.get("visualDensity"), "VisualDensity", ft.VisualDensity) or ft.VisualDensity.STANDARD,
        scaffold_bgcolor=v.color(k.get("scaffoldBackgroundColor")),
        canvas_color=v.color(k.get("canvasColor")),
        card_bgcolor=v.color(k.get("cardColor")),
        divider_color=v.color(k.get("dividerColor")),
        appbar_theme=_app_bar_theme(k.get("appBarTheme")),
        **themes.sub_themes(k),
    )
    return result, dark


_APP_BAR = (
    "leading automaticallyImplyLeading title actions backgroundColor foregroundColor elevation "
    "scrolledUnderElevation shadowColor centerTitle titleSpacing toolbarHeight leadingWidth titleTextStyle "
    "shape bottom toolbarOpacity systemOverlayStyle forceMaterialTransparency"
)


@widget("AppBar", honours=_APP_BAR)
def app_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("toolbarOpacity") not in (None, 1, 1.0) or k.get("forceMaterialTransparency"):
        raise unsupported("AppBar.toolbarOpacity/forceMaterialTransparency", node)
    with axes(vertical=False, horizontal=False):
        title = build_optional(k.get("title"))
        actions = [build(action) for action in widget_list(node, "actions")]
        leading = build_optional(k.get("leading"))
    return ft.AppBar(
        title=title,
        leading=leading,
        actions=actions or None,
        automatically_imply_leading=k.get("automaticallyImplyLeading", True) is not False,
        bgcolor=v.color(k.get("backgroundColor")),
        color=v.color(k.get("foregroundColor")),
        elevation=v.finite(k.get("elevation")),
        shadow_color=v.color(k.get("shadowColor")),
        center_title=k.get("centerTitle"),
        title_spacing=v.finite(k.get("titleSpacing")),
        toolbar_height=v.finite(k.get("toolbarHeight")),
        leading_width=v.finite(k.get("leadingWidth")),
        title_text_style=v.text_style(k.get("titleTextStyle")),
        shape=v.shape_border(k.get("shape")),
    )


_SCAFFOLD = (
    "appBar body floatingActionButton floatingActionButtonLocation drawer endDrawer bottomNavigationBar "
    "bottomSheet backgroundColor resizeToAvoidBottomInset extendBody extendBodyBehindAppBar "
    "drawerEnableOpenDragGesture endDrawerEnableOpenDragGesture drawerEdgeDragWidth drawerScrimColor "
    "floatingActionButtonAnimator persistentFooterButtons persistentFooterAlignment"
)


# BottomAppBar's height in Material 3 (material/bottom_app_bar.dart, _BottomAppBarDefaultsM3).
BOTTOM_APP_BAR_HEIGHT_M3 = 80.0


def _extended_body(body: ft.Control, nav_node: Any, nav: ft.Control) -> ft.Control:
    """`extendBody: true`: the body is laid out down to the bottom of the Scaffold, behind the bottom
    bar (which is painted over it, its notch showing the body). Flet's Pagelet has no extendBody, so
    the body is positioned in a Stack that lets it overflow its slot by the bar's height."""
    if not (isinstance(nav_node, DartObject) and nav_node.type == "BottomAppBar"):
        raise unsupported(f"Scaffold.extendBody with {v.describe(nav_node)} (only BottomAppBar)", nav_node)
    height = nav.height
    if height is None:
        if not METRICS.get().material3:
            raise unsupported("Scaffold.extendBody with a Material 2 BottomAppBar of no height", nav_node)
        height = BOTTOM_APP_BAR_HEIGHT_M3
    body.left, body.top, body.right, body.bottom = 0, 0, 0, -height
    return ft.Stack([body], clip_behavior=ft.ClipBehavior.NONE, expand=True)


def _above_body(band: ft.Control, body: ft.Control | None) -> ft.Control:
    """A full-width band on top of the body, which takes the rest of the Scaffold's height."""
    if body is not None:
        body.expand = True
    return ft.Column(
        [band] + ([body] if body is not None else []), spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
    )


# Widgets that grow to the maximum height their parent allows, and the child they pass it to (None:
# none, or the child's size does not matter).
_FILLS_HEIGHT = {
    "Column": None,
    "Center": None,
    "Align": None,
    "SizedBox.expand": None,
    "Placeholder": None,
    "Container": "child",
    "DecoratedBox": "child",
    "ColoredBox": "child",
    "Padding": "child",
    "SafeArea": "child",
    "Material": "child",
}


def _fills_height(node: Any) -> bool:
    """Whether a widget under a loose maximum height takes all of it (a Column of the default
    mainAxisSize, a childless Container, ...), so drawing it at that height is Flutter's layout."""
    if not isinstance(node, DartObject):
        return False
    name = f"{node.type}.{node.ctor}" if node.ctor else node.type
    k = node.kwargs
    if name not in _FILLS_HEIGHT or k.get("heightFactor") is not None or k.get("height") is not None:
        return False
    if name == "Column":
        return getattr(k.get("mainAxisSize"), "name", "max") == "max"
    if name == "Container" and k.get("constraints") is not None:
        return False
    if name == "Container" and (k.get("alignment") is not None or k.get("child") is None):
        return True
    child = _FILLS_HEIGHT[name]
    return child is None or _fills_height(k.get(child))


def _preferred_size_bar(node: DartObject) -> ft.Control:
    """PreferredSize as Scaffold.appBar: Scaffold lays it out at the full width under a maximum height
    of `preferredSize.height` (plus no status bar here) and starts the body below it. Drawn at that
    height when its child fills it; a child of its own height is unsupported (unknown here)."""
    _, height = v.size(node.kwargs.get("preferredSize")) or (None, None)
    child = node.kwargs.get("child")
    if height is None or math.isinf(height) or not _fills_height(child):
        raise unsupported("PreferredSize as Scaffold.appBar with a child of its own height", node)
    return ft.Container(build(child), height=height)


# An IconButton left at its defaults is at most 48 px wide (a 24 px icon, 8 px padding, the 48 px tap
# target); OverflowBar lays out buttons of known width in a row when they fit.
_DEFAULT_ICON_BUTTON = frozenset("icon color onPressed tooltip disabledColor key".split())
_FOOTER_ROW = {-1.0: ft.MainAxisAlignment.START, 0.0: ft.MainAxisAlignment.CENTER, 1.0: ft.MainAxisAlignment.END}


def _with_footer(node: DartObject, body: ft.Control | None) -> ft.Control:
    """Scaffold.persistentFooterButtons (*composed*; Flet's Scaffold has no footer): scaffold.dart puts
    them in an OverflowBar (spacing 8) in a Container (padding 8, `persistentFooterAlignment`) of its
    intrinsic height under a 1 px top border from Divider.createBorderSide, between the body and the
    bottom navigation bar. Drawn as a row only for default IconButtons that fit the screen's width;
    a FAB or bottom sheet (laid out above the footer) is unsupported."""
    k = node.kwargs
    buttons = widget_list(node, "persistentFooterButtons")
    if k.get("floatingActionButton") is not None or k.get("bottomSheet") is not None:
        raise unsupported("Scaffold.persistentFooterButtons with a floatingActionButton/bottomSheet", node)
    for button in buttons:
        icon = button.kwargs.get("icon") if isinstance(button, DartObject) else None
        if not (
            isinstance(button, DartObject)
            and button.type == "IconButton"
            and not button.ctor
            and set(button.kwargs) <= _DEFAULT_ICON_BUTTON
            and isinstance(icon, DartObject)
            and icon.type == "Icon"
            and (icon.kwargs.get("size") or 24) <= 24
        ):
            raise unsupported("Scaffold.persistentFooterButtons other than IconButtons at their defaults", node)
    if len(buttons) * 56 - 8 > SCREEN_WIDTH.get() - 16:
        raise unsupported("Scaffold.persistentFooterButtons wider than the screen (an OverflowBar column)", node)
    where = v.alignment(k.get("persistentFooterAlignment")) or ft.Alignment(1, 0)
    if where.x not in _FOOTER_ROW:
        raise unsupported("Scaffold.persistentFooterAlignment between start, centre and end", node)
    row = ft.Row([build(button) for button in buttons], spacing=8, alignment=_FOOTER_ROW[where.x])
    footer = ft.Column(
        [ft.Divider(height=1, thickness=1), ft.Container(row, padding=8)],
        spacing=0,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )
    if body is None:
        body = ft.Container()
    body.expand = True
    return ft.Column([body, footer], spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


@widget("Scaffold", honours=_SCAFFOLD)
def scaffold(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("extendBodyBehindAppBar"):
        raise unsupported("Scaffold.extendBodyBehindAppBar", node)
    bar_node = k.get("appBar")
    custom_bar = isinstance(bar_node, DartObject) and bar_node.type == "PreferredSize"
    if bar_node is not None and not custom_bar and not (isinstance(bar_node, DartObject) and bar_node.type == "AppBar"):
        raise unsupported(f"{v.describe(bar_node)} as Scaffold.appBar (only AppBar)", node)
    with axes(vertical=False, horizontal=False):
        with full_width(k.get("body") if is_full_width(node) else None):
            body = build_optional(k.get("body"))
        if custom_bar:
            body = _above_body(_preferred_size_bar(bar_node), body)
            bar_node = None
        bottom = build_optional(bar_node.kwargs.get("bottom")) if bar_node is not None else None
        if bottom is not None:
            # Flet's AppBar has no `bottom`: the bar (typically a TabBar) is drawn right under the app
            # bar, on the app bar's color, above the body.
            body = _above_body(ft.Container(bottom, bgcolor=v.color(bar_node.kwargs.get("backgroundColor"))), body)
        if k.get("persistentFooterButtons") is not None:
            body = _with_footer(node, body)
        nav_node = k.get("bottomNavigationBar")
        nav = build_optional(nav_node)
        fab = build_optional(k.get("floatingActionButton"))
        sheet = build_optional(k.get("bottomSheet"))
    if k.get("extendBody") and body is not None and nav is not None:
        body = _extended_body(body, nav_node, nav)
    drawer = build_optional(k.get("drawer"))
    end_drawer = build_optional(k.get("endDrawer"))
    pagelet = ft.Pagelet(
        content=body if body is not None else ft.Container(),
        appbar=_themed_buttons(bar_node, k),
        floating_action_button=fab,
        floating_action_button_location=v.enum(
            k.get("floatingActionButtonLocation"), "FloatingActionButtonLocation", ft.FloatingActionButtonLocation
        ),
        drawer=drawer,
        end_drawer=end_drawer,
        bottom_sheet=sheet,
        bgcolor=v.color(k.get("backgroundColor")) or SCAFFOLD_BACKGROUND.get(),
        expand=True,
    )
    if isinstance(nav, ft.NavigationBar):
        pagelet.navigation_bar = nav
    elif isinstance(nav, ft.BottomAppBar):
        pagelet.bottom_appbar = nav
    elif nav is not None:
        pagelet.bottom_appbar = ft.BottomAppBar(nav, padding=0, height=nav.height, bgcolor="transparent", elevation=0)
    return pagelet


def app_home(node: DartObject) -> Any:
    """The app's first route: what its `builder` built around the home (the front end runs it), else home."""
    k = node.kwargs
    built = k.get("builder")
    home = built if isinstance(built, DartObject) else k.get("home")
    if home is None:
        raise unsupported(f"{node.type} without home (routes/onGenerateRoute)", node)
    return home


def material_app(node: DartObject) -> tuple[Any, ft.Theme, bool, Any]:
    """MaterialApp -> (home, the theme shown, dark, that theme's ThemeData)."""
    k = node.kwargs
    home = app_home(node)
    light, light_dark = theme(k.get("theme"))
    mode = k.get("themeMode")
    if mode is not None and getattr(mode, "name", "") == "dark":
        if k.get("darkTheme") is None:
            raise unsupported("ThemeMode.dark without darkTheme", node)
        dark_theme, _ = theme(k["darkTheme"])
        return home, dark_theme, True, k["darkTheme"]
    return home, light, light_dark, k.get("theme")


def route(page: ft.Control) -> ft.Control:
    """An app's home route as drawn: a home that is not a Scaffold has no Material behind it, so
    Flutter shows the route's black."""
    return page if isinstance(page, ft.Pagelet) else ft.Container(page, bgcolor="#ff000000")


def themed(data: ft.Theme, dark: bool, theme_node: Any, build_child: Callable[[], ft.Control]) -> ft.Control:
    """The control `build_child` builds, built and drawn with the theme `data` (from the ThemeData
    `theme_node`) instead of the ambient one."""
    metrics, background = (
        METRICS.set(from_theme(theme_node, dark)),
        SCAFFOLD_BACKGROUND.set(data.scaffold_bgcolor or "surface"),
    )
    try:
        with themes.theme_defaults(theme_node):
            control = build_child()
    finally:
        METRICS.reset(metrics)
        SCAFFOLD_BACKGROUND.reset(background)
    return ft.Container(
        control, theme=data, dark_theme=data, theme_mode=ft.ThemeMode.DARK if dark else ft.ThemeMode.LIGHT
    )


def _themed_buttons(bar_node: Any, k: dict[str, Any]) -> ft.Control | None:
    """The Scaffold's AppBar, with the drawer buttons it implies drawn with the ActionIconTheme's icons
    (Flet's AppBar would imply Flutter's default ones): a drawer's as leading, an end drawer's as the
    actions when the bar has none (app_bar.dart). A home route has no back button."""
    bar = build_optional(bar_node)
    icons = themes.ACTION_ICONS.get()
    if not isinstance(bar, ft.AppBar) or not icons:
        return bar

    def button(builder: str) -> ft.Control:
        return build(DartObject("IconButton", kwargs={"icon": icons[builder], "onPressed": Closure(0)}))

    implies = bar_node.kwargs.get("automaticallyImplyLeading", True) is not False
    if implies and bar.leading is None and k.get("drawer") is not None and "drawerButtonIconBuilder" in icons:
        bar.leading = button("drawerButtonIconBuilder")
    if bar.actions is None and k.get("endDrawer") is not None and "endDrawerButtonIconBuilder" in icons:
        bar.actions = [button("endDrawerButtonIconBuilder")]
    return bar


@widget("Theme", honours="data child")
def theme_widget(node: DartObject) -> ft.Control:
    data, dark = theme(node.kwargs.get("data"))
    return themed(data, dark, node.kwargs.get("data"), lambda: build(node.kwargs.get("child")))


# What a MaterialApp inside the tree draws: its own theme (not the enclosing one: MaterialApp builds
# a Theme of `theme ?? ThemeData()`) around its home route. Title, banner (a release build has none)
# and navigator keys are invisible.
_NESTED_APP = (
    "home builder theme darkTheme themeMode title debugShowCheckedModeBanner navigatorKey scaffoldMessengerKey"
)


@widget("MaterialApp", honours=_NESTED_APP)
def nested_material_app(node: DartObject) -> ft.Control:
    home, data, dark, theme_node = material_app(node)
    with text_defaults(TextDefaults()):
        return themed(data, dark, theme_node, lambda: route(build(home)))
