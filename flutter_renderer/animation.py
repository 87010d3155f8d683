"""Flutter's animations at their first frame, evaluated on IR values.

A still frame shows every animation where it starts: an `AnimationController` at its `value` (or
`lowerBound`), a `CurvedAnimation` at its curve of that, a `Tween` driven by an animation at the
tween's value there. Both the Dart front end (`_controller.value`, `tween.animate(...)`) and the
mapping (`FadeTransition(opacity: _animation)`) read animations through `value_of`.

Every Flutter curve maps 0 to 0 and 1 to 1 (`ParametricCurve.transform` returns `t` itself there),
and `Tween.transform` returns `begin` at 0 and `end` at 1, so the usual first frame (a controller at
0 or 1) needs no curve or interpolation maths. Between the ends only the linear curve, `Interval`
and numeric interpolation are evaluated; anything else is `AnimationUnsupported`.
"""

from __future__ import annotations

import math
from typing import Any

from flutter_renderer.ir import ColorValue, DartObject, EnumValue

# Tween classes whose value between the ends is a plain interpolation of begin and end
TWEENS = frozenset(
    (
        "Tween ColorTween SizeTween RectTween IntTween StepTween AlignmentTween AlignmentGeometryTween "
        "EdgeInsetsTween EdgeInsetsGeometryTween BorderRadiusTween DecorationTween TextStyleTween "
        "RelativeRectTween BoxConstraintsTween FractionalOffsetTween ThemeDataTween BorderTween "
        "ShapeBorderTween Matrix4Tween MaterialRectArcTween MaterialRectCenterArcTween"
    ).split()
)
ANIMATIONS = frozenset(
    ("AnimationController CurvedAnimation ReverseAnimation AlwaysStoppedAnimation ProxyAnimation Animation").split()
)
# The chained tween of `tween.chain(parent)`, kept on the tween (Flutter's _ChainedEvaluation).
CHAIN = "_chain"


class AnimationUnsupported(ValueError):
    """A first-frame value this module cannot compute (a curve or interpolation between the ends)."""


def is_animation(value: Any) -> bool:
    """Whether `value` is an IR animation (controller, curved, reversed, stopped)."""
    return isinstance(value, DartObject) and value.type in ANIMATIONS


def driven(parent: Any, tween: Any) -> DartObject:
    """`tween.animate(parent)`: an animation that follows `parent` (read when its value is needed,
    so a controller moved by `forward(from: ...)` after this call is seen)."""
    if not is_animation(parent) or not is_tween(tween):
        raise TypeError("animate/drive needs an Animation and an Animatable")
    return DartObject("Animation", "animate", (), {"parent": parent, "tween": tween})


def is_tween(value: Any) -> bool:
    return isinstance(value, DartObject) and (value.type in TWEENS or value.type in ("CurveTween", "ConstantTween"))


def controller_bounds(controller: DartObject) -> tuple[float, float]:
    """(lowerBound, upperBound) of an AnimationController (`.unbounded` has infinite bounds)."""
    if controller.ctor == "unbounded":
        return -math.inf, math.inf
    k = controller.kwargs
    return float(_num(k.get("lowerBound"), 0.0)), float(_num(k.get("upperBound"), 1.0))


def value_of(animation: Any) -> Any:
    """The value an Animation has at the first frame. Raises TypeError for a value that is not an
    animation, AnimationUnsupported for one whose value cannot be computed."""
    if not is_animation(animation):
        raise TypeError(f"expected an Animation, got {getattr(animation, 'type', type(animation).__name__)}")
    k = animation.kwargs
    if animation.type == "AnimationController":
        low, high = controller_bounds(animation)
        start = _num(k.get("value"), 0.0 if animation.ctor == "unbounded" else low)
        return min(max(float(start), low), high)
    if animation.type == "AlwaysStoppedAnimation":
        return animation.args[0] if animation.args else None
    if animation.type == "CurvedAnimation":
        return curve_at(k.get("curve"), value_of(k.get("parent")))
    if animation.type == "Animation":  # `tween.animate(parent)` / `parent.drive(tween)`
        return tween_at(k.get("tween"), value_of(k.get("parent")))
    if animation.type == "ReverseAnimation":
        return 1.0 - value_of(animation.args[0] if animation.args else k.get("parent"))
    parent = k.get("animation", animation.args[0] if animation.args else None)  # ProxyAnimation
    return 0.0 if parent is None else value_of(parent)


