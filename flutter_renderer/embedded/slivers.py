"""CustomScrollView, NestedScrollView and slivers at scroll offset 0.

Flet has no slivers. A viewport at rest shows its slivers one after the other from the top, each
as wide as the viewport, so a CustomScrollView is drawn as a scrolling Column of one control per
sliver: lists as Columns, grids as shrink-wrapped GridViews, SliverAppBar at its expanded height,
SliverFillRemaining filling what the slivers before it leave (FIDELITY.md lists these compositions).
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.animated import animated_value
from flutter_renderer.embedded.cupertino import CUPERTINO, text_style
from flutter_renderer.embedded.layout import (
    box_decoration,
    check_viewport,
    delegate_children,
    grid_delegate,
    safe_area_padding,
    scroll_padding,
)
from flutter_renderer.embedded.registry import (
    PARENT_DATA,
    axes,
    bad,
    build,
    build_optional,
    evaluated,
    media_padding,
    runtime_error,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.embedded.scaffold import app_bar
from flutter_renderer.embedded.text_defaults import TextDefaults, merge, text_defaults
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue
from flutter_renderer.preferred_size import preferred_height

# A viewport takes only slivers, and slivers only go in a viewport (registry.PARENT_DATA).
SLIVERS = frozenset(name for name, parent in PARENT_DATA.items() if parent == "sliver")


def _slivers(node: DartObject, items: list[Any]) -> list[ft.Control]:
    controls = []
    for item in items:
        if not isinstance(item, DartObject) or item.type not in SLIVERS:
            kind = item.type if isinstance(item, DartObject) else type(item).__name__
            raise runtime_error(
                f"A RenderViewport expected a child of type RenderSliver but received {kind} "
                f"(a box widget in {node.type}: wrap it in SliverToBoxAdapter)",
                node,
            )
        controls.append(build(item, parent="sliver"))
    return controls


def _viewport(controls: list[ft.Control], horizontal: bool, shrink_wrap: bool) -> ft.Control:
    """The slivers one after the other; a SliverFillRemaining takes the space the others leave, so
    the viewport is then a plain (clipped) column: at offset 0 it shows the same pixels."""
    fills = any(getattr(c, "data", None) == _FILL for c in controls)
    kind = ft.Row if horizontal else ft.Column
    alignment = {("vertical_alignment" if horizontal else "horizontal_alignment"): ft.CrossAxisAlignment.STRETCH}
    return kind(
        controls,
        spacing=0,
        scroll=None if fills else ft.ScrollMode.HIDDEN,
        expand=None if shrink_wrap else True,
        tight=shrink_wrap,
        **alignment,
    )


_FILL = "sliver-fill-remaining"


@widget("CustomScrollView", honours="slivers scrollDirection reverse shrinkWrap center anchor scrollBehavior")
def custom_scroll_view(node: DartObject) -> ft.Control:
    k = node.kwargs
    horizontal = isinstance(k.get("scrollDirection"), EnumValue) and k["scrollDirection"].name == "horizontal"
    shrink_wrap = bool(k.get("shrinkWrap"))
    check_viewport(node, horizontal, shrink_wrap)
    if k.get("reverse") or k.get("center") is not None or k.get("anchor") not in (None, 0, 0.0):
        raise unsupported("CustomScrollView.reverse/center/anchor", node)
    with axes(**{("horizontal" if horizontal else "vertical"): True}), media_padding(top=0, bottom=0):
        controls = _slivers(node, widget_list(node, "slivers"))
    # A scroll view without padding takes the MediaQuery padding (under a translucent Cupertino bar).
    padding = scroll_padding(node, horizontal)
    if padding is not None:
        controls = [ft.Container(height=padding.top)] + controls + [ft.Container(height=padding.bottom)]
    return _viewport(controls, horizontal, shrink_wrap)


@widget(
    "NestedScrollView", honours="headerSliverBuilder body scrollDirection reverse floatHeaderSlivers scrollBehavior"
)
def nested_scroll_view(node: DartObject) -> ft.Control:
    # The outer slivers (the front end ran headerSliverBuilder with innerBoxIsScrolled false) and the
    # body filling the rest of the viewport.
    k = node.kwargs
    headers = evaluated(node, "headerSliverBuilder")
    if not isinstance(headers, list):
        raise bad(headers, "the list of slivers headerSliverBuilder returns")
    if k.get("reverse") or (
        isinstance(k.get("scrollDirection"), EnumValue) and k["scrollDirection"].name == "horizontal"
    ):
        raise unsupported("NestedScrollView.reverse/horizontal", node)
    check_viewport(node, False, False)
    with axes(vertical=True):
        controls = _slivers(node, headers)
    with axes(vertical=False):
        content = build(k.get("body"))
    content.expand = True
    return ft.Column(controls + [content], spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, expand=True)


# --- box and list slivers -------------------------------------------------------------------------


@widget("SliverToBoxAdapter", honours="child")
def sliver_to_box_adapter(node: DartObject) -> ft.Control:
    return build_optional(node.kwargs.get("child")) or ft.Container(height=0)


def _items(node: DartObject) -> list[Any]:
    if node.ctor in ("builder", "separated"):
        items = node.kwargs.get("itemBuilder")
        if isinstance(items, Closure):
            raise unsupported(f"{node.type}.{node.ctor} without itemCount", node)
        if node.ctor == "separated":
            separators = node.kwargs.get("separatorBuilder") or []
            items = [x for pair in zip(items, separators + [None]) for x in pair if x is not None]
        return items
    if node.ctor in ("list", "count", "extent"):
        return widget_list(node)
    return delegate_children(node)


def _column(controls: list[ft.Control]) -> ft.Control:
    return ft.Column(controls, spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


_LIST = "delegate itemBuilder separatorBuilder itemCount children findChildIndexCallback"


@widget("SliverList", "SliverList.builder", "SliverList.separated", "SliverList.list", honours=_LIST)
def sliver_list(node: DartObject) -> ft.Control:
    return _column([build(item) for item in _items(node)])


@widget(
    "SliverFixedExtentList",
    "SliverFixedExtentList.builder",
    "SliverFixedExtentList.list",
    honours=_LIST + " itemExtent",
)
def sliver_fixed_extent_list(node: DartObject) -> ft.Control:
    extent = v.finite(node.kwargs.get("itemExtent"))
    with axes(vertical=False):
        return _column([ft.Container(build(item), height=extent) for item in _items(node)])


@widget(
    "SliverGrid",
    "SliverGrid.builder",
    "SliverGrid.count",
    "SliverGrid.extent",
    honours=_LIST + " gridDelegate crossAxisCount maxCrossAxisExtent mainAxisSpacing crossAxisSpacing childAspectRatio",
)
def sliver_grid(node: DartObject) -> ft.Control:
    # A grid in an unbounded column: Flet's GridView shrink-wraps there, laying out its cells as the
    # sliver grid does.
    delegate = node.kwargs if node.ctor in ("count", "extent") else grid_delegate(node.kwargs.get("gridDelegate"))
    if delegate.get("mainAxisExtent") is not None:
        raise unsupported("a grid delegate's mainAxisExtent", node)
    with axes(vertical=False, horizontal=False):
        controls = [build(item) for item in _items(node)]
    return ft.GridView(
        controls,
        runs_count=delegate.get("crossAxisCount"),
        max_extent=v.finite(delegate.get("maxCrossAxisExtent")),
        spacing=v.finite(delegate.get("crossAxisSpacing")) or 0,
        run_spacing=v.finite(delegate.get("mainAxisSpacing")) or 0,
        child_aspect_ratio=v.finite(delegate.get("childAspectRatio")) or 1.0,
    )


@widget("SliverPadding", honours="padding sliver")
def sliver_padding(node: DartObject) -> ft.Control:
    sliver = node.kwargs.get("sliver")
    inner = _slivers(node, [sliver])[0] if sliver is not None else ft.Container()
    return ft.Container(inner, padding=v.edge_insets(node.kwargs.get("padding")))


@widget("SliverFillRemaining", honours="child hasScrollBody fillOverscroll")
def sliver_fill_remaining(node: DartObject) -> ft.Control:
    with axes(vertical=False):
        child = build_optional(node.kwargs.get("child"))
    control = ft.Container(child, expand=True)
    control.data = _FILL
    return control


@widget("SliverMainAxisGroup", honours="slivers")
def sliver_main_axis_group(node: DartObject) -> ft.Control:
    return _column(_slivers(node, widget_list(node, "slivers")))


def _single(node: DartObject) -> ft.Control:
    sliver = node.kwargs.get("sliver")
    return _slivers(node, [sliver])[0] if sliver is not None else ft.Container(height=0)


@widget("SliverConstrainedCrossAxis", honours="maxExtent sliver")
def sliver_constrained_cross_axis(node: DartObject) -> ft.Control:
    # The sliver at most maxExtent wide, at the start of the cross axis.
    width = v.finite(node.kwargs.get("maxExtent"))
    return ft.Container(ft.Container(_single(node), width=width), alignment=ft.Alignment(-1, -1))


@widget("SliverOpacity", "SliverAnimatedOpacity", honours="opacity sliver alwaysIncludeSemantics duration curve onEnd")
def sliver_opacity(node: DartObject) -> ft.Control:
    value = v.finite(node.kwargs.get("opacity"))
    if value is None or not 0 <= value <= 1:
        raise bad(value, "an opacity between 0.0 and 1.0")
    control = ft.Container(_single(node))
    control.opacity = value
    return control


@widget("SliverFadeTransition", honours="opacity sliver alwaysIncludeSemantics")
def sliver_fade_transition(node: DartObject) -> ft.Control:
    control = ft.Container(_single(node))
    control.opacity = min(max(float(animated_value(node, "opacity")), 0.0), 1.0)
    return control


@widget("SliverIgnorePointer", "SliverOverlapAbsorber", honours="sliver ignoring ignoringSemantics handle")
def sliver_passthrough(node: DartObject) -> ft.Control:
    """Slivers that change only hit testing or how a NestedScrollView tracks overlap: their sliver."""
    return _single(node)


@widget("SliverOverlapInjector", honours="handle sliver")
def sliver_overlap_injector(node: DartObject) -> ft.Control:
    # At rest nothing of the outer header overlaps the inner scroll view: no space to inject.
    return _single(node) if node.kwargs.get("sliver") is not None else ft.Container(height=0)


@widget(
    "SliverVisibility",
    honours="sliver replacementSliver visible maintainState maintainAnimation maintainSize "
    "maintainSemantics maintainInteractivity",
)
def sliver_visibility(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("visible", True) is not False:
        return _single(node)
    if k.get("maintainSize"):
        hidden = ft.Container(_single(node))
        hidden.opacity = 0
        return hidden
    replacement = k.get("replacementSliver")
    return _slivers(node, [replacement])[0] if replacement is not None else ft.Container(height=0)


@widget("SliverSafeArea", honours="sliver left top right bottom minimum")
def sliver_safe_area(node: DartObject) -> ft.Control:
    padding = safe_area_padding(node.kwargs)
    with media_padding(top=0, bottom=0):
        return ft.Container(_single(node), padding=padding)


@widget("DecoratedSliver", honours="decoration position sliver")
def decorated_sliver(node: DartObject) -> ft.Control:
    return ft.Container(_single(node), **box_decoration(node.kwargs.get("decoration")))


@widget("CupertinoSliverRefreshControl", honours="refreshTriggerPullDistance refreshIndicatorExtent builder onRefresh")
def cupertino_sliver_refresh_control(node: DartObject) -> ft.Control:
    # Not pulled: no extent.
    return ft.Container(height=0)


# --- app bars -------------------------------------------------------------------------------------

_FLEXIBLE_TITLE_SCALE = 1.5  # FlexibleSpaceBar.expandedTitleScale at full expansion
_BAR_HEIGHT = {"": None, "medium": 112.0, "large": 152.0}
_BAR_TITLE = {"medium": (ft.TextThemeStyle.HEADLINE_SMALL, 20.0), "large": (ft.TextThemeStyle.HEADLINE_MEDIUM, 28.0)}


@widget(
    "SliverAppBar",
    "SliverAppBar.medium",
    "SliverAppBar.large",
    honours="leading automaticallyImplyLeading title actions flexibleSpace backgroundColor foregroundColor "
    "elevation scrolledUnderElevation shadowColor centerTitle titleSpacing toolbarHeight leadingWidth "
    "titleTextStyle shape toolbarOpacity systemOverlayStyle forceMaterialTransparency expandedHeight "
    "collapsedHeight floating pinned snap stretch stretchTriggerOffset forceElevated primary bottom "
    "surfaceTintColor iconTheme actionsIconTheme toolbarTextStyle excludeHeaderSemantics",
)
def sliver_app_bar(node: DartObject) -> ft.Control:
    # At offset 0 the bar is expanded: expandedHeight (medium 112, large 152), else the toolbar. Its
    # toolbar is the AppBar it builds; a flexibleSpace fills the bar behind it.
    k = node.kwargs
    for name in ("iconTheme", "actionsIconTheme", "toolbarTextStyle", "surfaceTintColor"):
        if k.get(name) is not None:
            raise unsupported(f"SliverAppBar.{name}", node)
    toolbar_height = v.finite(k.get("toolbarHeight")) or 56.0
    bottom_height = _bottom_height(node)
    expanded = v.finite(k.get("expandedHeight")) or _BAR_HEIGHT[node.ctor]
    flexible = k.get("flexibleSpace")
    if expanded is None and flexible is None and not bottom_height:
        return _toolbar(node, toolbar_height)
    # app_bar.dart: maxExtent = max(expandedHeight ?? toolbarHeight + bottom height, minExtent).
    height = max(expanded or toolbar_height + bottom_height, toolbar_height + bottom_height)
    layers: list[ft.Control] = []
    if flexible is not None:
        # FlexibleSpaceBarSettings.hasLeading: a leading widget, or one the bar may imply.
        has_leading = k.get("leading") is not None or k.get("automaticallyImplyLeading", True) is not False
        layers.append(ft.Container(_flexible_space(flexible, has_leading), left=0, top=0, right=0, bottom=0))
    if node.ctor in _BAR_TITLE and k.get("title") is not None:
        style, bottom = _BAR_TITLE[node.ctor]
        title = build(k["title"])
        if isinstance(title, ft.Text) and title.style is None and title.theme_style is None:
            title.theme_style = style
        layers.append(ft.Container(title, left=16, right=16, bottom=bottom))
        node = DartObject(node.type, node.ctor, node.args, {**k, "title": None}, node.line, node.column)
    bar = _toolbar(node, toolbar_height, transparent=True)
    layers.append(ft.Container(bar, left=0, top=0, right=0, height=toolbar_height))
    if bottom_height:
        # The bottom (a TabBar) sits at the bar's bottom edge, over the flexible space.
        with axes(vertical=False, horizontal=False):
            layers.append(ft.Container(build(k["bottom"]), left=0, right=0, bottom=0, height=bottom_height))
    return ft.Container(
        ft.Stack(layers),
        height=height,
        bgcolor=v.color(k.get("backgroundColor")) or "surface",
        clip_behavior=ft.ClipBehavior.HARD_EDGE,
    )


def _bottom_height(node: DartObject) -> float:
    """The preferred height of a SliverAppBar's `bottom` (0 without one)."""
    bottom = node.kwargs.get("bottom")
    if bottom is None:
        return 0.0
    height = preferred_height(bottom)
    if height is None or node.ctor:
        # (medium and large bars place their title by the bottom's height; not reproduced)
        raise unsupported(f"SliverAppBar{'.' + node.ctor if node.ctor else ''}(bottom: {v.describe(bottom)})", node)
    return height


