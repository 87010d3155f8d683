"""Harness generation: what is pumped for a candidate (roots.py), the generated test file, the project template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flutter_renderer.flutter_sdk import harness
from flutter_renderer.flutter_sdk.roots import ENTRY, RootWidget, app_expression, class_root, find_root_widget

APP_WITH_MAIN = """
import 'package:flutter/material.dart';

void main() => runApp(const LoginApp());

class LoginApp extends StatelessWidget {
  const LoginApp({super.key});
  @override
  Widget build(BuildContext context) {
    return MaterialApp(home: const LoginPage(title: 'Sign in'));
  }
}

class LoginPage extends StatelessWidget {
  const LoginPage({super.key, required this.title});
  final String title;
  @override
  Widget build(BuildContext context) => Scaffold(appBar: AppBar(title: Text(title)));
}
"""

STATEFUL_SCREEN = """
import 'package:flutter/material.dart';

class Badge extends StatelessWidget {
  const Badge({super.key});
  @override
  Widget build(BuildContext context) => const Icon(Icons.star);
}

class MenuScreen extends StatefulWidget {
  const MenuScreen({Key? key}) : super(key: key);
  @override
  State<MenuScreen> createState() => _MenuScreenState();
}

class _MenuScreenState extends State<MenuScreen> {
  @override
  Widget build(BuildContext context) {
    return Scaffold(body: ListView(children: const [Badge()]));
  }
}
"""


def test_main_app_is_pumped_and_an_app_is_not_wrapped():
    assert find_root_widget(APP_WITH_MAIN) == RootWidget(ENTRY, is_app=True, expression="const LoginApp()")
    assert class_root(APP_WITH_MAIN) == RootWidget("LoginApp", is_app=True)  # the runApp(Name()) class


def test_runapp_with_a_themed_app_pumps_that_app():
    """Issue 16 (10): `runApp(MaterialApp(theme: ..., home: X()))` lost its theme when X was pumped alone."""
    code = APP_WITH_MAIN.replace(
        "void main() => runApp(const LoginApp());",
        """void main() {
  WidgetsFlutterBinding.ensureInitialized();
  runApp(MaterialApp(
    theme: ThemeData(colorSchemeSeed: Colors.teal), // brand colours
    home: const LoginPage(title: 'Sign in; or not)'),
  ));
}""",
    )
    root = find_root_widget(code)
    assert root.name == ENTRY and root.is_app
    assert root.expression.startswith("MaterialApp(\n    theme: ThemeData(colorSchemeSeed: Colors.teal), // brand")
    source = root.source_for(code)
    assert source.startswith(code.rstrip()) and root.first_added_line(code) == len(code.rstrip().splitlines()) + 1
    added = source.splitlines()[root.first_added_line(code) - 1 :]
    assert added.pop(0) == "" and added[0] == "// Added by flutter-rl: the widget main() gives to runApp."
    assert added[1] == f"Widget {ENTRY}() =>" and added[-1].strip() == ";"  # a trailing // comment cannot eat the ;
    assert _dart_syntax_errors(source) == []
    assert find_root_widget(code.replace("const LoginPage(", "const _Page(")).name == ENTRY  # private names are fine
    assert RootWidget("LoginApp", True).source_for(code) == code


@pytest.mark.parametrize(
    "main",
    [
        "void main() async {\n  final prefs = await load();\n  runApp(MyApp(prefs));\n}",  # main does more
        "void main() => runApp(app);\nfinal app = MyApp();\nvoid other() {}".replace("runApp(app)", "runApp(app, 1)"),
        "class Host {\n  void main() => runApp(const MyApp());\n}",  # not the top-level main
    ],
)
def test_main_that_does_more_than_run_an_app_is_not_copied(main):
    assert app_expression(main) is None


def test_abstract_classes_and_private_constructors_are_not_roots():
    """Issue 16 (10): `Name()` must build the class."""
    abstract = """
abstract class BaseScreen extends StatelessWidget {
  const BaseScreen({super.key});
  Widget build(BuildContext context) => const Scaffold();
}
"""
    private_constructor = """
