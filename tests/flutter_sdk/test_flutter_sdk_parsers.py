"""Parsers of Flutter/Dart output, on fixtures reconstructed from the documented formats."""

from __future__ import annotations

import json

from flutter_renderer.api import ErrorKind
from flutter_renderer.flutter_sdk import analyze
from flutter_renderer.flutter_sdk.flutter_errors import classify, is_overflow, split_dumps, summary_of
from flutter_renderer.flutter_sdk.machine_events import compile_errors, parse_machine_output


def test_analyze_machine_lines_parse_with_escapes(fixture_text):
    diagnostics = analyze.parse_machine_output(fixture_text("dart_analyze_machine.txt"))
    assert len(diagnostics) == 10  # the "Analyzing..." progress line is skipped
    escaped = [d for d in diagnostics if d.code == "ARGUMENT_TYPE_NOT_ASSIGNABLE"][0]
    assert escaped.message.endswith("'double'. | see: width\nin SizedBox")
    assert (escaped.line, escaped.column) == (18, 26)


def test_analyze_errors_grouped_by_candidate_and_kind(fixture_text):
    grouped = analyze.errors_by_candidate(analyze.parse_machine_output(fixture_text("dart_analyze_machine.txt")))
    assert sorted(grouped) == [0, 1, 3, 4]  # c_2 has only a warning and a hint; helper.dart is no candidate
    assert analyze.failure_of(grouped[0])[0] is ErrorKind.SYNTAX
    kind, message = analyze.failure_of(grouped[1])
    assert kind is ErrorKind.ANALYSIS
    assert message.splitlines()[0] == "line 22:18: Error: Undefined name 'Colours'. [UNDEFINED_IDENTIFIER]"
    assert "MISSING_REQUIRED_ARGUMENT" in message
    assert analyze.failure_of(grouped[3])[0] is ErrorKind.ANALYSIS


def test_analyze_message_caps_the_error_list():
    lines = "\n".join(
        f"ERROR|COMPILE_TIME_ERROR|UNDEFINED_IDENTIFIER|/p/lib/candidates/c_7.dart|{n}|1|1|Undefined name 'x{n}'."
        for n in range(1, 6)
    )
    _, message = analyze.failure_of(analyze.errors_by_candidate(analyze.parse_machine_output(lines))[7])
    assert message.count("\n") == 3 and message.endswith("(+2 more errors)")


def test_syntax_code_wins_even_under_another_type():
    line = "ERROR|COMPILE_TIME_ERROR|MISSING_IDENTIFIER|/p/lib/candidates/c_1.dart|2|3|1|Expected an identifier."
    assert analyze.parse_machine_output(line)[0].kind is ErrorKind.SYNTAX


def test_machine_events_fold_into_candidate_outcomes(fixture_text):
    out = parse_machine_output(fixture_text("flutter_test_machine_batch.txt"))
    assert out.success is False and out.load_errors == [] and out.plain == []
    assert sorted(out.outcomes) == [0, 1, 2, 3, 5]  # (setUpAll) and loading are not candidates
    assert out.outcomes[0].result == "success" and out.outcomes[0].errors == []
    assert out.outcomes[1].prints == ["flutter-rl: candidate 1 printed this"]
    assert out.outcomes[2].result == "error" and "Test timed out" in out.outcomes[2].errors[0]
    assert (out.outcomes[2].started_ms, out.outcomes[2].done_ms) == (10234, 20240)
    assert "overflowed by 42 pixels" in out.outcomes[3].errors[0]


def test_compile_failure_is_a_load_error_with_attributed_lines(fixture_text):
    text = fixture_text("flutter_test_machine_compile_error.txt")
    out = parse_machine_output(text)
    assert out.outcomes == {}
    assert len(out.load_errors) == 1 and "Compilation failed for testPath=" in out.load_errors[0]
    assert out.compile_failed and out.started
    errors = compile_errors(text)
    assert [(e.candidate, e.line, e.column) for e in errors] == [(4, 18, 26), (4, 25, 7)]
    assert errors[0].message == "The argument type 'String' can't be assigned to the parameter type 'double'."


def test_error_dumps_split_and_classified(fixture_text):
    dumps = split_dumps(fixture_text("flutter_error_dumps.txt"))
    assert [d["library"] for d in dumps] == [
        "rendering library",
        "widgets library",
        "image resource service",
        "rendering library",
    ]
    assert dumps[0]["summary"] == "A RenderFlex overflowed by 42 pixels on the bottom."
    assert dumps[1]["summary"] == "type 'Null' is not a subtype of type 'String'"
    assert classify(dumps[:1])[0] is ErrorKind.OVERFLOW
    assert classify(dumps[1:2])[0] is ErrorKind.RUNTIME
    assert classify(dumps[3:])[0] is ErrorKind.OVERFLOW  # unbounded viewport: a layout error
    kind, message, warnings = classify(dumps[2:3])  # a failed image download only warns
    assert kind is None and message == "" and "statusCode: 400" in warnings[0]


