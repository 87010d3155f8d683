"""dart:core stand-ins: DateTime at a fixed instant, Random(seed) as the Dart VM computes it, Duration,
exceptions, and async functions that build never awaits."""

from __future__ import annotations

from datetime import datetime

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import Environment, compile_screen
from flutter_renderer.dart.dart_core import RandomValue

WIDTH, HEIGHT = 390, 844


def text_of(source: str, environment: Environment | None = None) -> str:
    root = compile_screen(source, width=WIDTH, height=HEIGHT, environment=environment)
    assert root.type == "Text"
    return root.args[0]


def test_datetime_now_is_the_environments_instant(make_screen) -> None:
    source = make_screen("Text('${DateTime.now()} ${DateTime.now().weekday} ${DateTime.now().isUtc}')")
    assert text_of(source, Environment(datetime(2023, 3, 4, 5, 6, 7))) == "2023-03-04 05:06:07.000 6 false"
    assert text_of(source) == text_of(source)  # the default is fixed too
    assert text_of(source).startswith("2024-06-15 10:30:00.000")


def test_environment_parse_refuses_an_offset() -> None:
    assert Environment.parse("2024-01-02T03:04:05").now == datetime(2024, 1, 2, 3, 4, 5)
    with pytest.raises(ValueError):
        Environment.parse("2024-01-02T03:04:05+02:00")


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("DateTime(2024, 2, 29).toString()", "2024-02-29 00:00:00.000"),
        ("DateTime(2024, 13, 1).toIso8601String()", "2025-01-01T00:00:00.000"),  # months carry over
        ("DateTime(2024, 3, 0).day.toString()", "29"),  # day 0: end of February
        ("DateTime.utc(2024, 1, 1, 12).toString()", "2024-01-01 12:00:00.000Z"),
        ("DateTime(2024, 1, 1, 0, 0, 0, 5, 7).toString()", "2024-01-01 00:00:00.005007"),
        ("'${DateTime(2024, 1, 31).add(Duration(days: 1)).month}'", "2"),
        ("'${DateTime(2024, 1, 1).subtract(Duration(hours: 1)).year}'", "2023"),
        ("'${DateTime(2024, 1, 10).difference(DateTime(2024, 1, 1)).inDays}'", "9"),
        (
            "'${DateTime(2024, 1, 1).isBefore(DateTime(2024, 1, 2))} ${DateTime(2024).isAfter(DateTime(2025))}'",
            "true false",
        ),
        (
            "'${DateTime(2024, 1, 1) == DateTime(2024, 1, 1)} ${DateTime(2024, 6, 15).weekday == DateTime.saturday}'",
            "true true",
        ),
        ("'${DateTime(2024, 1, 1, 13, 45).hour}:${DateTime(2024, 1, 1, 13, 45).minute}'", "13:45"),
        ("DateTime.parse('2024-05-06 07:08:09').toIso8601String()", "2024-05-06T07:08:09.000"),
        ("DateTime.parse('2024-05-06T07:08:09.5Z').toString()", "2024-05-06 07:08:09.500Z"),
        ("'${DateTime.fromMillisecondsSinceEpoch(86400000, isUtc: true).day}'", "2"),
        ("DateTime(2024, 5, 6).copyWith(day: 1).toString()", "2024-05-01 00:00:00.000"),
    ],
)
def test_datetime_values(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr) == expected


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (
            "'${Duration(minutes: 90).inHours} ${Duration(seconds: 90).inMinutes} ${Duration(milliseconds: 1500).inSeconds}'",
            "1 1 1",
        ),
        ("'${(Duration(seconds: 1) + Duration(milliseconds: 500)).inMilliseconds}'", "1500"),
        (
            "'${(Duration(seconds: 3) - Duration(seconds: 5)).inSeconds} ${(Duration(seconds: 3) * 2).inSeconds}'",
            "-2 6",
        ),
        ("'${(Duration(seconds: 7) ~/ 2).inMilliseconds} ${Duration(seconds: 1) < Duration(seconds: 2)}'", "3500 true"),
        ("'${Duration.zero.inMicroseconds} ${Duration(days: 1) == Duration(hours: 24)}'", "0 true"),
    ],
)
def test_duration_arithmetic(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr) == expected


def test_random_follows_the_dart_vms_sequence() -> None:
    """Expected values from the Dart SDK's tests/lib/math/random_test.dart (VM and dart2js agree)."""
    generator = RandomValue.seeded(20130307)
    assert [generator.next_int(1 << i) for i in range(1, 11)] == [0, 3, 7, 5, 29, 17, 104, 199, 408, 362]
    assert RandomValue.seeded(0).next_int(65536) == 21391
    assert RandomValue.seeded(0x19A32C640E1D71).next_int(65536) == 26007
    assert RandomValue.seeded(-0x19A32C640E1D71).next_int(65536) == 12170
    assert RandomValue.seeded(0x19A32C640E1D71 * 2).next_int(65536) == 43006
    doubles = RandomValue.seeded(6790)
    expected = [0.1202733131, 0.5554054805, 0.0385160727, 0.2836345217]
    for want in expected:
        got = (doubles.next_int(1 << 26) * float(1 << 27) + doubles.next_int(1 << 27)) / float(1 << 53)
        assert abs(got - want) < 1e-9


