"""The index of Flutter's public names: its builder on a tiny made-up SDK, the loader's questions, and
facts of the committed index (flutter/flutter 90e4a12f2a)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from flutter_renderer.flutter_names import FlutterNames, flutter_names, library_of

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "build_flutter_names.py"
_SPEC = importlib.util.spec_from_file_location("build_flutter_names", _PATH)
builder = importlib.util.module_from_spec(_SPEC)
sys.modules["build_flutter_names"] = builder
_SPEC.loader.exec_module(builder)

# a made-up package:flutter: two public libraries, re-exports with show/hide, a part, private names
FILES = {
    "packages/flutter/pubspec.yaml": "name: flutter\ndependencies:\n  meta: 1.11.0\n  sky_engine:\n    sdk: flutter\n"
    "dev_dependencies:\n  fake_async: 1.3.1\n",
    "packages/flutter/lib/widgets.dart": "library widgets;\nexport 'dart:ui' show Offset;\n"
    "export 'src/widgets/framework.dart' hide Hidden;\n",
    "packages/flutter/lib/material.dart": "library material;\nexport 'widgets.dart';\nexport 'src/material/app.dart';\n",
    "packages/flutter/lib/src/widgets/framework.dart": """
import 'dart:ui' as ui;
part 'framework_part.dart';
abstract class Widget { const Widget({this.key}); final Object? key; String toStringShort() => ''; }
abstract class StatelessWidget extends Widget with _Helper { const StatelessWidget({super.key}); }
mixin _Helper { void helperMethod() {} }
class Hidden {}
class _Private {}
enum Axis { horizontal, vertical }
mixin Listenable on Object { void addListener(Object f) {} }
extension AxisName on Axis { String get label => ''; }
typedef Builder = Widget Function();
const double kTopLevel = 1.0;
Widget topLevelFunction() => throw 0;
final ui.Offset zeroOffset = ui.Offset.zero;
""",
    "packages/flutter/lib/src/widgets/framework_part.dart": "part of 'framework.dart';\nclass FromPart {}\n",
    "packages/flutter/lib/src/material/app.dart": """
