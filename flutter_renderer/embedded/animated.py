"""Animated widgets at their first frame.

Implicitly animated widgets (AnimatedContainer, AnimatedOpacity, ...) start at the values they are
given, so they are drawn as the widget they animate. Transitions (FadeTransition, SlideTransition,
...) are drawn at their animation's first-frame value (`flutter_renderer.animation`). The builders
(AnimatedBuilder, TweenAnimationBuilder, ValueListenableBuilder, ...) were run by the front end;
what they built is drawn.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.animation import AnimationUnsupported, value_of
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.material import default_style, paragraph_defaults
from flutter_renderer.embedded.painting import rotation
from flutter_renderer.embedded.registry import bad, build, build_optional, evaluated, unsupported, widget
from flutter_renderer.embedded.text_defaults import text_defaults
from flutter_renderer.ir import Closure, DartObject, EnumValue

_ANIMATION_PARAMS = ("duration", "reverseDuration", "curve", "onEnd")


def animated_value(node: DartObject, param: str) -> Any:
    """The first-frame value of the animation in `node.param`."""
    try:
        return value_of(node.kwargs.get(param))
    except AnimationUnsupported as exc:
        raise unsupported(f"{node.type}.{param}: {exc}", node) from None
    except TypeError:
        raise bad(node.kwargs.get(param), f"an Animation for {node.type}.{param}") from None


def _as(node: DartObject, widget_type: str, ctor: str = "", parent: str = "", **changes: Any) -> ft.Control:
    """Build `node` as the widget it animates, without its animation parameters."""
    kwargs = {name: value for name, value in node.kwargs.items() if name not in _ANIMATION_PARAMS}
    kwargs.update(changes)
    return build(DartObject(widget_type, ctor, node.args, kwargs, node.line, node.column), parent=parent)


# --- implicit animations: the target values -------------------------------------------------------

_IMPLICIT = {
    "AnimatedContainer": "Container",
    "AnimatedOpacity": "Opacity",
    "AnimatedPadding": "Padding",
    "AnimatedAlign": "Align",
    "AnimatedDefaultTextStyle": "DefaultTextStyle",
    "AnimatedTheme": "Theme",
}


@widget(
    *_IMPLICIT,
    honours="alignment padding color decoration foregroundDecoration width height constraints "
    "margin transform transformAlignment child clipBehavior curve onEnd duration opacity "
    "alwaysIncludeSemantics heightFactor widthFactor style textAlign softWrap overflow "
    "maxLines textWidthBasis textHeightBehavior data",
)
def implicit(node: DartObject) -> ft.Control:
    return _as(node, _IMPLICIT[node.type])


@widget(
    "AnimatedPositioned",
    "AnimatedPositionedDirectional",
    honours="left top right bottom start end width height child curve onEnd duration",
)
def animated_positioned(node: DartObject) -> ft.Control:
    ctor = "directional" if node.type.endswith("Directional") else ""
    changes = {"textDirection": EnumValue("TextDirection", "ltr")} if ctor else {}
    return _as(node, "Positioned", ctor, parent="stack", **changes)


@widget("AnimatedPositioned.fromRect", honours="rect child curve onEnd duration")
def animated_positioned_from_rect(node: DartObject) -> ft.Control:
    left, top, right, bottom = rect_ltrb(node.kwargs.get("rect"))
    return _positioned(node, left, top, right - left, bottom - top)


@widget("AnimatedSize", honours="child alignment curve duration reverseDuration clipBehavior onEnd")
def animated_size(node: DartObject) -> ft.Control:
    # At the first frame the size is the child's own.
    return build_optional(node.kwargs.get("child")) or ft.Container(width=0, height=0)


@widget(
    "AnimatedCrossFade",
    honours="firstChild secondChild crossFadeState duration reverseDuration firstCurve "
    "secondCurve sizeCurve alignment excludeBottomFocus layoutBuilder",
)
def animated_cross_fade(node: DartObject) -> ft.Control:
    k = node.kwargs
    if isinstance(k.get("layoutBuilder"), Closure):
        raise unsupported("AnimatedCrossFade.layoutBuilder", node)
    state = k.get("crossFadeState")
    if not isinstance(state, EnumValue) or state.type != "CrossFadeState":
        raise bad(state, "a CrossFadeState")
    return build(k["firstChild"] if state.name == "showFirst" else k["secondChild"])


@widget(
    "AnimatedSwitcher",
    honours="child duration reverseDuration switchInCurve switchOutCurve transitionBuilder layoutBuilder",
)
def animated_switcher(node: DartObject) -> ft.Control:
    # The first child is shown without a transition: the front end ran transitionBuilder at the
    # animation's end. The default layout is a Stack centring the child.
    k = node.kwargs
    if k.get("layoutBuilder") is not None:
        raise unsupported("AnimatedSwitcher.layoutBuilder", node)
    shown = evaluated(node, "transitionBuilder", optional=True)
    content = build_optional(shown if shown is not None else k.get("child"))
    return ft.AnimatedSwitcher(
        ft.Stack([content] if content is not None else [], alignment=ft.Alignment(0, 0)), duration=0, reverse_duration=0
    )


def _transformed(child: ft.Control | None, matrix: ft.Matrix4, alignment: Any) -> ft.Control:
    control = ft.Container(child)
    control.transform = ft.Transform(matrix, alignment=v.alignment(alignment) or ft.Alignment(0, 0))
    return control


@widget("AnimatedRotation", honours="turns child alignment filterQuality curve duration onEnd")
def animated_rotation(node: DartObject) -> ft.Control:
    k = node.kwargs
    return _transformed(build_optional(k.get("child")), rotation(v.finite(k.get("turns")) or 0), k.get("alignment"))


@widget("AnimatedScale", honours="scale child alignment filterQuality curve duration onEnd")
def animated_scale(node: DartObject) -> ft.Control:
    k = node.kwargs
    scale = v.finite(k.get("scale"))
    return _transformed(
        build_optional(k.get("child")), ft.Matrix4.diagonal3_values(scale, scale, 1), k.get("alignment")
    )


def _slid(child: ft.Control | None, offset: Any) -> ft.Control:
    """FractionalTranslation: Flet's `offset` moves a control by fractions of its own size."""
    control = ft.Container(child)
    control.offset = v.offset(offset) or ft.Offset(0, 0)
    return control