class Home extends StatelessWidget {
  const Home._();
  static const instance = Home._();
  Widget build(BuildContext context) => const Scaffold();
}
"""
    assert find_root_widget(abstract) is None and find_root_widget(private_constructor) is None
    assert find_root_widget(
        private_constructor.replace("const Home._();", "const Home._();\n  const Home();")
    ) == RootWidget("Home", is_app=False)
    sealed = abstract.replace("abstract class", "sealed class")
    assert find_root_widget(sealed + STATEFUL_SCREEN) == RootWidget("MenuScreen", is_app=False)


def test_stateful_scaffold_found_through_its_state_class():
    assert find_root_widget(STATEFUL_SCREEN) == RootWidget("MenuScreen", is_app=False)


def test_classes_needing_arguments_or_private_are_skipped():
    code = APP_WITH_MAIN.replace("void main() => runApp(const LoginApp());", "").replace(
        "const LoginApp({super.key});", "const LoginApp(this.theme, {super.key});\n  final int theme;"
    )
    assert find_root_widget(code) is None  # LoginApp needs a positional argument, LoginPage a required one
    private = (
        "import 'package:flutter/material.dart';\nclass _Home extends StatelessWidget {\n"
        "  @override\n  Widget build(BuildContext c) => const Scaffold();\n}\n"
    )
    assert find_root_widget(private) is None


def test_unused_widget_class_is_preferred_over_a_helper():
    code = """
class Row2 extends StatelessWidget {
  const Row2({super.key});
  Widget build(BuildContext context) => const Text('x');
}
class Screen extends StatelessWidget {
  const Screen({super.key});
  Widget build(BuildContext context) => Column(children: const [Row2(), Row2()]);
}
"""
    assert find_root_widget(code) == RootWidget("Screen", is_app=False)


def test_no_widget_class():
    assert find_root_widget("void main() { print('hi'); }") is None


def _config(tmp_path: Path) -> harness.HarnessConfig:
    return harness.HarnessConfig(
        out_dir=tmp_path / "out's",
        width=390,
        height=844,
        pixel_ratio=2.0,
        timeout_s=7.5,
        fonts={"Roboto": [Path("/sdk/fonts/Roboto-Regular.ttf")]},
    )


def test_generated_test_imports_each_candidate_with_a_prefix(tmp_path):
    roots = {3: RootWidget("LoginApp", True), 0: RootWidget("MenuScreen", False)}
    source = harness.batch_test_source(roots, _config(tmp_path))
    assert "import 'package:flutter_rl_harness/candidates/c_0.dart' as c0;" in source
    assert "import 'package:flutter_rl_harness/candidates/c_3.dart' as c3;" in source
    calls = re.findall(r"renderCandidate\(config, (\d+), \(\) => (c\d+\.\w+)\(\), wrap: (\w+)\);", source)
    assert calls == [("0", "c0.MenuScreen", "true"), ("3", "c3.LoginApp", "false")]
    assert "timeoutMs: 7500," in source and "pixelRatio: 2.0," in source and "width: 390.0," in source
    assert f"outDir: '{tmp_path}/out\\'s'," in source  # quotes escaped for Dart
    assert "'Roboto': <String>['/sdk/fonts/Roboto-Regular.ttf']" in source


def test_generated_config_matches_the_harness_constructor(tmp_path):
    """Every named argument the generator writes must exist in render_harness.dart's HarnessConfig."""
    dart = (harness.PROJECT_TEMPLATE / "test" / "render_harness.dart").read_text()
    constructor = re.search(r"const HarnessConfig\(\{(.*?)\}\);", dart, re.S).group(1)
    declared = set(re.findall(r"required this\.(\w+)", constructor))
    generated = re.search(
        r"const config = HarnessConfig\((.*?)\n\);", harness.batch_test_source({}, _config(tmp_path)), re.S
    )
    written = set(re.findall(r"^\s+(\w+):", generated.group(1), re.M))
    assert written == declared
    assert "void renderCandidate(HarnessConfig config, int index, Widget Function() root, {required bool wrap})" in dart


