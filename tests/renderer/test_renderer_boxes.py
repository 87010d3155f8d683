"""Boxes, wrappers and state-resolved values that coverage session 6 draws (no browser): what a still
frame shows of each."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.values import MappingError

SCREEN = """
import 'package:flutter/material.dart';
import 'package:flutter/services.dart';
{classes}
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""


def body(expr: str, classes: str = "") -> ft.Control:
    """The Flet control of a Scaffold body expression."""
    return build_screen(compile_screen(SCREEN.format(body=expr, classes=classes), width=390, height=844)).root.content


def test_drag_start_listeners_show_their_child():
    for listener in ("ReorderableDragStartListener", "ReorderableDelayedDragStartListener"):
        box = body(f"{listener}(index: 0, child: Container(width: 30, height: 20, color: Colors.red))")
        assert isinstance(box, ft.Container) and (box.width, box.height, box.bgcolor) == (30, 20, "red")


def test_a_selection_container_with_the_files_own_delegate_shows_its_child():
    delegate = """
import 'package:flutter/rendering.dart';
class AllOrNone extends MultiSelectableSelectionContainerDelegate {
  bool selected = false;
}"""
    column = body(
        "SelectionArea(child: SelectionContainer(delegate: AllOrNone(), child: Column(children: "
        "[Text('a'), Text('b')])))",
        delegate,
    )
    assert isinstance(column, ft.Column) and [t.value for t in column.controls] == ["a", "b"]


def test_an_icon_theme_colours_and_sizes_the_icons_and_icon_buttons_that_set_none():
    row = body(
        "IconTheme(data: const IconThemeData(color: Colors.white, size: 30), child: Row(children: ["
        "IconButton(onPressed: () {}, icon: const Icon(Icons.menu)), const Spacer(), "
        "const Icon(Icons.search), const Icon(Icons.star, color: Colors.red, size: 10)]))"
    )
    button, _, search, star = row.controls
    assert (button.icon.color, button.icon.size) == ("white", 30)
    assert (search.color, search.size) == ("white", 30)
    assert (star.color, star.size) == ("red", 10)  # an icon's own colour and size win


def test_an_icon_theme_around_a_control_with_its_own_icon_colours_is_unsupported():
    with pytest.raises(MappingError) as info:
        body("IconTheme(data: const IconThemeData(color: Colors.white), child: ListTile(leading: Icon(Icons.menu)))")
    assert info.value.kind == ErrorKind.UNSUPPORTED and "IconTheme" in info.value.message


def test_a_minimum_height_around_a_child_of_fixed_height_is_the_larger_of_the_two():
    column = (
        "Column(mainAxisAlignment: MainAxisAlignment.spaceAround, mainAxisSize: MainAxisSize.min, children: "
        "[Container(height: 50, margin: const EdgeInsets.all(5), color: Colors.red), const SizedBox(height: 40)])"
    )
    tall = body(
        f"SingleChildScrollView(child: ConstrainedBox(constraints: const BoxConstraints(minHeight: 300), "
        f"child: {column}))"
    ).controls[0]
    assert tall.height == 300 and isinstance(tall.content, ft.Column)
    short = body(
        f"SingleChildScrollView(child: ConstrainedBox(constraints: const BoxConstraints(minHeight: 60), "
        f"child: {column}))"
    ).controls[0]
    assert short.height == 100  # 50 + 2 x 5 margin + 40
    with pytest.raises(MappingError) as info:
        body("ConstrainedBox(constraints: const BoxConstraints(minHeight: 300), child: Text('a'))")
    assert info.value.kind == ErrorKind.UNSUPPORTED and "300..inf" in info.value.message


def test_a_fitted_box_scales_its_child_from_its_own_size_to_the_box():
    fill = body("Container(width: 300, height: 400, child: const FittedBox(fit: BoxFit.fill, child: Placeholder()))")
    stack = fill.content
    assert isinstance(stack, ft.Stack) and (stack.width, stack.height) == (300, 400)
    placed = stack.controls[0]
    assert (placed.width, placed.height) == (400, 400)  # the Placeholder's fallback size
    assert (placed.scale.scale_x, placed.scale.scale_y) == (0.75, 1.0)
    assert (placed.left, placed.top) == (-50, 0)  # its scaled picture covers the box
    contain = body(
        "SizedBox(width: 200, height: 200, child: FittedBox(alignment: Alignment.topLeft, "
        "child: Container(width: 100, height: 50, color: Colors.red)))"
    ).content.controls[0]
    assert (contain.scale.scale_x, contain.scale.scale_y) == (2, 2)
    assert (contain.left, contain.top) == (50, 25)  # scaled about its centre into the top left


def test_a_fitted_box_of_unknown_size_is_unsupported():
    for source in (
        "Center(child: FittedBox(child: SizedBox(width: 10, height: 10)))",
        "SizedBox(width: 50, height: 50, child: FittedBox(child: Text('a')))",
    ):
        with pytest.raises(MappingError) as info:
            body(source)
        assert info.value.kind == ErrorKind.UNSUPPORTED and "FittedBox" in info.value.message


