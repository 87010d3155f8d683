"""A tiny Dart expression builder and printer for the synthetic screen generator.

Screens are built as trees of `Call` values and printed the way `dart format` lays out Flutter code
(trailing commas, one argument per line when a call does not fit). Building a tree instead of
concatenating strings keeps every generated file balanced, and lets the printer place `const` where a
Flutter developer (and the `prefer_const_constructors` lint) would: on the outermost constant call,
never on a call that is not constant (that would not compile).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LINE_WIDTH = 80
INDENT = "  "

# Constructors that are `const` in Flutter's sources. A call is emitted as const only when its
# constructor is listed here and every argument is constant; unlisted ones (Container, AppBar,
# ListView, BorderRadius.circular, ...) are never const, which is always valid Dart.
CONST_CONSTRUCTORS = frozenset(
    """
    Scaffold Column Row Stack Positioned Padding SizedBox SizedBox.square Center Align Expanded Flexible
    Spacer SingleChildScrollView Text Text.rich TextSpan Icon CircleAvatar Card ListTile Divider
    VerticalDivider ElevatedButton ElevatedButton.icon FilledButton FilledButton.tonal TextButton
    OutlinedButton IconButton FloatingActionButton FloatingActionButton.extended TextField Form Checkbox
    CheckboxListTile Switch SwitchListTile Radio RadioListTile Slider DropdownMenuItem PopupMenuItem AppBarTheme InputDecorationTheme Chip ChoiceChip Badge
    BottomNavigationBarItem NavigationDestination Drawer AlertDialog SafeArea Wrap ClipRRect Opacity
    DecoratedBox InkWell GestureDetector Tooltip CircularProgressIndicator LinearProgressIndicator
    EdgeInsets.all EdgeInsets.symmetric EdgeInsets.only EdgeInsets.fromLTRB TextStyle BoxDecoration
    InputDecoration OutlineInputBorder Color Radius.circular BorderRadius.all BoxShadow Offset
    CustomScrollView SliverAppBar FlexibleSpaceBar SliverToBoxAdapter SliverPadding DecorationImage NetworkImage
    CupertinoListSection.insetGrouped CupertinoListTile CupertinoSwitch
    """.split()
)


@dataclass(frozen=True)
class Raw:
    """Verbatim Dart: an identifier, an enum/static constant or an expression; `const` says whether
    it may stand inside a constant expression (`Colors.blue` may, `Theme.of(context)` may not)."""

    code: str
    const: bool = True


@dataclass(frozen=True)
class Call:
    """A constructor or function call: `Call('Text', 'Hi', style=...)`. Python strings in `args`
    and `kwargs` become Dart string literals; use `Raw` for code."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()

    def __init__(self, name: str, *args: Any, **kwargs: Any) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "args", args)
        object.__setattr__(self, "kwargs", tuple((k, v) for k, v in kwargs.items() if v is not None))


@dataclass(frozen=True)
class Closure:
    """A callback: `() {}` by default, or `(value) => setState(...)`. Never constant."""

    code: str = "() {}"


@dataclass
class Method:
    """A helper method of the screen class, e.g. `Widget _buildTile(String title, IconData icon)`."""

    name: str
    params: list[tuple[str, str]]  # (Dart type, name)
    body: Any
    returns: str = "Widget"


@dataclass
class ScreenClass:
    """One screen widget: its class name, `build` body, helper methods and (stateful) state fields."""

    name: str
    body: Any
    methods: list[Method] = field(default_factory=list)
    state_fields: list[str] = field(default_factory=list)  # e.g. "bool _enabled = true;"
    declarations: list[str] = field(default_factory=list)  # top-level Dart after the class (data, constants)
    imports: list[str] = field(default_factory=list)  # libraries besides material.dart, e.g. cupertino.dart
    theme: list[str] = field(default_factory=list)  # ThemeData arguments of its MaterialApp besides the seed

    @property
    def stateful(self) -> bool:
        return bool(self.state_fields)