@pytest.mark.parametrize("text, literal", [("a'b", r"'a\'b'"), ("$x", r"'\$x'"), ("c:\\d", r"'c:\\d'")])
def test_dart_string_escapes(text, literal):
    assert harness.dart_string(text) == literal


def test_project_template_uses_only_the_sdk(tmp_path):
    pubspec = (harness.PROJECT_TEMPLATE / "pubspec.yaml").read_text()
    assert f"name: {harness.PACKAGE}" in pubspec
    deps = re.findall(r"^  (\w+):\n    sdk: flutter$", pubspec, re.M)
    assert deps == ["flutter", "flutter_test"]
    assert "hosted" not in pubspec and "git:" not in pubspec
    project = harness.create_project(tmp_path, "^3.8.0")
    harness.write_candidates(project, {0: "// a", 2: "// c"})
    harness.write_candidates(project, {1: "// b"})  # a new batch replaces the previous files
    assert sorted(p.name for p in (project / "lib" / "candidates").glob("*.dart")) == ["c_1.dart"]
    assert (project / "test" / "render_harness.dart").is_file()


def test_harness_hash_is_stable_and_covers_the_dart_harness():
    first = harness.harness_hash("^3.8.0")
    assert first == harness.harness_hash("^3.8.0") and len(first) == 12


def _dart_syntax_errors(source: str) -> list[str]:
    """Syntax errors found by tree-sitter-dart (a parse only: no types, no Flutter API check)."""
    import tree_sitter_dart
    from tree_sitter import Language, Parser

    data = source.encode()
    tree = Parser(Language(tree_sitter_dart.language())).parse(data)
    found, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            found.append(f"{node.start_point}: {data[node.start_byte : node.end_byte][:60]!r}")
        stack.extend(node.children)
    return found


def test_dart_sources_parse(tmp_path):
    assert _dart_syntax_errors("void main( {") != []  # the check itself can fail
    harness_dart = (harness.PROJECT_TEMPLATE / "test" / "render_harness.dart").read_text()
    assert _dart_syntax_errors(harness_dart) == []
    generated = harness.batch_test_source({0: RootWidget("A", True), 4: RootWidget("B", False)}, _config(tmp_path))
    assert _dart_syntax_errors(generated) == []


def test_every_synthetic_screen_has_a_root_widget():
    """The curate generator's screens are what the backend renders first: each must have a root to pump."""
    from flutter_rl.synth.synthetic import screen_from_seed

    types = [
        "login",
        "signup",
        "list",
        "menu",
        "form",
        "modal",
        "settings",
        "profile",
        "dashboard",
        "detail",
        "chat",
        "onboarding",
    ]
    for seed in range(24):
        code = screen_from_seed(types[seed % len(types)], ("easy", "medium", "hard")[seed % 3], seed).code
        root = find_root_widget(code)
        assert root is not None, code[:300]
        if root.name == ENTRY:
            assert _dart_syntax_errors(root.source_for(code)) == [], root.expression
        else:
            assert re.search(rf"^class {root.name} extends", code, re.M)


# The Dart harness cannot run here (no Flutter SDK): these tests check its structure, so that each fix
# of issue 16 stays where the binding needs it; tests/flutter_sdk/test_flutter_sdk_real.py checks the
# pixels on a machine with Flutter.
HARNESS_DART = (harness.PROJECT_TEMPLATE / "test" / "render_harness.dart").read_text()


def _top_level(name: str) -> str:
    """The source of the top-level class or function `name` of render_harness.dart, up to the next declaration."""
    start = re.search(rf"^(?:class {re.escape(name)}\b|\S[^=\n]*\b{re.escape(name)}\()", HARNESS_DART, re.M).start()
    following = re.compile(r"^(?:\w|/// |@)", re.M).search(HARNESS_DART, HARNESS_DART.index("\n", start) + 1)
    return HARNESS_DART[start : following.start() if following else len(HARNESS_DART)]


