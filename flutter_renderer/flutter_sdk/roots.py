"""Find what the harness pumps for a candidate: the app its `main()` runs, else its root widget class.

A candidate is a whole Dart file. When its `main` only calls `runApp(<widget>)` (after
`WidgetsFlutterBinding.ensureInitialized()` at most), that very widget is pumped, theme and all: the
expression is copied into a function appended to the candidate file (`ENTRY`), where it sees the same
names as in `main`. Otherwise a root widget class is guessed with simple patterns, in this order: the
class given to `runApp(Name())`; a class whose build returns MaterialApp/CupertinoApp/WidgetsApp (pumped
as is); one whose build returns a Scaffold; a widget class no other class uses; the first widget class.
Private classes (`_Name`) cannot be reached from another library; abstract and sealed classes and
classes without a no-argument unnamed constructor cannot be built: all are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

# Appended to a candidate file when its main() gives runApp a widget; the `$` keeps it off candidates' names.
ENTRY = "$flutterRlApp"
APPS = ("MaterialApp", "CupertinoApp", "WidgetsApp")

_MODIFIERS = r"(?:(?:abstract|sealed|base|final|interface|mixin)\s+)*"
_WIDGET_CLASS = re.compile(
    rf"^[ \t]*({_MODIFIERS})class\s+(\w+)\s+extends\s+(?:StatelessWidget|StatefulWidget)\b", re.M
)
_ANY_CLASS = re.compile(rf"^[ \t]*{_MODIFIERS}class\s+\w+", re.M)
_RUN_APP = re.compile(r"\brunApp\(\s*(?:const\s+)?(\w+)\s*\(\s*\)\s*,?\s*\)")
_RETURNS_APP = re.compile(rf"(?:\breturn|=>)\s*(?:const\s+)?(?:{'|'.join(APPS)})(?:\.router)?\s*\(")
_RETURNS_SCAFFOLD = re.compile(r"(?:\breturn|=>)\s*(?:const\s+)?(?:Scaffold|CupertinoPageScaffold)\s*\(")
_MAIN = re.compile(r"^(?:void\s+|Future<void>\s+)?main\s*\(\s*\)\s*(?:async\s*)?(=>|\{)", re.M)
_ENSURE_INITIALIZED = re.compile(r"(?:WidgetsFlutterBinding|WidgetsBinding)\.ensureInitialized\(\)")
_CONSTRUCTED = re.compile(r"(?:const\s+|new\s+)?(\w+)(?:\.\w+)?\s*[(<]")


@dataclass(frozen=True)
class RootWidget:
    """What to pump: a widget class, or `ENTRY` (the app `main` builds); and whether it already is an app
    (pumped as is) or needs a MaterialApp around it."""

    name: str
    is_app: bool
    expression: str = ""  # for ENTRY: the widget expression main() gives to runApp

    def source_for(self, code: str) -> str:
        """The candidate file to write: `code`, plus the ENTRY function when this root is main's app."""
        if self.name != ENTRY:
            return code
        # The expression keeps its own lines; a line comment at its end must not swallow the `;`.
        return (
            f"{code.rstrip()}\n\n// Added by flutter-rl: the widget main() gives to runApp.\n"
            f"Widget {ENTRY}() =>\n    {self.expression}\n    ;\n"
        )

    def first_added_line(self, code: str) -> int | None:
        """The first line of `source_for(code)` that is not the candidate's own, or None when nothing is added."""
        return len(code.rstrip().splitlines()) + 1 if self.name == ENTRY else None


def _string_end(code: str, i: int) -> int:
    """Index just past the string literal (r'...', '...', '''...''', with ${...} interpolations) at code[i]."""
    raw = code[i] in "rR"
    i += raw
    quote = code[i : i + 3] if code[i : i + 3] in ("'''", '"""') else code[i]
    i += len(quote)
    while i < len(code):
        if code.startswith(quote, i):
            return i + len(quote)
        if not raw and code[i] == "\\":
            i += 2
        elif not raw and code.startswith("${", i):
            i = next(j for j, char, depth in _code(code, i + 2) if char == "}" and depth < 0) + 1
        elif len(quote) == 1 and code[i] == "\n":
            break
        else:
            i += 1
    raise ValueError("unterminated string")


def _starts_string(code: str, i: int) -> bool:
    if code[i] in "'\"":
        return True
    before = code[i - 1] if i else " "
    return code[i] in "rR" and code[i + 1 : i + 2] in ("'", '"') and not (before.isalnum() or before in "_$")


