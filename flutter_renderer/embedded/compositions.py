"""Material widgets Flutter builds from other widgets, built here the same way: AboutListTile (a
ListTile) and ToggleButtons (a row of bordered buttons, material/toggle_buttons.dart)."""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.ir import DartObject, EnumValue
from flutter_renderer.embedded import density as tap
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.material import make_list_tile
from flutter_renderer.embedded.registry import bad, build, build_optional, text_of, unsupported, widget, widget_list
from flutter_renderer.embedded.text_defaults import merge, merged, text_defaults


@widget("AboutListTile", honours="icon child applicationName applicationVersion applicationIcon "
                                 "applicationLegalese aboutBoxChildren dense")
def about_list_tile(node: DartObject) -> ft.Control:
    # about.dart: ListTile(leading: icon, title: child ?? Text('About $applicationName'), dense: dense);
    # the other arguments are for the dialog it opens on tap.
    k = node.kwargs
    title = k.get("child")
    if title is None:
        if k.get("applicationName") is None:
            # Flutter then names the app after its Title widget or the executable's file name.
            raise unsupported("AboutListTile without applicationName or child", node)
        title = DartObject("Text", "", (f"About {text_of(k['applicationName'])}",))
    return make_list_tile({"title": title, "dense": k.get("dense")}, leading=build_optional(k.get("icon")),
                          trailing=None)


# --- ToggleButtons ------------------------------------------------------------------------------

_BORDER = "onsurface,0.12"          # every default border colour: onSurface at 12%
_SELECTED_FILL = "primary,0.12"     # _DefaultFillColor of a selected button
_UNSELECTED = "onsurface,0.87"      # the default colour of an unselected button's content
_DISABLED = "onsurface,0.38"
_TOGGLE_HONOURS = ("children isSelected onPressed textStyle constraints color selectedColor disabledColor fillColor "
                   "borderColor selectedBorderColor disabledBorderColor borderRadius borderWidth direction "
                   "verticalDirection renderBorder tapTargetSize focusNodes")
# Controls a toggle button's content may be built of: the button's IconTheme and DefaultTextStyle reach
# Icons and Texts through these; other controls (buttons, tiles) would set their own.
_CONTENT = (ft.Icon, ft.Text, ft.Container, ft.Row, ft.Column, ft.Stack)


def _tint_icons(control: ft.Control, color: str) -> None:
    """The IconTheme(color) a toggle button's TextButton puts around its child."""
    if not isinstance(control, _CONTENT):
        raise unsupported(f"a {type(control).__name__} in a ToggleButtons child")
    if isinstance(control, ft.Icon) and control.color is None:
        control.color = color
    children = getattr(control, "controls", None) or [getattr(control, "content", None)]
    for child in children:
        if isinstance(child, ft.Control):
            _tint_icons(child, color)


def _selection(node: DartObject, count: int) -> list[bool]:
    selected = node.kwargs.get("isSelected")
    if not isinstance(selected, list) or not all(isinstance(x, bool) for x in selected):
        raise bad(selected, "a List<bool> for ToggleButtons.isSelected")
    if len(selected) != count:
        raise bad(selected, f"{count} values in ToggleButtons.isSelected, one per child (Flutter asserts this)")
    return selected


def _side(k: dict[str, Any], enabled: bool, selected: bool) -> str:
    if not enabled:
        return v.color(k.get("disabledBorderColor")) or _BORDER
    return v.color(k.get("selectedBorderColor" if selected else "borderColor")) or _BORDER


def _min_size(k: dict[str, Any], node: DartObject) -> tuple[float, float]:
    constraints = k.get("constraints")
    if constraints is None:
        return tap.MIN_INTERACTIVE, tap.MIN_INTERACTIVE
    if not isinstance(constraints, DartObject) or constraints.type != "BoxConstraints" or constraints.ctor:
        raise bad(constraints, "a BoxConstraints(...) for ToggleButtons.constraints")
    if any(v.finite(constraints.kwargs.get(name)) is not None for name in ("maxWidth", "maxHeight")):
        raise unsupported("ToggleButtons.constraints with a maximum size", node)
    return (v.finite(constraints.kwargs.get("minWidth")) or 0.0, v.finite(constraints.kwargs.get("minHeight")) or 0.0)


def _corners(radius: ft.BorderRadius | None, first: bool, last: bool, inset: float) -> ft.BorderRadius | None:
    """The edge radius of one button (the group's outer corners only), less `inset` (the clip radius)."""
    if radius is None:
        return None
    def corner(value: float, keep: bool) -> float:
        return max(value - inset, 0.0) if keep else 0.0
    return ft.BorderRadius(corner(radius.top_left, first), corner(radius.top_right, last),
                           corner(radius.bottom_left, first), corner(radius.bottom_right, last))


@widget("ToggleButtons", honours=_TOGGLE_HONOURS)
def toggle_buttons(node: DartObject) -> ft.Control:
    k = node.kwargs
    children = widget_list(node)
    selected = _selection(node, len(children))
    if k.get("direction") is not None and not (isinstance(k["direction"], EnumValue)
                                               and k["direction"].name == "horizontal"):
        raise unsupported("ToggleButtons(direction: Axis.vertical)", node)
    enabled = k.get("onPressed") is not None
    width = 0.0 if k.get("renderBorder") is False else (v.finite(k.get("borderWidth")) or 1.0)
    radius = v.border_radius(k.get("borderRadius"))
    min_width, min_height = _min_size(k, node)
    style = v.text_style(k.get("textStyle"))
    row: list[ft.Control] = []
    for index, child in enumerate(children):
        on = enabled and selected[index]
        first, last = index == 0, index == len(children) - 1
        if not enabled:
            color = v.color(k.get("disabledColor")) or _DISABLED
        elif on:
            color = v.color(k.get("selectedColor")) or "primary"
        else:
            color = v.color(k.get("color")) or _UNSELECTED
        with text_defaults(merged(merge(style, ft.TextStyle(color=color)))):
            content = build(child)
        _tint_icons(content, color)
        fill = (v.color(k.get("fillColor")) or _SELECTED_FILL) if on else None
        # The leading side of a button is the divider after the previous one: the selected colour when
        # either of the two is selected. It is drawn as its own strip so each button's visible border
        # stays one colour (Flutter paints a rounded border only in one colour).
        if not first and width:
            row.append(ft.Container(width=width, bgcolor=_side(k, enabled, on or (enabled and selected[index - 1]))))
        side = ft.BorderSide(width, _side(k, enabled, on)) if width else None
        box = ft.Container(
            ft.Stack([ft.Container(width=min_width, height=min_height), content], alignment=ft.Alignment(0, 0)),
            bgcolor=fill, border_radius=_corners(radius, first, last, width), clip_behavior=ft.ClipBehavior.ANTI_ALIAS)
        row.append(ft.Container(box, border=ft.Border(left=side if first else None, top=side, bottom=side,
                                                      right=side if last else None) if side else None,
                                border_radius=_corners(radius, first, last, 0.0)))
    group = ft.Row(row, spacing=0, tight=True, vertical_alignment=ft.CrossAxisAlignment.STRETCH,
                   intrinsic_height=True)
    # _InputPadding: a padded tap target makes the row at least 48 px tall, the buttons centred in it.
    shrink = tap.shrink_wrap_of(k.get("tapTargetSize"))
    if (tap.METRICS.get().shrink_wrap if shrink is None else shrink) or min_height + 2 * width >= tap.MIN_INTERACTIVE:
        return group
    return ft.Container(group, height=tap.MIN_INTERACTIVE, alignment=ft.Alignment(0, 0))
