"""Widgets that paint a surface or a picture: ColoredBox, Material, Ink, MaterialButton, Placeholder,
FlutterLogo, ClipRect and Transform."""

from __future__ import annotations

import math
from contextlib import nullcontext
from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.images import placeholder_decoration_image
from flutter_renderer.embedded.layout import box_decoration
from flutter_renderer.embedded.material import default_style
from flutter_renderer.embedded.registry import bad, build_optional, is_tight, tight_child, unsupported, widget
from flutter_renderer.embedded.text_defaults import TextDefaults, text_defaults
from flutter_renderer.ir import DartObject, EnumValue

# --- surfaces -------------------------------------------------------------------------------------


@widget("ColoredBox", honours="color child")
def colored_box(node: DartObject) -> ft.Control:
    # Without a child a ColoredBox is as small as its constraints allow (a Container would fill).
    with tight_child(is_tight()):
        child = build_optional(node.kwargs.get("child"))
    size = {} if child is not None else {"width": 0, "height": 0}
    return ft.Container(content=child, bgcolor=v.color(node.kwargs.get("color")), **size)


# Material's default corner radius per type (material.dart, kMaterialEdges).
_MATERIAL_RADIUS = {"canvas": 0.0, "card": 2.0, "button": 2.0, "transparency": 0.0}


def _material_type(node: DartObject) -> str:
    kind = node.kwargs.get("type")
    if kind is None:
        return "canvas"
    if not isinstance(kind, EnumValue) or kind.type != "MaterialType":
        raise bad(kind, "a MaterialType")
    return kind.name


def material_surface(node: DartObject, child: ft.Control | None) -> ft.Control:
    """Material: its colour (canvas/card: the surface), shape and elevation; it sets the default text
    style to `textStyle` (else the theme's bodyMedium, already the page's)."""
    k = node.kwargs
    kind = _material_type(node)
    if k.get("surfaceTintColor") is not None:
        raise unsupported("Material.surfaceTintColor", node)
    if k.get("shape") is not None and k.get("borderRadius") is not None:
        raise bad(k["shape"], "either shape or borderRadius in Material, not both (Flutter asserts this)")
    default = None if kind in ("transparency", "button", "circle") else "surface"
    color = v.color(k.get("color")) or default
    elevation = v.finite(k.get("elevation")) or 0
    shape = v.shape_border(k.get("shape"))
    if kind == "circle":
        shape = ft.CircleBorder()
    elif shape is None:
        radius = v.border_radius(k.get("borderRadius")) or _MATERIAL_RADIUS[kind]
        shape = ft.RoundedRectangleBorder(radius=radius)
    clip = v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior) or ft.ClipBehavior.NONE
    if elevation > 0 and kind != "transparency":
        # A Card is a Material of type card; with every default overridden it draws the same physical
        # shadow Flutter draws for a Material of this elevation.
        return ft.Card(
            content=child,
            bgcolor=color or "transparent",
            elevation=elevation,
            shape=shape,
            shadow_color=v.color(k.get("shadowColor")) or "shadow",
            margin=ft.Margin(0, 0, 0, 0),
            clip_behavior=clip,
            show_border_on_foreground=k.get("borderOnForeground", True) is not False,
        )
    radius = shape.radius if isinstance(shape, ft.RoundedRectangleBorder) else None
    side = getattr(shape, "side", None)
    return ft.Container(
        content=child,
        bgcolor=None if kind == "transparency" else color,
        shape=ft.BoxShape.CIRCLE if isinstance(shape, ft.CircleBorder) else ft.BoxShape.RECTANGLE,
        border_radius=radius,
        clip_behavior=clip,
        border=ft.Border.all(side.width, side.color) if side is not None and side.width else None,
    )


@widget(
    "Material",
    honours="type elevation color shadowColor surfaceTintColor textStyle borderRadius shape "
    "borderOnForeground clipBehavior animationDuration child",
)
def material(node: DartObject) -> ft.Control:
    text_style = node.kwargs.get("textStyle")
    with text_defaults(default_style(text_style, replace=True)) if text_style is not None else nullcontext():
        child = build_optional(node.kwargs.get("child"))
    return material_surface(node, child)


def ink_box(k: dict[str, Any], image: ft.DecorationImage | None = None) -> ft.Control:
    """Ink paints its decoration on the Material below it; in a still frame that is a decorated box."""
    if k.get("color") is not None and k.get("decoration") is not None:
        raise bad(k["color"], "either color or decoration in Ink, not both (Flutter asserts this)")
    style = box_decoration(k.get("decoration"))
    style["bgcolor"] = style.get("bgcolor") or v.color(k.get("color"))
    if image is not None:
        style["image"] = image
    return ft.Container(
        content=build_optional(k.get("child")),
        width=v.finite(k.get("width")),
        height=v.finite(k.get("height")),
        padding=v.edge_insets(k.get("padding")),
        **style,
    )


