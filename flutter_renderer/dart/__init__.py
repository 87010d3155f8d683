"""The Dart front end of the embedded renderer: one Dart file -> the IR value tree of its screen.

`compile_screen(source, width=..., height=..., budget=None, environment=None)` parses the file with
tree-sitter's Dart grammar, runs what Flutter runs for the first frame (the Dart listed below) and
returns the root widget as a `DartObject`; anything else
raises `DartError` with an `ErrorKind`, a 1-based line and column and a compiler-like message
(`str(err)` reads `line 12:5: Error: The method 'Foo' isn't defined.`).

Supported (evaluated):
- `import` of `package:flutter/...` and the safe `dart:` libraries (`dart:math` as `min`/`max`/`pi`,
  prefixed or not); `void main() => runApp(X)` / `void main() { runApp(X); }`, with main's statements
  before runApp run first when X reads a local of main (main_call.py).
- StatelessWidget / StatefulWidget classes (State's fields, `initState` then
  `didChangeDependencies`, `build`), AnimatedWidget subclasses (built by their `build`, `listenable`
  set by `super(listenable: ...)`), other classes of the file (data classes, widget subclasses),
  enums (enhanced ones too: fields, a const constructor, getters, methods, `.values`, `.name`,
  `.index`); constructors with positional, optional and named parameters, `this.x`, `super.x`
  (forwarded to a superclass of the file), defaults, initializer lists, `super(...)` / `super.named(...)`,
  named constructors, redirecting ones (`: this.named(...)`), factories (`factory A.f() => ...`,
  `factory A.f() = B;`); methods with or without a return type, getters, setters, `super.m()`;
  fields with initializers, `late` fields (initialized on first read; read unset: a runtime error),
  statics that use each other unqualified (also from static methods), top-level `const`/`final`
  variables, functions and getters. A `double` declaration makes an int literal a double (`double
  w = 8` prints `8.0`). Mixins (`mixin M on S`, `class A extends B with M`; members looked up in
  Dart's order) and extensions (`extension E on T`, named or not: getters, methods, tear-offs, on
  built-in types, the file's classes, Widget and BuildContext; resolved by the receiver's runtime
  type, where Dart uses the static type).
- Method and getter bodies: `=>` or blocks with local `final`/`var`, `if`/`else`, `for` (C-style and
  for-in), `while`, `do`, `break`/`continue` (with labels), `switch` statements and expressions,
  `return`, local functions, `assert` (ignored, as in a release build); every loop iteration
  counts against the step budget. `sync*` generators run eagerly to their end.
- Assignments to variables, fields, setters, `a.b.c`, `m[k]`, with `=`, `+=`, ..., `??=`, `i++`,
  `++i`; cascades `..add(x)`, `..field = v`, `..[k] = v`, `?..` on lists, maps and the file's own
  objects (changed in place) and on Flutter objects: `Paint()..color = c` and `style.color = c`
  give the object with that property replaced (any property name is accepted there).
- Records and patterns: `(a, b)`, `(x: 1, y: 2)`, `.$1` / `.x`, record equality; destructuring in
  `final (x, y) = ...`, `var (a, :b) = ...`, `(a, b) = (b, a)` and `for (final (k, v) in ...)`;
  `switch` and `if (x case P when g)` on any pattern: constants, `_`, `var x` / `int x`, relational
  (`> 5`), `&&` / `||`, `p?`, `p!`, `p as T`, record, list (with `...rest`), map and object patterns
  (`Circle(radius: var r)`), with `when` guards.
- Exceptions: `throw`, `try` / `on T catch (e, s)` / `catch` / `finally`, `rethrow`. A throw or a
  runtime error of the code itself (null check, index out of range) can be caught, the latter as an
  `Error` (`on RangeError` doesn't see it); the `Budget`'s limits can't. `Exception`, `StateError`,
  `FormatException`, `ArgumentError`, ... print as in Dart.
- Async: an `async` / `async*` function called during build returns an opaque Future (Stream)
  without running its body: in Flutter its code up to the first `await` would run at once, which the
  front end leaves out (keep first-frame state out of async code). Such a Future can be stored,
  passed to `unawaited`, `.then`, ...; `Future.value/delayed` make one too; a `StreamController`
  (dart:async) gives an opaque `stream`, and its `add`/`close` only queue events. `await` outside an
  async body is an analysis error, as in Dart.
- dart:core stand-ins that keep a render deterministic (dart_core.py): `DateTime.now()` is the
  fixed instant of the `Environment` passed to `compile_screen` (renderer setting `now`; the device's
  time zone is UTC), `DateTime(y, m, d, ...)`, `.utc`, `.parse` (ISO 8601 without offsets),
  `.fromMillisecondsSinceEpoch`, getters (`year` ... `weekday`), `add`, `subtract`, `difference`,
  `isBefore`/`isAfter`, `toIso8601String`; `Random(seed)` gives exactly the numbers of the Dart VM;
  `Duration` getters (`inSeconds`, ...), arithmetic and comparison.
- Expressions: literals, string interpolation and escapes, list/set/map literals with collection
  `if`/`for`/spreads (`...`, `...?`, in maps too), arithmetic, comparison, logical, `??`, `?.`, `!`,
  ternary, `is`, `as`; tear-offs of built-in methods (`states.any(interactive.contains)`);
  `List.generate/filled/of/from/empty`,
  `.map/.where/.expand/.fold/.toList/.asMap().entries`, `.length/.isEmpty/.first/...`, Map methods
  (`addAll`, `update`, `putIfAbsent`, ...), String and num methods (`toStringAsFixed`, `codeUnitAt`
  and `codeUnits` in UTF-16 units, `String.fromCharCodes`, ...).
- Flutter: catalog classes and constructors (checked like the analyzer: unknown class / named
  parameter, missing required, positional count), `catalog.ENUMS` constants -> EnumValue,
  `catalog.CONSTANTS` static values (`EdgeInsets.zero`), `Colors.*` (shades, `[700]`,
  `withOpacity`/`withAlpha`/`withValues(alpha:)`), `Color(0x..)`, `Color.fromARGB/fromRGBO`,
  `Icons.*` (checked against Flet's icon set), `Theme.of(context)` (colorScheme roles ->
  ColorValue('onsurface'), textTheme -> ThemeTextStyle, `.copyWith`, `.apply`),
  `DefaultTextStyle.of(context).style` (the ambient style, resolved where the mapping draws it),
  the widget's own `key`, `MediaQuery.of(context)` /
  `MediaQuery.sizeOf(context)` from the render size (zero system insets), `double.infinity`, `Duration`.
  Flutter's constants with their values in Flutter's source (flutter_api.TOP_LEVEL: `kToolbarHeight`,
  `kBottomNavigationBarHeight`, `kMinInteractiveDimension`, `kTextTabBarHeight`, ...); the device is
  an Android phone running a release build (`kIsWeb` false, `defaultTargetPlatform` and
  `Theme.of(context).platform` `TargetPlatform.android`, `kDebugMode` false); `TargetPlatform.*`,
  `Curves.*` (opaque EnumValues), `FractionalOffset(dx, dy)` / `FractionalOffset.center` (the
  `Alignment(dx * 2 - 1, dy * 2 - 1)` they are), `BoxConstraints.tight/loose/tightForFinite` (as the
  min/max `BoxConstraints(...)` they stand for).
  Generic calls tree-sitter-dart misreads as comparisons (`items.map<Widget>(...)`,
  `List<int>.generate(...)`, `CallbackAction<Intent>(onInvoke: ...)`) are put back together, and so
  are chains it nests around a conditional (`a + b > c ? x : y` read as `a + (b > c ? x : y)`).
- Callbacks (`onPressed: () {...}`, tear-offs like `onTap: _submit`) become `Closure`s and are
  never run, so `setState`, `Navigator`, `async` or `print` inside them are fine. Builders Flutter
  runs for the first frame are run: `Builder(builder:)` gets the built widget, and
  `ListView.builder` / `ListView.separated` / `GridView.builder` with an `itemCount` get lists of built
  items (and itemCount - 1 separators); without `itemCount` the builder stays a Closure.
- Keys and controllers (`GlobalKey<FormState>()`, `TextEditingController(text:)`, `FocusNode`,
  `ScrollController`, `ValueKey`) are plain DartObjects even when the catalog does not list them.
- The first frame (`first_frame.py`, `eval_layout.py`): animations at their start
  (`AnimationController.value`, `CurvedAnimation`, `Tween.animate`/`drive`, `forward(from:)`), the
  builders Flutter runs (AnimatedBuilder, TweenAnimationBuilder, ValueListenableBuilder,
  StatefulBuilder, an app's `builder` and initial route, SliverChildBuilderDelegate, ...),
  `WidgetStateProperty.resolveWith` for every still state set, and `LayoutBuilder`, run last with
  the constraints its parent gives (`layout_constraints.py`); `CupertinoColors`, `CupertinoIcons`,
  `CupertinoTheme.of`. Shortcut maps, actions and `vsync` stay out of the output.

Rejected:
- SYNTAX: any tree-sitter ERROR/MISSING node (the first one is reported); files over the size limit.
- ANALYSIS: what the Dart analyzer would report: names, methods, getters, constructors and named
  parameters that neither the file nor Flutter has (or that the file's imports don't make visible),
  calls that don't fit Flutter's own constructor (missing required arguments, wrong positional
  counts), unresolvable packages and relative imports, names declared twice, integer literals over
  64 bits, "No widget to render", an output tree over `Budget.max_nodes` or code nested deeper than
  `Budget.max_depth`.
- UNSUPPORTED: valid Flutter the renderer can't draw: classes in `catalog.UNSUPPORTED`; any other
  name, static or instance member, named parameter or argument count that Flutter's public API has
  (`flutter_renderer/flutter_names.txt`, decided in `kinds.py`: "'WidgetsApp' is valid Flutter that
  the embedded renderer cannot draw yet"); enum values, objects and themes passed to a widget that
  the IR can't carry; a class of the file extending a Flutter class other than StatelessWidget /
  StatefulWidget / State (a RenderObjectWidget) where it reaches a widget; `dart:io`/`dart:ffi`/
  `dart:isolate`/... and the real `dart:` libraries not provided (`dart:typed_data`, ...) and the
  packages Flutter depends on (`vector_math`); `Process`, `File`, `Stream`, `Timer`, numbers of a
  `Random()` without a seed and other non-deterministic or system APIs; constant collection patterns,
  `extension type`s, mixin application classes (`class B = A with M;`), `super.m()` where m is
  Flutter's, in code that runs during build.
- RUNTIME: an uncaught `throw`, null checks on null, division by zero, index out of range, a value
  that doesn't match a declaration's pattern, endless recursion, strings and collections over the
  `Budget`'s sizes.
- TIMEOUT: more evaluation steps or wall time than the `Budget` allows.
- CRASH: only for a bug in the front end itself (an unexpected Python exception), never the sample's fault.

Code that never runs during build (branches not taken, uncalled helpers, callback bodies) gets only
the constructor-argument checks of `checks.py` (unknown / missing named parameters, positional
count) for catalog classes and the file's own classes, reported only where Flutter's constructor
rejects the call too; an unknown name there is not reported, where the Dart analyzer would report it.
"""