def test_first_real_error_decides_and_counts_the_rest(fixture_text):
    dumps = split_dumps(fixture_text("flutter_error_dumps.txt"))
    kind, message, warnings = classify([dumps[2], dumps[1], dumps[0]])
    assert kind is ErrorKind.RUNTIME
    assert message.startswith("[widgets library] type 'Null' is not a subtype") and message.endswith("(+1 more errors)")
    assert len(warnings) == 1


def test_overflow_patterns():
    assert is_overflow("A RenderFlex overflowed by 1.5 pixels on the right.")
    assert is_overflow("RenderFlex children have non-zero flex but incoming height constraints are unbounded.")
    assert not is_overflow("Null check operator used on a null value")


def test_hooks_and_load_errors_are_told_apart():
    """`(setUpAll)` is package:test_api's name for the hook; only `Compilation failed` means a compile error."""
    events = [
        {"type": "start", "protocolVersion": "0.1.1"},
        {"type": "testStart", "test": {"id": 1, "name": "loading /p/test/render_batch_test.dart"}},
        {
            "type": "error",
            "testID": 1,
            "error": 'Failed to load "/p/test/render_batch_test.dart": Shell subprocess '
            "crashed with segmentation fault.",
        },
        {"type": "testStart", "test": {"id": 2, "name": "(setUpAll)"}},
        {"type": "error", "testID": 2, "error": "PathNotFoundException: Cannot open file"},
    ]
    out = parse_machine_output("\n".join(json.dumps(e) for e in events))
    assert out.started and out.setup_errors == ["PathNotFoundException: Cannot open file"]
    assert len(out.load_errors) == 1 and not out.compile_failed
    assert not parse_machine_output("Error: Unable to find git in your PATH.").started


def test_missing_asset_is_a_warning_like_a_missing_network_image():
    """Issue 16 (5): with --no-test-assets every asset load fails ('Unable to load asset', asset_bundle.dart)."""
    asset = {"library": "image resource service", "summary": 'Unable to load asset: "assets/logo.png".'}
    late = {"library": "flutter test framework", "summary": 'Unable to load asset: "assets/logo.png".'}
    for error in (asset, late):
        assert classify([error]) == (None, "", [summary_of(error)])
    kind, _, warnings = classify([late, {"library": "widgets library", "summary": "Null check operator used"}])
    assert kind is ErrorKind.RUNTIME and len(warnings) == 1


def test_parser_errors_are_syntax_even_with_an_empty_type_column():
    """Issue 16 (9): dartdev versions differ in the TYPE column (empty, or a placeholder when dartdev speaks
    LSP to the server) and in severities (HINT); parser errors must stay `syntax` by code or by message."""
    path = "/p/lib/candidates/c_{}.dart"
    lines = [
        f"ERROR||UNEXPECTED_TOKENS|{path.format(0)}|3|1|1|Unexpected tokens.",
        f"ERROR||MISSING_STATEMENT|{path.format(1)}|3|1|1|Expected a statement.",
        f"ERROR|LINT|EXPECTED_TOKEN|{path.format(2)}|3|1|1|Expected to find ';'.",
        f"ERROR||SOME_NEWER_PARSER_CODE|{path.format(3)}|3|1|1|Expected to find ')'.",
        f"ERROR||UNDEFINED_IDENTIFIER|{path.format(4)}|5|9|7|Undefined name 'Colours'.",
        f"error||unterminated_string_literal|{path.format(5)}|2|9|1|Unterminated string literal.",
        f"HINT||DEAD_CODE|{path.format(6)}|4|1|3|Dead code.",
    ]
    diagnostics = analyze.parse_machine_output("\n".join(lines))
    assert [d.severity for d in diagnostics] == ["ERROR"] * 6 + ["HINT"]
    grouped = analyze.errors_by_candidate(diagnostics)
    assert sorted(grouped) == [0, 1, 2, 3, 4, 5]  # a hint never stops a render
    kinds = {i: analyze.failure_of(errors)[0] for i, errors in grouped.items()}
    assert kinds == {
        0: ErrorKind.SYNTAX,
        1: ErrorKind.SYNTAX,
        2: ErrorKind.SYNTAX,
        3: ErrorKind.SYNTAX,
        4: ErrorKind.ANALYSIS,
        5: ErrorKind.SYNTAX,
    }
