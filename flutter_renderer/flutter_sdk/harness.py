"""Generate the batch's Flutter test: find each candidate's root widget and write one `testWidgets` each.

A candidate is a whole Dart file with its own imports and maybe its own `main()`. It is written to
`lib/candidates/c_<i>.dart` and imported with a prefix (`as c3`), so its `main` and class names never
clash with another candidate's. The root widget is found with simple patterns, in this order: the
class given to `runApp(Name())`; a class whose build returns MaterialApp/CupertinoApp/WidgetsApp (pumped
as is); one whose build returns a Scaffold; a widget class no other class uses; the first widget class.
Private classes (`_Name`) cannot be reached from another library and classes whose constructor needs
arguments cannot be built, so both are skipped.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

PROJECT_TEMPLATE = Path(__file__).resolve().parent.parent / "flutter_project"
PACKAGE = "flutter_rl_harness"
TEST_FILE = "test/render_batch_test.dart"
CANDIDATES_DIR = "lib/candidates"

_WIDGET_CLASS = re.compile(r"^[ \t]*(?:abstract\s+)?class\s+(\w+)\s+extends\s+(StatelessWidget|StatefulWidget)\b", re.M)
_ANY_CLASS = re.compile(r"^[ \t]*(?:abstract\s+)?class\s+\w+", re.M)
_RUN_APP = re.compile(r"\brunApp\(\s*(?:const\s+)?(\w+)\s*\(\s*\)\s*,?\s*\)")
_RETURNS_APP = re.compile(r"(?:\breturn|=>)\s*(?:const\s+)?(?:MaterialApp|CupertinoApp|WidgetsApp)(?:\.router)?\s*\(")
_RETURNS_SCAFFOLD = re.compile(r"(?:\breturn|=>)\s*(?:const\s+)?(?:Scaffold|CupertinoPageScaffold)\s*\(")


@dataclass(frozen=True)
class RootWidget:
    """The class to pump for a candidate, and whether it already is an app (no MaterialApp around it)."""

    name: str
    is_app: bool


@dataclass(frozen=True)
class HarnessConfig:
    """The values the generated test passes to `render_harness.dart`'s `HarnessConfig`."""

    out_dir: Path
    width: int
    height: int
    pixel_ratio: float
    timeout_s: float
    fonts: Mapping[str, Sequence[Path]]


def _class_bodies(code: str) -> dict[str, str]:
    """Widget class name -> its source up to the next top-level class (good enough for pattern checks)."""
    starts = [m.start() for m in _ANY_CLASS.finditer(code)] + [len(code)]
    bodies = {}
    for match in _WIDGET_CLASS.finditer(code):
        end = next(s for s in starts if s > match.start())
        bodies[match.group(1)] = code[match.start():end]
    return bodies


def _state_body(code: str, widget: str) -> str:
    """The source of `class _XState extends State<X>`, where a StatefulWidget's build lives."""
    match = re.search(rf"^[ \t]*class\s+\w+\s+extends\s+State<{re.escape(widget)}>", code, re.M)
    if not match:
        return ""
    following = _ANY_CLASS.search(code, match.end())
    return code[match.start():following.start() if following else len(code)]


def _needs_arguments(body: str, name: str) -> bool:
    """True when every unnamed constructor of `name` has positional or `required` parameters."""
    constructors = re.findall(rf"(?:^|[;{{}}])\s*(?:const\s+)?{re.escape(name)}\s*\(([^)]*)\)", body, re.M)
    if not constructors:
        return False  # the implicit default constructor
    for params in constructors:
        positional = re.split(r"[{\[]", params, maxsplit=1)[0].strip().strip(",")
        if not positional and "required" not in params:
            return False
    return True


def find_root_widget(code: str) -> RootWidget | None:
    """The widget class the harness should pump for `code`, or None when there is no usable one."""
    bodies = _class_bodies(code)
    usable = [n for n, body in bodies.items() if not n.startswith("_") and not _needs_arguments(body, n)]
    if not usable:
        return None

    def build_source(name: str) -> str:
        return bodies[name] + _state_body(code, name)

    def root(name: str) -> RootWidget:
        return RootWidget(name, bool(_RETURNS_APP.search(build_source(name))))

    run_app = _RUN_APP.search(code)
    if run_app and run_app.group(1) in usable:
        return root(run_app.group(1))
    for pattern in (_RETURNS_APP, _RETURNS_SCAFFOLD):
        for name in usable:
            if pattern.search(build_source(name)):
                return root(name)
    others = {n: "".join(build_source(m) for m in bodies if m != n) for n in usable}
    unused = [n for n in usable if not re.search(rf"\b{re.escape(n)}\b", others[n])]
    return root((unused or usable)[0])


