"""The synthetic generator: valid Dart for every type x difficulty, deterministic, growing with difficulty."""

from __future__ import annotations

import random
import re
from collections import Counter
from statistics import mean

import pytest
import tree_sitter
import tree_sitter_dart

from flutter_rl.curate.labels import DIFFICULTIES, SCREEN_TYPES, code_complexity, widget_counts
from flutter_rl.synth import dart
from flutter_rl.synth.screens import SCREEN_TEMPLATES
from flutter_rl.synth.synthetic import Quota, generate_screen, plan_labels, screen_from_seed

PER_CELL = 6
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_dart.language()))
CELLS = [(t, d) for t in SCREEN_TYPES for d in DIFFICULTIES]


def _screens(t: str, d: str, n: int = PER_CELL) -> list[str]:
    return [screen_from_seed(t, d, seed).code for seed in range(n)]


def test_templates_cover_every_screen_type() -> None:
    assert tuple(SCREEN_TEMPLATES) == SCREEN_TYPES


@pytest.mark.parametrize("screen_type,difficulty", CELLS)
def test_generated_code_parses_as_dart(screen_type: str, difficulty: str) -> None:
    for code in _screens(screen_type, difficulty):
        tree = PARSER.parse(code.encode())
        assert not tree.root_node.has_error, code
        assert code.startswith("import 'package:flutter/material.dart';")
        assert "Widget build(BuildContext context)" in code and "Scaffold(" in code


@pytest.mark.parametrize("screen_type,difficulty", CELLS)
def test_generated_code_compiles_in_the_dart_front_end(screen_type: str, difficulty: str) -> None:
    """The embedded renderer's analyzer-like checks: known classes, parameters, icons, constants."""
    from flutter_renderer.dart import DartError, compile_screen

    for code in _screens(screen_type, difficulty):
        try:
            compile_screen(code, width=390, height=844)
        except DartError as error:
            pytest.fail(f"{screen_type}/{difficulty}: {error}\n{code}")


@pytest.mark.parametrize("screen_type,difficulty", CELLS)
def test_generated_code_maps_to_embedded_renderer_controls(screen_type: str, difficulty: str) -> None:
    """IR -> Flet controls: every widget and parameter used is one the embedded renderer reproduces."""
    mapping = pytest.importorskip("flutter_renderer.embedded.mapping", reason="embedded renderer mapping not built yet")
    from flutter_renderer.dart import compile_screen

    for code in _screens(screen_type, difficulty):
        try:
            mapping.build_screen(compile_screen(code, width=390, height=844))
        except Exception as error:  # MappingError, or a mapping crash: both mean this code won't render
            pytest.fail(f"{screen_type}/{difficulty}: {type(error).__name__}: {error}\n{code}")


def test_const_only_on_constant_constructors() -> None:
    """`const Container(` or `const AppBar(` would not compile in Flutter."""
    never_const = (
        "Container",
        "AppBar",
        "ListView",
        "GridView",
        "BottomNavigationBar",
        "TextFormField",
        "DropdownButton",
        "BorderRadius.circular",
    )
    for t, d in CELLS:
        for code in _screens(t, d, 3):
            for name in never_const:
                assert f"const {name}(" not in code, (t, d, name)
            own_classes = set(re.findall(r"class (\w+)", code))
            allowed = own_classes | {n.split(".")[0] for n in dart.CONST_CONSTRUCTORS}
            for match in re.finditer(r"const (\w+)\(", code):
                assert match.group(1) in allowed, match.group(0)


def test_same_seed_same_code_and_different_seeds_differ() -> None:
    first = [generate_screen(t, d, random.Random(7)).code for t, d in CELLS]
    again = [generate_screen(t, d, random.Random(7)).code for t, d in CELLS]
    other = [generate_screen(t, d, random.Random(8)).code for t, d in CELLS]
    assert first == again
    assert sum(a != b for a, b in zip(first, other)) >= len(CELLS) - 2
    screen = generate_screen("login", "easy", random.Random(1))
    assert screen_from_seed("login", "easy", screen.seed).code == screen.code