@widget("AnimatedSlide", honours="offset child curve duration onEnd")
def animated_slide(node: DartObject) -> ft.Control:
    return _slid(build_optional(node.kwargs.get("child")), node.kwargs.get("offset"))


# --- explicit transitions: the animation's first-frame value --------------------------------------


@widget("FadeTransition", honours="opacity alwaysIncludeSemantics child")
def fade_transition(node: DartObject) -> ft.Control:
    return _as(node, "Opacity", opacity=min(max(float(animated_value(node, "opacity")), 0.0), 1.0))


@widget("SlideTransition", honours="position transformHitTests textDirection child")
def slide_transition(node: DartObject) -> ft.Control:
    return _slid(build_optional(node.kwargs.get("child")), animated_value(node, "position"))


@widget("ScaleTransition", honours="scale alignment filterQuality child")
def scale_transition(node: DartObject) -> ft.Control:
    scale = float(animated_value(node, "scale"))
    return _transformed(
        build_optional(node.kwargs.get("child")),
        ft.Matrix4.diagonal3_values(scale, scale, 1),
        node.kwargs.get("alignment"),
    )


@widget("RotationTransition", honours="turns alignment filterQuality child")
def rotation_transition(node: DartObject) -> ft.Control:
    return _transformed(
        build_optional(node.kwargs.get("child")),
        rotation(float(animated_value(node, "turns"))),
        node.kwargs.get("alignment"),
    )


@widget("SizeTransition", honours="sizeFactor axis axisAlignment fixedCrossAxisSizeFactor child")
def size_transition(node: DartObject) -> ft.Control:
    # A clipped Align whose height (width) factor is the animation's value: all of the child at 1,
    # nothing along the axis at 0.
    k = node.kwargs
    factor = float(animated_value(node, "sizeFactor"))
    if k.get("fixedCrossAxisSizeFactor") is not None:
        raise unsupported("SizeTransition.fixedCrossAxisSizeFactor", node)
    child = build_optional(k.get("child"))
    if factor >= 1.0:
        return child or ft.Container(width=0, height=0)
    if factor > 0.0:
        raise unsupported(f"SizeTransition at a size factor of {factor:g}", node)
    horizontal = isinstance(k.get("axis"), EnumValue) and k["axis"].name == "horizontal"
    return ft.Container(
        child, clip_behavior=ft.ClipBehavior.HARD_EDGE, **({"width": 0} if horizontal else {"height": 0})
    )


def rect_ltrb(value: Any) -> tuple[float, float, float, float]:
    """Rect.fromLTWH / fromLTRB / fromCenter / fromCircle / fromPoints -> (left, top, right, bottom)."""
    v.of_type(value, "Rect")
    a, k = [v.finite(x) for x in value.args], value.kwargs
    if value.ctor == "fromLTWH":
        return a[0], a[1], a[0] + a[2], a[1] + a[3]
    if value.ctor == "fromLTRB":
        return a[0], a[1], a[2], a[3]
    if value.ctor in ("fromCenter", "fromCircle"):
        center = v.offset(k.get("center"))
        half_w = (v.finite(k.get("width")) or 0) / 2 if value.ctor == "fromCenter" else v.finite(k.get("radius")) or 0
        half_h = (v.finite(k.get("height")) or 0) / 2 if value.ctor == "fromCenter" else half_w
        return center.x - half_w, center.y - half_h, center.x + half_w, center.y + half_h
    if value.ctor == "fromPoints":
        p, q = v.offset(value.args[0]), v.offset(value.args[1])
        return min(p.x, q.x), min(p.y, q.y), max(p.x, q.x), max(p.y, q.y)
    raise unsupported(f"Rect.{value.ctor}", value)


