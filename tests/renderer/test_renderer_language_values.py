"""Values the Dart front end computes reach the Flet mapping as values it draws (no browser):
FractionalOffset as an Alignment, BoxConstraints.tight/loose as min/max constraints, Flutter's
constants."""

from __future__ import annotations

import flet as ft

from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import build_screen


def screen(body: str) -> ft.Control:
    source = (
        "import 'package:flutter/foundation.dart';\nimport 'package:flutter/material.dart';\n"
        f"void main() => runApp(MaterialApp(home: Scaffold(body: {body})));\n"
    )
    root = build_screen(compile_screen(source, width=390, height=844)).root
    return root.content


def test_fractional_offset_is_drawn_as_the_alignment_it_is() -> None:
    box = screen("Container(alignment: FractionalOffset.bottomRight, child: const Text('a'))")
    assert (box.alignment.x, box.alignment.y) == (1.0, 1.0)
    box = screen("Container(alignment: const FractionalOffset(0.25, 0.5), child: const Text('a'))")
    assert (box.alignment.x, box.alignment.y) == (-0.5, 0.0)


def test_tight_and_loose_box_constraints_size_a_container() -> None:
    box = screen("Container(constraints: BoxConstraints.tight(const Size(120, 40)), color: Colors.red)")
    assert (box.width, box.height) == (120, 40)
    box = screen(
        "Container(constraints: BoxConstraints.loose(const Size(400, 900)), color: Colors.red, width: 50, height: 60)"
    )
    assert (box.width, box.height) == (50, 60)


def test_flutter_constants_have_their_values() -> None:
    box = screen(
        "SizedBox(height: kToolbarHeight + kBottomNavigationBarHeight + kMinInteractiveDimension, "
        "width: kIsWeb || defaultTargetPlatform == TargetPlatform.iOS ? 1 : kTextTabBarHeight)"
    )
    assert (box.width, box.height) == (48.0, 160.0)


def test_positional_fields_of_flutter_values_can_be_read() -> None:
    box = screen(
        "SizedBox(width: const Size(30, 40).width + const Offset(1, 2).dy, height: Text('abc').data!.length * 1.0)"
    )
    assert (box.width, box.height) == (32, 3.0)