# MaterialButton (a RawMaterialButton with ButtonThemeData's defaults, material_button.dart and
# button_theme.dart): at least 88 x 36, 16 px side padding, 2 px corners, elevation 2 when filled,
# labelLarge text in black87 (white when dark; onSurface at 38% when disabled), in a 48 px tap target.
_MATERIAL_BUTTON = (
    "onPressed onLongPress onHighlightChanged textTheme textColor disabledTextColor color "
    "disabledColor colorBrightness elevation focusElevation hoverElevation highlightElevation "
    "disabledElevation padding visualDensity shape clipBehavior materialTapTargetSize minWidth height "
    "child"
)


@widget("MaterialButton", honours=_MATERIAL_BUTTON)
def material_button(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("textTheme") is not None or k.get("visualDensity") is not None:
        raise unsupported("MaterialButton.textTheme/visualDensity", node)
    enabled = k.get("onPressed") is not None
    fill = k.get("color") if enabled else k.get("disabledColor")
    dark = getattr(k.get("colorBrightness"), "name", "") == "dark"
    if enabled:
        text_color = v.color(k.get("textColor")) or ("#ffffffff" if dark else "#dd000000")
    else:
        text_color = v.color(k.get("textColor") or k.get("disabledTextColor")) or "onsurface,0.38"
    label = TextDefaults(style=ft.TextStyle(color=text_color), theme_style=ft.TextThemeStyle.LABEL_LARGE)
    with text_defaults(label):
        child = build_optional(k.get("child"))
    width, height = v.finite(k.get("minWidth")) or 88.0, v.finite(k.get("height")) or 36.0
    sized = ft.Stack(
        [
            ft.Container(width=width, height=height),
            ft.Container(child, padding=v.edge_insets(k.get("padding")) or ft.Padding(16, 0, 16, 0)),
        ],
        alignment=ft.Alignment(0, 0),
    )
    elevation = k.get("elevation", 2.0) if enabled else k.get("disabledElevation", 0.0)
    surface = DartObject(
        "Material",
        kwargs={
            "type": EnumValue("MaterialType", "button" if fill is not None else "transparency"),
            "color": fill,
            "elevation": elevation,
            "clipBehavior": k.get("clipBehavior"),
            "shape": k.get("shape")
            or DartObject(
                "RoundedRectangleBorder", kwargs={"borderRadius": DartObject("BorderRadius", "circular", (2.0,))}
            ),
        },
    )
    button = material_surface(surface, sized)
    shrink = getattr(k.get("materialTapTargetSize"), "name", "") == "shrinkWrap"
    gap = 0.0 if shrink else max(0.0, (48.0 - height) / 2)
    return ft.Container(button, padding=ft.Padding(0, gap, 0, gap)) if gap else button


@widget("ClipRect", honours="clipper clipBehavior child")
def clip_rect(node: DartObject) -> ft.Control:
    if node.kwargs.get("clipper") is not None:
        raise unsupported("ClipRect.clipper", node)
    return ft.Container(
        build_optional(node.kwargs.get("child")),
        clip_behavior=v.enum(node.kwargs.get("clipBehavior"), "Clip", ft.ClipBehavior) or ft.ClipBehavior.HARD_EDGE,
    )


@widget("Ink", honours="padding color decoration width height child")
def ink(node: DartObject) -> ft.Control:
    return ink_box(node.kwargs)


@widget(
    "Ink.image",
    honours="image padding fit alignment centerSlice repeat matchTextDirection width height child colorFilter",
)
def ink_image(node: DartObject) -> ft.Control:
    if node.kwargs.get("colorFilter") is not None:
        raise unsupported("Ink.image colorFilter", node)
    return ink_box(node.kwargs, placeholder_decoration_image())


@widget("Placeholder", honours="color strokeWidth fallbackWidth fallbackHeight child")
def placeholder(node: DartObject) -> ft.Control:
    k = node.kwargs
    control = ft.Placeholder(content=build_optional(k.get("child")), color=v.color(k.get("color")) or "#ff455a64")
    for name, attr in (
        ("strokeWidth", "stroke_width"),
        ("fallbackWidth", "fallback_width"),
        ("fallbackHeight", "fallback_height"),
    ):
        if k.get(name) is not None:
            setattr(control, attr, v.finite(k[name]))
    return control


# --- FlutterLogo ----------------------------------------------------------------------------------

# The mark in a 10 x 10 box: light top and middle beams, the dark bottom beam, and the medium-blue
# square where the middle and bottom beams cross. This geometry is drawn for this renderer (45-degree
# beams of one width), not taken from Flutter; the colours are the logo's.
# (colour, polygon) pairs, painted in this order.
_LOGO = (
    ("#ff54c5f8", ((1.3, 5.3), (5.9, 0.7), (8.7, 0.7), (2.7, 6.7))),
    ("#ff54c5f8", ((3.45, 6.9), (5.9, 4.45), (8.7, 4.45), (6.25, 6.9))),
    ("#ff01579b", ((4.85, 5.5), (8.65, 9.3), (5.85, 9.3), (3.45, 6.9))),
    ("#ff29b6f6", ((3.45, 6.9), (4.85, 5.5), (6.25, 6.9), (4.85, 8.3))),
)


def _logo_svg() -> bytes:
    paths = "".join(
        f'<path fill="#{color[3:]}" d="M{" L".join(f"{x} {y}" for x, y in points)} Z"/>' for color, points in _LOGO
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{paths}</svg>'.encode()


@widget("FlutterLogo", honours="size textColor style duration curve")
def flutter_logo(node: DartObject) -> ft.Control:
    # An SVG fitted (contain) to the box, as FlutterLogoDecoration fits the mark: `size` square
    # (IconTheme's 24 by default), or all of a tighter box it is forced into.
    k = node.kwargs
    style = k.get("style")
    if style is not None and not (isinstance(style, EnumValue) and style.name == "markOnly"):
        raise unsupported(f"FlutterLogo.style {getattr(style, 'name', style)} (only the mark is drawn)", node)
    size = v.finite(k.get("size"))
    size = 24.0 if size is None else size
    return ft.Image(src=_logo_svg(), width=size, height=size, fit=ft.BoxFit.CONTAIN)


# --- Transform ------------------------------------------------------------------------------------


def _transformed(node: DartObject, matrix: ft.Matrix4, default_alignment: ft.Alignment | None) -> ft.Control:
    k = node.kwargs
    control = ft.Container(build_optional(k.get("child")))
    control.transform = ft.Transform(
        matrix, origin=v.offset(k.get("origin")), alignment=v.alignment(k.get("alignment")) or default_alignment
    )
    return control


_TRANSFORM = "origin alignment transformHitTests filterQuality child"


@widget("MatrixTransition", honours="animation onTransform alignment filterQuality child")
def matrix_transition(node: DartObject) -> ft.Control:
    """The matrix `onTransform` gives for the animation's first value (the front end runs it), about the centre."""
    matrix = node.kwargs.get("onTransform")
    if not isinstance(matrix, DartObject):
        raise unsupported("MatrixTransition.onTransform the front end could not evaluate", node)
    return _transformed(node, v.matrix4(matrix), ft.Alignment(0, 0))


@widget("Transform", honours="transform " + _TRANSFORM)
def transform(node: DartObject) -> ft.Control:
    return _transformed(node, v.matrix4(node.kwargs.get("transform")), None)


@widget("Transform.rotate", honours="angle " + _TRANSFORM)
def transform_rotate(node: DartObject) -> ft.Control:
    angle = v.finite(node.kwargs.get("angle"))
    return _transformed(node, ft.Matrix4.rotation_z(angle or 0), ft.Alignment(0, 0))


@widget("Transform.translate", honours="offset transformHitTests filterQuality child")
def transform_translate(node: DartObject) -> ft.Control:
    shift = v.offset(node.kwargs.get("offset")) or ft.Offset(0, 0)
    return _transformed(node, ft.Matrix4.translation_values(shift.x, shift.y, 0), None)


@widget("Transform.scale", honours="scale scaleX scaleY " + _TRANSFORM)
def transform_scale(node: DartObject) -> ft.Control:
    k = node.kwargs
    scale = v.finite(k.get("scale"))
    sx, sy = v.finite(k.get("scaleX")), v.finite(k.get("scaleY"))
    if scale is None and sx is None and sy is None:
        raise bad(None, "a scale, scaleX or scaleY for Transform.scale (Flutter asserts one)")
    sx = scale if sx is None else sx
    sy = scale if sy is None else sy
    return _transformed(
        node, ft.Matrix4.diagonal3_values(1 if sx is None else sx, 1 if sy is None else sy, 1), ft.Alignment(0, 0)
    )


@widget("Transform.flip", honours="flipX flipY " + _TRANSFORM)
def transform_flip(node: DartObject) -> ft.Control:
    k = node.kwargs
    return _transformed(
        node,
        ft.Matrix4.diagonal3_values(-1 if k.get("flipX") else 1, -1 if k.get("flipY") else 1, 1),
        ft.Alignment(0, 0),
    )


def rotation(turns: float) -> ft.Matrix4:
    """A rotation by `turns` full turns (RotationTransition, AnimatedRotation)."""
    return ft.Matrix4.rotation_z(turns * 2 * math.pi)