def _positioned(node: DartObject, left: float, top: float, width: float, height: float) -> ft.Control:
    return ft.Container(build_optional(node.kwargs.get("child")), left=left, top=top, width=width, height=height)


def relative_ltrb(value: Any) -> tuple[float, float, float, float] | None:
    """RelativeRect.fromLTRB / fromSize / fromRect -> its (left, top, right, bottom) insets; None for
    anything else."""
    if not isinstance(value, DartObject) or value.type != "RelativeRect":
        return None
    if value.ctor == "fromLTRB":
        return tuple(v.finite(x) for x in value.args)  # type: ignore[return-value]
    if value.ctor in ("fromSize", "fromRect") and len(value.args) == 2:
        left, top, right, bottom = rect_ltrb(value.args[0])
        if value.ctor == "fromSize":
            width, height = v.size(value.args[1])
            outer = (0.0, 0.0, width, height)
        else:
            outer = rect_ltrb(value.args[1])
        return left - outer[0], top - outer[1], outer[2] - right, outer[3] - bottom
    return None


@widget("PositionedTransition", honours="rect child")
def positioned_transition(node: DartObject) -> ft.Control:
    rect = animated_value(node, "rect")
    insets = relative_ltrb(rect)
    if insets is None:
        raise unsupported(f"PositionedTransition.rect of {v.describe(rect)}", node)
    left, top, right, bottom = insets
    return ft.Container(build_optional(node.kwargs.get("child")), left=left, top=top, right=right, bottom=bottom)


@widget("RelativePositionedTransition", honours="rect size child")
def relative_positioned_transition(node: DartObject) -> ft.Control:
    left, top, right, bottom = rect_ltrb(animated_value(node, "rect"))
    width, height = v.size(node.kwargs.get("size"))
    return ft.Container(
        build_optional(node.kwargs.get("child")), left=left, top=top, right=width - right, bottom=height - bottom
    )


@widget("AlignTransition", honours="alignment widthFactor heightFactor child")
def align_transition(node: DartObject) -> ft.Control:
    return _as(node, "Align", alignment=animated_value(node, "alignment"))


@widget("DecoratedBoxTransition", honours="decoration position child")
def decorated_box_transition(node: DartObject) -> ft.Control:
    return _as(node, "DecoratedBox", decoration=animated_value(node, "decoration"))


@widget("DefaultTextStyleTransition", honours="style textAlign softWrap overflow maxLines child")
def default_text_style_transition(node: DartObject) -> ft.Control:
    k = node.kwargs
    with text_defaults(default_style(animated_value(node, "style"), replace=True, **paragraph_defaults(k))):
        return build(k.get("child"))


# --- builders the front end ran, and Hero -----------------------------------------------------------


@widget(
    "AnimatedBuilder",
    "ListenableBuilder",
    "ValueListenableBuilder",
    "TweenAnimationBuilder",
    "StatefulBuilder",
    "OrientationBuilder",
    "LayoutBuilder",
    honours="animation listenable valueListenable tween duration curve onEnd builder child",
)
def built(node: DartObject) -> ft.Control:
    return build(evaluated(node, "builder"))


@widget("Hero", honours="tag child createRectTween flightShuttleBuilder placeholderBuilder transitionOnUserGestures")
def hero(node: DartObject) -> ft.Control:
    # A hero only moves between routes; in its route it is its child.
    tag = node.kwargs.get("tag")
    return ft.Hero(tag=tag if isinstance(tag, str) else repr(tag), content=build(node.kwargs.get("child")))


# AnimatedIcons: the Material icon each animation starts from (progress 0) and ends at (progress 1).
_ANIMATED_ICONS = {
    "add_event": ("add", "event"),
    "arrow_menu": ("arrow_back", "menu"),
    "close_menu": ("close", "menu"),
    "ellipsis_search": ("more_horiz", "search"),
    "event_add": ("event", "add"),
    "home_menu": ("home", "menu"),
    "list_view": ("view_list", "view_module"),
    "menu_arrow": ("menu", "arrow_back"),
    "menu_close": ("menu", "close"),
    "menu_home": ("menu", "home"),
    "pause_play": ("pause", "play_arrow"),
    "play_pause": ("play_arrow", "pause"),
    "search_ellipsis": ("search", "more_horiz"),
    "view_list": ("view_module", "view_list"),
}


@widget("AnimatedIcon", honours="icon progress color size semanticLabel textDirection")
def animated_icon(node: DartObject) -> ft.Control:
    k = node.kwargs
    icon = k.get("icon")
    if not isinstance(icon, EnumValue) or icon.type != "AnimatedIcons" or icon.name not in _ANIMATED_ICONS:
        raise bad(icon, "an AnimatedIcons icon")
    progress = float(animated_value(node, "progress"))
    if progress not in (0.0, 1.0):
        raise unsupported(f"AnimatedIcon at progress {progress:g}", node)
    name = _ANIMATED_ICONS[icon.name][int(progress)]
    return ft.Icon(getattr(ft.Icons, name.upper()), size=v.finite(k.get("size")), color=v.color(k.get("color")))
