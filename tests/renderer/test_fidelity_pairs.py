"""benchmarks/fidelity_pairs.py on a synthetic diagram file shaped like assets-for-api-docs' (no browser)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from flutter_renderer.dart import compile_screen

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "fidelity_pairs.py"
_SPEC = importlib.util.spec_from_file_location("fidelity_pairs", _PATH)
pairs = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = pairs
_SPEC.loader.exec_module(pairs)

# A diagram file in the harness's shape, written for this test.
DIAGRAM = """import 'dart:async';

import 'package:flutter/material.dart';
import 'package:flutter_test/flutter_test.dart';

import 'diagram_step.dart';

const String _boxed = 'boxed_label';

class LabelDiagram extends StatelessWidget with DiagramMetadata {
  const LabelDiagram(this.name, {super.key});

  @override
  final String name;

  @override
  Widget build(BuildContext context) {
    return SizedBox(width: 100, height: 40, child: Text(name == _boxed ? 'boxed' : 'plain'));
  }
}

class LabelDiagramStep extends DiagramStep {
  @override
  final String category = 'widgets';

  @override
  Future<List<LabelDiagram>> get diagrams async => <LabelDiagram>[
    const LabelDiagram('plain_label'),
    const LabelDiagram(_boxed),
  ];
}
"""


def test_the_screen_is_the_diagram_without_its_harness_in_a_linux_desktop_screen() -> None:
    code = pairs.screen_file(DIAGRAM, "boxed_label")
    assert "DiagramStep" not in code and "DiagramMetadata" not in code and "flutter_test" not in code
    assert "Text(name == _boxed ? 'boxed' : 'plain')" in code  # the diagram's code as written
    assert "child: const LabelDiagram(_boxed)" in code  # built as its step builds it
    app = compile_screen(code, width=400, height=300)
    assert app.type == "MaterialApp"
    theme = app.kwargs["theme"].kwargs
    assert theme["visualDensity"].name == "compact" and theme["materialTapTargetSize"].name == "shrinkWrap"
    label = app.kwargs["home"].kwargs["body"].kwargs["child"].kwargs["child"]
    assert label.args[0] == "boxed"
    assert "'plain_label'" in pairs.constructor_for(
        DIAGRAM, DIAGRAM[DIAGRAM.index("class LabelDiagramStep") :], "plain_label"
    )


def test_a_diagram_the_step_does_not_build_is_reported() -> None:
    with pytest.raises(pairs.ExtractionError):
        pairs.screen_file(DIAGRAM, "missing_label")
    with pytest.raises(pairs.ExtractionError):
        pairs.screen_file(DIAGRAM.replace(" with DiagramMetadata", ""), "boxed_label")


def test_build_writes_code_and_png_from_a_git_commit(tmp_path, monkeypatch) -> None:
    repo = tmp_path / "assets"
    (repo / pairs.SOURCE_DIR).mkdir(parents=True)
    (repo / pairs.SOURCE_DIR / "label.dart").write_text(DIAGRAM)
    (repo / "assets" / "widgets").mkdir(parents=True)
    (repo / "assets" / "widgets" / "boxed_label.png").write_bytes(b"\x89PNG fake")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "diagrams"], check=True)
    commit = subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    monkeypatch.setattr(pairs, "DIAGRAMS", {"boxed_label": "label", "plain_label": "label"})
    failures = pairs.build(repo, tmp_path / "out", commit)
    assert (tmp_path / "out" / "boxed_label.png").read_bytes() == b"\x89PNG fake"
    assert "LabelDiagram(_boxed)" in (tmp_path / "out" / "boxed_label.dart").read_text()
    assert failures == ["plain_label: no assets/widgets/plain_label.png at that commit"]
