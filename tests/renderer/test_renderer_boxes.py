"""Boxes and wrappers of widgets/ that coverage session 6 draws (no browser): what a still frame
shows of each."""

from __future__ import annotations

import flet as ft

from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import build_screen

SCREEN = """
import 'package:flutter/material.dart';
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
    column = body("SelectionArea(child: SelectionContainer(delegate: AllOrNone(), child: Column(children: "
                  "[Text('a'), Text('b')])))", delegate)
    assert isinstance(column, ft.Column) and [t.value for t in column.controls] == ["a", "b"]
