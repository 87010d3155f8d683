"""Statements: while/do loops, break/continue with labels, try/catch/finally/throw, generators, asserts."""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import Budget

LOOPS = """
  String loops() {
    var out = <int>[];
    var i = 0;
    while (true) {
      i++;
      if (i.isOdd) continue;
      if (i > 8) break;
      out.add(i);
    }
    var j = 10;
    do {
      j -= 3;
    } while (j > 0);
    outer:
    for (var a = 0; a < 3; a++) {
      for (final b in [0, 1, 2]) {
        if (b == 2) continue outer;
        if (a == 2) break outer;
        out.add(a * 10 + b);
      }
    }
    block: {
      out.add(99);
      break block;
    }
    for (final n in [1, 2, 3]) {
      switch (n) {
        case 2:
          break;   // ends the switch, not the loop
        default:
          out.add(-n);
      }
    }
    return '$out $j';
  }
"""


def test_loops_break_and_continue(expr_value) -> None:
    assert expr_value("loops()", LOOPS) == "[2, 4, 6, 8, 0, 1, 10, 11, 99, -1, -3] -2"


EXCEPTIONS = """
  String parse(String s) {
    try {
      if (s.isEmpty) throw FormatException('empty');
      if (s == 'state') throw StateError('bad');
      if (s == 'mine') throw Oops(7);
      return 'ok $s';
    } on FormatException catch (e) {
      return 'format: ${e.message}';
    } on Oops catch (e) {
      return 'oops ${e.code}';
    } catch (e, stack) {
      return 'caught $e $stack';
    } finally {
      log.add('finally $s');
    }
  }
  String builtinErrors() {
    final caught = <String>[];
    try { [1][5]; } on Error { caught.add('range'); }
    try { null!; } catch (e) { caught.add('null check'); }
    try { throw Exception('x'); } on Error { caught.add('wrong'); } on Exception catch (e) { caught.add('$e'); }
    return caught.join(', ');
  }
  String rethrows() {
    try {
      try {
        throw Exception('inner');
      } catch (e) {
        log.add('saw $e');
        rethrow;
      }
    } on Exception catch (e) {
      return 'outer got $e';
    }
  }
  String finallyWins() {
    try {
      throw Exception('lost');
    } finally {
      return 'finally';
    }
  }
"""
EXCEPTION_TOP = "final log = <String>[];\nclass Oops { const Oops(this.code); final int code; }\n"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("parse('a')", "ok a"),
        ("parse('')", "format: empty"),
        ("parse('state')", "caught Bad state: bad null"),
        ("parse('mine')", "oops 7"),
        ("builtinErrors()", "range, null check, Exception: x"),
        ("rethrows()", "outer got Exception: inner"),
        ("finallyWins()", "finally"),
        ("'${parse('a')} ${parse('b')} $log'", "ok a ok b [finally a, finally b]"),
    ],
)
def test_try_catch_finally(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr, EXCEPTIONS, EXCEPTION_TOP) == expected


def test_an_uncaught_throw_is_a_runtime_error(make_screen, compile_error) -> None:
    error = compile_error(
        make_screen("Text(f())", "  String f() { try { throw StateError('no'); } on FormatException { return 'x'; } }")
    )
    assert error.kind is ErrorKind.RUNTIME
    assert "Bad state: no" in error.message


def test_limits_are_not_caught(make_screen, compile_error) -> None:
    """A catch-all can't swallow the budget: the loop still ends as a timeout."""
    members = "  String spin() { try { while (true) {} } catch (e) { return 'caught'; } finally { return 'finally'; } }"
    error = compile_error(make_screen("Text(spin())", members), Budget(max_steps=5_000))
    assert error.kind is ErrorKind.TIMEOUT
    members = "  String big() { try { return 'ab' * 100000000; } catch (e) { return 'caught'; } }"
    assert compile_error(make_screen("Text(big())", members)).kind is ErrorKind.RUNTIME


def test_an_endless_while_loop_is_a_timeout(make_screen, compile_error) -> None:
    error = compile_error(
        make_screen("Text(spin())", "  String spin() { var i = 0; while (true) { i++; } }"), Budget(max_steps=5_000)
    )
    assert error.kind is ErrorKind.TIMEOUT


def test_rethrow_outside_catch_and_throw_null_are_analysis_errors(make_screen, compile_error) -> None:
    assert compile_error(make_screen("Text(f())", "  String f() { rethrow; }")).kind is ErrorKind.ANALYSIS
    assert compile_error(make_screen("Text(f())", "  String f() { throw null; }")).kind is ErrorKind.ANALYSIS


def test_sync_generators_yield_their_values(expr_value) -> None:
    members = (
        "  Iterable<int> evens(int n) sync* { for (var i = 0; i < n; i++) { if (i.isEven) yield i; } yield* [100]; }\n"
    )
    assert expr_value("evens(5).toList().toString()", members) == "[0, 2, 4, 100]"


def test_asserts_are_ignored_as_in_release_builds(expr_value) -> None:
    assert expr_value("f()", "  String f() { assert(false, 'never checked'); return 'ran'; }") == "ran"
