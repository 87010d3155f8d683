"""OverflowBar: the Row or Column Flutter's RenderOverflowBar lays out, decided from the children's
Roboto widths where the bar's width is known (no browser)."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.text_metrics import text_width

pytestmark = pytest.mark.skipif(text_width("a", size=14) is None, reason="the Roboto faces are not installed")

SCREEN = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""


def bar_of(body: str) -> ft.Control:
    """The control the OverflowBar of a Scaffold body `Center(child: <bar>)` became."""
    return build_screen(
        compile_screen(SCREEN.format(body=f"Center(child: {body})"), width=390, height=844)
    ).root.content.content


def buttons(*labels: str) -> str:
    return ", ".join(f"ElevatedButton(onPressed: () {{}}, child: const Text('{label}'))" for label in labels)


def test_roboto_widths_follow_the_faces_advances():
    # The medium face is wider than the regular one, letter spacing adds per character, widths add up.
    assert text_width("Cancel", size=14, weight=500) > text_width("Cancel", size=14, weight=400)
    assert text_width("ab", size=14, letter_spacing=1) == pytest.approx(text_width("ab", size=14) + 2)
    assert text_width("abab", size=20) == pytest.approx(2 * text_width("ab", size=20))
    assert text_width("\u4e00", size=14) is None  # no glyph: no estimate


def test_children_that_fit_are_a_row_with_the_bars_spacing():
    row = bar_of(f"OverflowBar(spacing: 10, children: [{buttons('One', 'Two')}])")
    assert isinstance(row, ft.Row) and row.spacing == 10 and row.tight is True
    assert [button.content.value for button in row.controls] == ["One", "Two"]
    aligned = bar_of(
        f"SizedBox(width: 300, child: OverflowBar(alignment: MainAxisAlignment.end, spacing: 4, "
        f"children: [{buttons('A')}]))"
    ).content
    assert isinstance(aligned, ft.Row) and aligned.alignment == ft.MainAxisAlignment.END and aligned.tight is False


def test_children_wider_than_the_bar_are_a_full_width_column():
    wide = bar_of(
        f"OverflowBar(spacing: 10, overflowSpacing: 6, overflowAlignment: OverflowBarAlignment.end, "
        f"children: [{buttons('alwaysShowTheLabels', 'onlyShowSelectedLabels', 'alwaysHideLabels')}])"
    )
    assert wide.width == float("inf")  # the bar takes all of its width
    column = wide.content
    assert isinstance(column, ft.Column) and column.spacing == 6
    assert column.horizontal_alignment == ft.CrossAxisAlignment.END and len(column.controls) == 3
    up = bar_of(f"OverflowBar(overflowDirection: VerticalDirection.up, children: [{buttons('a' * 30, 'b' * 30)}])")
    assert [button.content.value for button in up.content.controls] == ["b" * 30, "a" * 30]


def test_a_width_too_close_to_call_or_unknown_stays_unsupported():
    label = "m" * 10
    needed = text_width(label, size=14, weight=500, letter_spacing=0.1) + 48
    for source in (
        f"SizedBox(width: {needed + 1}, child: OverflowBar(children: [{buttons(label)}]))",  # within the margin
        f"Stack(children: [OverflowBar(children: [{buttons('a' * 40)}])])",  # a Stack's width
        f"OverflowBar(children: [Chip(label: Text('{'a' * 40}'))])",  # a child's width
    ):
        with pytest.raises(MappingError) as info:
            build_screen(compile_screen(SCREEN.format(body=source), width=390, height=844))
        assert info.value.kind == ErrorKind.UNSUPPORTED and "OverflowBar" in info.value.message


def test_an_expanded_beside_a_rail_gets_what_the_rail_leaves():
    # 80 (rail) + 1 (divider) leaves 309: two buttons of ~150 px fit, three do not.
    def bar(*labels: str) -> ft.Control:
        source = SCREEN.format(
            body=(
                "Row(children: [NavigationRail(selectedIndex: 0, destinations: const [NavigationRailDestination("
                "icon: Icon(Icons.star), label: Text('a')), NavigationRailDestination(icon: Icon(Icons.home), "
                "label: Text('b'))]), const VerticalDivider(width: 1), Expanded(child: Column(children: ["
                f"OverflowBar(spacing: 8, children: [{buttons(*labels)}])]))])"
            )
        )
        return build_screen(compile_screen(source, width=390, height=844)).root.content.controls[2].controls[0]

    label = "n" * 12
    assert isinstance(bar(label, label), ft.Row)
    assert isinstance(bar(label, label, label).content, ft.Column)
