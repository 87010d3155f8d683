"""Material panels drawn by the Flet control of the same Flutter widget: DataTable, ExpansionTile,
ReorderableListView, PageView, NavigationRail and BottomAppBar, as their first frame shows them
(tiles collapsed unless initially expanded, the first page, no drag in progress)."""

from __future__ import annotations

from typing import Any

import flet as ft

from flutter_renderer.embedded import values as v
from flutter_renderer.embedded.layout import check_viewport, delegate_children, scroll_padding
from flutter_renderer.embedded.registry import (
    axes,
    build,
    build_optional,
    evaluated,
    layout_error,
    runtime_error,
    unbounded,
    unsupported,
    widget,
    widget_list,
)
from flutter_renderer.ir import Closure, DartObject, EnumValue


@widget(
    "DataTable",
    honours="columns rows sortColumnIndex sortAscending onSelectAll decoration dataRowColor "
    "dataRowHeight dataRowMinHeight dataRowMaxHeight dataTextStyle headingRowColor "
    "headingRowHeight headingTextStyle horizontalMargin columnSpacing showCheckboxColumn "
    "showBottomBorder dividerThickness checkboxHorizontalMargin border clipBehavior",
)
def data_table(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("border") is not None or k.get("decoration") is not None:
        raise unsupported("DataTable.border/decoration", node)
    columns = [v.of_type(c, "DataColumn") for c in widget_list(node, "columns")]
    rows = [v.of_type(r, "DataRow") for r in widget_list(node, "rows")]
    for row in rows:
        if len(widget_list(row, "cells")) != len(columns):
            raise runtime_error(
                f"DataTable: a row has {len(widget_list(row, 'cells'))} cells for {len(columns)} columns", row
            )
    with axes(horizontal=True, vertical=True):
        # A column's label sits in a Row of its heading cell (so it may be Expanded).
        flet_columns = [
            ft.DataColumn(label=build(c.kwargs.get("label"), parent="flex"), numeric=bool(c.kwargs.get("numeric")))
            for c in columns
        ]
        flet_rows = [
            ft.DataRow(
                cells=[_cell(cell) for cell in widget_list(row, "cells")],
                selected=bool(row.kwargs.get("selected")),
                color=v.control_states(row.kwargs.get("color")),
            )
            for row in rows
        ]
    row_height = v.finite(k.get("dataRowHeight"))
    return ft.DataTable(
        columns=flet_columns,
        rows=flet_rows,
        sort_column_index=k.get("sortColumnIndex"),
        sort_ascending=k.get("sortAscending", True) is not False,
        # Flutter shows the checkbox column when rows are selectable (Flet's default is not to).
        show_checkbox_column=k.get("showCheckboxColumn", True) is not False
        and any(r.kwargs.get("onSelectChanged") is not None for r in rows),
        heading_row_color=v.control_states(k.get("headingRowColor")),
        data_row_color=v.control_states(k.get("dataRowColor")),
        heading_row_height=v.finite(k.get("headingRowHeight")),
        data_row_min_height=v.finite(k.get("dataRowMinHeight")) or row_height,
        data_row_max_height=v.finite(k.get("dataRowMaxHeight")) or row_height,
        heading_text_style=v.text_style(k.get("headingTextStyle")),
        data_text_style=v.text_style(k.get("dataTextStyle")),
        horizontal_margin=v.finite(k.get("horizontalMargin")),
        column_spacing=v.finite(k.get("columnSpacing")),
        divider_thickness=v.finite(k.get("dividerThickness")),
        show_bottom_border=bool(k.get("showBottomBorder")),
        checkbox_horizontal_margin=v.finite(k.get("checkboxHorizontalMargin")),
        clip_behavior=v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior),
    )


def _cell(value: Any) -> ft.DataCell:
    cell = v.of_type(value, "DataCell")
    content = cell.args[0] if cell.args else cell.kwargs.get("child")
    return ft.DataCell(
        content=build(content),
        placeholder=bool(cell.kwargs.get("placeholder")),
        show_edit_icon=bool(cell.kwargs.get("showEditIcon")),
    )


