"""Assignments to any target and cascades, on lists, maps, the file's own objects and Flutter objects."""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen

WIDTH, HEIGHT = 390, 844
TOP = """
class Counter {
  Counter(this.count);
  int count;
  final List<String> log = [];
  Counter? next;
  int _total = 0;
  int get total => _total;
  set total(int value) { _total = value; log.add('set $value'); }
}
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "final m = <String, int>{}; m['a'] = 1; m['a'] += 2; m['b'] ??= 5; m['b'] ??= 6; return '$m';",
            "{a: 3, b: 5}",
        ),
        ("final l = [1, 2, 3]; l[0] = 9; l[1]++; ++l[2]; return '$l';", "[9, 3, 4]"),
        ("final c = Counter(1); c.count += 4; c.count++; return '${c.count}';", "6"),
        (
            "final c = Counter(1)..next = Counter(2); c.next!.count = 7; c.next?.count *= 2; return '${c.next!.count}';",
            "14",
        ),
        ("final c = Counter(0); c.total = 3; c.total += 1; return '${c.total} ${c.log}';", "4 [set 3, set 4]"),
        ("var i = 5; final j = ++i; final k = i--; return '$i $j $k';", "5 6 6"),
        ("var a = 1; var b = 2; a = b = 7; return '$a $b';", "7 7"),
        ("String? s; s ??= 'first'; s ??= 'second'; return s;", "first"),
        ("final l = [3, 1, 2]..sort()..add(4)..removeAt(0); return '$l';", "[2, 3, 4]"),
        ("final m = {'a': 1}..['b'] = 2..addAll({'c': 3}); return '${m.keys.toList()}';", "[a, b, c]"),
        ("final c = Counter(1)..count = 5..count += 1..log.add('x'); return '${c.count} ${c.log}';", "6 [x]"),
        ("Counter? c; final r = c?..count = 3; return '$r';", "null"),
        (
            (
                "final m = {'a': 1, 'b': 2}; m.update('a', (v) => v + 10); m.putIfAbsent('c', () => 3); m.remove('b'); "
                "return '${m.map((k, v) => MapEntry(v, k))}';"
            ),
            "{11: a, 3: c}",
        ),
    ],
)
def test_assignments_and_cascades(body: str, expected: str, expr_value) -> None:
    assert expr_value("f()", f"  String f() {{ {body} }}", TOP) == expected


def test_a_cascade_on_a_flutter_object_gives_the_changed_object(make_screen) -> None:
    expr = "Text('a', style: TextStyle(fontSize: 10)..color = Colors.red..fontSize = 12)"
    root = compile_screen(make_screen(expr), width=WIDTH, height=HEIGHT)
    style = root.kwargs["style"]
    assert (style.type, style.kwargs["fontSize"], style.kwargs["color"].spec) == ("TextStyle", 12, "red")


def test_assigning_a_property_of_a_flutter_object_stores_it_back(make_screen) -> None:
    members = "  TextStyle styled() { final s = TextStyle(fontSize: 10); s.fontSize = 20; return s; }"
    root = compile_screen(make_screen("Text('a', style: styled())", members), width=WIDTH, height=HEIGHT)
    assert root.kwargs["style"].kwargs["fontSize"] == 20


def test_state_fields_set_in_init_state_reach_build() -> None:
    source = """
import 'package:flutter/material.dart';
class Page extends StatefulWidget {
  const Page({super.key});
  @override
  State<Page> createState() => _PageState();
}
class _PageState extends State<Page> {
  final items = <String>[];
  final scores = <String, int>{};
  @override
  void initState() {
    super.initState();
    items..add('a')..add('b');
    scores['a'] = 1;
    this.scores['b'] = 2;
  }
  @override
  Widget build(BuildContext context) => Text('${items.join()} ${scores.length}');
}
"""
    assert compile_screen(source, width=WIDTH, height=HEIGHT).args == ("ab 2",)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("final l = [1]; l[3] = 2; return '';", ErrorKind.RUNTIME),
        ("final c = Counter(1); c.missing = 2; return '';", ErrorKind.ANALYSIS),
        ("Counter? c; c.count = 2; return '';", ErrorKind.ANALYSIS),
        ("final r = (1, 2); r[0] = 3; return '';", ErrorKind.ANALYSIS),
    ],
)
def test_assignment_errors(body: str, kind: ErrorKind, make_screen, compile_error) -> None:
    error = compile_error(make_screen("Text(f())", f"  String f() {{ {body} }}", TOP))
    assert error.kind is kind, str(error)
