"""A fixed catalog for the front end's tests, so they don't move when the real catalog grows."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from flutter_renderer import catalog
from flutter_renderer.catalog import sig
from flutter_renderer.dart import Budget, DartError, compile_screen
from flutter_renderer.ir import DartObject

FIXTURE_CLASSES = {
    "MaterialApp": {"": sig("", "home title theme debugShowCheckedModeBanner")},
    "Scaffold": {"": sig("", "appBar body backgroundColor floatingActionButton bottomNavigationBar")},
    "AppBar": {"": sig("", "title actions backgroundColor centerTitle elevation leading")},
    "Text": {"": sig("data", "style textAlign maxLines overflow")},
    "Column": {"": sig("", "children mainAxisAlignment crossAxisAlignment mainAxisSize spacing")},
    "Row": {"": sig("", "children mainAxisAlignment crossAxisAlignment mainAxisSize spacing")},
    "Padding": {"": sig("", "padding child", "padding")},
    "Center": {"": sig("", "child")},
    "SizedBox": {"": sig("", "width height child"), "shrink": sig("", "child")},
    "Container": {"": sig("", "child color width height padding margin decoration alignment")},
    "Icon": {"": sig("icon", "color size")},
    "ElevatedButton": {"": sig("", "onPressed child style", "onPressed child")},
    "TextButton": {"": sig("", "onPressed child", "onPressed child")},
    "TextField": {"": sig("", "decoration obscureText onChanged controller keyboardType")},
    "InputDecoration": {"": sig("", "labelText hintText prefixIcon border")},
    "OutlineInputBorder": {"": sig("", "borderRadius")},
    "ListView": {
        "": sig("", "children padding"),
        "builder": sig("", "itemCount itemBuilder", "itemBuilder"),
        "separated": sig("", "itemCount itemBuilder separatorBuilder", "itemCount itemBuilder separatorBuilder"),
    },
    "Builder": {"": sig("", "builder", "builder")},
    "Form": {"": sig("", "child", "child")},
    "Divider": {"": sig("", "height")},
    "ListTile": {"": sig("", "title subtitle leading trailing onTap")},
    "Expanded": {"": sig("", "child flex", "child")},
    "EdgeInsets": {
        "all": sig("value"),
        "symmetric": sig("", "horizontal vertical"),
        "only": sig("", "left top right bottom"),
        "fromLTRB": sig("left top right bottom"),
    },
    "BorderRadius": {"circular": sig("radius")},
    "BoxDecoration": {"": sig("", "color borderRadius border boxShadow")},
    "TextStyle": {"": sig("", "fontSize fontWeight color letterSpacing height")},
    "Card": {"": sig("", "child elevation color margin")},
}
FIXTURE_ENUMS = {
    "MainAxisAlignment": frozenset("start end center spaceBetween spaceAround spaceEvenly".split()),
    "CrossAxisAlignment": frozenset("start end center stretch baseline".split()),
    "FontWeight": frozenset("normal bold w100 w200 w300 w400 w500 w600 w700 w800 w900".split()),
    "TextAlign": frozenset("left right center justify start end".split()),
    "Alignment": frozenset(
        "topLeft topCenter topRight centerLeft center centerRight bottomLeft bottomCenter bottomRight".split()
    ),
    "TextOverflow": frozenset("clip fade ellipsis visible".split()),
}
FIXTURE_UNSUPPORTED = frozenset({"CustomPaint", "PageView", "MediaQuery"})
FIXTURE_CONSTANTS = {"EdgeInsets.zero": DartObject("EdgeInsets", "all", (0,))}


@pytest.fixture(autouse=True)
def fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog, "CLASSES", FIXTURE_CLASSES)
    monkeypatch.setattr(catalog, "ENUMS", FIXTURE_ENUMS)
    monkeypatch.setattr(catalog, "UNSUPPORTED", FIXTURE_UNSUPPORTED)
    monkeypatch.setattr(catalog, "CONSTANTS", FIXTURE_CONSTANTS)


WIDTH, HEIGHT = 390, 844


def _screen(expr: str, members: str = "", top: str = "") -> str:
    """A file whose only widget's build returns `expr`; `members` go into the class, `top` above it."""
    return (
        "import 'package:flutter/material.dart';\n"
        f"{top}\n"
        "class Screen extends StatelessWidget {\n"
        "  const Screen({super.key});\n"
        f"{members}\n"
        "  @override\n"
        f"  Widget build(BuildContext context) => {expr};\n"
        "}\n"
    )


@pytest.fixture
def make_screen() -> Callable[..., str]:
    """`make_screen(expr, members="", top="")` -> a whole Dart file around one build expression."""
    return _screen


@pytest.fixture
def expr_value() -> Callable[..., Any]:
    """`expr_value(expr, members="", top="")` -> the IR value of `expr`, read back from Text(expr)."""

    def evaluate(expr: str, members: str = "", top: str = "") -> Any:
        root = compile_screen(_screen(f"Text({expr})", members, top), width=WIDTH, height=HEIGHT)
        assert root.type == "Text"
        return root.args[0]

    return evaluate


@pytest.fixture
def compile_error() -> Callable[..., DartError]:
    """`compile_error(source, budget=None)` -> the DartError compiling `source` raises (fails if none)."""

    def compile_failing(source: str, budget: Budget | None = None) -> DartError:
        with pytest.raises(DartError) as caught:
            compile_screen(source, width=WIDTH, height=HEIGHT, budget=budget)
        return caught.value

    return compile_failing
