"""Records and Dart 3 patterns: literals, field access, destructuring, switch with any pattern and `when`."""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen

WIDTH, HEIGHT = 390, 844

HELPERS = """
  String sizeOf(Object v) => switch (v) {
    int n when n < 0 => 'negative',
    int() && > 100 && < 1000 => 'big',
    0 || 1 => 'tiny',
    int() => 'int',
    String s when s.isEmpty => 'empty string',
    String(length: var l) => 'string of $l',
    (int a, int b) => 'pair ${a + b}',
    (x: var x, :var y) => 'point $x,$y',
    [var first, ..., var last] => 'list $first..$last',
    [] => 'empty list',
    {'name': String name} => 'named $name',
    Shape(sides: 3) => 'triangle',
    Shape(:var sides) => '$sides-gon',
    _ => 'other',
  };
  String grade(int score) {
    switch (score) {
      case >= 90:
        return 'A';
      case >= 80 when score.isEven:
        return 'B even';
      case 70:
      case 71:
        return 'C';
      case var s when s < 10:
        return 'tiny $s';
      default:
        return 'F';
    }
  }
"""
TOP = "class Shape { const Shape(this.sides); final int sides; }\n"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("sizeOf(-5)", "negative"),
        ("sizeOf(500)", "big"),
        ("sizeOf(1)", "tiny"),
        ("sizeOf(42)", "int"),
        ("sizeOf('')", "empty string"),
        ("sizeOf('abc')", "string of 3"),
        ("sizeOf((2, 3))", "pair 5"),
        ("sizeOf((2, 'a'))", "other"),
        ("sizeOf((x: 1, y: 2))", "point 1,2"),
        ("sizeOf((y: 2, x: 1))", "point 1,2"),
        ("sizeOf([1, 2, 3])", "list 1..3"),
        ("sizeOf([])", "empty list"),
        ("sizeOf({'name': 'Ada', 'age': 3})", "named Ada"),
        ("sizeOf(Shape(3))", "triangle"),
        ("sizeOf(Shape(5))", "5-gon"),
        ("sizeOf(2.5)", "other"),
        ("grade(95)", "A"),
        ("grade(84)", "B even"),
        ("grade(85)", "F"),
        ("grade(71)", "C"),
        ("grade(3)", "tiny 3"),
    ],
)
def test_switch_on_patterns(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr, HELPERS, TOP) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("'${(1, 'a').$1} ${(1, 'a').$2}'", "1 a"),
        ("'${(x: 1, y: 2).y}'", "2"),
        ("(1, 'a').toString()", "(1, a)"),
        ("(1, y: 2, x: 3).toString()", "(1, x: 3, y: 2)"),
        ("'${(1, 2) == (1, 2)} ${(x: 1) == (x: 2)} ${(1,) == (1,)}'", "true false true"),
        ("'${[(1, 'a'), (2, 'b')].map((r) => r.$2).join()}'", "ab"),
        ("'${true == 1} ${1 == 1.0} ${switch (true) { 1 => 'int', _ => 'bool' }}'", "false true bool"),
    ],
)
def test_records(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr) == expected


def test_destructuring_declarations_assignments_and_loops(expr_value) -> None:
    members = """
  String unpack() {
    final (a, b) = (1, 2);
    var (x, :y) = (10, y: 20);
    final [first, ...rest] = [1, 2, 3];
    final {'k': v} = {'k': 'map'};
    final Shape(:sides) = const Shape(4);
    var (p, q) = (1, 2);
    (p, q) = (q, p);
    var total = 0;
    for (final (n, m) in [(1, 2), (3, 4)]) {
      total += n * m;
    }
    for (var MapEntry(:key, :value) in {'a': 1}.entries) {
      total += value;
    }
    return '$a $b $x $y $first $rest $v $sides $p$q $total';
  }
"""
    assert expr_value("unpack()", members, TOP) == "1 2 10 20 1 [2, 3] map 4 21 15"


def test_if_case_and_collection_if_case(expr_value) -> None:
    members = """
  String check(Object o) {
    if (o case (int a, int b) when a < b) {
      return 'ordered $a<$b';
    } else {
      return 'no';
    }
  }
"""
    assert expr_value("check((1, 2))", members) == "ordered 1<2"
    assert expr_value("check((2, 1))", members) == "no"
    assert expr_value("[for (final o in [1, 'x', 3]) if (o case int n) n * 2].toString()") == "[2, 6]"


def test_records_and_patterns_build_widgets(make_screen) -> None:
    expr = (
        "Column(children: [for (final (label, size) in [('a', 10.0), ('b', 20.0)]) "
        "Text(label, style: TextStyle(fontSize: size))])"
    )
    root = compile_screen(make_screen(expr), width=WIDTH, height=HEIGHT)
    assert [(t.args[0], t.kwargs["style"].kwargs["fontSize"]) for t in root.kwargs["children"]] == [
        ("a", 10.0),
        ("b", 20.0),
    ]


def test_a_generic_constructor_call_with_named_arguments(make_screen) -> None:
    """tree-sitter-dart reads `Foo<T>(a: 1)` as `Foo < T > (a: 1)` with a record; it is a call."""
    top = "class Holder<T> { const Holder({required this.value}); final T value; }\n"
    root = compile_screen(make_screen("Text(Holder<String>(value: 'held').value)", top=top), width=WIDTH, height=HEIGHT)
    assert root.args == ("held",)


@pytest.mark.parametrize(
    ("expr", "members", "kind"),
    [
        ("Text(switch (3) { 1 => 'one' })", "", ErrorKind.RUNTIME),  # no case matched
        ("Text(unpack())", "  String unpack() { final (a, b) = (1, 2, 3); return '$a'; }", ErrorKind.RUNTIME),
        ("Text(cast())", "  String cast() { final (a as String) = 1; return a; }", ErrorKind.RUNTIME),
        ("Text((1, 2).$3.toString())", "", ErrorKind.ANALYSIS),
        ("Text(switch ([1]) { const [1] => 'c', _ => 'o' })", "", ErrorKind.UNSUPPORTED),
    ],
)
def test_pattern_errors(expr: str, members: str, kind: ErrorKind, make_screen, compile_error) -> None:
    error = compile_error(make_screen(expr, members))
    assert error.kind is kind, str(error)
