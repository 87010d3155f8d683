"""Layout widgets: Column, Row, Stack, Container, Padding, SizedBox, scroll views, ...

Flet's defaults differ from Flutter's (Column spacing 10, cross-axis start, scrollbars): every Flet
argument that has a Flutter default is set explicitly here to Flutter's value.
"""

from __future__ import annotations

import math
from typing import Any

import flet as ft

from flutter_renderer.catalog import CLASSES
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.extents import content_extent, parent_size
from flutter_renderer.embedded.images import decoration_image
from flutter_renderer.embedded.material import SCREEN_HEIGHT, SCREEN_WIDTH
from flutter_renderer.embedded.registry import (
    axes,
    bad,
    build,
    build_optional,
    current_media_padding,
    evaluated,
    is_tight,
    layout_error,
    media_padding,
    tight_child,
    unbounded,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.ir import Closure, DartObject, EnumValue

_FLEX_CHILDREN = ("Expanded", "Flexible", "Spacer")


def _flex(node: DartObject, vertical: bool) -> ft.Control:
    k = node.kwargs
    main_axis = "v" if vertical else "h"
    if k.get("verticalDirection") is not None and k["verticalDirection"].name == "up":
        raise unsupported(f"{node.type}.verticalDirection: VerticalDirection.up", node)
    children = []
    for child in widget_list(node):
        is_flex = isinstance(child, DartObject) and child.type in _FLEX_CHILDREN
        if is_flex and unbounded(main_axis):
            raise layout_error(
                f"RenderFlex children have non-zero flex but incoming {'height' if vertical else 'width'} "
                f"constraints are unbounded ({child.type} inside a {node.type} that is itself unbounded, "
                "e.g. in a scroll view)",
                child,
            )
        # Non-flex children of a Flex get an unbounded main axis; flex children keep the parent's bound.
        with axes(**{("vertical" if vertical else "horizontal"): None if is_flex else True}):
            children.append(build(child, parent="flex"))
    main = v.enum(k.get("mainAxisAlignment"), "MainAxisAlignment", ft.MainAxisAlignment) or ft.MainAxisAlignment.START
    cross = (
        v.enum(k.get("crossAxisAlignment"), "CrossAxisAlignment", ft.CrossAxisAlignment) or ft.CrossAxisAlignment.CENTER
    )
    tight = isinstance(k.get("mainAxisSize"), EnumValue) and k["mainAxisSize"].name == "min"
    spacing = v.finite(k.get("spacing")) or 0
    if vertical:
        return ft.Column(children, alignment=main, horizontal_alignment=cross, tight=tight, spacing=spacing)
    return ft.Row(children, alignment=main, vertical_alignment=cross, tight=tight, spacing=spacing)


@widget("Column", honours="children mainAxisAlignment crossAxisAlignment mainAxisSize spacing verticalDirection")
def column(node: DartObject) -> ft.Control:
    return _flex(node, vertical=True)


@widget("Row", honours="children mainAxisAlignment crossAxisAlignment mainAxisSize spacing verticalDirection")
def row(node: DartObject) -> ft.Control:
    return _flex(node, vertical=False)


@widget("OverflowBar", honours="spacing alignment overflowSpacing overflowAlignment overflowDirection children")
def overflow_bar(node: DartObject) -> ft.Control:
    # The front end (dart/overflow_bar.py) puts a Row or Column in the place of every bar whose layout
    # it can tell; one that reaches the mapping could be either.
    raise unsupported(
        "OverflowBar whose children's widths or whose own width are not known (a Row when the "
        "children fit, else a Column)",
        node,
    )


@widget(
    "Flex", honours="direction children mainAxisAlignment crossAxisAlignment mainAxisSize spacing verticalDirection"
)
def flex(node: DartObject) -> ft.Control:
    direction = node.kwargs.get("direction")
    return _flex(node, vertical=isinstance(direction, EnumValue) and direction.name == "vertical")


def _child(node: DartObject, param: str = "child") -> ft.Control:
    if node.kwargs.get(param) is None:
        raise bad(None, f"a Widget for {node.type}.{param}")
    return build(node.kwargs[param])


@widget("Expanded", honours="child flex")
def expanded(node: DartObject) -> ft.Control:
    control = _child(node)
    control.expand = int(v.finite(node.kwargs.get("flex")) or 1)
    control.expand_loose = False
    return control


@widget("Flexible", honours="child flex fit")
def flexible(node: DartObject) -> ft.Control:
    control = _child(node)
    control.expand = int(v.finite(node.kwargs.get("flex")) or 1)
    fit = node.kwargs.get("fit")
    control.expand_loose = not (isinstance(fit, EnumValue) and fit.name == "tight")  # Flexible: loose
    return control


@widget("Spacer", honours="flex")
def spacer(node: DartObject) -> ft.Control:
    return ft.Container(expand=int(v.finite(node.kwargs.get("flex")) or 1))


def _sized(node: DartObject, width: Any, height: Any, **container: Any) -> ft.Container:
    """A Container of the given size whose child sees the bounds that size implies: tight on an axis
    the size fixes (or the parent fixed), unless an alignment loosens them."""
    w, h = v.number(width), v.number(height)
    fixed = [size is not None and (not math.isinf(size) or not unbounded(axis)) for size, axis in ((w, "h"), (h, "v"))]
    tight = container.get("alignment") is None and all(
        f or (size is None and is_tight()) for f, size in zip(fixed, (w, h))
    )
    child = node.kwargs.get("child")
    fitted = isinstance(child, DartObject) and child.type in ("FittedBox", "OverflowBox")  # the widgets that ask
    known = (
        fitted
        and tight
        and container.get("padding") is None
        and all(size is not None and math.isfinite(size) for size in (w, h))
    )
    with (
        axes(
            vertical=False if h is not None and not math.isinf(h) else None,
            horizontal=False if w is not None and not math.isinf(w) else None,
        ),
        tight_child(tight),
        parent_size((w, h) if known else None),
    ):
        content = build_optional(child)
    return ft.Container(content=content, width=w, height=h, **container)


def box_decoration(value: Any) -> dict[str, Any]:
    """BoxDecoration -> the Flet Container arguments that draw it."""
    if value is None:
        return {}
    if isinstance(value, DartObject) and value.type == "ShapeDecoration":
        return shape_decoration(value)
    if not isinstance(value, DartObject) or value.type != "BoxDecoration":
        raise unsupported(f"decoration {v.describe(value)}", value if isinstance(value, DartObject) else None)
    k = value.kwargs
    if k.get("backgroundBlendMode") is not None:
        raise unsupported("BoxDecoration.backgroundBlendMode", value)
    shape = k.get("shape")
    circle = isinstance(shape, EnumValue) and shape.name == "circle"
    return {
        "bgcolor": v.color(k.get("color")),
        "border": v.border(k.get("border")),
        "border_radius": v.border_radius(k.get("borderRadius")),
        "shadow": v.box_shadows(k.get("boxShadow")),
        "gradient": v.gradient(k.get("gradient")),
        "shape": ft.BoxShape.CIRCLE if circle else ft.BoxShape.RECTANGLE,
        "image": decoration_image(k.get("image")),
    }


def shape_decoration(value: DartObject) -> dict[str, Any]:
    """ShapeDecoration with a CircleBorder or RoundedRectangleBorder -> the BoxDecoration that
    paints the same pixels (Flutter's ShapeDecoration.fromBoxDecoration is the inverse): the shape's
    side becomes the border on every edge."""
    k = value.kwargs
    shape = k.get("shape")
    if not isinstance(shape, DartObject) or shape.type not in ("CircleBorder", "RoundedRectangleBorder"):
        raise unsupported(
            f"ShapeDecoration.shape {v.describe(shape)} (only CircleBorder, RoundedRectangleBorder)", value
        )
    if shape.kwargs.get("eccentricity") not in (None, 0, 0.0):
        raise unsupported("CircleBorder.eccentricity", shape)
    side = v.border_side(shape.kwargs.get("side"))
    circle = shape.type == "CircleBorder"
    return {
        "bgcolor": v.color(k.get("color")),
        "border": ft.Border(side, side, side, side) if side is not None else None,
        "border_radius": None if circle else v.border_radius(shape.kwargs.get("borderRadius")),
        "shadow": v.box_shadows(k.get("shadows")),
        "gradient": v.gradient(k.get("gradient")),
        "shape": ft.BoxShape.CIRCLE if circle else ft.BoxShape.RECTANGLE,
        "image": decoration_image(k.get("image")),
    }


@widget(
    "Container",
    honours="alignment padding color decoration width height margin child clipBehavior "
    "constraints transform transformAlignment",
)
def container(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("color") is not None and k.get("decoration") is not None:
        raise bad(k["color"], "either color or decoration in Container, not both (Flutter asserts this)")
    width, height = k.get("width"), k.get("height")
    if k.get("constraints") is not None:
        fills = k.get("alignment") is not None or k.get("child") is None
        width, height = _tight_size(k["constraints"], width, height, node, fills)
    style = box_decoration(k.get("decoration"))
    style["bgcolor"] = style.get("bgcolor") or v.color(k.get("color"))
    control = _sized(
        node,
        width,
        height,
        padding=v.edge_insets(k.get("padding")),
        margin=v.margin(k.get("margin")),
        alignment=v.alignment(k.get("alignment")),
        clip_behavior=_clip(k.get("clipBehavior")),
        **style,
    )
    matrix = v.matrix4(k.get("transform"))
    if matrix is not None:
        # Flutter wraps the whole Container (margin included) in Transform(alignment: transformAlignment).
        control.transform = ft.Transform(matrix, alignment=v.alignment(k.get("transformAlignment")))
    return control


def _tight_size(
    value: Any, width: Any, height: Any, node: DartObject, fills: bool = False, child: Any = None
) -> tuple[Any, Any]:
    """BoxConstraints -> a size per axis: tight ones (min == max, e.g. BoxConstraints.expand) are a size;
    a loose one that cannot bind on this screen (min 0, max >= the screen, e.g. maxWidth: 400 on a
    390 px phone) changes nothing; a maximum around a box that `fills` whatever it is given (a
    Container with an alignment or without a child) is that box's size, which its parent's
    constraints clamp as they clamp the maximum; a minimum alone around a `child` of a fixed extent
    is the larger of the two; any other is unsupported (Flet has no general constraints)."""
    c = v.constraints(value)
    sizes = []
    for axis, low, high, screen, given in (
        ("width", c.min_width, c.max_width, SCREEN_WIDTH.get(), width),
        ("height", c.min_height, c.max_height, SCREEN_HEIGHT.get(), height),
    ):
        if low == high:
            sizes.append(low)
        elif low == 0 and high >= screen:
            sizes.append(given)
        elif low == 0 and (fills or given is not None):  # `width`/`height` tighten the constraints
            sizes.append(high if given is None else min(v.number(given), high))
        elif math.isinf(high) and given is None and (extent := content_extent(child, axis)) is not None:
            sizes.append(max(low, extent))
        else:
            raise unsupported(f"{node.type}.constraints with min/max {axis} {low:g}..{high:g}", node)
    return sizes[0], sizes[1]


def _clip(value: Any) -> ft.ClipBehavior | None:
    return v.enum(value, "Clip", ft.ClipBehavior)


@widget("DecoratedBox", honours="decoration child")
def decorated_box(node: DartObject) -> ft.Control:
    return _sized(node, None, None, **box_decoration(node.kwargs.get("decoration")))


@widget("Padding", honours="padding child")
def padding(node: DartObject) -> ft.Control:
    with tight_child(is_tight()):  # padding deflates the constraints, tight ones stay tight
        child = build_optional(node.kwargs.get("child"))
    return ft.Container(content=child, padding=v.edge_insets(node.kwargs.get("padding")))


@widget("SizedBox", honours="width height child")
def sized_box(node: DartObject) -> ft.Control:
    return _sized(node, node.kwargs.get("width"), node.kwargs.get("height"))


@widget("SizedBox.expand", honours="child")
def sized_box_expand(node: DartObject) -> ft.Control:
    return _sized(node, math.inf, math.inf)


@widget("SizedBox.shrink", honours="child")
def sized_box_shrink(node: DartObject) -> ft.Control:
    return _sized(node, 0, 0)


@widget("SizedBox.square", honours="child dimension")
def sized_box_square(node: DartObject) -> ft.Control:
    return _sized(node, node.kwargs.get("dimension"), node.kwargs.get("dimension"))


@widget("SizedBox.fromSize", honours="child size")
def sized_box_from_size(node: DartObject) -> ft.Control:
    width, height = v.size(node.kwargs.get("size")) or (None, None)
    return _sized(node, width, height)


def _align(node: DartObject, default: ft.Alignment) -> ft.Control:
    k = node.kwargs
    where = v.alignment(k.get("alignment")) or default
    if k.get("widthFactor") is not None or k.get("heightFactor") is not None:
        return _shrink_wrapped(node, k.get("widthFactor"), k.get("heightFactor"), where)
    return ft.Container(content=build_optional(k.get("child")), alignment=where)


_FLEX_POSITIONS = {-1: ft.MainAxisAlignment.START, 0: ft.MainAxisAlignment.CENTER, 1: ft.MainAxisAlignment.END}


def _shrink_wrapped(node: DartObject, width_factor: Any, height_factor: Any, where: ft.Alignment) -> ft.Control:
    """Align/Center with a size factor of 1.0: that axis is as large as the child (RenderPositionedBox
    shrink-wraps it), the other fills the constraints and the child is aligned along it; a Column
    (or Row) of the one child is that box. Other factors scale the child's size, unknown here."""
    if any(factor is not None and v.finite(factor) != 1 for factor in (width_factor, height_factor)):
        raise unsupported(f"{node.type}.widthFactor/heightFactor other than 1.0", node)
    child = build_optional(node.kwargs.get("child"))
    if child is None:
        return ft.Container(
            width=0 if width_factor is not None else None, height=0 if height_factor is not None else None
        )
    if width_factor is not None and height_factor is not None:
        return child
    position = where.y if width_factor is not None else where.x
    if position not in _FLEX_POSITIONS:
        raise unsupported(f"{node.type}.alignment between the edges with one size factor", node)
    if width_factor is not None:
        return ft.Column([child], alignment=_FLEX_POSITIONS[position], spacing=0)
    return ft.Row([child], alignment=_FLEX_POSITIONS[position], spacing=0)


@widget("Center", honours="child widthFactor heightFactor")
def center(node: DartObject) -> ft.Control:
    return _align(node, ft.Alignment(0, 0))


@widget("Align", honours="child alignment widthFactor heightFactor")
def align(node: DartObject) -> ft.Control:
    return _align(node, ft.Alignment(0, 0))


@widget("Stack", honours="alignment fit clipBehavior children")
def stack(node: DartObject) -> ft.Control:
    return _stack(node, node.kwargs.get("fit"))


def _stack(node: DartObject, fit: Any) -> ft.Stack:
    k = node.kwargs
    expand = isinstance(fit, EnumValue) and fit.name == "expand"  # non-positioned children fill the stack
    with tight_child(expand and not unbounded("h") and not unbounded("v")):
        children = [build(child, parent="stack") for child in widget_list(node)]
    return ft.Stack(
        children,
        alignment=v.alignment(k.get("alignment")) or ft.Alignment(-1, -1),
        fit=v.enum(fit, "StackFit", ft.StackFit) or ft.StackFit.LOOSE,
        clip_behavior=_clip(k.get("clipBehavior")) or ft.ClipBehavior.HARD_EDGE,
    )


@widget("IndexedStack", honours="alignment sizing clipBehavior index children")
def indexed_stack(node: DartObject) -> ft.Control:
    """A Stack of all its children (it is as large as the largest) that paints only `index`: the
    others are laid out and drawn transparent."""
    index = node.kwargs.get("index", 0)
    control = _stack(node, node.kwargs.get("sizing"))
    for i, child in enumerate(control.controls):
        if i != index:
            child.opacity = 0
    return control


@widget("PreferredSize", honours="preferredSize child")
def preferred_size(node: DartObject) -> ft.Control:
    """PreferredSize only tells a parent that asks (Scaffold.appBar, AppBar.bottom) its preferred size;
    it builds its child as it is."""
    return _child(node)


@widget("Offstage", honours="offstage child")
def offstage(node: DartObject) -> ft.Control:
    """Offstage lays its child out but neither paints it nor takes any room (the smallest size its
    constraints allow)."""
    child = build_optional(node.kwargs.get("child"))
    if node.kwargs.get("offstage", True) is False and child is not None:
        return child
    return ft.Container(width=0, height=0)


def _positioned(node: DartObject, default: float | None) -> ft.Control:
    k = node.kwargs

    def edge(name: str) -> float | None:
        value = v.finite(k.get(name))
        return default if value is None else value

    return ft.Container(
        content=_child(node),
        left=edge("left"),
        top=edge("top"),
        right=edge("right"),
        bottom=edge("bottom"),
        width=v.finite(k.get("width")),
        height=v.finite(k.get("height")),
    )


@widget("Positioned", honours="left top right bottom width height child")
def positioned(node: DartObject) -> ft.Control:
    return _positioned(node, None)


@widget("Positioned.fill", honours="left top right bottom child")
def positioned_fill(node: DartObject) -> ft.Control:
    return _positioned(node, 0)


@widget("Wrap", honours="direction alignment spacing runAlignment runSpacing crossAxisAlignment children")
def wrap(node: DartObject) -> ft.Control:
    k = node.kwargs
    vertical = isinstance(k.get("direction"), EnumValue) and k["direction"].name == "vertical"
    with axes(**{("horizontal" if vertical else "vertical"): True}):
        children = [build(child) for child in widget_list(node)]
    common = dict(
        wrap=True,
        tight=True,
        spacing=v.finite(k.get("spacing")) or 0,
        run_spacing=v.finite(k.get("runSpacing")) or 0,
        alignment=v.enum(k.get("alignment"), "WrapAlignment", ft.MainAxisAlignment) or ft.MainAxisAlignment.START,
        run_alignment=v.enum(k.get("runAlignment"), "WrapAlignment", ft.MainAxisAlignment)
        or ft.MainAxisAlignment.START,
    )
    cross = (
        v.enum(k.get("crossAxisAlignment"), "WrapCrossAlignment", ft.CrossAxisAlignment) or ft.CrossAxisAlignment.START
    )
    if vertical:
        return ft.Column(children, horizontal_alignment=cross, **common)
    return ft.Row(children, vertical_alignment=cross, **common)


def _is_horizontal(node: DartObject) -> bool:
    direction = node.kwargs.get("scrollDirection")
    return isinstance(direction, EnumValue) and direction.name == "horizontal"


def check_viewport(node: DartObject, horizontal: bool, shrink_wrap: bool) -> None:
    """Flutter: a viewport needs a bounded cross axis, and a bounded main axis unless it shrink-wraps."""
    main, cross = ("h", "v") if horizontal else ("v", "h")
    if unbounded(cross) or (unbounded(main) and not shrink_wrap):
        axis = "width" if "h" in (main if unbounded(main) and not shrink_wrap else cross) else "height"
        raise layout_error(
            f"{'Horizontal' if horizontal else 'Vertical'} viewport was given unbounded {axis} "
            f"({node.type} needs a bounded {axis}: wrap it in Expanded or a SizedBox, "
            "or set shrinkWrap)",
            node,
        )


@widget("SingleChildScrollView", honours="scrollDirection reverse padding child")
def single_child_scroll_view(node: DartObject) -> ft.Control:
    k = node.kwargs
    horizontal = _is_horizontal(node)
    check_viewport(node, horizontal, shrink_wrap=True)
    with axes(**{("horizontal" if horizontal else "vertical"): True}):
        child = build_optional(k.get("child"))
    if k.get("padding") is not None:
        child = ft.Container(content=child, padding=v.edge_insets(k["padding"]))
    kind = ft.Row if horizontal else ft.Column
    alignment = {("vertical_alignment" if horizontal else "horizontal_alignment"): ft.CrossAxisAlignment.START}
    if k.get("reverse"):
        raise unsupported("SingleChildScrollView.reverse", node)
    return kind([child] if child else [], scroll=ft.ScrollMode.HIDDEN, spacing=0, tight=True, **alignment)


def _builder_items(node: DartObject, param: str, count: Any) -> list[Any]:
    """The widgets of an item builder. The front end expands `itemBuilder: (context, i) => ...` into the
    list of built widgets (one per index); a closure it could not expand cannot be drawn."""
    items = node.kwargs.get(param)
    if isinstance(items, Closure):
        raise unsupported(f"{node.type}.{node.ctor}: an {param} the front end could not evaluate", node)
    if not isinstance(items, list):
        raise bad(items, f"the built items of {node.type}.{param}")
    return items


def scroll_padding(node: DartObject, horizontal: bool) -> ft.Padding | None:
    """A scroll view's padding; when none is given, a vertical one takes the MediaQuery padding
    (ScrollView does, so a list under a translucent Cupertino bar starts below it)."""
    given = v.edge_insets(node.kwargs.get("padding"))
    top, bottom = current_media_padding()
    if given is not None or horizontal or (top, bottom) == (0, 0):
        return given
    return ft.Padding(0, top, 0, bottom)


def _list_view(node: DartObject, items: list[Any]) -> ft.Control:
    k = node.kwargs
    horizontal = _is_horizontal(node)
    check_viewport(node, horizontal, shrink_wrap=bool(k.get("shrinkWrap")))
    padding = scroll_padding(node, horizontal)
    with axes(**{("horizontal" if horizontal else "vertical"): True}), media_padding(top=0, bottom=0):
        controls = [build(item) for item in items]
    if k.get("prototypeItem") is not None or k.get("itemExtentBuilder") is not None:
        raise unsupported(f"{node.type}.prototypeItem/itemExtentBuilder", node)
    return ft.ListView(
        controls,
        horizontal=horizontal,
        spacing=0,
        padding=padding,
        item_extent=v.finite(k.get("itemExtent")),
        reverse=bool(k.get("reverse")),
        expand=None if k.get("shrinkWrap") else True,
        scroll=ft.ScrollMode.HIDDEN,
    )


_LIST_PARAMS = "scrollDirection reverse shrinkWrap padding itemExtent prototypeItem itemExtentBuilder"


def delegate_children(node: DartObject, param: str = "delegate") -> list[Any]:
    """The children of SliverChildListDelegate / SliverChildBuilderDelegate (built by the front end)."""
    delegate = node.kwargs.get(param)
    if not isinstance(delegate, DartObject) or delegate.type not in (
        "SliverChildListDelegate",
        "SliverChildBuilderDelegate",
    ):
        raise bad(delegate, f"a SliverChildDelegate for {node.type}")
    children = delegate.args[0] if delegate.args else None
    if isinstance(children, Closure):
        raise unsupported("a SliverChildBuilderDelegate without childCount (the front end builds a known count)", node)
    if not isinstance(children, list):
        raise bad(children, "the children of a SliverChildDelegate")
    return [child for child in children if child is not None]


@widget("AnimatedList", honours="scrollDirection reverse shrinkWrap padding itemBuilder initialItemCount")
def animated_list(node: DartObject) -> ft.Control:
    """Its initial items, fully animated in (the front end builds them)."""
    return _list_view(node, _builder_items(node, "itemBuilder", node.kwargs.get("initialItemCount")))


@widget("ListView.custom", honours=_LIST_PARAMS + " childrenDelegate")
def list_view_custom(node: DartObject) -> ft.Control:
    return _list_view(node, delegate_children(node, "childrenDelegate"))


@widget("ListView", honours=_LIST_PARAMS + " children")
def list_view(node: DartObject) -> ft.Control:
    return _list_view(node, widget_list(node))


@widget("ListView.builder", honours=_LIST_PARAMS + " itemBuilder itemCount")
def list_view_builder(node: DartObject) -> ft.Control:
    return _list_view(node, _builder_items(node, "itemBuilder", node.kwargs.get("itemCount")))


@widget(
    "ListView.separated", honours="scrollDirection reverse shrinkWrap padding itemBuilder separatorBuilder itemCount"
)
def list_view_separated(node: DartObject) -> ft.Control:
    items = _builder_items(node, "itemBuilder", node.kwargs.get("itemCount"))
    separators = _builder_items(node, "separatorBuilder", node.kwargs.get("itemCount"))
    interleaved = [x for pair in zip(items, separators + [None]) for x in pair if x is not None]
    return _list_view(node, interleaved)


def _grid(node: DartObject, items: list[Any], delegate: dict[str, Any]) -> ft.Control:
    k = node.kwargs
    horizontal = _is_horizontal(node)
    check_viewport(node, horizontal, shrink_wrap=bool(k.get("shrinkWrap")))
    if delegate.get("mainAxisExtent") is not None:
        raise unsupported("a grid delegate's mainAxisExtent", node)
    padding = scroll_padding(node, horizontal)
    with axes(vertical=False, horizontal=False), media_padding(top=0, bottom=0):
        controls = [build(item) for item in items]
    return ft.GridView(
        controls,
        horizontal=horizontal,
        runs_count=delegate.get("crossAxisCount"),
        max_extent=v.finite(delegate.get("maxCrossAxisExtent")),
        spacing=v.finite(delegate.get("crossAxisSpacing")) or 0,
        run_spacing=v.finite(delegate.get("mainAxisSpacing")) or 0,
        child_aspect_ratio=v.finite(delegate.get("childAspectRatio")) or 1.0,
        padding=padding,
        expand=None if k.get("shrinkWrap") else True,
        reverse=bool(k.get("reverse")),
    )


_GRID_PARAMS = "scrollDirection reverse shrinkWrap padding"
_DELEGATE = "crossAxisCount maxCrossAxisExtent mainAxisSpacing crossAxisSpacing childAspectRatio mainAxisExtent"


def grid_delegate(value: Any) -> dict[str, Any]:
    if not isinstance(value, DartObject) or not value.type.startswith("SliverGridDelegateWith"):
        raise bad(value, "a SliverGridDelegate")
    return value.kwargs


@widget("GridView.count", "GridView.extent", honours=_GRID_PARAMS + " children " + _DELEGATE)
def grid_view_count(node: DartObject) -> ft.Control:
    return _grid(node, widget_list(node), node.kwargs)


@widget("GridView", honours=_GRID_PARAMS + " children gridDelegate")
def grid_view(node: DartObject) -> ft.Control:
    return _grid(node, widget_list(node), grid_delegate(node.kwargs.get("gridDelegate")))


@widget("GridView.builder", honours=_GRID_PARAMS + " gridDelegate itemBuilder itemCount")
def grid_view_builder(node: DartObject) -> ft.Control:
    return _grid(
        node,
        _builder_items(node, "itemBuilder", node.kwargs.get("itemCount")),
        grid_delegate(node.kwargs.get("gridDelegate")),
    )


@widget("AnimatedGrid", honours=_GRID_PARAMS + " gridDelegate itemBuilder initialItemCount")
def animated_grid(node: DartObject) -> ft.Control:
    """Its initial items, fully animated in (the front end builds them)."""
    return _grid(
        node,
        _builder_items(node, "itemBuilder", node.kwargs.get("initialItemCount")),
        grid_delegate(node.kwargs.get("gridDelegate")),
    )


@widget("SafeArea", honours="child minimum left top right bottom maintainBottomViewPadding")
def safe_area(node: DartObject) -> ft.Control:
    # The page has no system insets (no status bar, no notch); `minimum` and the MediaQuery padding of
    # a translucent Cupertino bar above it add padding, which its child no longer sees.
    padding = safe_area_padding(node.kwargs)
    with media_padding(top=0, bottom=0):
        child = _child(node)
    return ft.Container(content=child, padding=padding if padding != ft.Padding(0, 0, 0, 0) else None)


def safe_area_padding(k: dict[str, Any]) -> ft.Padding:
    """A SafeArea's (or SliverSafeArea's) padding: `minimum`, or the MediaQuery padding where larger."""
    minimum = v.edge_insets(k.get("minimum")) or ft.Padding(0, 0, 0, 0)
    top, bottom = current_media_padding()
    top = max(minimum.top, top) if k.get("top", True) is not False else minimum.top
    bottom = max(minimum.bottom, bottom) if k.get("bottom", True) is not False else minimum.bottom
    return ft.Padding(minimum.left, top, minimum.right, bottom)


@widget("ClipRRect", honours="borderRadius child clipBehavior")
def clip_rrect(node: DartObject) -> ft.Control:
    return ft.Container(
        content=build_optional(node.kwargs.get("child")),
        border_radius=v.border_radius(node.kwargs.get("borderRadius")) or 0,
        clip_behavior=_clip(node.kwargs.get("clipBehavior")) or ft.ClipBehavior.ANTI_ALIAS,
    )


@widget("ClipOval", honours="child clipBehavior")
def clip_oval(node: DartObject) -> ft.Control:
    return ft.Container(
        content=build_optional(node.kwargs.get("child")),
        shape=ft.BoxShape.CIRCLE,
        clip_behavior=_clip(node.kwargs.get("clipBehavior")) or ft.ClipBehavior.ANTI_ALIAS,
    )


@widget("Opacity", honours="opacity child")
def opacity(node: DartObject) -> ft.Control:
    control = ft.Container(content=build_optional(node.kwargs.get("child")))
    value = v.finite(node.kwargs.get("opacity"))
    if value is None or not 0 <= value <= 1:
        raise bad(value, "an opacity between 0.0 and 1.0")
    control.opacity = value
    return control


@widget("ConstrainedBox", honours="constraints child")
def constrained_box(node: DartObject) -> ft.Control:
    width, height = _tight_size(node.kwargs.get("constraints"), None, None, node, child=node.kwargs.get("child"))
    return _sized(node, width, height)


@widget("RotatedBox", honours="quarterTurns child")
def rotated_box(node: DartObject) -> ft.Control:
    turns = node.kwargs.get("quarterTurns")
    if not isinstance(turns, int) or isinstance(turns, bool):
        raise bad(turns, "an int for RotatedBox.quarterTurns")
    # Rotated before layout: an odd number of turns gives the child the other axis's constraints.
    swap = turns % 2 == 1
    with axes(vertical=unbounded("h") if swap else None, horizontal=unbounded("v") if swap else None):
        child = build_optional(node.kwargs.get("child"))
    return ft.RotatedBox(quarter_turns=turns % 4, content=child)


@widget("AspectRatio", honours="aspectRatio child")
def aspect_ratio(node: DartObject) -> ft.Control:
    ratio = v.finite(node.kwargs.get("aspectRatio"))
    if ratio is None or ratio <= 0:
        raise bad(ratio, "a positive aspectRatio")
    return ft.Container(content=build_optional(node.kwargs.get("child")), aspect_ratio=ratio)


@widget(
    "Visibility",
    honours="child replacement visible maintainSize maintainState maintainAnimation "
    "maintainSemantics maintainInteractivity maintainFocusability",
)
def visibility(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("visible", True) is not False:
        return _child(node)
    if k.get("maintainSize"):  # keeps its space, draws nothing
        hidden = ft.Container(content=_child(node))
        hidden.opacity = 0
        return hidden
    return build(k["replacement"]) if k.get("replacement") is not None else ft.Container(width=0, height=0)


def _all_params(*types: str) -> str:
    return " ".join(sorted({p for t in types for p in CLASSES[t][""].named}))


@widget("FutureBuilder", "StreamBuilder", honours="future stream initialData builder")
def async_builder(node: DartObject) -> ft.Control:
    """What the builder built from the initial snapshot (the front end runs it)."""
    return build(evaluated(node, "builder"))


@widget(
    "InkWell",
    "GestureDetector",
    "Tooltip",
    "Form",
    "Builder",
    honours=_all_params("InkWell", "GestureDetector", "Tooltip", "Form", "Builder"),
)
def transparent(node: DartObject) -> ft.Control:
    """Widgets that only add behaviour: a still frame shows just their child."""
    child = node.kwargs.get("child") if node.type != "Builder" else node.kwargs.get("builder")
    if isinstance(child, Closure):
        raise unsupported(f"{node.type}.builder the front end could not evaluate", node)
    if child is None:
        return ft.Container(width=0, height=0)
    with tight_child(is_tight()):  # a proxy: its child gets its constraints
        return build(child)