@widget(
    "ExpansionTile",
    honours="title leading subtitle trailing children initiallyExpanded maintainState tilePadding "
    "expandedCrossAxisAlignment expandedAlignment childrenPadding backgroundColor "
    "collapsedBackgroundColor textColor collapsedTextColor iconColor collapsedIconColor "
    "shape collapsedShape clipBehavior controlAffinity dense enabled visualDensity "
    "expansionAnimationStyle onExpansionChanged",
)
def expansion_tile(node: DartObject) -> ft.Control:
    k = node.kwargs
    if unbounded("h"):
        raise layout_error("ExpansionTile was given unbounded width (its ListTile needs a bounded width)", node)
    if k.get("visualDensity") is not None:
        raise unsupported("ExpansionTile.visualDensity", node)
    expanded = bool(k.get("initiallyExpanded"))
    affinity = k.get("controlAffinity")
    return ft.ExpansionTile(
        title=build(k.get("title")),
        subtitle=build_optional(k.get("subtitle")),
        leading=build_optional(k.get("leading")),
        trailing=build_optional(k.get("trailing")),
        controls=[build(c) for c in widget_list(node)] if expanded else [],
        expanded=expanded,
        tile_padding=v.edge_insets(k.get("tilePadding")),
        controls_padding=v.edge_insets(k.get("childrenPadding")),
        bgcolor=v.color(k.get("backgroundColor")),
        collapsed_bgcolor=v.color(k.get("collapsedBackgroundColor")),
        text_color=v.color(k.get("textColor")),
        collapsed_text_color=v.color(k.get("collapsedTextColor")),
        icon_color=v.color(k.get("iconColor")),
        collapsed_icon_color=v.color(k.get("collapsedIconColor")),
        shape=v.shape_border(k.get("shape")),
        collapsed_shape=v.shape_border(k.get("collapsedShape")),
        expanded_alignment=v.alignment(k.get("expandedAlignment")),
        expanded_cross_axis_alignment=v.enum(
            k.get("expandedCrossAxisAlignment"), "CrossAxisAlignment", ft.CrossAxisAlignment
        ),
        affinity=v.enum(affinity, "ListTileControlAffinity", ft.TileAffinity),
        dense=k.get("dense"),
        maintain_state=bool(k.get("maintainState")),
        disabled=k.get("enabled") is False,
    )


@widget(
    "ReorderableListView",
    "ReorderableListView.builder",
    honours="children itemBuilder itemCount onReorder header footer padding scrollDirection reverse shrinkWrap "
    "itemExtent buildDefaultDragHandles proxyDecorator anchor autoScrollerVelocityScalar",
)
def reorderable_list_view(node: DartObject) -> ft.Control:
    # On a phone the items are dragged after a long press: no drag handles are drawn.
    k = node.kwargs
    horizontal = isinstance(k.get("scrollDirection"), EnumValue) and k["scrollDirection"].name == "horizontal"
    check_viewport(node, horizontal, bool(k.get("shrinkWrap")))
    items = k.get("itemBuilder") if node.ctor == "builder" else widget_list(node)
    if isinstance(items, Closure) or not isinstance(items, list):
        raise unsupported("ReorderableListView.builder items the front end could not build", node)
    with axes(**{("horizontal" if horizontal else "vertical"): True}):
        controls = [build(item) for item in items]
        header, footer = build_optional(k.get("header")), build_optional(k.get("footer"))
    return ft.ReorderableListView(
        controls,
        header=header,
        footer=footer,
        horizontal=horizontal,
        padding=scroll_padding(node, horizontal),
        reverse=bool(k.get("reverse")),
        item_extent=v.finite(k.get("itemExtent")),
        show_default_drag_handles=k.get("buildDefaultDragHandles", True) is not False,
        expand=None if k.get("shrinkWrap") else True,
    )