class MaterialLike extends StatelessWidget {
  const MaterialLike(this.title, {super.key, required this.home, this.color}) : count = 0;
  const MaterialLike.named(this.title, [this.count = 0]) : home = null, color = null;
  MaterialLike._private();
  static MaterialLike of(Object context) => throw 0;
  static const int limit = 3;
  final String title; final int count; final Widget? home; final Object? color;
  void _secret() {}
}
class Helper { static Offset get origin => Offset.zero; }
""",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> FlutterNames:
    sdk = tmp_path_factory.mktemp("sdk")
    for path, content in FILES.items():
        (sdk / path).parent.mkdir(parents=True, exist_ok=True)
        (sdk / path).write_text(content)
    names, sources = builder.build(sdk)
    text = builder.write_index(["# Flutter's public API names: flutter/flutter " + "a" * 40 + ", test"], names)
    assert sources["dart:ui"] == "Flutter's use of it (partial)" and sources["dart:core"] == "listed by hand (partial)"
    return FlutterNames(text)


def test_public_exported_names_with_their_libraries(built: FlutterNames) -> None:
    assert built.libraries["MaterialLike"] == {"material"}
    assert built.libraries["StatelessWidget"] == {"material", "widgets"}
    assert built.libraries["FromPart"] == {"material", "widgets"}  # declared in a part of the library
    assert built.libraries["Offset"] == {"material", "widgets", "dart:ui"}
    for kind, name in [
        ("enum", "Axis"),
        ("mixin", "Listenable"),
        ("extension", "AxisName"),
        ("typedef", "Builder"),
        ("variable", "kTopLevel"),
        ("function", "topLevelFunction"),
        ("variable", "zeroOffset"),
    ]:
        assert built.get(name).kind == kind, name
    assert built.get("Hidden") is None and built.get("_Private") is None and built.get("_Helper") is None
    assert built.get("dart:io").kind == "library" and built.get("package:meta").kind == "package"
    assert built.get("package:fake_async") is None  # a dev dependency is not there in an app


def test_visibility_follows_the_imports() -> None:
    names = flutter_names()
    assert names.visible("WidgetsApp", ["widgets"]) and names.visible("WidgetsApp", ["material"])
    assert not names.visible("kIsWeb", ["material"]) and names.visible("kIsWeb", ["foundation"])
    assert names.visible("Duration", [])  # dart:core needs no import
    assert library_of("package:flutter/material.dart") == "material" and library_of("dart:ui") == "dart:ui"


def test_constructors_statics_and_members(built: FlutterNames) -> None:
    ctor = built.constructor("MaterialLike")
    assert ctor.positional == ("title",) and ctor.named == {"key", "home", "color"} and ctor.required == {"home"}
    named = built.constructor("MaterialLike", "named")
    assert named.positional == ("title", "count?") and (named.min_positional, named.max_positional) == (1, 2)
    assert built.constructor("MaterialLike", "_private") is None
    assert built.has_static("MaterialLike", "of") and built.has_static("MaterialLike", "limit")
    assert built.has_static("MaterialLike", "named")  # a named constructor is a static member too
    assert built.has_static("MaterialLike", "nope") is False
    assert built.has_static("Axis", "vertical") and built.has_static("Axis", "values")
    assert built.has_member("MaterialLike", "title") and not built.has_member("MaterialLike", "_secret")
    assert built.has_member("MaterialLike", "toStringShort")  # inherited from Widget
    assert built.has_member("MaterialLike", "helperMethod")  # from a private mixin, inlined
    assert built.has_member("MaterialLike", "hashCode")  # every class is an Object
    assert built.has_member("Axis", "label") and built.has_member("Axis", "index")  # extension, Enum
    assert built.is_widget("MaterialLike") and not built.is_widget("Axis") and not built.is_widget("Helper")


def test_partial_lists_answer_none_instead_of_no(built: FlutterNames) -> None:
    assert built.has_static("Offset", "zero") is True  # Flutter's code uses it
    assert built.has_static("Offset", "nowhere") is None  # dart:ui is not read whole here
    assert built.has_member("Duration", "inSeconds") is True and built.has_member("Duration", "nothing") is None
    assert built.has_static("Unknown", "x") is None and built.has_member("Unknown", "x") is None


def test_hand_listed_classes_have_the_constructors_dart_declares(built: FlutterNames) -> None:
    locale = built.constructor("Locale")
    assert locale.positional == ("languageCode", "countryCode?") and locale.named == frozenset()
    assert built.constructor("Locale", "fromSubtags").named == {"languageCode", "scriptCode", "countryCode"}
    assert built.has_static("Locale", "fromSubtags") is True  # a named constructor is a static member
    assert built.has_static("Locale", "nowhere") is None  # dart:ui stays partial
    controller = built.constructor("StreamController")
    assert controller.max_positional == 0 and "onListen" in controller.named and "sync" in controller.named
    assert built.constructor("StreamController", "broadcast").named == {"onListen", "onCancel", "sync"}
    assert built.constructor("StringBuffer").positional == ("content?",)
    assert built.constructor("Completer") is not None and built.constructor("Completer", "nope") is None


def test_a_real_sdk_cache_is_read_instead_of_the_hand_lists(tmp_path: Path) -> None:
    for path, content in FILES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content)
    ui = tmp_path / "bin/cache/pkg/sky_engine/lib/ui"
    ui.mkdir(parents=True)
    (ui / "ui.dart").write_text("library dart.ui;\npart 'geometry.dart';\n")
    (ui / "geometry.dart").write_text(
        "part of dart.ui;\nclass Offset { const Offset(this.dx, this.dy); "
        "static const Offset zero = Offset(0, 0); final double dx; final double dy; }\n"
    )
    names, sources = builder.build(tmp_path)
    index = FlutterNames(builder.write_index(["#"], names))
    assert sources["dart:ui"] == "bin/cache/pkg/sky_engine/lib/ui"
    assert index.has_static("Offset", "nowhere") is False  # read whole: a definite no
    assert index.constructor("Offset").positional == ("dx", "dy")


def test_the_committed_index_is_flutter_at_the_recorded_commit() -> None:
    names = flutter_names()
    assert names.commit == "90e4a12f2ab475185d9a3c9b164e2e26870ee643"
    assert names.is_widget("WidgetsApp") and names.is_widget("CupertinoButton") and not names.is_widget("Curves")
    assert names.has_static("Curves", "easeIn") and names.has_static("Curves", "easeIn2") is False
    assert {"restorationId", "appBar", "body"} <= names.constructor("Scaffold").named
    assert names.has_static("BoxConstraints", "tight") and names.has_static("Icons", "home")
    assert names.has_member("TextEditingController", "addListener")  # from ChangeNotifier
    assert names.get("WidgetsBinding").kind == "mixin"