def dart_string(text: str) -> str:
    """`text` as a single-quoted Dart string literal."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("$", "\\$").replace("\n", "\\n")
    return f"'{escaped}'"


def _dart_number(value: float) -> str:
    return repr(float(value))


def batch_test_source(roots: Mapping[int, RootWidget], config: HarnessConfig) -> str:
    """The generated `test/render_batch_test.dart` for the candidates in `roots` (index -> root)."""
    fonts = ", ".join(
        f"{dart_string(family)}: <String>[{', '.join(dart_string(str(p)) for p in paths)}]"
        for family, paths in config.fonts.items()
    )
    imports = "\n".join(f"import 'package:{PACKAGE}/candidates/c_{i}.dart' as c{i};" for i in sorted(roots))
    tests = "\n".join(
        f"  renderCandidate(config, {i}, () => c{i}.{root.name}(), wrap: {'false' if root.is_app else 'true'});"
        for i, root in sorted(roots.items())
    )
    return f"""// Generated by flutter_renderer/flutter_sdk/harness.py for one batch; do not edit.
{imports}
import 'render_harness.dart';

const config = HarnessConfig(
  outDir: {dart_string(str(config.out_dir))},
  width: {_dart_number(config.width)},
  height: {_dart_number(config.height)},
  pixelRatio: {_dart_number(config.pixel_ratio)},
  timeoutMs: {max(1, round(config.timeout_s * 1000))},
  fonts: <String, List<String>>{{{fonts}}},
);

void main() {{
  setUpHarness(config);
{tests}
}}
"""


def sdk_constraint(dart_version: str) -> str | None:
    """The pubspec `sdk:` constraint whose lower bound is the installed Dart (`bin/cache/dart-sdk/version`).

    Dart takes a package's language version from that lower bound, so the template's `>=3.0.0` compiled
    every candidate as Dart 3.0 and rejected newer syntax (wildcards, null-aware elements, digit
    separators, dot shorthands). A prerelease sorts below X.Y.0, so it is its own bound, as
    `flutter create` writes it (commands/create.dart: `>=$dartSdk`). None when the version is unreadable.
    """
    match = re.fullmatch(r"(\d+)\.(\d+)\.\d+(-\S+)?", dart_version.strip())
    if match is None:
        return None
    major, minor, prerelease = match.groups()
    return f"^{dart_version.strip()}" if prerelease else f"^{major}.{minor}.0"


def _pubspec(constraint: str | None) -> str:
    template = (PROJECT_TEMPLATE / "pubspec.yaml").read_text(encoding="utf-8")
    if constraint is None:
        return template
    return re.sub(r"^(environment:\n  sdk: ).*$", lambda m: m.group(1) + constraint, template, count=1, flags=re.M)


def create_project(workdir: Path, constraint: str | None) -> Path:
    """A fresh copy of the harness project under `workdir`, its pubspec on `constraint` (`sdk_constraint`)."""
    project = workdir / "project"
    shutil.copytree(PROJECT_TEMPLATE, project, ignore=shutil.ignore_patterns("build", ".dart_tool", "c_*.dart"))
    (project / "pubspec.yaml").write_text(_pubspec(constraint), encoding="utf-8")
    return project


def write_candidates(project: Path, codes: Mapping[int, str]) -> None:
    """Replace the candidates directory's Dart files with `codes` (index -> source)."""
    folder = project / CANDIDATES_DIR
    for old in folder.glob("c_*.dart"):
        old.unlink()
    for index, code in codes.items():
        (folder / f"c_{index}.dart").write_text(code, encoding="utf-8")


def write_test(project: Path, roots: Mapping[int, RootWidget], config: HarnessConfig) -> Path:
    """Write the generated test file for this run; returns its path."""
    path = project / TEST_FILE
    path.write_text(batch_test_source(roots, config), encoding="utf-8")
    return path


def harness_hash(constraint: str | None) -> str:
    """A short hash of everything that decides how a candidate is rendered: template, generator, language."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(PROJECT_TEMPLATE.rglob("*")):
        if path.is_file() and path.suffix in {".dart", ".yaml"} and not path.name.startswith("c_"):
            digest.update(path.relative_to(PROJECT_TEMPLATE).as_posix().encode())
            digest.update(_pubspec(constraint).encode() if path.name == "pubspec.yaml" else path.read_bytes())
    return digest.hexdigest()[:12]