@widget(
    "PageView",
    "PageView.builder",
    "PageView.custom",
    honours="children itemBuilder itemCount childrenDelegate controller scrollDirection reverse pageSnapping "
    "padEnds allowImplicitScrolling scrollBehavior",
)
def page_view(node: DartObject) -> ft.Control:
    k = node.kwargs
    horizontal = not (isinstance(k.get("scrollDirection"), EnumValue) and k["scrollDirection"].name == "vertical")
    if unbounded("h") or unbounded("v"):
        raise layout_error("PageView was given unbounded constraints (it needs a bounded width and height)", node)
    if node.ctor == "custom":
        pages = delegate_children(node, "childrenDelegate")
    else:
        pages = k.get("itemBuilder") if node.ctor == "builder" else widget_list(node)
    if isinstance(pages, Closure) or not isinstance(pages, list):
        raise unsupported("PageView.builder pages the front end could not build", node)
    controller = k.get("controller")
    options = controller.kwargs if isinstance(controller, DartObject) and controller.type == "PageController" else {}
    initial = int(v.finite(options.get("initialPage")) or 0)
    if pages and not 0 <= initial < len(pages):
        raise runtime_error(f"PageController.initialPage {initial} is out of range", node)
    return ft.PageView(
        [build(page) for page in pages],
        selected_index=initial,
        horizontal=horizontal,
        reverse=bool(k.get("reverse")),
        viewport_fraction=v.finite(options.get("viewportFraction")) or 1.0,
        pad_ends=k.get("padEnds", True) is not False,
        expand=True,
    )


