"""What blocks a file in the coverage benchmark: a blocker key per error, and "peeling" by source stubs.

`blocker_key` turns a classified error into the name or construct that blocks the file (`WidgetsApp`,
`Curves.easeIn`, `Scaffold(restorationId:)`, `cascade (..)`), so errors of many files group into one
row per missing feature.

`stub` rewrites the source so that the blocking expression is gone and the file can be checked again
for the next blocker; `peel` repeats that. The rewrite stands in for "the renderer implements X":

- an unknown named parameter is deleted from its call (an unsupported one of the mapping is set to
  `null`, which the mapping treats as "left out");
- the value that holds the blocker (the innermost argument, list element, initializer, returned
  expression) is replaced: a widget by its own `child`/`body`/`home` (so what is inside still gets
  checked), by `Column(children: ...)` of its `children`/`slivers`, or by `const SizedBox()`;
  another list element is left out, a condition becomes `false`, any other value `null`, and a
  statement the empty statement `;`;
- an import the renderer refuses is deleted.

This is benchmark code only: the renderer never does it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from flutter_renderer.api import ErrorKind, SourceError
from flutter_renderer.dart.syntax import CONTINUATIONS, Node, named, parse, split_exprs, text

MAX_SOURCE = 10_000_000
# named arguments that hold one widget, and lists of widgets
WIDGET_SLOTS = ("child", "body", "home")
WIDGET_LISTS = ("children", "slivers")
WIDGET_LABELS = frozenset(
    WIDGET_SLOTS
    + (
        "appBar",
        "title",
        "subtitle",
        "leading",
        "trailing",
        "icon",
        "label",
        "floatingActionButton",
        "bottomNavigationBar",
        "drawer",
        "endDrawer",
        "bottomSheet",
        "flexibleSpace",
        "bottom",
        "content",
        "background",
        "secondary",
        "avatar",
        "header",
        "footer",
        "placeholder",
        "selectedIcon",
        "activeIcon",
    )
)
PEELABLE = (ErrorKind.ANALYSIS, ErrorKind.UNSUPPORTED)
# containers of a value and the index of the child where their value parts start
_VALUE_CONTAINERS = {
    "argument": 0,
    "named_argument": 1,
    "return_statement": 0,
    "function_body": 0,
    "function_expression_body": 0,
    "list_literal": 0,
    "set_or_map_literal": 0,
    "spread_element": 0,
}
_ASSIGNED = ("initialized_variable_definition", "static_final_declaration", "initialized_identifier")

_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^'([\w.$]+)' is valid Flutter"), lambda m: m[1]),
    (re.compile(r"^The named parameter '(\w+)' of '([\w.]+)' is valid Flutter"), lambda m: f"{m[2]}({m[1]}:)"),
    (re.compile(r"^Undefined name '([\w$]+)'"), lambda m: m[1]),
    (re.compile(r"^The function '([\w$]+)' isn't defined"), lambda m: m[1]),
    (
        re.compile(r"^The method '([\w$]+)' isn't defined for the type '([\w$]+)'"),
        lambda m: m[1] if m[1][:1].isupper() else f"{m[2]}.{m[1]}",
    ),
    (re.compile(r"^The getter '([\w$]+)' isn't defined for the type '([\w$]+)'"), lambda m: f"{m[2]}.{m[1]}"),
    (re.compile(r"^The name '([\w$]+)' isn't a class"), lambda m: m[1]),
    (re.compile(r"^Couldn't find constructor '([\w$.]+)'"), lambda m: m[1]),
    (re.compile(r"^'([\w$.]+)' is not supported by the embedded renderer"), lambda m: m[1]),
    (re.compile(r"^The library '([\w:/.]+)' is not available"), lambda m: m[1]),
    (re.compile(r"^Not found: '([\w:/.]+)'"), lambda m: m[1]),
    (re.compile(r"^Couldn't resolve the package '([\w]+)'"), lambda m: f"package:{m[1]}"),
    (re.compile(r"^Cascades"), lambda m: "cascade (..)"),
    (re.compile(r"^A value of type '\w+' passed to a Flutter widget"), lambda m: "a value the IR can't carry"),
    (re.compile(r"^The expression '.*' \((\w+)\) is not supported"), lambda m: f"expression: {m[1]}"),
    (
        re.compile(r"^'(\w+) ' declarations are not supported|^'(\w+)' declarations are not supported"),
        lambda m: f"{m[1] or m[2]} declaration",
    ),
    (re.compile(r"^(.{1,60}?) is not supported by the embedded renderer"), lambda m: m[1]),
]
_NAMED_PARAMETER = re.compile(r"^The named parameter '(\w+)' (isn't defined|is required)")
_MAPPING = re.compile(r"^([\w.]+) is not supported by the embedded renderer")


@dataclass
class Peel:
    """The blockers found one after the other, and how peeling ended: `cleared` (the file passes the
    front end and the mapping with every blocker stubbed), `more` (still blocked after the last
    round), `stuck` (the error can't be stubbed) or the kind of a non-peelable error (`runtime`...)."""

    chain: list[str] = field(default_factory=list)
    status: str = "more"


def _data(source: str) -> bytes:
    return source.lstrip("\ufeff").encode("utf-8", "surrogatepass")


def _at(root: Node, line: int, column: int) -> Node | None:
    if line < 1 or column < 1:
        return None
    point = (line - 1, column - 1)
    node = root.named_descendant_for_point_range(point, point)
    return node if node is not None and node.start_point == point else None


def _call_arguments(node: Node) -> Node | None:
    """The argument list of the call that starts at `node` (`T(...)`, `T.c(...)`, `const T(...)`)."""
    if (
        node.type not in ("const_object_expression", "new_expression")
        and node.parent is not None
        and node.parent.type in ("const_object_expression", "new_expression")
    ):
        node = node.parent
    if node.type in ("const_object_expression", "new_expression"):
        return next((c for c in named(node) if c.type == "arguments"), None)
    sibling = node.next_named_sibling  # `T.c(...)` is written as `T` followed by selector siblings
    while sibling is not None and sibling.type in CONTINUATIONS:
        found = _first_of(sibling, "arguments")
        if found is not None:
            return found
        sibling = sibling.next_named_sibling
    return None


def _first_of(node: Node, kind: str) -> Node | None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == kind:
            return current
        stack.extend(reversed(current.named_children))
    return None


def _callee(node: Node) -> str:
    """`T` or `T.c` of the call starting at `node`."""
    if node.parent is not None and node.parent.type in ("const_object_expression", "new_expression"):
        node = node.parent
    if node.type in ("const_object_expression", "new_expression"):
        names = [text(c) for c in named(node) if c.type in ("type_identifier", "identifier")]
        return ".".join(names)
    parts = [text(node)]
    sibling = node.next_named_sibling
    while (
        sibling is not None
        and sibling.type == "selector"
        and sibling.named_children
        and sibling.named_children[0].type == "unconditional_assignable_selector"
    ):
        parts.append(text(named(sibling.named_children[0])[0]))
        sibling = sibling.next_named_sibling
    return ".".join(parts)


def _named_argument(arguments: Node | None, label: str) -> Node | None:
    for child in named(arguments) if arguments is not None else []:
        if child.type == "named_argument" and text(named(named(child)[0])[0]) == label:
            return child
    return None


def blocker_key(error: SourceError, source: str) -> str:
    """The name or construct the error says is missing; the error's own message when none is named."""
    message = error.message
    named_parameter = _NAMED_PARAMETER.match(message)
    mapping = _MAPPING.match(message)
    if named_parameter or mapping:
        node = _at(parse(source, MAX_SOURCE), error.line, error.column)
        if named_parameter:
            callee = _callee(node) if node is not None else "?"
            suffix = "" if named_parameter[2] == "isn't defined" else " required"
            return f"{callee}({named_parameter[1]}:){suffix}"
        what = mapping[1]
        head, _, last = what.rpartition(".")
        if head and node is not None and _named_argument(_call_arguments(node), last) is not None:
            return f"{head}({last}:)"
        return what
    for pattern, key in _PATTERNS:
        found = pattern.search(message)
        if found:
            return key(found)
    if error.kind is ErrorKind.SYNTAX:
        return "syntax error"
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'…'", message))[:80]


def _values(parent: Node) -> list[Node] | None:
    """The value nodes `parent` holds, if it is a container of values (arguments, list elements,
    initializers, returned expressions); None otherwise."""
    kind = parent.type
    parts = named(parent)
    if kind in ("argument", "return_statement", "spread_element"):
        return parts
    if kind == "named_argument":
        return parts[1:]
    if kind in ("function_body", "function_expression_body"):
        return parts if any(c.type == "=>" for c in parent.children) else None
    if kind in ("list_literal", "set_or_map_literal"):
        return [c for c in parts if c.type not in ("type_arguments", "const_builtin")]
    if kind in ("if_element", "for_element"):
        groups = split_exprs([c for c in parts if c.type != "for_loop_parts"])
        return [n for group in groups[1 if kind == "if_element" else 0 :] for n in group]
    if kind in _ASSIGNED:
        equals = next((i for i, c in enumerate(parent.children) if c.type == "="), None)
        return None if equals is None else [c for c in parent.children[equals + 1 :] if c.is_named]
    return None


def _condition(parent: Node) -> list[Node] | None:
    """The condition of an `if` statement or element (written as sibling nodes) or of a `while`."""
    if parent.type in ("if_statement", "if_element"):
        groups = split_exprs(named(parent))
        return groups[0] if groups else None
    if parent.type in ("while_statement", "do_statement"):
        return [c for c in named(parent) if c.type == "parenthesized_expression"][:1] or None
    return None


def _span(node: Node) -> tuple[Node, list[Node], str] | None:
    """The innermost value, condition or statement holding `node`: (container, its nodes, role)."""

    def holds(group: list[Node], child: Node) -> bool:
        return any(g.start_byte <= child.start_byte and child.end_byte <= g.end_byte for g in group)

    child, parent = node, node.parent
    while parent is not None:
        if parent.type == "expression_statement":
            return parent, [parent], "statement"
        condition = _condition(parent)
        if condition is not None and holds(condition, child):
            return parent, condition, "condition"
        values = _values(parent)
        for group in split_exprs(values or []):
            if holds(group, child):
                return parent, group, parent.type
        child, parent = parent, parent.parent
    return None


def _widget_stand_in(group: list[Node], data: bytes) -> str:
    """A widget's stand-in that keeps what it contains: its child, a Column of its children, or nothing."""
    arguments = _call_arguments(group[0])
    for label in WIDGET_SLOTS:
        argument = _named_argument(arguments, label)
        if argument is not None:
            value = named(argument)[1:]
            return data[value[0].start_byte : value[-1].end_byte].decode("utf-8", "replace")
    for label in WIDGET_LISTS:
        argument = _named_argument(arguments, label)
        if argument is not None:
            value = named(argument)[1:]
            return f"Column(children: {data[value[0].start_byte : value[-1].end_byte].decode('utf-8', 'replace')})"
    return "const SizedBox()"


def _is_construction(group: list[Node]) -> bool:
    head = group[0]
    if head.type in ("const_object_expression", "new_expression"):
        return True
    return head.type == "identifier" and text(head)[:1].isupper() and _call_arguments(head) is not None


def _widget_slot(container: Node, role: str) -> bool:
    if role == "named_argument":
        return text(named(named(container)[0])[0]) in WIDGET_LABELS
    if role == "argument":  # the argument of `runApp(...)`
        holder = container.parent
        while holder is not None and holder.type in ("arguments", "argument_part"):
            holder = holder.parent
        head = holder.prev_named_sibling if holder is not None and holder.type == "selector" else None
        return head is not None and text(head) == "runApp"
    return role in (
        "list_literal",
        "return_statement",
        "function_body",
        "function_expression_body",
        "if_element",
        "for_element",
    )


def _replace(data: bytes, start: int, end: int, new: str) -> str:
    return (data[:start] + new.encode() + data[end:]).decode("utf-8", "surrogatepass")


def _delete(data: bytes, last: Node, start: int) -> str:
    """The source without bytes `start` up to the end of `last`, its comma and the spaces after it."""
    end = last.end_byte
    following = last.next_sibling
    if following is not None and following.type == ",":
        end = following.end_byte
        while data[end : end + 1] in (b" ", b"\t"):
            end += 1
    return _replace(data, start, end, "")


def stub(source: str, error: SourceError) -> str | None:
    """The source with the error's blocker stubbed out as the module docstring says; None when the
    error has no position to stub or nothing holds it."""
    data = _data(source)
    root = parse(source, MAX_SOURCE)
    node = _at(root, error.line, error.column)
    if node is None:
        return None
    named_parameter = _NAMED_PARAMETER.match(error.message)
    if named_parameter:
        if named_parameter[2] != "isn't defined":
            return None
        argument = _named_argument(_call_arguments(node), named_parameter[1])
        return None if argument is None else _delete(data, argument, argument.start_byte)
    mapping = _MAPPING.match(error.message)
    if mapping:
        argument = _named_argument(_call_arguments(node), mapping[1].rpartition(".")[2])
        if argument is not None:
            value = named(argument)[1:]
            return _replace(data, value[0].start_byte, value[-1].end_byte, "null")
    directive = node
    while directive is not None and directive.type != "import_or_export":
        directive = directive.parent
    if directive is not None:  # a library the renderer refuses: the file without that import
        return _replace(data, directive.start_byte, directive.end_byte, "")
    span = _span(node)
    if span is None:
        return None
    container, group, role = span
    if role == "statement":
        return _replace(data, container.start_byte, container.end_byte, ";")
    if role == "condition":
        return _replace(
            data,
            group[0].start_byte,
            group[-1].end_byte,
            "(false)" if group[0].type == "parenthesized_expression" else "false",
        )
    if _is_construction(group) and _widget_slot(container, role):
        return _replace(data, group[0].start_byte, group[-1].end_byte, _widget_stand_in(group, data))
    if role in ("list_literal", "set_or_map_literal"):  # an element that is not a widget: leave it out
        return _delete(data, group[-1], group[0].start_byte)
    return _replace(data, group[0].start_byte, group[-1].end_byte, "null")


def peel(source: str, error: SourceError, check: Callable[[str], SourceError | None], rounds: int) -> Peel:
    """Find up to `rounds` more blockers after `error`, stubbing each one found (see the module doc).

    `check(source)` returns the first error of the front end + mapping, or None when the file passes."""
    result = Peel([blocker_key(error, source)])
    seen = {(error.message, error.line, error.column)}
    for _ in range(rounds):
        if error.kind not in PEELABLE:
            result.status = error.kind.value
            return result
        rewritten = stub(source, error)
        if rewritten is None:
            result.status = "stuck"
            return result
        source = rewritten
        next_error = check(source)
        if next_error is None:
            result.status = "cleared"
            return result
        where = (next_error.message, next_error.line, next_error.column)
        if where in seen:
            result.status = "stuck"
            return result
        seen.add(where)
        error = next_error
        result.chain.append(blocker_key(error, source))
    result.status = "more" if error.kind in PEELABLE else error.kind.value
    return result
