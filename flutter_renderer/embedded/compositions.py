"""Material widgets Flutter builds from other widgets, built here the same way: AboutListTile (a
ListTile), ToggleButtons (a row of bordered buttons, material/toggle_buttons.dart) and
PaginatedDataTable (a Card around a DataTable and a footer)."""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import density as tap
from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.icon_theme import tint_icons
from flutter_renderer.embedded.material import make_list_tile
from flutter_renderer.embedded.registry import (
    axes,
    bad,
    build,
    build_optional,
    text_of,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.embedded.text_defaults import merge, merged, text_defaults
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue, IconValue, ThemeTextStyle


@widget(
    "AboutListTile",
    honours="icon child applicationName applicationVersion applicationIcon applicationLegalese aboutBoxChildren dense",
)
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
    return make_list_tile(
        {"title": title, "dense": k.get("dense")}, leading=build_optional(k.get("icon")), trailing=None
    )


# --- ToggleButtons ------------------------------------------------------------------------------

_BORDER = "onsurface,0.12"  # every default border colour: onSurface at 12%
_SELECTED_FILL = "primary,0.12"  # _DefaultFillColor of a selected button
_UNSELECTED = "onsurface,0.87"  # the default colour of an unselected button's content
_DISABLED = "onsurface,0.38"
_TOGGLE_HONOURS = (
    "children isSelected onPressed textStyle constraints color selectedColor disabledColor fillColor "
    "borderColor selectedBorderColor disabledBorderColor borderRadius borderWidth direction "
    "verticalDirection renderBorder tapTargetSize focusNodes"
)


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

    return ft.BorderRadius(
        corner(radius.top_left, first),
        corner(radius.top_right, last),
        corner(radius.bottom_left, first),
        corner(radius.bottom_right, last),
    )


@widget("ToggleButtons", honours=_TOGGLE_HONOURS)
def toggle_buttons(node: DartObject) -> ft.Control:
    k = node.kwargs
    children = widget_list(node)
    selected = _selection(node, len(children))
    if k.get("direction") is not None and not (
        isinstance(k["direction"], EnumValue) and k["direction"].name == "horizontal"
    ):
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
        tint_icons(content, color, "a ToggleButtons child")  # the IconTheme of the button's TextButton
        fill = (v.color(k.get("fillColor")) or _SELECTED_FILL) if on else None
        # The leading side of a button is the divider after the previous one: the selected colour when
        # either of the two is selected. It is drawn as its own strip so each button's visible border
        # stays one colour (Flutter paints a rounded border only in one colour).
        if not first and width:
            row.append(ft.Container(width=width, bgcolor=_side(k, enabled, on or (enabled and selected[index - 1]))))
        side = ft.BorderSide(width, _side(k, enabled, on)) if width else None
        box = ft.Container(
            ft.Stack([ft.Container(width=min_width, height=min_height), content], alignment=ft.Alignment(0, 0)),
            bgcolor=fill,
            border_radius=_corners(radius, first, last, width),
            clip_behavior=ft.ClipBehavior.ANTI_ALIAS,
        )
        row.append(
            ft.Container(
                box,
                border=ft.Border(left=side if first else None, top=side, bottom=side, right=side if last else None)
                if side
                else None,
                border_radius=_corners(radius, first, last, 0.0),
            )
        )
    group = ft.Row(row, spacing=0, tight=True, vertical_alignment=ft.CrossAxisAlignment.STRETCH, intrinsic_height=True)
    # _InputPadding: a padded tap target makes the row at least 48 px tall, the buttons centred in it.
    shrink = tap.shrink_wrap_of(k.get("tapTargetSize"))
    if (tap.METRICS.get().shrink_wrap if shrink is None else shrink) or min_height + 2 * width >= tap.MIN_INTERACTIVE:
        return group
    return ft.Container(group, height=tap.MIN_INTERACTIVE, alignment=ft.Alignment(0, 0))


# --- PaginatedDataTable -------------------------------------------------------------------------

_PAGED_HONOURS = (
    "columns source sortColumnIndex sortAscending onSelectAll dataRowHeight dataRowMinHeight "
    "dataRowMaxHeight headingRowHeight horizontalMargin columnSpacing showCheckboxColumn "
    "showFirstLastButtons initialFirstRowIndex onPageChanged rowsPerPage showEmptyRows "
    "checkboxHorizontalMargin controller primary dragStartBehavior arrowHeadColor"
)
# DataTable arguments PaginatedDataTable passes on as they are.
_PAGED_TABLE = (
    "columns sortColumnIndex sortAscending onSelectAll dataRowHeight dataRowMinHeight dataRowMaxHeight "
    "headingRowHeight horizontalMargin columnSpacing showCheckboxColumn checkboxHorizontalMargin"
).split()
# The footer's icons: an IconTheme of opacity 0.54 over IconButton's colours (onSurfaceVariant, or
# onSurface at 38% when disabled).
_ARROW = "onsurfacevariant,0.54"
_ARROW_DISABLED = f"onsurface,{0.38 * 0.54:.4f}"


def _arrow(icon: str, enabled: bool, color: Any) -> DartObject:
    tint = color if color is not None else ColorValue(_ARROW if enabled else _ARROW_DISABLED)
    return DartObject(
        "IconButton",
        "",
        (),
        {
            "icon": DartObject("Icon", "", (IconValue(icon),), {"color": tint}),
            "padding": DartObject("EdgeInsets", "all", (0,)),
            "onPressed": Closure(0) if enabled else None,
        },
    )


def gap(width: float) -> DartObject:
    """A SizedBox of this width between composed children."""
    return DartObject("SizedBox", "", (), {"width": width})


@widget("PaginatedDataTable", honours=_PAGED_HONOURS)
def paginated_data_table(node: DartObject) -> ft.Control:
    # paginated_data_table.dart: a Card holding the page's DataTable (blank rows fill a short last page)
    # and a 56 px footer, end-aligned: "first–last of count" in bodySmall and the page arrows.
    k = node.kwargs
    for name in ("header", "actions", "onRowsPerPageChanged"):
        if k.get(name) is not None:
            raise unsupported(f"PaginatedDataTable.{name}", node)
    source = v.of_type(k.get("source"), "DataTableSource").kwargs
    per_page = k.get("rowsPerPage", 10)
    first, count, approximate = source["firstRowIndex"], source["rowCount"], source["isRowCountApproximate"] is True
    rows = list(source["rows"])
    if any(row is None for row in rows):
        raise unsupported("a DataTableSource.getRow that returns null (Flutter shows a progress row)", node)
    if k.get("showEmptyRows", True) is not False:
        blank = DartObject(
            "DataRow",
            "",
            (),
            {
                "cells": [
                    DartObject("DataCell", "", (DartObject("SizedBox", "shrink"),))
                    for _ in widget_list(node, "columns")
                ]
            },
        )
        rows += [blank] * (per_page - len(rows))
    table = DartObject(
        "DataTable",
        "",
        (),
        {**{name: k[name] for name in _PAGED_TABLE if name in k}, "rows": rows, "showBottomBorder": True},
    )
    last = first + per_page if approximate else min(first + per_page, count)
    info = f"{first + 1}–{last} of {'about ' if approximate else ''}{count}"
    more = approximate or first + per_page < count
    first_last = k.get("showFirstLastButtons") is True
    arrows = [gap(32), DartObject("Text", "", (info,), {"style": ThemeTextStyle("bodySmall")}), gap(32)]
    arrows += [_arrow("first_page", first > 0, k.get("arrowHeadColor"))] if first_last else []
    arrows += [
        _arrow("chevron_left", first > 0, k.get("arrowHeadColor")),
        gap(24),
        _arrow("chevron_right", more, k.get("arrowHeadColor")),
    ]
    arrows += [_arrow("last_page", more and not approximate, k.get("arrowHeadColor"))] if first_last else []
    footer = DartObject(
        "SizedBox",
        "",
        (),
        {
            "height": 56,
            "child": DartObject(
                "Row",
                "",
                (),
                {"mainAxisAlignment": EnumValue("MainAxisAlignment", "end"), "children": arrows + [gap(14)]},
            ),
        },
    )
    card = build(
        DartObject(
            "Card",
            "",
            (),
            {
                "child": DartObject(
                    "Column",
                    "",
                    (),
                    {"crossAxisAlignment": EnumValue("CrossAxisAlignment", "stretch"), "children": [footer]},
                )
            },
            node.line,
            node.column,
        )
    )
    # The table scrolls sideways at its own width, above the footer (Flutter also stretches a narrower
    # table to the card's width).
    with axes(horizontal=True):
        card.content.controls.insert(0, ft.Row([build(table)], scroll=ft.ScrollMode.HIDDEN, spacing=0))
    return card