def _toolbar(node: DartObject, height: float, transparent: bool = False) -> ft.Control:
    """The AppBar a SliverAppBar builds, as the AppBar widget with the same arguments."""
    names = (
        "leading automaticallyImplyLeading title actions backgroundColor foregroundColor elevation "
        "scrolledUnderElevation shadowColor centerTitle titleSpacing leadingWidth titleTextStyle shape "
        "toolbarOpacity systemOverlayStyle forceMaterialTransparency"
    ).split()
    kwargs = {name: node.kwargs[name] for name in names if name in node.kwargs}
    kwargs["toolbarHeight"] = height
    bar = app_bar(DartObject("AppBar", "", (), kwargs, node.line, node.column))
    if transparent:
        bar.bgcolor = "transparent"
    return ft.Container(bar, height=height)


def _flexible_space(value: Any, has_leading: bool) -> ft.Control:
    """FlexibleSpaceBar fully expanded: the background filling the bar, the title at its bottom start
    (start padding 72 when the bar has or may imply a leading widget, else 0; bottom 16), or its bottom
    centre with centerTitle, in titleLarge scaled by expandedTitleScale (1.5). Stretch modes act only on
    an overscrolled bar."""
    if not isinstance(value, DartObject) or value.type != "FlexibleSpaceBar":
        return build(value)
    k = value.kwargs
    scale = v.finite(k.get("expandedTitleScale")) or _FLEXIBLE_TITLE_SCALE
    # centerTitle: the title at the bottom centre, with no start padding (Android's default is start).
    centered = k.get("centerTitle") is True
    anchor = ft.Alignment(0 if centered else -1, 1)
    layers: list[ft.Control] = []
    if k.get("background") is not None:
        layers.append(ft.Container(build(k["background"]), left=0, top=0, right=0, bottom=0))
    if k.get("title") is not None:
        title = build(k["title"])
        if isinstance(title, ft.Text) and title.theme_style is None:
            title.theme_style = ft.TextThemeStyle.TITLE_LARGE
        scaled = ft.Container(title, alignment=anchor)
        scaled.transform = ft.Transform(ft.Matrix4.diagonal3_values(scale, scale, 1), alignment=anchor)
        padding = v.edge_insets(k.get("titlePadding")) or ft.Padding(
            72 if has_leading and not centered else 0, 0, 0, 16
        )
        layers.append(ft.Container(scaled, left=0, top=0, right=0, bottom=0, padding=padding))
    return ft.Stack(layers)