from __future__ import annotations

import sys

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.checks import check_constructor_calls
from flutter_renderer.dart.environment import Environment
from flutter_renderer.dart.errors import Budget, DartError
from flutter_renderer.dart.evaluator import Evaluator
from flutter_renderer.dart.main_call import find_main_call
from flutter_renderer.dart.program import WIDGET_BASES, ClassDecl, Program, read_program
from flutter_renderer.dart.syntax import identifiers, parse
from flutter_renderer.ir import DartObject

__all__ = ["Budget", "DartError", "Environment", "compile_screen"]

# Python frames per nested Dart evaluation, with room for the caller's own stack
_FRAMES_PER_LEVEL = 8


def compile_screen(
    source: str, *, width: float, height: float, budget: Budget | None = None, environment: Environment | None = None
) -> DartObject:
    """Parse + check + evaluate a Dart file; returns the root widget value (MaterialApp/Scaffold/any widget).
    `environment` fixes what a device would supply (`DateTime.now()`).

    Raises DartError."""
    budget = budget or Budget()
    budget.start()
    root = parse(source, budget.max_source_bytes)
    program = read_program(root)
    check_constructor_calls(root, program)
    evaluator = Evaluator(program, width, height, budget, environment)
    needed = budget.max_depth * _FRAMES_PER_LEVEL + 1000
    if sys.getrecursionlimit() < needed:  # only ever raised, so concurrent callers stay safe
        sys.setrecursionlimit(needed)
    try:
        run_app = find_main_call(program)
        return evaluator.root(run_app, None if run_app is not None else _root_class(program))
    except DartError:
        raise
    except RecursionError:
        raise DartError(ErrorKind.ANALYSIS, "The code is nested too deeply to evaluate.", 1, 1) from None
    except Exception as exc:  # a front-end bug must not take the batch down; CRASH says it was ours
        raise DartError(
            ErrorKind.CRASH, f"Internal error in the Dart front end: {type(exc).__name__}: {exc}", 1, 1
        ) from exc