def dart_string(text: str) -> str:
    """A single-quoted Dart string literal; quotes and `$` are escaped so nothing interpolates."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("$", "\\$").replace("\n", "\\n")
    return f"'{escaped}'"


def is_const(value: Any) -> bool:
    """Whether `value` is a constant expression in Dart."""
    if isinstance(value, (Closure, Method)):
        return False
    if isinstance(value, Raw):
        return value.const
    if isinstance(value, Call):
        return (
            value.name in CONST_CONSTRUCTORS
            and all(is_const(a) for a in value.args)
            and all(is_const(v) for _, v in value.kwargs)
        )
    if isinstance(value, list):
        return all(is_const(v) for v in value)
    return True  # str, int, float, bool, None literals


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return dart_string(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _needs_const(value: Any, in_const: bool) -> bool:
    """`const` goes on the outermost constant call or list with something worth making const."""
    if in_const or not is_const(value):
        return False
    if isinstance(value, Call):
        return True
    return isinstance(value, list) and any(isinstance(v, Call) for v in value)


def emit(value: Any, indent: int = 0, in_const: bool = False) -> str:
    """Print one Dart expression starting at column `indent * 2` (the first line is not indented)."""
    if isinstance(value, Raw):
        return value.code
    if isinstance(value, Closure):
        return value.code
    prefix = "const " if _needs_const(value, in_const) else ""
    inner_const = in_const or bool(prefix)
    if isinstance(value, list):
        parts = [emit(v, indent + 1, inner_const) for v in value]
        return prefix + _layout("[", parts, "]", indent, force_split=any(isinstance(v, Call) for v in value))
    if isinstance(value, Call):
        parts = [emit(a, indent + 1, inner_const) for a in value.args]
        parts += [f"{k}: {emit(v, indent + 1, inner_const)}" for k, v in value.kwargs]
        has_children = any(isinstance(v, list) and v for _, v in value.kwargs)
        return prefix + _layout(f"{value.name}(", parts, ")", indent, force_split=has_children)
    return _scalar(value)


def _layout(opening: str, parts: list[str], closing: str, indent: int, force_split: bool) -> str:
    one_line = opening + ", ".join(parts) + closing
    fits = len(INDENT * indent) + len(one_line) <= LINE_WIDTH and "\n" not in one_line
    if not parts or (fits and not force_split):
        return one_line
    pad = INDENT * (indent + 1)
    body = "".join(f"{pad}{part},\n" for part in parts)
    return f"{opening}\n{body}{INDENT * indent}{closing}"


def _method_source(method: Method) -> str:
    params = ", ".join(f"{t} {n}" for t, n in method.params)
    body = emit(method.body, 2)
    return f"  {method.returns} {method.name}({params}) {{\n    return {body};\n  }}\n"


def screen_source(screen: ScreenClass, app_seed_color: str | None = None, dark: bool = False) -> str:
    """The complete Dart file for one screen: import, optional `main`/`MaterialApp`, the widget class.

    `app_seed_color` (e.g. '0xFF3F51B5') adds `main()` and a `MaterialApp` themed from that seed
    color (`dark` for a dark theme); None leaves the screen class alone, as in a file of a larger app.
    """
    lines = [
        "import 'package:flutter/material.dart';",
        *(f"import '{library}';" for library in sorted(set(screen.imports))),
        "",
    ]
    if app_seed_color:
        lines += [
            "void main() => runApp(const MyApp());",
            "",
            "class MyApp extends StatelessWidget {",
            "  const MyApp({super.key});",
            "",
            "  @override",
            "  Widget build(BuildContext context) {",
            "    return MaterialApp(",
            "      debugShowCheckedModeBanner: false,",
            "      theme: ThemeData(",
            *(["        brightness: Brightness.dark,"] if dark else []),
            f"        colorSchemeSeed: const Color({app_seed_color}),",
            "        useMaterial3: true,",
            *(f"        {argument}," for argument in screen.theme),
            "      ),",
            f"      home: const {screen.name}(),",
            "    );",
            "  }",
            "}",
            "",
        ]
    state_class = f"_{screen.name}State"
    if screen.stateful:
        lines += [
            f"class {screen.name} extends StatefulWidget {{",
            f"  const {screen.name}({{super.key}});",
            "",
            "  @override",
            f"  State<{screen.name}> createState() => {state_class}();",
            "}",
            "",
            f"class {state_class} extends State<{screen.name}> {{",
            *(f"  {f}" for f in screen.state_fields),
            "",
        ]
    else:
        lines += [f"class {screen.name} extends StatelessWidget {{", f"  const {screen.name}({{super.key}});", ""]
    lines += [
        "  @override",
        "  Widget build(BuildContext context) {",
        f"    return {emit(screen.body, 2)};",
        "  }",
    ]
    source = "\n".join(lines) + "\n"
    for method in screen.methods:
        source += "\n" + _method_source(method)
    source += "}\n"
    return source + "".join(f"\n{declaration}\n" for declaration in screen.declarations)
