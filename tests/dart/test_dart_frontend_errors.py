"""Bad Dart -> a classified DartError at the right place, quickly, never a Python exception."""

from __future__ import annotations

import time

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import Budget, DartError, compile_screen

WIDTH, HEIGHT = 390, 844


def compile_error(source: str, budget: Budget | None = None) -> DartError:
    with pytest.raises(DartError) as caught:
        compile_screen(source, width=WIDTH, height=HEIGHT, budget=budget)
    return caught.value


SYNTAX = [
    # source, line, column, message fragment
    ("void main() {\n  runApp(Text('a')\n}\n", 2, 9, "Can't find ')' to match '('."),
    ("class A extends StatelessWidget {\n  Widget build(BuildContext c) => Text('a' ;\n}", 2, 39, "Can't find ')'"),
    ("class A {\n  Widget build() => Text('}' + \"(\");\n", 1, 9, "Can't find '}' to match '{'."),
    ("void main() {\n  final x = ;\n}\n", 2, 11, "Unexpected text '='"),
    ("void main() => runApp(Text('a'))\n", 1, 32, "Expected ';' after this."),
    ("class {}", 1, 1, "Unexpected"),
]


@pytest.mark.parametrize(("source", "line", "column", "fragment"), SYNTAX)
def test_syntax_errors_report_the_first_error(source: str, line: int, column: int, fragment: str) -> None:
    error = compile_error(source)
    assert error.kind is ErrorKind.SYNTAX
    assert error.line == line
    if column:
        assert error.column == column
    assert fragment in error.message
    assert str(error).startswith(f"line {line}:")


def test_leading_bom_and_whitespace_are_tolerated(make_screen) -> None:
    root = compile_screen("\ufeff\n\n  " + make_screen("Text('ok')"), width=WIDTH, height=HEIGHT)
    assert root.args == ("ok",)


ANALYSIS = [
    ("Foo()", "The method 'Foo' isn't defined for the type 'Screen'."),
    ("Text(foo)", "Undefined name 'foo'."),
    ("const Foo()", "The name 'Foo' isn't a class."),
    ("Text('${99999999999999999999}')", "can't be represented in 64 bits"),
    ("Text('${" + "9" * 5000 + "}')", "can't be represented in 64 bits"),
    ("Text('${0x" + "F" * 40 + "}')", "can't be represented in 64 bits"),
    ("Text('a', colour: Colors.red)", "The named parameter 'colour' isn't defined."),
    ("Padding(child: Text('a'))", "The named parameter 'padding' is required, but there's no corresponding argument."),
    ("Text('a', 'b')", "Too many positional arguments: 1 expected, but 2 found."),
    ("Text()", "Too few positional arguments: 1 required, 0 given."),
    ("Text('a'.shout())", "The method 'shout' isn't defined for the type 'String'."),
    ("Text('a'.size.toString())", "The getter 'size' isn't defined for the type 'String'."),
    (
        "Column(mainAxisAlignment: MainAxisAlignment.middle)",
        "The getter 'middle' isn't defined for the type 'MainAxisAlignment'.",
    ),
    ("Icon(Icons.no_such_icon_xyz)", "The getter 'no_such_icon_xyz' isn't defined for the type 'Icons'."),
    ("Container(color: Colors.bleu)", "The getter 'bleu' isn't defined for the type 'Colors'."),
    ("Container(color: Colors.black.shade100)", "The getter 'shade100' isn't defined for the type 'Color'."),
    (
        "Text('a', style: Theme.of(context).textTheme.headline7)",
        "The getter 'headline7' isn't defined for the type 'TextTheme'.",
    ),
    ("EdgeInsets.everywhere(3)", "Couldn't find constructor 'EdgeInsets.everywhere'."),
    ("Text(1 + 'a')", "The operator '+' isn't defined"),
    ("Text(1 ? 'a' : 'b')", "A value of type 'int' can't be used as a condition"),
    ("Text('a', maxLines: 1, maxLines: 2)", "The argument for the named parameter 'maxLines' was already specified."),
    ("Text(Item(1).missing)", "The getter 'missing' isn't defined for the type 'Item'."),
    ("Text(Item(1, 2).label)", "Too many positional arguments: 1 expected, but 2 found."),
]
ANALYSIS_TOP = "class Item { const Item(this.n); final int n; String get label => '$n'; }\n"