def test_real_shadows_while_pumped_and_the_flag_restored_inside_the_test_body():
    """Issue 16 (3): flutter_test strokes elevation as an outline unless debugDisableShadows is false."""
    body = _top_level("renderCandidate")
    assert body.index("debugDisableShadows = false;") < body.index("tester.pumpWidget(")
    cleanup = body[body.rindex("} finally {") :]
    assert body.index("_capture(") < body.rindex("} finally {")  # shadows stay on through the capture
    assert "_restoreSwitches();" in cleanup and cleanup.index("_restoreSwitches();") < cleanup.index("status.write(")
    assert "_Switch<bool>(() => debugDisableShadows, (v) => debugDisableShadows = v)," in _top_level("_readSwitches")


def test_error_handler_stays_installed_until_after_the_capture():
    """Issue 16 (5): errors that arrive while the screen is captured keep their library."""
    body = _top_level("renderCandidate")
    restored = body.index("FlutterError.onError = previousOnError;")
    assert body.index("FlutterError.onError = (FlutterErrorDetails details)") < body.index("tester.pumpWidget(")
    assert body.index("_capture(") < restored and body.index("_drain(tester)") < restored
    assert body.index("tester.takeException();") < body.index("FlutterError.onError = (")  # a neighbour's late error


def test_error_descriptions_are_guarded():
    """Issue 16 (10): describing an error runs the candidate's toString, which may throw."""
    describe = _top_level("_describe")
    assert "_safely(() => details.exceptionAsString())" in describe and "_safely(() => details.toString())" in describe
    assert "try {" in _top_level("_safely") and "catch (error)" in _top_level("_safely")


def test_settling_advances_fake_time_past_delayed_futures_and_semantics_are_off():
    """Issue 16 (10): 10 frames of 100 ms captured a FutureBuilder on a 2 s delay still loading."""
    seconds = int(re.search(r"const Duration _settleTime = Duration\(seconds: (\d+)\);", HARNESS_DART).group(1))
    assert seconds >= 3
    assert "await tester.pump(_settleTime);" in _top_level("_settle")
    assert "semanticsEnabled: false" in _top_level("renderCandidate")


def test_global_debug_switches_are_reset_around_every_candidate():
    """Issue 16 (10): switches a candidate flips (debugPaintSizeEnabled, timeDilation, ErrorWidget.builder)
    must not reach the next candidate; the binding checks some of them but resets none."""
    switches = _top_level("_readSwitches")
    for switch in (
        "debugPaintSizeEnabled",
        "debugRepaintRainbowEnabled",
        "debugDisableShadows",
        "timeDilation",
        "ErrorWidget.builder",
        "debugDefaultTargetPlatformOverride",
        "debugInvertOversizedImages",
    ):
        assert f"(() => {switch}, (v) => {switch} = v)," in switches, switch
    assert (
        "switch_.restore();" in _top_level("_restoreSwitches") and "void restore() => _write(_saved);" in HARNESS_DART
    )
    body = _top_level("renderCandidate")
    assert body.index("_restoreSwitches();") < body.index("tester.pumpWidget(")
    assert "_defaults = _readSwitches();" in _top_level("setUpHarness")


@pytest.mark.parametrize(
    "dart, constraint",
    [("3.8.1", "^3.8.0"), ("3.10.0\n", "^3.10.0"), ("3.9.0-163.1.beta", "^3.9.0-163.1.beta"), ("", None)],
)
def test_sdk_constraint_gives_the_installed_language_version(dart, constraint):
    """A prerelease is below X.Y.0, so it keeps its own version as the bound, as `flutter create` does."""
    assert harness.sdk_constraint(dart) == constraint


def test_project_pubspec_and_hash_follow_the_language_version(tmp_path):
    project = harness.create_project(tmp_path / "a", "^3.8.0")
    pubspec = (project / "pubspec.yaml").read_text()
    assert re.search(r"^environment:\n  sdk: \^3\.8\.0\n", pubspec, re.M)
    template = (harness.PROJECT_TEMPLATE / "pubspec.yaml").read_text()
    assert harness.create_project(tmp_path / "b", None).joinpath("pubspec.yaml").read_text() == template
    assert len({harness.harness_hash("^3.8.0"), harness.harness_hash("^3.9.0"), harness.harness_hash(None)}) == 3