def curve_at(curve: Any, t: float) -> float:
    """`curve.transform(t)`: exact at the ends for every curve, and for linear / Interval / Threshold."""
    if t in (0.0, 1.0) or curve is None or _named(curve) == "linear":
        return t
    if isinstance(curve, DartObject) and curve.type == "Interval" and len(curve.args) >= 2:
        begin, end = float(curve.args[0]), float(curve.args[1])
        inner = 0.0 if t < begin else 1.0 if t > end else (t - begin) / (end - begin)
        return curve_at(curve.kwargs.get("curve"), min(max(inner, 0.0), 1.0))
    if isinstance(curve, DartObject) and curve.type == "Threshold" and curve.args:
        return 0.0 if t < float(curve.args[0]) else 1.0
    raise AnimationUnsupported(f"the curve {_describe(curve)} between its ends (at {t:g})")


def tween_at(tween: Any, t: float) -> Any:
    """`tween.transform(t)`, following `tween.chain(...)`."""
    if not is_tween(tween):
        raise TypeError(f"expected an Animatable, got {_describe(tween)}")
    k = tween.kwargs
    if k.get(CHAIN) is not None:
        t = tween_at(k[CHAIN], t)
    if tween.type == "CurveTween":
        return curve_at(k.get("curve"), t)
    if tween.type == "ConstantTween":
        return tween.args[0] if tween.args else None
    begin, end = k.get("begin"), k.get("end")
    if t == 0.0:
        return begin
    if t == 1.0:
        return end
    value = lerp(begin, end, t)
    if tween.type == "IntTween":  # Dart's round(): halves away from zero
        return int(math.copysign(math.floor(abs(value) + 0.5), value))
    if tween.type == "StepTween":
        return math.floor(value)
    return value


def lerp(begin: Any, end: Any, t: float) -> Any:
    """Interpolate numbers, colors given as #AARRGGBB and value objects of numbers (Offset, Size, Alignment)."""
    if _is_number(begin) and _is_number(end):
        return begin + (end - begin) * t
    if isinstance(begin, ColorValue) and isinstance(end, ColorValue) and _hex(begin) and _hex(end):
        channels = [round(a + (b - a) * t) for a, b in zip(_hex(begin), _hex(end))]
        return ColorValue("#" + "".join(f"{c:02X}" for c in channels))
    if (
        isinstance(begin, DartObject)
        and isinstance(end, DartObject)
        and (begin.type, begin.ctor) == (end.type, end.ctor)
        and not begin.kwargs
        and not end.kwargs
        and begin.args
        and len(begin.args) == len(end.args)
        and all(_is_number(a) and _is_number(b) for a, b in zip(begin.args, end.args))
    ):
        return DartObject(begin.type, begin.ctor, tuple(a + (b - a) * t for a, b in zip(begin.args, end.args)))
    raise AnimationUnsupported(f"interpolating {_describe(begin)} to {_describe(end)} (at {t:g})")


def _hex(color: ColorValue) -> tuple[int, ...] | None:
    spec = color.spec
    if spec.startswith("#") and len(spec) == 9:
        return tuple(int(spec[i : i + 2], 16) for i in range(1, 9, 2))
    return None


def _num(value: Any, default: float) -> float:
    return default if value is None else value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _named(value: Any) -> str:
    if isinstance(value, EnumValue):
        return value.name
    if isinstance(value, DartObject):
        return value.ctor or value.type
    return ""


def _describe(value: Any) -> str:
    if isinstance(value, EnumValue):
        return f"{value.type}.{value.name}"
    if isinstance(value, DartObject):
        return value.type + (f".{value.ctor}" if value.ctor else "")
    return repr(value)[:40]
