"""Static argument checks over the whole file, including code that never runs during build.

The evaluator checks what it evaluates; the Dart analyzer also checks branches not taken, helpers
never called and callback bodies. This pass covers the most common model mistake there: a
constructor call of a catalog class or of the file's own classes with an unknown named parameter,
a missing required one, or a wrong number of positional arguments. It only judges calls it can
resolve for sure, so valid Flutter outside the catalog (Navigator, SnackBar in a callback) passes,
and so do arguments the catalog lacks but Flutter's own constructor takes (kinds.call_error).
"""

from __future__ import annotations

from functools import cache

import tree_sitter as ts
import tree_sitter_dart

from flutter_renderer import catalog
from flutter_renderer.api import ErrorKind
from flutter_renderer.catalog import Signature
from flutter_renderer.dart import kinds
from flutter_renderer.dart.program import Program
from flutter_renderer.dart.syntax import Node, error_at, named, text

# constructor call sites: `const T.c(...)`, `new T(...)`, `T(...)`, `T.c(...)` (anchors skip punctuation)
CALLS_QUERY = """
(const_object_expression (type_identifier) @type . (identifier)? @ctor . (arguments) @args)
(new_expression (type_identifier) @type . (identifier)? @ctor . (arguments) @args)
(constructor_invocation (type_identifier) @type (identifier) @ctor (arguments) @args)
((identifier) @type . (selector (argument_part (arguments) @args)))
((identifier) @type . (selector (unconditional_assignable_selector (identifier) @ctor)) . (selector (argument_part (arguments) @args)))
"""


@cache
def _calls_query() -> ts.QueryCursor:
    return ts.QueryCursor(ts.Query(ts.Language(tree_sitter_dart.language()), CALLS_QUERY))


def check_constructor_calls(root: Node, program: Program) -> None:
    """Raise DartError(ANALYSIS) at the first constructor call whose arguments can't match."""
    # a query matches in C without parent lookups, which tree-sitter makes O(depth) each
    calls = []
    for _, captures in _calls_query().matches(root):
        type_node = captures["type"][0]
        if text(type_node)[:1].isupper():
            ctor = text(captures["ctor"][0]) if captures.get("ctor") else ""
            calls.append((type_node.start_byte, type_node, ctor, captures["args"][0]))
    for _, type_node, ctor, arguments in sorted(calls, key=lambda call: call[0]):
        _check(text(type_node), ctor, arguments, type_node, program)


def _check(type_name: str, ctor: str, arguments: Node, at: Node, program: Program) -> None:
    signature = _signature(type_name, ctor, program)
    if signature is None:
        return
    positional = sum(argument.type == "argument" for argument in named(arguments))
    labels = [text(named(named(argument)[0])[0]) for argument in named(arguments) if argument.type == "named_argument"]
    error = kinds.signature_error(signature, positional, labels)
    if error is None:
        return
    kind = ErrorKind.ANALYSIS
    if type_name not in program.classes:
        kind, error = kinds.call_error(type_name, ctor, error, positional, labels)
    # valid Flutter the catalog lacks is only an error where it runs, and the evaluator says so there
    if kind is ErrorKind.ANALYSIS:
        raise error_at(at, ErrorKind.ANALYSIS, error)


def _signature(type_name: str, ctor: str, program: Program) -> Signature | None:
    """The signature of a constructor this pass can be sure of, else None."""
    if type_name in program.classes:
        fn = program.classes[type_name].constructors.get(ctor)
        if fn is None:
            return None
        params = fn.params
        return Signature(
            tuple(p.name for p in params.positional),
            frozenset(params.named),
            frozenset(params.required),
            len(params.positional) - params.required_positional,
        )
    if type_name in program.enums:
        return None
    return catalog.lookup(type_name, ctor)
