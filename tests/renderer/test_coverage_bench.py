"""benchmarks/coverage.py: blocker keys, peeling by stubs and the tables, on made-up Dart files."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flutter_renderer.api import ErrorKind, RenderSize, SourceError

from .conftest import needs_chromium

_ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("coverage_bench", _ROOT / "benchmarks" / "coverage.py")
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["coverage_bench"] = bench
_SPEC.loader.exec_module(bench)
blockers = sys.modules["coverage_blockers"]

APP = "import 'package:flutter/material.dart';\n{imports}void main() => runApp(MaterialApp(home: Scaffold(body: {body})));\n"
# Flutter names the renderer is unlikely ever to draw, so these files stay blocked as they are
FILES = {
    "material/ok.dart": APP.format(imports="", body="const Text('hi')"),
    "material/made_up.dart": APP.format(imports="", body="Frobnicate()"),
    "widgets/debugger.dart": APP.format(imports="", body="SemanticsDebugger(child: const Text('a'))"),
    "widgets/two.dart": APP.format(
        imports="import 'package:flutter/scheduler.dart';\n",
        body="SemanticsDebugger(child: Text('a', textScaleFactor: debugPrintBeginFrameBanner))",
    ),
    "cupertino/broken.dart": "void main( {\n",
}


def corpus(tmp_path: Path, files: dict[str, str] = FILES) -> Path:
    for name, source in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source)
    return tmp_path


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list:
    root = corpus(tmp_path_factory.mktemp("corpus"))
    return bench.classify(bench.dart_files(root), root, None, RenderSize(), peel_rounds=4)


def by_path(results: list) -> dict:
    return {r.path: r for r in results}


def test_each_file_gets_its_kind_blocker_and_peeling_chain(results) -> None:
    files = by_path(results)
    assert files["material/ok.dart"].ok and files["material/ok.dart"].stage == "rendered"
    made_up = files["material/made_up.dart"]
    assert (made_up.kind, made_up.blocker, made_up.chain, made_up.peel) == (
        "analysis",
        "Frobnicate",
        ["Frobnicate"],
        "cleared",
    )
    two = files["widgets/two.dart"]
    # arguments are evaluated before the call: the parameter's value is the first blocker
    assert (two.kind, two.chain, two.peel) == (
        "unsupported",
        ["debugPrintBeginFrameBanner", "SemanticsDebugger"],
        "cleared",
    )
    broken = files["cupertino/broken.dart"]
    assert (broken.kind, broken.stage, broken.blocker, broken.peel) == ("syntax", "front end", "syntax error", "syntax")


def test_folder_rows_count_files_rendered_and_kinds(results) -> None:
    rows = {row["folder"]: row for row in bench.by_folder(results)}
    assert [rows[f]["files"] for f in ("cupertino", "material", "widgets", "all")] == [1, 2, 2, 5]
    assert rows["material"]["rendered"] == 1 and rows["material"]["rate"] == 0.5 and rows["material"]["analysis"] == 1
    assert rows["widgets"]["unsupported"] == 2 and rows["cupertino"]["syntax"] == 1
    assert rows["all"]["rendered"] == 1 and rows["all"]["rate"] == pytest.approx(0.2)


def test_blockers_count_first_errors_chains_and_what_blocks_alone(results) -> None:
    rows = {row["blocker"]: row for row in bench.blockers(results)}
    assert rows["SemanticsDebugger"] == {
        "blocker": "SemanticsDebugger",
        "kind": "unsupported",
        "first": 1,
        "anywhere": 2,
        "alone": 1,
    }
    assert (
        rows["debugPrintBeginFrameBanner"]["first"],
        rows["debugPrintBeginFrameBanner"]["anywhere"],
        rows["debugPrintBeginFrameBanner"]["alone"],
    ) == (1, 1, 0)
    assert rows["Frobnicate"]["kind"] == "analysis" and rows["Frobnicate"]["alone"] == 1
    assert list(rows)[0] == "SemanticsDebugger"  # most first errors first, then most chains


def test_unlock_order_is_greedy_and_cumulative(results) -> None:
    order = bench.unlock_order(results, limit=10)
    assert [(r["blocker"], r["unlocks"], r["cumulative"]) for r in order] == [
        ("Frobnicate", 1, 2),
        ("SemanticsDebugger", 1, 3),
        ("debugPrintBeginFrameBanner", 1, 4),
    ]
    assert order[-1]["rate"] == pytest.approx(0.8)


def test_markdown_has_every_table(results) -> None:
    text = bench.markdown(bench.report(results, top=5), total=len(results))
    assert "| widgets | 2 | 0 | 0.0% |" in text and "| all | 5 | 1 | 20.0% |" in text
    assert "| SemanticsDebugger | unsupported | 1 | 2 | 1 |" in text
    assert (
        "| 3 | debugPrintBeginFrameBanner | 1 | 4 | 80.0% |" in text and "Peeling ended: cleared: 3, syntax: 1." in text
    )


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("Undefined name 'Curves'.", "Curves"),
        ("'WidgetsApp' is valid Flutter that the embedded renderer cannot draw yet.", "WidgetsApp"),
        (
            "The named parameter 'restorationId' of 'Scaffold' is valid Flutter that the embedded renderer cannot draw yet.",
            "Scaffold(restorationId:)",
        ),
        ("The method 'addListener' isn't defined for the type 'ScrollController'.", "ScrollController.addListener"),
        ("The method 'WidgetsApp' isn't defined for the type 'ExampleApp'.", "WidgetsApp"),
        ("The getter 'easeInn' isn't defined for the type 'Curves'.", "Curves.easeInn"),
        ("Cascades ('..') are not supported by the embedded renderer.", "cascade (..)"),
        (
            "The expression '(a, b)' (record_literal) is not supported by the embedded renderer.",
            "expression: record_literal",
        ),
        (
            "MaterialApp without home (routes/onGenerateRoute) is not supported by the embedded renderer",
            "MaterialApp without home (routes/onGenerateRoute)",
        ),
        (
            "Too many positional arguments: 1 expected, but 2 found.",
            "Too many positional arguments: N expected, but N found.",
        ),
    ],
)
def test_blocker_keys_name_what_is_missing(message: str, key: str) -> None:
    assert blockers.blocker_key(SourceError(ErrorKind.ANALYSIS, message), "") == key


def test_keys_of_parameter_errors_read_the_call_from_the_source() -> None:
    source = "void main() {\n  Text('a', colour: 1);\n}\n"
    error = SourceError(ErrorKind.ANALYSIS, "The named parameter 'colour' isn't defined.", 2, 3)
    assert blockers.blocker_key(error, source) == "Text(colour:)"
    mapping = SourceError(ErrorKind.UNSUPPORTED, "Center.widthFactor is not supported by the embedded renderer", 2, 3)
    assert blockers.blocker_key(mapping, "void main() {\n  Center(widthFactor: 2);\n}\n") == "Center(widthFactor:)"


@pytest.mark.parametrize(
    ("before", "line", "column", "message", "after"),
    [
        # an unknown parameter is deleted
        (
            "f() => Text('a', colour: 1, maxLines: 2);",
            1,
            8,
            "The named parameter 'colour' isn't defined.",
            "f() => Text('a', maxLines: 2);",
        ),
        # a widget keeps its child, a list of children becomes a Column
        (
            "f() => Center(child: Magic(child: Text('a')));",
            1,
            22,
            "Undefined name 'Magic'.",
            "f() => Center(child: Text('a'));",
        ),
        (
            "f() => Center(child: Magic(slivers: [A()]));",
            1,
            22,
            "Undefined name 'Magic'.",
            "f() => Center(child: Column(children: [A()]));",
        ),
        ("f() => Center(child: Magic());", 1, 22, "Undefined name 'Magic'.", "f() => Center(child: const SizedBox());"),
        # a value becomes null, a list element that is no widget is left out, a condition false, a statement empty
        ("f() => Icon(a, size: Curves.easeIn);", 1, 22, "Undefined name 'Curves'.", "f() => Icon(a, size: null);"),
        ("f() => [1, magic, 2];", 1, 12, "Undefined name 'magic'.", "f() => [1, 2];"),
        ("f() { if (kIsWeb) {} }", 1, 11, "Undefined name 'kIsWeb'.", "f() { if (false) {} }"),
        ("f() { c.addListener(g); }", 1, 7, "The method 'addListener' isn't defined for the type 'C'.", "f() { ; }"),
        (
            "import 'dart:io';\nf() {}",
            1,
            8,
            "The library 'dart:io' is not available in the embedded renderer.",
            "\nf() {}",
        ),
    ],
)
def test_stubs_replace_the_blocking_expression(before: str, line: int, column: int, message: str, after: str) -> None:
    assert blockers.stub(before, SourceError(ErrorKind.ANALYSIS, message, line, column)) == after


def test_peeling_stops_on_an_error_it_cannot_stub_or_one_that_repeats() -> None:
    error = SourceError(ErrorKind.ANALYSIS, "No widget to render.", 1, 1)
    assert blockers.peel("void main() {}", error, lambda s: error, 4).status == "stuck"
    repeated = SourceError(ErrorKind.ANALYSIS, "Undefined name 'x'.", 1, 8)
    outcome = blockers.peel("f() => [x];", repeated, lambda s: repeated, 4)
    assert outcome.status == "stuck" and outcome.chain == ["x"]
    runtime = SourceError(ErrorKind.RUNTIME, "boom", 1, 1)
    outcome = blockers.peel("f() => [x];", repeated, lambda s: runtime, 4)
    assert outcome.status == "runtime" and outcome.chain == ["x", "boom"]


@pytest.mark.e2e
@needs_chromium
def test_the_script_renders_with_chromium_and_writes_json(tmp_path: Path) -> None:
    root = corpus(
        tmp_path / "corpus",
        {name: FILES[name] for name in ("material/ok.dart", "widgets/debugger.dart", "material/made_up.dart")},
    )
    (root / "FLUTTER_COMMIT").write_text("f" * 40 + "\n")
    out = tmp_path / "coverage.json"
    run = subprocess.run(
        [sys.executable, str(_ROOT / "benchmarks" / "coverage.py"), str(root), "--json", str(out), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=_ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert "| all | 3 | 1 | 33.3% |" in run.stdout
    report = json.loads(out.read_text())
    assert report["meta"]["corpus_commit"] == "f" * 40 and report["meta"]["drawn"] is True
    files = {f["path"]: f for f in report["files"]}
    assert files["material/ok.dart"]["ok"] and files["material/ok.dart"]["stage"] == "rendered"
    assert files["widgets/debugger.dart"]["kind"] == "unsupported"
