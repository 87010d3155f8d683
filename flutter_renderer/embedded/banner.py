"""MaterialBanner at rest, built as material/banner.dart builds it (Flet's Banner is a dialog shown by
the page, not a widget in the tree): a coloured box holding a padded row of the leading widget and
the content, the actions in an OverflowBar (beside the content when there is one action, else in a
52 px bar below it), and a divider under a banner of elevation 0."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.compositions import gap
from flutter_renderer.embedded.density import METRICS
from flutter_renderer.embedded.material import SCREEN_WIDTH
from flutter_renderer.embedded.registry import bad, build, unsupported, widget, widget_list
from flutter_renderer.embedded.themes import BANNER_THEMED
from flutter_renderer.ir import ColorValue, DartObject, EnumValue, ThemeTextStyle

# The id of the widget known to be as wide as the screen (the home route's Scaffold, then its body);
# OverflowBar's row-or-column choice needs the width it is given.
_FULL_WIDTH: ContextVar[int | None] = ContextVar("full_width", default=None)


@contextmanager
def full_width(node: Any) -> Iterator[None]:
    """Build with `node` (or nothing, for None) known to get the screen's width."""
    token = _FULL_WIDTH.set(id(node) if node is not None else None)
    try:
        yield
    finally:
        _FULL_WIDTH.reset(token)


def is_full_width(node: Any) -> bool:
    return node is not None and _FULL_WIDTH.get() == id(node)


# Material 3 buttons whose width is max(64, label + 2 x padding) (the *Button defaults' minimumSize
# and padding without an icon), with their horizontal padding.
_BUTTON_PADDING = {"TextButton": 12.0, "ElevatedButton": 24.0, "FilledButton": 24.0, "OutlinedButton": 24.0}
# An upper bound of a labelLarge character's advance: 14 px x Roboto Medium's widest ASCII glyph
# ('@', 0.895 em) + the 0.1 px letter spacing.
_CHAR_WIDTH_BOUND = 14 * 0.9 + 0.1
_ACTION_ARGS = frozenset("onPressed child key".split())


def _action_width_bound(action: Any) -> float:
    """At most how wide an action is: a default button with a plain ASCII label; others unsupported."""
    label = action.kwargs.get("child") if isinstance(action, DartObject) else None
    if not (
        isinstance(action, DartObject)
        and action.type in _BUTTON_PADDING
        and not action.ctor
        and set(action.kwargs) <= _ACTION_ARGS
        and isinstance(label, DartObject)
        and label.type == "Text"
        and not label.kwargs
        and label.args
        and isinstance(label.args[0], str)
        and label.args[0].isascii()
    ):
        raise unsupported("MaterialBanner actions other than default buttons with a plain label (OverflowBar)", action)
    return max(64.0, 2 * _BUTTON_PADDING[action.type] + len(label.args[0]) * _CHAR_WIDTH_BOUND)


def _actions_bar(actions: list[Any]) -> DartObject:
    """Container(alignment: centerEnd, constraints: minHeight 52, padding: 8 x 0, OverflowBar(spacing 8)):
    a row of buttons (at most 48 px tall) is centred in 52 px."""
    row: list[Any] = []
    for action in actions:
        row += [gap(8.0), action] if row else [action]
    return DartObject(
        "Container",
        kwargs={
            "alignment": EnumValue("AlignmentDirectional", "centerEnd"),
            "height": 52.0,
            "padding": DartObject("EdgeInsets", "symmetric", kwargs={"horizontal": 8.0}),
            "child": DartObject("Row", kwargs={"mainAxisSize": EnumValue("MainAxisSize", "min"), "children": row}),
        },
    )


def _only(**sides: float) -> DartObject:
    return DartObject("EdgeInsetsDirectional", "only", kwargs=sides)


_HONOURS = (
    "content leading actions backgroundColor surfaceTintColor shadowColor dividerColor padding "
    "leadingPadding contentTextStyle elevation margin forceActionsBelow overflowAlignment onVisible "
    "animation"
)


@widget("MaterialBanner", honours=_HONOURS)
def material_banner(node: DartObject) -> ft.Control:
    k = node.kwargs
    actions = widget_list(node, "actions")
    if not actions:
        raise bad(actions, "a non-empty List<Widget> of actions")
    if (
        not METRICS.get().material3
        or (v.finite(k.get("elevation")) or 0) != 0
        or k.get("animation") is not None
        or BANNER_THEMED.get()
    ):
        raise unsupported("MaterialBanner in Material 2, with an elevation, an animation or a bannerTheme", node)
    single_row = len(actions) == 1 and not k.get("forceActionsBelow")
    # default buttons are at most 48 px tall, so the bar is 52 px
    widest = sum(_action_width_bound(action) for action in actions) + 8.0 * (len(actions) - 1)
    if not single_row:
        # the bar below gets the banner's width: a row when the buttons fit it, as OverflowBar decides
        if not is_full_width(node) or widest > SCREEN_WIDTH.get() - 16.0:
            raise unsupported("MaterialBanner whose actions may not fit in a row (OverflowBar)", node)
    padding = k.get("padding") or (
        _only(start=16.0, top=2.0) if single_row else _only(start=16.0, top=24.0, end=16.0, bottom=4.0)
    )
    row: list[Any] = []
    if k.get("leading") is not None:
        row.append(
            DartObject("Padding", kwargs={"padding": k.get("leadingPadding") or _only(end=16.0), "child": k["leading"]})
        )
    style = k.get("contentTextStyle") or ThemeTextStyle("bodyMedium")
    row.append(
        DartObject(
            "Expanded",
            kwargs={"child": DartObject("DefaultTextStyle", kwargs={"style": style, "child": k.get("content")})},
        )
    )
    if single_row:
        # in a Row the OverflowBar gets an unbounded width: always a row
        row.append(_actions_bar(actions))
    column = [DartObject("Padding", kwargs={"padding": padding, "child": DartObject("Row", kwargs={"children": row})})]
    if not single_row:
        column.append(_actions_bar(actions))
    column.append(
        DartObject("Divider", kwargs={"height": 0.0, "color": k.get("dividerColor") or ColorValue("outlinevariant")})
    )
    return build(
        DartObject(
            "Container",
            kwargs={
                "margin": k.get("margin"),
                "color": k.get("backgroundColor") or ColorValue("surface"),
                "child": DartObject(
                    "Column", kwargs={"mainAxisSize": EnumValue("MainAxisSize", "min"), "children": column}
                ),
            },
        )
    )
