"""Parsing with tree-sitter's Dart grammar, syntax errors, and helpers to read its flat trees.

The grammar writes a postfix expression as sibling nodes (`a.b(c)` is `identifier`, `selector`,
`selector` under the parent), so callers group siblings into expressions with `split_exprs`.
"""

from __future__ import annotations

from functools import cache

import tree_sitter as ts
import tree_sitter_dart

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.errors import DartError

Node = ts.Node

# nodes that continue the expression started by the sibling before them
CONTINUATIONS = frozenset(
    {
        "selector",
        "cascade_section",
        "unconditional_assignable_selector",
        "conditional_assignable_selector",
        "argument_part",
        "index_selector",
    }
)
SKIPPED = frozenset({"comment", "documentation_comment"})


@cache
def _parser() -> ts.Parser:
    return ts.Parser(ts.Language(tree_sitter_dart.language()))


def position(node: Node) -> tuple[int, int]:
    """The node's 1-based (line, column)."""
    return node.start_point[0] + 1, node.start_point[1] + 1


def text(node: Node) -> str:
    return node.text.decode("utf-8", "replace")


def error_at(node: Node, kind: ErrorKind, message: str) -> DartError:
    """A DartError positioned at `node`."""
    return DartError(kind, message, *position(node))


def parse(source: str, max_bytes: int) -> Node:
    """Parse a whole Dart file; the root node, or DartError(SYNTAX) at the first error."""
    too_long = DartError(ErrorKind.SYNTAX, f"The file is longer than the limit of {max_bytes} bytes.", 1, 1)
    if len(source) > max_bytes:  # cheap test first: a 10 MB completion is refused without encoding it
        raise too_long
    data = source.lstrip("\ufeff").encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        raise too_long
    root = _parser().parse(data).root_node
    if root.has_error:
        raise _first_syntax_error(root)
    return root


OPENERS = {"(": ")", "[": "]", "{": "}"}


def _unbalanced_bracket(root: Node) -> DartError | None:
    """The innermost bracket left open, the most common error in a truncated completion.

    Reads tree-sitter's tokens, so brackets inside strings and comments don't count."""
    open_stack: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.child_count:
            stack.extend(reversed(node.children))
            continue
        if node.is_missing:  # tree-sitter's guess at a closing bracket is exactly what is absent
            continue
        if node.type in OPENERS:
            open_stack.append(node)
        elif node.type in OPENERS.values():
            if not open_stack or OPENERS[open_stack[-1].type] != node.type:
                break
            open_stack.pop()
    else:
        if not open_stack:
            return None
    if not open_stack:
        return error_at(node, ErrorKind.SYNTAX, f"Unexpected '{node.type}'.")
    opener = open_stack[-1]
    return error_at(opener, ErrorKind.SYNTAX, f"Can't find '{OPENERS[opener.type]}' to match '{opener.type}'.")


def _first_syntax_error(root: Node) -> DartError:
    """An unbalanced bracket, else the first ERROR or MISSING node in source order, worded like the
    compiler. Iterative, because a deeply nested file would overflow a recursive walk."""
    bracket = _unbalanced_bracket(root)
    if bracket is not None:
        return bracket
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_missing:
            expected = (
                node.type if not node.is_named else f"an {node.type}" if node.type[0] in "aeiou" else f"a {node.type}"
            )
            quoted = f"'{expected}'" if not node.is_named else expected
            return error_at(node, ErrorKind.SYNTAX, f"Expected {quoted}.")
        if node.is_error:
            at_end = node.end_byte >= root.end_byte - _trailing_space(root)
            if at_end and node.child_count > 1 and _last_leaf(node).type not in ("}", ";"):
                # the parser ran out of input inside a statement: point at its last token
                return error_at(_last_leaf(node), ErrorKind.SYNTAX, "Expected ';' after this.")
            first = node.children[0] if node.children else node
            snippet = text(first).split("\n", 1)[0][:40]
            if not snippet:
                return error_at(node, ErrorKind.SYNTAX, "Unexpected end of file.")
            return error_at(first, ErrorKind.SYNTAX, f"Unexpected text '{snippet}'.")
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return DartError(ErrorKind.SYNTAX, "The file does not parse as Dart.", 1, 1)


def named(node: Node) -> list[Node]:
    """Named children, without comments."""
    return [c for c in node.named_children if c.type not in SKIPPED]


def split_exprs(nodes: list[Node]) -> list[list[Node]]:
    """Group sibling nodes into expressions: each primary with the selectors that follow it."""
    groups: list[list[Node]] = []
    for node in nodes:
        if node.type in SKIPPED:
            continue
        if node.type in CONTINUATIONS and groups:
            groups[-1].append(node)
        else:
            groups.append([node])
    return groups


def field_groups(node: Node, name: str) -> list[Node]:
    """All children under field `name` (the grammar repeats a field for each sibling part)."""
    return [c for i, c in enumerate(node.children) if node.field_name_for_child(i) == name and c.is_named]


def identifiers(node: Node | None, kinds: tuple[str, ...] = ("identifier", "type_identifier")) -> set[str]:
    """The names of every identifier node under `node` (iterative: deep trees can't overflow)."""
    names: set[str] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if current.type in kinds:
            names.add(text(current))
        stack.extend(current.children)
    return names


def _trailing_space(root: Node) -> int:
    source = root.text
    return len(source) - len(source.rstrip())


def _last_leaf(node: Node) -> Node:
    while node.child_count:
        node = node.children[-1]
    return node


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}


def unescape(sequence: str) -> str:
    """The character a string escape sequence (`\\n`, `\\u{1F600}`) stands for."""
    body = sequence[1:]
    try:
        if body.startswith("u{"):
            return chr(int(body[2:-1], 16))
        if body.startswith(("u", "x")) and len(body) > 1:
            return chr(int(body[1:], 16))
    except ValueError:
        return "\ufffd"
    return ESCAPES.get(body, body)