def _root_class(program: Program) -> ClassDecl | None:
    """The widget class no other declaration instantiates; prefer one that builds an app or a page."""
    widgets = [c for c in program.classes.values() if _base(program, c) in WIDGET_BASES]
    mentioned: set[str] = set()
    for cls in program.classes.values():
        names = identifiers(cls.node.child_by_field_name("body"))
        mentioned |= names - {cls.name}
    for fn in list(program.functions.values()) + list(program.getters.values()):
        mentioned |= identifiers(fn.body)
    roots = [c for c in widgets if c.name not in mentioned] or widgets
    if not roots:
        return None
    pages = [c for c in roots if {"MaterialApp", "Scaffold"} & _built_names(program, c)]
    return (pages or roots)[-1]


def _base(program: Program, cls: ClassDecl) -> str:
    seen = 0
    while cls.superclass in program.classes and seen < 32:
        cls, seen = program.classes[cls.superclass], seen + 1
    return cls.superclass


def _built_names(program: Program, cls: ClassDecl) -> set[str]:
    """Identifiers in the class and in the State classes that belong to it."""
    names = identifiers(cls.node.child_by_field_name("body"))
    for other in program.classes.values():
        if other.superclass == "State" and cls.name in other.super_type_args:
            names |= identifiers(other.node.child_by_field_name("body"))
    return names