@pytest.mark.parametrize(("expr", "message"), ANALYSIS, ids=[e for e, _ in ANALYSIS])
def test_analysis_errors(expr: str, message: str, make_screen) -> None:
    error = compile_error(make_screen(expr, top=ANALYSIS_TOP))
    assert error.kind is ErrorKind.ANALYSIS, str(error)
    assert message in error.message
    assert error.line >= 1 and error.column >= 1


def test_unknown_function_at_top_level() -> None:
    error = compile_error("void main() => runApp(buildApp());\n")
    assert error.kind is ErrorKind.ANALYSIS
    assert error.message == "The function 'buildApp' isn't defined."


def test_unknown_name_is_reported_at_its_position() -> None:
    source = "import 'package:flutter/material.dart';\nvoid main() => runApp(\n  Text(label));\n"
    error = compile_error(source)
    assert (error.line, error.column) == (3, 8)
    assert str(error) == "line 3:8: Error: Undefined name 'label'."


@pytest.mark.parametrize(
    "source",
    [
        "class A extends StatelessWidget {}\nclass A extends StatelessWidget {}\n",
        "const x = 1;\nfinal x = 2;\nvoid main() {}",
        "import 'package:google_fonts/google_fonts.dart';\nvoid main() {}",
        "import 'widgets.dart';\nvoid main() {}",
        "import 'package:flutter/material.dart';\nvoid main() {}",
        "import 'package:flutter/material.dart';\nclass A {}",
    ],
)
def test_imports_and_missing_widgets_are_analysis_errors(source: str) -> None:
    assert compile_error(source).kind is ErrorKind.ANALYSIS


UNSUPPORTED = [
    ("CustomPaint()", ""),
    ("MediaQuery(child: Text('a'))", "'MediaQuery'"),
    ("Text('${Random().nextInt(9)}')", "seed"),
    ("Text(File('x').path)", "'File'"),
    ("Text(Process.run('ls', []).toString())", "'Process'"),
]
UNSUPPORTED_MEMBERS = ""


@pytest.mark.parametrize(("expr", "fragment"), UNSUPPORTED, ids=[e for e, _ in UNSUPPORTED])
def test_unsupported_constructs(expr: str, fragment: str, make_screen) -> None:
    error = compile_error(make_screen(expr, UNSUPPORTED_MEMBERS))
    assert error.kind is ErrorKind.UNSUPPORTED, str(error)
    assert fragment in error.message


@pytest.mark.parametrize("library", ["dart:io", "dart:ffi", "dart:isolate"])
def test_system_libraries_are_refused_before_anything_runs(library: str, make_screen) -> None:
    error = compile_error(f"import '{library}';\n" + make_screen("Text('a')"))
    assert error.kind is ErrorKind.UNSUPPORTED
    assert (error.line, error.column) == (1, 8)


def test_callbacks_are_not_run_so_async_and_navigation_inside_them_are_fine(make_screen) -> None:
    expr = "ElevatedButton(onPressed: () async { await Navigator.push(context, Nope()); while (true) {} }, child: Text('a'))"
    root = compile_screen(make_screen(expr), width=WIDTH, height=HEIGHT)
    assert root.type == "ElevatedButton"


def test_runtime_errors(make_screen) -> None:
    assert compile_error(make_screen("Text(([] as List<String>).first)")).kind is ErrorKind.RUNTIME
    assert compile_error(make_screen("Text(['a'][3])")).kind is ErrorKind.RUNTIME
    assert compile_error(make_screen("Text(nothing!)", "  final String? nothing = null;")).kind is ErrorKind.RUNTIME
    assert compile_error(make_screen("Text('${1 ~/ 0}')")).kind is ErrorKind.RUNTIME
    assert (
        compile_error(make_screen("Text(fail())", "  String fail() => throw Exception('x');")).kind is ErrorKind.RUNTIME
    )
    assert compile_error(make_screen("Text('abc'.codeUnitAt(3).toString())")).kind is ErrorKind.RUNTIME
    assert compile_error(make_screen("Text([1, 2].getRange(2, 1).length.toString())")).kind is ErrorKind.RUNTIME
    assert compile_error(make_screen("Text(String.fromCharCode(-1))")).kind is ErrorKind.RUNTIME