def test_a_rotated_box_turns_its_child_before_layout():
    turned = body(
        "Column(children: [Expanded(child: RotatedBox(quarterTurns: 5, child: Slider(value: 0.5, onChanged: (v) {})))])"
    ).controls[0]
    assert isinstance(turned, ft.RotatedBox) and turned.quarter_turns == 1 and turned.expand == 1
    assert isinstance(turned.content, ft.Slider)


def test_an_overflow_box_lays_its_child_out_under_its_own_limits_and_centres_it():
    stack = body(
        "Container(width: 100, height: 100, color: Colors.green, child: const OverflowBox("
        "maxWidth: 200, maxHeight: 200, child: FlutterLogo(size: 200)))"
    ).content
    assert isinstance(stack, ft.Stack) and (stack.width, stack.height) == (100, 100)
    placed = stack.controls[0]
    assert (placed.width, placed.height, placed.left, placed.top) == (200, 200, -50, -50)
    clamped = body(
        "SizedBox(width: 100, height: 100, child: OverflowBox(minWidth: 0, maxWidth: 150, "
        "alignment: Alignment.topLeft, child: SizedBox(width: 300, height: 30)))"
    ).content.controls[0]
    # width clamped to 150; the unset height limits are the box's 100 (tight), so 30 becomes 100
    assert (clamped.width, clamped.height, clamped.left, clamped.top) == (150, 100, 0, 0)


def test_an_annotated_region_of_a_system_bar_style_shows_its_child():
    for style in ("SystemUiOverlayStyle.light", "SystemUiOverlayStyle.dark"):
        text = body(f"AnnotatedRegion<SystemUiOverlayStyle>(value: {style}, child: const Text('a'))")
        assert isinstance(text, ft.Text) and text.value == "a"


def test_a_positioned_transition_of_a_relative_rect_from_a_size_or_rect_starts_at_its_begin():
    for rect, container in (
        ("RelativeRect.fromSize", "const Size(390, 844)"),
        ("RelativeRect.fromRect", "const Rect.fromLTWH(0, 0, 390, 844)"),
    ):
        stack = body(
            f"Stack(children: [PositionedTransition(rect: RelativeRectTween("
            f"begin: {rect}(const Rect.fromLTWH(10, 20, 100, 50), {container}), "
            f"end: RelativeRect.fromLTRB(0, 0, 0, 0)).animate(const AlwaysStoppedAnimation(0.0)), "
            f"child: const SizedBox())])"
        )
        placed = stack.controls[0]
        assert (placed.left, placed.top, placed.right, placed.bottom) == (10, 20, 280, 774)


def test_the_files_own_material_state_border_is_resolved_in_the_chips_state():
    border = """
class SelectedBorder extends RoundedRectangleBorder implements MaterialStateOutlinedBorder {
  const SelectedBorder();
  @override
  OutlinedBorder? resolve(Set<MaterialState> states) {
    if (states.contains(MaterialState.selected)) {
      return const RoundedRectangleBorder(borderRadius: BorderRadius.all(Radius.circular(3)));
    }
    return null;
  }
}"""
    row = body(
        "Row(children: [FilterChip(label: const Text('a'), selected: true, onSelected: (v) {}, "
        "shape: const SelectedBorder()), FilterChip(label: const Text('b'), selected: false, "
        "onSelected: (v) {}, shape: const SelectedBorder())])",
        border,
    )
    selected, unselected = row.controls
    assert isinstance(selected.shape, ft.RoundedRectangleBorder) and selected.shape.radius == ft.BorderRadius.all(3)
    assert unselected.shape is None  # null: the chip's default shape


def test_a_grids_main_axis_extent_becomes_the_aspect_ratio_of_its_cells_where_its_width_is_known():
    delegate = (
        "const SliverGridDelegateWithFixedCrossAxisCount(crossAxisCount: 4, crossAxisSpacing: 10, mainAxisExtent: 150)"
    )
    grid = body(
        f"GridView(padding: const EdgeInsets.all(5), gridDelegate: {delegate}, "
        "children: [for (var i = 0; i < 8; i++) Text('$i')])"
    )
    assert isinstance(grid, ft.GridView) and grid.runs_count == 4
    assert grid.child_aspect_ratio == pytest.approx(((390 - 10 - 30) / 4) / 150)  # cells 87.5 wide, 150 tall
    count = body(
        "Padding(padding: const EdgeInsets.symmetric(horizontal: 45), child: GridView.count("
        "crossAxisCount: 3, mainAxisExtent: 60, children: const [Text('a')]))"
    ).content
    assert count.child_aspect_ratio == pytest.approx(100 / 60)
    with pytest.raises(MappingError) as info:  # in a Stack its width is not known here
        body(f"Stack(children: [GridView(gridDelegate: {delegate}, children: const [Text('a')])])")
    assert info.value.kind == ErrorKind.UNSUPPORTED and "mainAxisExtent" in info.value.message