def _code(code: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, char, bracket depth) of every character of `code` outside strings and comments.

    An opening bracket is yielded at the depth outside it, its closing bracket at the same depth."""
    depth, i = 0, start
    while i < len(code):
        if code.startswith("//", i):
            end = code.find("\n", i)
            i = len(code) if end < 0 else end
        elif code.startswith("/*", i):
            nested, i = 1, i + 2
            while nested and i < len(code):
                nested += code.startswith("/*", i) - code.startswith("*/", i)
                i += 2 if code.startswith(("/*", "*/"), i) else 1
        elif _starts_string(code, i):
            i = _string_end(code, i)
        else:
            char = code[i]
            depth -= char in ")]}"
            yield i, char, depth
            depth += char in "([{"
            i += 1


def _bare(code: str) -> str:
    """`code` without comments, strings and whitespace: enough to recognise a statement's shape."""
    return "".join(char for _, char, _ in _code(code) if not char.isspace())


def _split(code: str, separator: str) -> list[str]:
    """`code` cut at its `separator`s outside brackets, strings and comments."""
    cuts = [i for i, char, depth in _code(code) if depth == 0 and char == separator]
    return [code[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(code)])]


def app_expression(code: str) -> str | None:
    """The widget expression of `runApp(...)` when that call is all `main` does (but ensureInitialized)."""
    match = _MAIN.search(code)
    if match is None:
        return None
    try:
        body_start = match.end()
        if match.group(1) == "=>":
            end = next(i for i, char, depth in _code(code, body_start) if depth < 0 or (depth == 0 and char == ";"))
            statements = [code[body_start:end]]
        else:
            close = next(i for i, _, depth in _code(code, body_start) if depth < 0)
            statements = _split(code[body_start:close], ";")
    except (StopIteration, ValueError):
        return None
    calls = [s for s in statements if _bare(s)]
    if not calls or not _bare(calls[-1]).startswith("runApp(") or not _bare(calls[-1]).endswith(")"):
        return None
    if not all(_ENSURE_INITIALIZED.fullmatch(_bare(s)) for s in calls[:-1]):
        return None
    call = calls[-1]
    opening = next(i for i, char, _ in _code(call) if char == "(")
    closing = next(i for i, _, depth in _code(call, opening + 1) if depth < 0)
    arguments = [a for a in _split(call[opening + 1 : closing], ",") if _bare(a)]
    return arguments[0].strip() if len(arguments) == 1 else None


def _class_bodies(code: str) -> dict[str, tuple[str, str]]:
    """Widget class name -> (its modifiers, its source up to the next top-level class)."""
    starts = [m.start() for m in _ANY_CLASS.finditer(code)] + [len(code)]
    bodies = {}
    for match in _WIDGET_CLASS.finditer(code):
        end = next(s for s in starts if s > match.start())
        bodies[match.group(2)] = (match.group(1), code[match.start() : end])
    return bodies


def _state_body(code: str, widget: str) -> str:
    """The source of `class _XState extends State<X>`, where a StatefulWidget's build lives."""
    match = re.search(rf"^[ \t]*class\s+\w+\s+extends\s+State<{re.escape(widget)}>", code, re.M)
    if not match:
        return ""
    following = _ANY_CLASS.search(code, match.end())
    return code[match.start() : following.start() if following else len(code)]


def _constructible(modifiers: str, body: str, name: str) -> bool:
    """True when `Name()` builds the class: instantiable, and an unnamed constructor needing no argument
    (or no constructor at all: then Dart gives it the default one)."""
    if re.search(r"\b(?:abstract|sealed)\b", modifiers):
        return False
    start = rf"(?:^|[;{{}}])\s*(?:const\s+|factory\s+)*{re.escape(name)}"
    unnamed = re.findall(rf"{start}\s*\(([^)]*)\)", body, re.M)
    if not unnamed:
        return not re.search(rf"{start}\.\w+\s*\(", body, re.M)  # only named (e.g. private) constructors
    for params in unnamed:
        positional = re.split(r"[{\[]", params, maxsplit=1)[0].strip().strip(",")
        if not positional and "required" not in params:
            return True
    return False


def find_root_widget(code: str) -> RootWidget | None:
    """What the harness should pump for `code` (see the module docstring), or None when nothing is usable."""
    bodies = _class_bodies(code)
    expression = app_expression(code)
    if expression is not None:
        constructed = _CONSTRUCTED.match("".join(char for _, char, _ in _code(expression)).strip())
        name = constructed.group(1) if constructed else ""
        is_app = name in APPS or (
            name in bodies and bool(_RETURNS_APP.search(bodies[name][1] + _state_body(code, name)))
        )
        return RootWidget(ENTRY, is_app, expression)
    return class_root(code)


def class_root(code: str) -> RootWidget | None:
    """The guessed root widget class of `code`, ignoring what main() runs."""
    bodies = _class_bodies(code)
    usable = [
        n for n, (modifiers, body) in bodies.items() if not n.startswith("_") and _constructible(modifiers, body, n)
    ]
    if not usable:
        return None

    def build_source(name: str) -> str:
        return bodies[name][1] + _state_body(code, name)

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
