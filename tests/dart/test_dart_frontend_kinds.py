"""Honest error kinds: valid Flutter the renderer lacks is UNSUPPORTED, wrong code stays ANALYSIS.

The front end's catalog here is the fixed one of conftest.py; what is valid Flutter comes from the
index of Flutter's public names (flutter_renderer/flutter_names.txt, flutter/flutter 90e4a12f2a).
"""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError, compile_screen

WIDTH, HEIGHT = 390, 844
FOUNDATION = "import 'package:flutter/foundation.dart';\n"


def compile_error(source: str) -> DartError:
    with pytest.raises(DartError) as caught:
        compile_screen(source, width=WIDTH, height=HEIGHT)
    return caught.value


VALID_FLUTTER = [
    # expression, members of the widget class, code above it, what the message names
    ("WidgetsApp(color: Colors.blue, builder: (context, child) => Text('a'))", "", "", "'WidgetsApp'"),
    ("Text('a', softWrap: true)", "", "", "The named parameter 'softWrap' of 'Text'"),
    ("Text(MaterialStateProperty.all(1).toString())", "", "", "'MaterialStateProperty.all'"),
    ("Text(TextAlign.values.length.toString())", "", "", "'TextAlign.values'"),  # every Dart enum has values
    (
        "Text(label())",
        "String label() { final c = ScrollController(); c.position; return 'a'; }",
        "",
        "'ScrollController.position'",
    ),
    (
        "Text(Model().bump())",
        "",
        "class Model extends ChangeNotifier { String bump() { notifyListeners(); return hasListeners ? 'a' : 'b'; } }",
        "'ChangeNotifier.hasListeners'",
    ),
    ("Text(ui.Color(0).toString())", "", "import 'dart:ui' as ui;", "'ui.Color'"),
    ("Text('a')", "", "import 'dart:typed_data';", "'dart:typed_data'"),
    ("Text('a')", "", "import 'package:vector_math/vector_math_64.dart';", "vector_math"),
    # dart:ui and dart:async classes whose constructors the index lists by hand
    ("Text([1].any([2].singleWhere).toString())", "", "", "'List.singleWhere'"),  # a tear-off not implemented
    ("Text(Locale('zh', 'CN').toString())", "", "", "'Locale'"),
    ("Text(Locale.fromSubtags(languageCode: 'zh', scriptCode: 'Hans').toString())", "", "", "'Locale.fromSubtags'"),
    (
        "Text(label())",
        "String label() { StreamController<int>(onListen: () {}).stream.listen((e) {}); return 'a'; }",
        "import 'dart:async';",
        "'Stream.listen'",
    ),
]


@pytest.mark.parametrize(
    ("expr", "members", "top", "fragment"), VALID_FLUTTER, ids=[v[0][:40] + v[2][:20] for v in VALID_FLUTTER]
)
def test_valid_flutter_the_renderer_lacks_is_unsupported(
    expr: str, members: str, top: str, fragment: str, make_screen
) -> None:
    error = compile_error(make_screen(expr, members, top))
    assert error.kind is ErrorKind.UNSUPPORTED, str(error)
    assert fragment in error.message


WRONG = [
    # made-up names, and real names used wrongly: what the analyzer would say
    ("WidgetsApp(colour: Colors.blue)", "", "", "The named parameter 'colour' isn't defined."),
    (
        "WidgetsApp(Text('a'), color: Colors.blue, builder: (c, w) => Text('a'))",
        "",
        "",
        "Too many positional arguments: 0 expected, but 1 found.",
    ),
    ("WidgetsApp(builder: (c, w) => Text('a'))", "", "", "The named parameter 'color' is required"),
    ("Text(Curves.easeInn.toString())", "", "", "The getter 'easeInn' isn't defined for the type 'Curves'."),
    ("Text('a', softwrap: true)", "", "", "The named parameter 'softwrap' isn't defined."),
    ("Text(kIsWeb ? 'web' : 'app')", "", "", "Undefined name 'kIsWeb'."),  # foundation.dart not imported
    ("CupertinoThemeData()", "", "", "The method 'CupertinoThemeData' isn't defined"),  # nor cupertino.dart
    (
        "Text(label())",
        "String label() { final c = ScrollController(); c.addListenr(() {}); return 'a'; }",
        "",
        "The method 'addListenr' isn't defined for the type 'ScrollController'.",
    ),
    (
        "Text(Model().bump())",
        "",
        "class Model extends ChangeNotifier { String bump() { notifyListenrs(); return 'a'; } }",
        "The method 'notifyListenrs' isn't defined for the type 'Model'.",
    ),
    ("Text(ui.Colour(0).toString())", "", "import 'dart:ui' as ui;", "The name 'ui' isn't a class."),
    (
        "Text(MaterialStateProperty.everything(1).toString())",
        "",
        "",
        "Couldn't find constructor 'MaterialStateProperty.everything'.",
    ),
    ("Text(String)", "", "", "A value of type 'Type' can't be passed"),
    ("Text('a')", "", "import 'dart:typed';", "Not found: 'dart:typed'"),
    ("Foo()", "", "", "The method 'Foo' isn't defined for the type 'Screen'."),
    ("Text(foo)", "", "", "Undefined name 'foo'."),
    ("Text([1].any([2].containz).toString())", "", "", "The getter 'containz' isn't defined for the type 'List'."),
    ("Text(Locale('zh', 'Hans', 'CN').toString())", "", "", "Too many positional arguments: 2 expected, but 3 found."),
    ("Text(Locale.fromSubtags(language: 'zh').toString())", "", "", "The named parameter 'language' isn't defined."),
    (
        "Text(label())",
        "String label() { final c = StreamController<int>(onListn: () {}); return 'a'; }",
        "import 'dart:async';",
        "The named parameter 'onListn' isn't defined.",
    ),
    (
        "Text(label())",
        "String label() { final c = StreamController<int>(); return 'a'; }",
        "",
        "StreamController",
    ),  # dart:async not imported
]


@pytest.mark.parametrize(("expr", "members", "top", "message"), WRONG, ids=[w[0][:40] + w[2][:20] for w in WRONG])
def test_names_flutter_does_not_have_or_wrong_calls_stay_analysis(
    expr: str, members: str, top: str, message: str, make_screen
) -> None:
    error = compile_error(make_screen(expr, members, top))
    assert error.kind is ErrorKind.ANALYSIS, str(error)
    assert message in error.message


def test_code_that_never_runs_is_only_checked_against_flutter(make_screen) -> None:
    """The static pass over callbacks reports what Flutter's constructor rejects, not what the
    catalog lacks: a callback never drawn may use any valid parameter."""
    valid = "TextButton(onPressed: () { Text('a', softWrap: true); }, child: Text('b'))"
    assert compile_screen(make_screen(valid), width=WIDTH, height=HEIGHT).type == "TextButton"
    wrong = "TextButton(onPressed: () { Text('a', softwrap: true); }, child: Text('b'))"
    error = compile_error(make_screen(wrong))
    assert error.kind is ErrorKind.ANALYSIS and "'softwrap'" in error.message