def test_random_in_dart_code(expr_value) -> None:
    assert expr_value("'${Random(20130307).nextInt(2)}'", top="import 'dart:math';") == "0"
    members = "  String rolls() { final r = Random(6790); return r.nextDouble().toStringAsFixed(4); }"
    assert expr_value("rolls()", members, "import 'dart:math';") == "0.1203"
    members = "  final math.Random random = math.Random(0);\n  String roll() => '${random.nextInt(65536)}';"
    assert expr_value("roll()", members, "import 'dart:math' as math;") == "21391"


@pytest.mark.parametrize(
    "expr",
    ["Random().nextInt(3)", "Random.secure().nextInt(3)", "Random().nextBool()", "(Random()..nextDouble()).toString()"],
)
def test_unseeded_random_is_unsupported(expr: str, make_screen, compile_error) -> None:
    error = compile_error(make_screen(f"Text('${{{expr}}}')", top="import 'dart:math';"))
    assert error.kind is ErrorKind.UNSUPPORTED
    assert "seed" in error.message


def test_an_unseeded_random_only_kept_for_callbacks_draws(make_screen) -> None:
    members = "  final Random random = Random();\n  void roll() => random.nextInt(6);"
    source = make_screen("ElevatedButton(onPressed: roll, child: Text('$random'))", members, "import 'dart:math';")
    assert compile_screen(source, width=WIDTH, height=HEIGHT).kwargs["child"].args == ("Instance of 'Random'",)


def test_a_stream_controller_gives_a_stream_whose_events_come_after_the_first_frame(expr_value) -> None:
    members = (
        "  final Stream<int> bids = (() {\n    late final StreamController<int> controller;\n"
        "    controller = StreamController<int>(onListen: () async { controller.add(1); await controller.close(); });\n"
        "    controller.add(0);\n    controller.sink.addError(StateError('x'));\n    return controller.stream;\n  })();\n"
        "  final broadcast = StreamController<String>.broadcast(sync: true);"
    )
    top = "import 'dart:async';"
    assert (
        expr_value("'${bids is Stream} ${broadcast.stream is Stream} ${broadcast.close() is Future}'", members, top)
        == "true true true"
    )


def test_exception_values_print_as_dart_does(expr_value) -> None:
    assert (
        expr_value("'${Exception('a')} | ${StateError('b')} | ${ArgumentError('c')} | ${UnimplementedError()}'")
        == "Exception: a | Bad state: b | Invalid argument(s): c | UnimplementedError"
    )


ASYNC = """
class Loader extends StatefulWidget {
  const Loader({super.key});
  @override
  State<Loader> createState() => _LoaderState();
}

class _LoaderState extends State<Loader> {
  late Future<String> _data;
  bool started = false;

  @override
  void initState() {
    super.initState();
    _data = _load();
    unawaited(_load().then((value) => print(value)));
    started = _data is Future;
  }

  Future<String> _load() async {
    await Future.delayed(const Duration(seconds: 1));
    throw Exception('never reached while building');
  }

  @override
  Widget build(BuildContext context) => TextButton(onPressed: _load, child: Text('started $started'));
}
"""


def test_async_functions_called_while_building_give_an_unawaited_future() -> None:
    root = compile_screen(
        "import 'package:flutter/material.dart';\nimport 'dart:async';\n" + ASYNC, width=WIDTH, height=HEIGHT
    )
    assert root.type == "TextButton"
    assert root.kwargs["child"].args == ("started true",)


def test_a_future_passed_where_a_value_is_needed_is_an_analysis_error(make_screen, compile_error) -> None:
    error = compile_error(make_screen("Text(slow())", "  Future<String> slow() async => 'x';"))
    assert error.kind is ErrorKind.ANALYSIS


def test_await_outside_an_async_function_is_an_analysis_error(make_screen, compile_error) -> None:
    error = compile_error(
        make_screen("Text(f())", "  String f() { return await g(); }\n  Future<String> g() async => 'x';")
    )
    assert error.kind is ErrorKind.ANALYSIS


def test_flutter_constants_and_platform(expr_value) -> None:
    members = """
  String platformName() {
    if (kIsWeb) return 'web';
    switch (defaultTargetPlatform) {
      case TargetPlatform.iOS || TargetPlatform.macOS:
        return 'apple';
      case TargetPlatform.android:
        return 'android';
      default:
        return 'other';
    }
  }
"""
    # kIsWeb and defaultTargetPlatform come from foundation.dart, which material.dart does not export
    assert expr_value("platformName()", members, "import 'package:flutter/foundation.dart';") == "android"
    assert (
        expr_value(
            "'${kToolbarHeight} ${kDebugMode} ${Theme.of(context).platform == TargetPlatform.android}'",
            top="import 'package:flutter/foundation.dart';",
        )
        == "56.0 false true"
    )
    assert expr_value("'${Curves.easeInOut == Curves.easeInOut} ${Curves.easeIn == Curves.easeOut}'") == "true false"
    assert expr_value("TextAlign.center.name") == "center"
    assert expr_value("'${kThemeAnimationDuration.inMilliseconds} ${double.maxFinite > 1e300}'") == "200 true"


def test_unknown_curves_and_platforms_are_analysis_errors(make_screen, compile_error) -> None:
    assert compile_error(make_screen("Text('${Curves.wobbly}')")).kind is ErrorKind.ANALYSIS
    assert compile_error(make_screen("Text('${TargetPlatform.amiga}')")).kind is ErrorKind.ANALYSIS