# CupertinoSliverNavigationBar at rest (cupertino/nav_bar.dart): the 44 px bar with `middle` (or
# nothing) over a 52 px band holding the large title (34 px bold) at start 16, bottom 8.
@widget(
    "CupertinoSliverNavigationBar",
    honours="largeTitle leading automaticallyImplyLeading automaticallyImplyTitle "
    "alwaysShowMiddle previousPageTitle middle trailing border "
    "backgroundColor brightness padding transitionBetweenRoutes heroTag "
    "stretch",
)
def cupertino_sliver_navigation_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    look = CUPERTINO.get()
    middle = k.get("middle") if k.get("alwaysShowMiddle", True) is not False else None
    bar = build(
        DartObject(
            "CupertinoNavigationBar",
            kwargs={
                name: k[name]
                for name in (
                    "leading automaticallyImplyLeading previousPageTitle trailing brightness padding "
                    "transitionBetweenRoutes heroTag"
                ).split()
                if name in k
            }
            | {"middle": middle, "backgroundColor": ColorValue("transparent"), "border": None},
        )
    )
    title = None
    if k.get("largeTitle") is not None:
        large = merge(text_style(look), ft.TextStyle(size=34, weight=ft.FontWeight.W_700, letter_spacing=0.38))
        with text_defaults(TextDefaults(style=large)):
            title = ft.Container(
                build(k["largeTitle"]), padding=ft.Padding(16, 0, 0, 8), alignment=ft.Alignment(-1, 1), height=52
            )
    return ft.Container(
        ft.Column(
            [bar] + ([title] if title is not None else []),
            spacing=0,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
        bgcolor=v.color(k.get("backgroundColor")) or look.bar,
        border=v.border(k.get("border")) or ft.Border(bottom=ft.BorderSide(0, "#4d000000")),
    )