@widget(
    "NavigationRail",
    honours="destinations selectedIndex backgroundColor extended leading trailing elevation "
    "groupAlignment labelType unselectedLabelTextStyle selectedLabelTextStyle "
    "unselectedIconTheme selectedIconTheme minWidth minExtendedWidth useIndicator "
    "indicatorColor indicatorShape onDestinationSelected",
)
def navigation_rail(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("selectedIconTheme") is not None or k.get("unselectedIconTheme") is not None:
        raise unsupported("NavigationRail.selectedIconTheme/unselectedIconTheme", node)
    destinations = []
    for item in widget_list(node, "destinations"):
        destination = v.of_type(item, "NavigationRailDestination")
        d = destination.kwargs
        destinations.append(
            ft.NavigationRailDestination(
                icon=build(d.get("icon")),
                selected_icon=build_optional(d.get("selectedIcon")),
                label=build(d.get("label")),
                padding=v.edge_insets(d.get("padding")),
                indicator_color=v.color(d.get("indicatorColor")),
                indicator_shape=v.shape_border(d.get("indicatorShape")),
                disabled=bool(d.get("disabled")),
            )
        )
    if len(destinations) < 2:
        raise runtime_error("NavigationRail needs at least two destinations", node)
    selected = k.get("selectedIndex")
    if selected is not None and not 0 <= selected < len(destinations):
        raise runtime_error(f"NavigationRail.selectedIndex {selected} is out of range", node)
    with axes(horizontal=True):
        leading, trailing = build_optional(k.get("leading")), build_optional(k.get("trailing"))
    return ft.NavigationRail(
        destinations=destinations,
        selected_index=selected,
        extended=bool(k.get("extended")),
        label_type=v.enum(k.get("labelType"), "NavigationRailLabelType", ft.NavigationRailLabelType),
        bgcolor=v.color(k.get("backgroundColor")),
        elevation=v.finite(k.get("elevation")),
        leading=leading,
        trailing=trailing,
        group_alignment=v.finite(k.get("groupAlignment")),
        min_width=v.finite(k.get("minWidth")),
        min_extended_width=v.finite(k.get("minExtendedWidth")),
        use_indicator=k.get("useIndicator"),
        indicator_color=v.color(k.get("indicatorColor")),
        indicator_shape=v.shape_border(k.get("indicatorShape")),
        selected_label_text_style=v.text_style(k.get("selectedLabelTextStyle")),
        unselected_label_text_style=v.text_style(k.get("unselectedLabelTextStyle")),
    )


@widget(
    "BottomAppBar",
    honours="color elevation shape clipBehavior notchMargin child padding surfaceTintColor shadowColor height",
)
def bottom_app_bar(node: DartObject) -> ft.Control:
    k = node.kwargs
    if k.get("surfaceTintColor") is not None:
        raise unsupported("BottomAppBar.surfaceTintColor", node)
    shape = k.get("shape")
    notch = None
    if shape is not None:
        if not isinstance(shape, DartObject) or shape.type != "CircularNotchedRectangle":
            raise unsupported(f"BottomAppBar.shape {v.describe(shape)}", node)
        notch = ft.CircularRectangleNotchShape()
    with axes(horizontal=False, vertical=False):
        child = build_optional(k.get("child"))
    bar = ft.BottomAppBar(
        content=child,
        bgcolor=v.color(k.get("color")),
        shadow_color=v.color(k.get("shadowColor")),
        padding=v.edge_insets(k.get("padding")),
        shape=notch,
        notch_margin=v.finite(k.get("notchMargin")) or 4.0,
        elevation=v.finite(k.get("elevation")),
        clip_behavior=v.enum(k.get("clipBehavior"), "Clip", ft.ClipBehavior),
    )
    bar.height = v.finite(k.get("height"))
    return bar


# Stepper (material/stepper.dart), vertical, at its current step: per step a header (a 24 px circle
# on 16 px connector lines, 24 px from the edges; the title in bodyLarge and subtitle in bodySmall
# 12 px after it), and under the current step its content and the Continue (on primary) / Cancel
# (black54) buttons, 60 px in, in a 48 px row 16 px below.
_STEP_SIZE = 24.0
_STEP_MARKS = {"editing": ft.Icons.EDIT, "complete": ft.Icons.CHECK}


def _step_circle(step: DartObject, index: int) -> ft.Control:
    state = getattr(step.kwargs.get("state"), "name", "indexed")
    if state == "error":
        raise unsupported("Step.state StepState.error (its warning triangle)", step)
    active = bool(step.kwargs.get("isActive"))
    mark: ft.Control = (
        ft.Icon(_STEP_MARKS[state], size=18, color="#ffffffff")
        if state in _STEP_MARKS
        else ft.Text(str(index + 1), style=ft.TextStyle(size=12, color="#ffffffff"))
    )
    return ft.Container(
        mark,
        width=_STEP_SIZE,
        height=_STEP_SIZE,
        alignment=ft.Alignment(0, 0),
        shape=ft.BoxShape.CIRCLE,
        bgcolor="primary" if active else "onsurface,0.38",
        margin=ft.Margin(0, 8, 0, 8),
    )


def _connector(step: DartObject, visible: bool, height: float | None = 16.0) -> ft.Control:
    color = "primary" if step.kwargs.get("isActive") else "grey400"
    return ft.Container(width=1.0 if visible else 0.0, height=height, bgcolor=color)


def _step_text(value: Any, theme_style: ft.TextThemeStyle, disabled: bool) -> ft.Control:
    label = build(value)
    if isinstance(label, ft.Text) and label.style is None and label.theme_style is None:
        label.theme_style = theme_style
        label.color = "#61000000" if disabled else None  # black38
    return label


def _step_controls() -> ft.Control:
    shape = ft.RoundedRectangleBorder(radius=2)
    padding = ft.Padding(16, 0, 16, 0)
    go = ft.TextButton(
        content=ft.Text("Continue"),
        style=ft.ButtonStyle(color="onprimary", bgcolor="primary", padding=padding, shape=shape),
    )
    cancel = ft.TextButton(
        content=ft.Text("Cancel"), style=ft.ButtonStyle(color="#8a000000", padding=padding, shape=shape)
    )
    return ft.Container(
        ft.Row([go, ft.Container(cancel, margin=ft.Margin(8, 0, 0, 0))], spacing=0),
        height=48,
        margin=ft.Margin(0, 16, 0, 0),
    )


@widget(
    "Stepper",
    honours="steps currentStep type onStepTapped onStepContinue onStepCancel controlsBuilder elevation "
    "margin connectorColor connectorThickness stepIconBuilder physics",
)
def stepper(node: DartObject) -> ft.Control:
    k = node.kwargs
    if getattr(k.get("type"), "name", "vertical") != "vertical":
        raise unsupported("Stepper.type StepperType.horizontal", node)
    for name in ("connectorColor", "connectorThickness", "stepIconBuilder", "margin"):
        if k.get(name) is not None:
            raise unsupported(f"Stepper.{name}", node)
    steps = [v.of_type(step, "Step") for step in widget_list(node, "steps")]
    current = int(v.finite(k.get("currentStep")) or 0)
    if steps and not 0 <= current < len(steps):
        raise runtime_error(f"Stepper.currentStep {current} is out of range", node)
    rows: list[ft.Control] = []
    for index, step in enumerate(steps):
        s = step.kwargs
        disabled = getattr(s.get("state"), "name", "") == "disabled"
        if s.get("label") is not None or s.get("stepStyle") is not None:
            raise unsupported("Step.label/stepStyle", step)
        text = [_step_text(s.get("title"), ft.TextThemeStyle.BODY_LARGE, disabled)]
        if s.get("subtitle") is not None:
            text.append(
                ft.Container(
                    _step_text(s["subtitle"], ft.TextThemeStyle.BODY_SMALL, disabled), margin=ft.Margin(0, 2, 0, 0)
                )
            )
        marker = ft.Column(
            [_connector(step, index > 0), _step_circle(step, index), _connector(step, index < len(steps) - 1)],
            spacing=0,
            tight=True,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        )
        header = ft.Container(
            ft.Row(
                [marker, ft.Container(ft.Column(text, spacing=0, tight=True), expand=1, margin=ft.Margin(12, 0, 0, 0))],
                spacing=0,
            ),
            margin=ft.Margin(24, 0, 24, 0),
        )
        body: list[ft.Control] = [ft.Container(_connector(step, True, None), left=24 + _STEP_SIZE / 2, top=0, bottom=0)]
        if index == current:
            with axes(horizontal=False):
                content = build(s.get("content"))
                # a controlsBuilder's widget replaces the Continue / Cancel row (and its 16 px margin)
                controls = (
                    build(evaluated(node, "controlsBuilder"))
                    if k.get("controlsBuilder") is not None
                    else _step_controls()
                )
            body.append(
                ft.Container(
                    ft.Column([content, controls], spacing=0, horizontal_alignment=ft.CrossAxisAlignment.CENTER),
                    margin=ft.Margin(60, 0, 24, 24),
                )
            )
        else:
            body.append(ft.Container(height=0))
        rows.append(ft.Column([header, ft.Stack(body)], spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH))
    return ft.ListView(rows, spacing=0, padding=ft.Padding(0, 0, 0, 0), expand=None)


@widget(
    "ExpansionPanelList",
    "ExpansionPanelList.radio",
    honours="children expansionCallback animationDuration initialOpenPanelValue expandedHeaderPadding "
    "dividerColor elevation expandIconColor materialGapSize",
)
def expansion_panel_list(node: DartObject) -> ft.Control:
    # Flet's ExpansionPanelList is Flutter's. At rest a `.radio` list is the same list with the panel
    # whose value is initialOpenPanelValue open (each ExpansionPanelRadio's header was built closed and
    # open: the one matching is kept).
    k = node.kwargs
    panels = []
    for panel in widget_list(node):
        if not (isinstance(panel, DartObject) and panel.type == "ExpansionPanelRadio"):
            # (a `.radio` list casts every child to ExpansionPanelRadio)
            v.of_type(panel, "ExpansionPanelRadio" if node.ctor == "radio" else "ExpansionPanel")
        p = panel.kwargs
        is_open = (
            p.get("value") == k.get("initialOpenPanelValue") and k.get("initialOpenPanelValue") is not None
            if node.ctor == "radio"
            else p.get("isExpanded") is True
        )
        header = evaluated(panel, "headerBuilder")
        if panel.type == "ExpansionPanelRadio":
            header = header[is_open]
        with axes(horizontal=False):
            panels.append(
                ft.ExpansionPanel(
                    header=build(header),
                    content=build(p.get("body")),
                    expanded=is_open,
                    bgcolor=v.color(p.get("backgroundColor")),
                    can_tap_header=bool(p.get("canTapOnHeader")),
                )
            )
    return ft.ExpansionPanelList(
        panels,
        divider_color=v.color(k.get("dividerColor")),
        elevation=v.finite(k.get("elevation")),
        expanded_header_padding=v.edge_insets(k.get("expandedHeaderPadding")),
        expand_icon_color=v.color(k.get("expandIconColor")),
        spacing=v.finite(k.get("materialGapSize")),
    )