# ---------------------------------------------------------------- untrusted input stays bounded


def test_mutual_helper_recursion_is_a_clean_error(make_screen) -> None:
    members = "  Widget a() => b();\n  Widget b() => a();\n"
    error = compile_error(make_screen("a()", members))
    assert error.kind is ErrorKind.RUNTIME
    assert "Stack Overflow" in error.message


def test_a_widget_that_builds_itself_is_a_clean_error() -> None:
    source = (
        "class Loop extends StatelessWidget {\n  const Loop({super.key});\n"
        "  Widget build(BuildContext context) => Center(child: Loop());\n}\n"
    )
    assert compile_error(source).kind is ErrorKind.RUNTIME


def test_5000_levels_of_nesting_is_a_clean_error(make_screen) -> None:
    expr = "Center(child: " * 5000 + "Text('deep')" + ")" * 5000
    started = time.monotonic()
    error = compile_error(make_screen(expr))
    assert error.kind is ErrorKind.ANALYSIS
    assert "nested" in error.message
    assert time.monotonic() - started < 10  # generous: the machine is shared


def test_deep_parentheses_are_a_clean_error(make_screen) -> None:
    error = compile_error(make_screen("Text('${" + "(" * 3000 + "1" + ")" * 3000 + "}')"))
    assert error.kind is ErrorKind.ANALYSIS


def test_a_10_mb_source_fails_fast() -> None:
    started = time.monotonic()
    error = compile_error("// " + "x" * 10_000_000)
    assert time.monotonic() - started < 5  # generous: the machine is shared
    assert error.kind is ErrorKind.SYNTAX
    assert "limit" in error.message


def test_huge_list_generate_is_refused_before_allocating(make_screen) -> None:
    started = time.monotonic()
    error = compile_error(make_screen("Column(children: List.generate(100000000, (i) => Text('$i')))"))
    assert time.monotonic() - started < 5  # generous: the machine is shared
    assert error.kind is ErrorKind.RUNTIME
    assert "collection" in error.message


@pytest.mark.parametrize("expr", ["Text('ab' * 100000000)", "Text('a'.padLeft(100000000))", "Text(grow())"])
def test_huge_strings_are_refused(expr: str, make_screen) -> None:
    members = "  String grow() { var s = 'ab'; for (var i = 0; i < 40; i++) { s = s + s; } return s; }"
    assert compile_error(make_screen(expr, members)).kind is ErrorKind.RUNTIME


def test_an_endless_loop_hits_the_step_budget(make_screen) -> None:
    members = "  int spin() { var i = 0; for (;;) { i++; } return i; }"
    error = compile_error(make_screen("Text('${spin()}')", members), Budget(max_steps=5_000))
    assert error.kind is ErrorKind.TIMEOUT
    assert "steps" in error.message


def test_the_wall_clock_deadline_is_enforced(make_screen) -> None:
    members = "  int spin() { var i = 0; for (;;) { i++; } return i; }"
    error = compile_error(make_screen("Text('${spin()}')", members), Budget(max_steps=10**9, deadline=0.05))
    assert error.kind is ErrorKind.TIMEOUT
    assert "s." in error.message


def test_the_output_tree_size_is_bounded(make_screen) -> None:
    expr = "Column(children: [for (var i = 0; i < 300; i++) Text('$i')])"
    error = compile_error(make_screen(expr), Budget(max_nodes=100))
    assert error.kind is ErrorKind.ANALYSIS
    assert "100" in error.message