def test_difficulty_grows_with_widgets_and_variety() -> None:
    for t in SCREEN_TYPES:
        means = [mean(code_complexity(c) for c in _screens(t, d, 8)) for d in DIFFICULTIES]
        assert means[0] < means[2], (t, means)
    variety = [mean(len(widget_counts(c)) for t in SCREEN_TYPES for c in _screens(t, d, 4)) for d in DIFFICULTIES]
    assert variety[0] < variety[1] < variety[2]


def test_hard_screens_use_state_helpers_and_navigation() -> None:
    hard = [c for t in SCREEN_TYPES for c in _screens(t, "hard", 4)]
    easy = [c for t in SCREEN_TYPES for c in _screens(t, "easy", 4)]
    assert any("extends StatefulWidget" in c for c in hard)
    assert not any("extends StatefulWidget" in c for c in easy)
    assert any(re.search(r"Widget _build\w+\(", c) for c in hard)
    assert not any(re.search(r"Widget _build\w+\(", c) for c in easy)
    assert any("NavigationBar(" in c or "BottomNavigationBar(" in c for c in hard)


def test_modal_screens_dim_the_page_behind_the_dialog() -> None:
    for code in _screens("modal", "medium"):
        assert "Stack(" in code and "Colors.black54" in code and "AlertDialog(" in code


def test_strings_are_escaped_and_evaluate_back_to_the_text() -> None:
    from flutter_renderer.dart import compile_screen

    texts = ["Don't stop", "$5 off", "back\\slash"]  # what the word banks hold: apostrophes, prices
    assert dart.dart_string("Don't") == "'Don\\'t'"
    body = dart.emit(dart.Call("Scaffold", body=dart.Call("Column", children=[dart.Call("Text", t) for t in texts])))
    code = dart.screen_source(dart.ScreenClass("Probe", dart.Raw(body, const=False)))
    tree = compile_screen(code, width=390, height=844)
    assert [child.args[0] for child in tree.kwargs["body"].kwargs["children"]] == texts


def test_plan_fills_reserved_quotas_first() -> None:
    labels = plan_labels(300, [(160, ["easy"]), (100, ["easy", "medium", "hard"])])
    assert len(labels) == 300
    assert all(d == "easy" for _, d in labels[:160])
    assert sum(d == "easy" for _, d in labels) >= 160 + 34
    assert {t for t, _ in labels[:160]} == set(SCREEN_TYPES)


def test_plan_quota_of_some_types_cycles_every_type_and_difficulty_pair_evenly() -> None:
    trained = ["login", "list", "menu"]
    labels = plan_labels(36 + 24, [Quota(36, ["easy", "hard"], trained), (24, ["easy", "medium"])])
    assert Counter(labels[:36]) == {(t, d): 6 for t in trained for d in ("easy", "hard")}
    assert Counter(labels[36:]) == {(t, d): 1 for t in SCREEN_TYPES for d in ("easy", "medium")}


def test_generator_draws_slivers_decoration_images_and_cupertino_rows() -> None:
    """Hard lists sometimes scroll under a SliverAppBar, medium/hard details show a photo as a
    DecorationImage, hard settings sometimes use Cupertino rows (with cupertino.dart imported);
    all of them map to embedded renderer controls."""
    from flutter_renderer.dart import compile_screen
    from flutter_renderer.embedded.mapping import build_screen

    for screen_type, difficulty, marker in (
        ("list", "hard", "CustomScrollView("),
        ("detail", "medium", "DecorationImage("),
        ("settings", "hard", "CupertinoListSection.insetGrouped("),
    ):
        codes = [c for c in _screens(screen_type, difficulty, 24) if marker in c]
        assert codes, (screen_type, marker)
        for code in codes[:3]:
            build_screen(compile_screen(code, width=390, height=844))
        if screen_type == "settings":
            assert all("import 'package:flutter/cupertino.dart';" in c for c in codes)
