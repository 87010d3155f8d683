"""The file's own classes: members without a return type, constructors of every kind, mixins, extensions."""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError, compile_screen

WIDTH, HEIGHT = 390, 844


def compile_error(source: str) -> DartError:
    with pytest.raises(DartError) as caught:
        compile_screen(source, width=WIDTH, height=HEIGHT)
    return caught.value


def test_a_method_without_a_return_type_is_a_method_not_a_constructor(expr_value) -> None:
    members = ("  label(int? p) { return 'page ${p ?? 0}'; }\n"
               "  _twice(x) => x * 2;\n"
               "  static shout(String s) { return s.toUpperCase(); }\n")
    assert expr_value("label(_twice(3))", members) == "page 6"
    assert expr_value("Screen.shout('a')", members) == "A"


def test_an_abstract_method_without_a_return_type_is_overridden(expr_value) -> None:
    top = ("abstract class Shape { const Shape(); area(); String describe() => 'area ${area()}'; }\n"
           "class Square extends Shape { const Square(this.side); final int side; area() => side * side; }\n")
    assert expr_value("Square(3).describe()", top=top) == "area 9"