def test_big_int_arithmetic_wraps_like_dart_instead_of_growing(expr_value) -> None:
    members = "  int big() { var x = 3; for (var i = 0; i < 200; i++) { x = x * x; } return x; }"
    assert -(2**63) <= expr_value("big()", members) < 2**63


@pytest.mark.parametrize(
    "members",
    [
        "  List<String> build2() { var l = <String>[]; for (var i = 0; i < 9000; i++) { l.add('x' * 20000); } return l; }",
        "  String build2() => List.filled(10000, List.filled(10000, 7)).join(',');",
    ],
)
def test_memory_bombs_are_stopped(members: str, make_screen) -> None:
    started = time.monotonic()
    error = compile_error(make_screen("Text('${build2()}')", members))
    assert error.kind in (ErrorKind.RUNTIME, ErrorKind.ANALYSIS, ErrorKind.TIMEOUT), str(error)
    assert time.monotonic() - started < 10  # generous: the machine is shared


def test_unhashable_map_keys_are_a_clean_error(make_screen) -> None:
    assert compile_error(make_screen("Text('${{[1]: 2}}')")).kind is ErrorKind.UNSUPPORTED


def test_deeply_nested_data_prints_without_overflowing(expr_value) -> None:
    members = "  List nest() { var l = []; for (var i = 0; i < 3000; i++) { l = [l]; } return l; }"
    assert expr_value("'${nest()}'.length", members) == 6002


NEVER_RUN = [
    ("flag ? Text('a') : Text('b', colour: 1)", "The named parameter 'colour' isn't defined."),
    (
        "ElevatedButton(onPressed: () { Padding(child: Text('x')); }, child: Text('a'))",
        "The named parameter 'padding' is required",
    ),
    ("Text('a')", "Too many positional arguments: 1 expected, but 2 found."),  # in the uncalled helper
    ("Text('a')", "The named parameter 'size' isn't defined."),  # own class, never built
]
NEVER_RUN_MEMBERS = [
    "  final bool flag = true;",
    "",
    "  Widget unused() => Text('a', 'b');",
    "",
]
NEVER_RUN_TOP = [
    "",
    "",
    "",
    "class Tag extends StatelessWidget {\n  const Tag({super.key});\n"
    "  Widget build(BuildContext context) => Text('t');\n}\nfinal tag = Tag(size: 3);\n",
]


@pytest.mark.parametrize("case", range(len(NEVER_RUN)))
def test_constructor_arguments_are_checked_in_code_that_never_runs(case: int, make_screen) -> None:
    expr, message = NEVER_RUN[case]
    error = compile_error(make_screen(expr, NEVER_RUN_MEMBERS[case], NEVER_RUN_TOP[case]))
    assert error.kind is ErrorKind.ANALYSIS
    assert message in error.message


def test_unknown_flutter_api_inside_callbacks_is_left_alone(make_screen) -> None:
    expr = (
        "ElevatedButton(onPressed: () => ScaffoldMessenger.of(context).showSnackBar("
        "SnackBar(content: Text('hi'))), child: Text('a'))"
    )
    assert compile_screen(make_screen(expr), width=WIDTH, height=HEIGHT).type == "ElevatedButton"


def test_dart_error_survives_pickling_for_process_pools() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(DartError(ErrorKind.ANALYSIS, "Undefined name 'x'.", 3, 7)))
    assert (error.kind, error.line, error.column, str(error)) == (
        ErrorKind.ANALYSIS,
        3,
        7,
        "line 3:7: Error: Undefined name 'x'.",
    )


def test_float_truncating_division_by_tiny_numbers_is_a_runtime_error(make_screen) -> None:
    assert compile_error(make_screen("Text('${1e308 ~/ 1e-308}')")).kind is ErrorKind.RUNTIME


def test_real_dart_libraries_the_front_end_lacks_are_unsupported_and_made_up_ones_are_analysis(make_screen) -> None:
    assert compile_error("import 'dart:typed_data';\n" + make_screen("Text('a')")).kind is ErrorKind.UNSUPPORTED
    assert compile_error("import 'dart:nonsense';\n" + make_screen("Text('a')")).kind is ErrorKind.ANALYSIS
