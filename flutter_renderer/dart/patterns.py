"""Dart 3 patterns, read from tree-sitter-dart's syntax into a small tree the evaluator matches.

The grammar writes the operators of a pattern flat, as siblings (`> 5 && < 10`, `int x || double x`,
`(a || b)`), and the parts of `case P when G:` / `P when G => e` as siblings of their case, so this
module reads sibling lists with a cursor. Reading is pure syntax: what an identifier means (a
constant in a `case`, a new variable in `final (a, b) = ...`) is decided when matching.
"""

from __future__ import annotations

from dataclasses import dataclass

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.syntax import CONTINUATIONS, SKIPPED, Node, error_at, named, text


@dataclass(frozen=True)
class Pattern:
    node: Node


@dataclass(frozen=True)
class ConstantP(Pattern):
    """A constant to compare with `==`: a literal, `Foo.bar`, a named constant, `-1`."""

    expr: tuple[Node, ...]


@dataclass(frozen=True)
class IdentifierP(Pattern):
    """A bare name: a constant in a refutable context, a new variable in a declaration; `_` matches all.
    `binds` is set for the `:name` shorthand, which always declares `name`."""

    name: str
    binds: bool = False


@dataclass(frozen=True)
class VariableP(Pattern):
    """`var x`, `final int x`, `String? _`: an optional type test, then a new variable (none for `_`)."""

    name: str
    type: str | None = None  # without type arguments
    nullable: bool = False


@dataclass(frozen=True)
class RelationalP(Pattern):
    """`> 5`, `!= null`, `== other`."""

    op: str
    expr: tuple[Node, ...]


@dataclass(frozen=True)
class LogicalP(Pattern):
    op: str  # "&&" | "||"
    left: Pattern
    right: Pattern


@dataclass(frozen=True)
class CastP(Pattern):
    inner: Pattern
    type: str
    nullable: bool = False


@dataclass(frozen=True)
class NullP(Pattern):
    """`p?` (null check: a null value doesn't match) or `p!` (null assert: a null value throws)."""

    inner: Pattern
    asserts: bool


@dataclass(frozen=True)
class RecordP(Pattern):
    positional: tuple[Pattern, ...]
    named: tuple[tuple[str, Pattern], ...]


@dataclass(frozen=True)
class ListP(Pattern):
    """`[a, b]`, or `[a, ...rest, z]` (`has_rest`; `rest` is the optional subpattern of `...`)."""

    before: tuple[Pattern, ...]
    after: tuple[Pattern, ...] = ()
    has_rest: bool = False
    rest: Pattern | None = None


@dataclass(frozen=True)
class MapP(Pattern):
    entries: tuple[tuple[tuple[Node, ...], Pattern], ...]


@dataclass(frozen=True)
class ObjectP(Pattern):
    """`Circle(radius: var r)`: a type test, then patterns on the object's getters."""

    type: str
    fields: tuple[tuple[str, Pattern], ...] = ()


_OPERATORS = ("relational_operator", "equality_operator")


def read_pattern(nodes: list[Node], where: Node) -> Pattern:
    """The pattern spelled by sibling `nodes` (named and anonymous, without the case's `when`/`:`/`=>`)."""
    reader = _Reader([n for n in nodes if n.type not in SKIPPED], where)
    pattern = reader.logical("||")
    if reader.cursor != len(reader.tokens):
        raise _unsupported(reader.tokens[reader.cursor], "this pattern")
    return pattern


def split_case(case: Node, body_marker: str) -> tuple[list[Node], list[Node], list[Node]]:
    """A switch case's pattern, `when` guard and body nodes; `body_marker` is `:` or `=>`."""
    parts: list[list[Node]] = [[], [], []]
    section = 0
    for child in case.children:
        if child.type in SKIPPED or child.type == "case_builtin":
            continue
        if section < 2 and not child.is_named and child.type == "when":
            section = 1
        elif section < 2 and not child.is_named and child.type == body_marker:
            section = 2
        else:
            parts[section].append(child)
    pattern, guard, body = parts
    return pattern, [n for n in guard if n.is_named], [n for n in body if n.is_named]


class _Reader:
    def __init__(self, tokens: list[Node], where: Node) -> None:
        self.tokens = tokens
        self.cursor = 0
        self.where = where

    def peek(self) -> Node | None:
        return self.tokens[self.cursor] if self.cursor < len(self.tokens) else None

    def logical(self, op: str) -> Pattern:
        operand = (lambda: self.logical("&&")) if op == "||" else self.primary
        left = operand()
        kind = "logical_or_operator" if op == "||" else "logical_and_operator"
        while (token := self.peek()) is not None and token.type == kind:
            self.cursor += 1
            left = LogicalP(token, op, left, operand())
        return left

    def primary(self) -> Pattern:
        token = self.peek()
        if token is None:
            raise error_at(self.where, ErrorKind.SYNTAX, "Expected a pattern.")
        self.cursor += 1
        if not token.is_named and token.type == "(":
            inner = self.logical("||")
            closing = self.peek()
            if closing is None or closing.type != ")":
                raise error_at(token, ErrorKind.SYNTAX, "Expected ')' to close the pattern.")
            self.cursor += 1
            return inner
        if token.type in _OPERATORS:
            return RelationalP(token, text(token), self.operand(token))
        if token.type.endswith("_pattern"):
            return read_pattern_node(token)
        self.cursor -= 1
        return ConstantP(token, self.operand(token))

    def operand(self, after: Node) -> tuple[Node, ...]:
        """The expression after a relational operator: one primary with its selectors."""
        start = self.cursor
        if self.peek() is None or not self.tokens[start].is_named:
            raise error_at(after, ErrorKind.SYNTAX, "Expected an expression after the operator.")
        self.cursor += 1
        while (token := self.peek()) is not None and token.type in CONTINUATIONS:
            self.cursor += 1
        return tuple(self.tokens[start : self.cursor])


def read_pattern_node(node: Node) -> Pattern:
    """One `*_pattern` node."""
    kind = node.type
    parts = named(node)
    if kind == "constant_pattern":
        if len(parts) == 1 and parts[0].type == "identifier":
            return IdentifierP(node, text(parts[0]))
        if parts and parts[0].type == "const_builtin" and any(c.type in ("[", "{") for c in node.children):
            raise _unsupported(node, "constant collection patterns")
        return ConstantP(node, tuple(parts))
    if kind == "variable_pattern":
        type_, nullable = _type_of(parts)
        return VariableP(node, text(parts[-1]), type_, nullable)
    if kind == "cast_pattern":
        split = next(i for i, c in enumerate(node.children) if c.type == "as")
        type_, nullable = _type_of(node.children[split + 1 :])
        return CastP(node, read_pattern(node.children[:split], node), type_ or "", nullable)
    if kind in ("null_check_pattern", "null_assert_pattern"):
        return NullP(
            node,
            read_pattern([c for c in node.children if c.type not in ("?", "!")], node),
            kind == "null_assert_pattern",
        )
    if kind == "record_pattern":
        positional, named_fields = _fields(node, allow_positional=True)
        return RecordP(node, tuple(positional), tuple(named_fields))
    if kind == "object_pattern":
        _, named_fields = _fields(node, allow_positional=False)
        return ObjectP(node, text(parts[0]), tuple(named_fields))
    if kind == "list_pattern":
        return _list_pattern(node)
    if kind == "map_pattern":
        entries = []
        for segment in _segments(node, "{", "}"):
            colon = next((i for i, c in enumerate(segment) if not c.is_named and c.type == ":"), None)
            if colon is None:
                raise error_at(node, ErrorKind.SYNTAX, "Expected 'key: pattern' in a map pattern.")
            entries.append((tuple(c for c in segment[:colon] if c.is_named), read_pattern(segment[colon + 1 :], node)))
        return MapP(node, tuple(entries))
    if kind == "parenthesized_pattern":
        return read_pattern([c for c in node.children if c.type not in ("(", ")")], node)
    raise _unsupported(node, f"'{kind.replace('_', ' ')}'")


def _type_of(parts: list[Node]) -> tuple[str | None, bool]:
    """The type a variable or cast pattern tests, without type arguments, and whether it is nullable."""
    names = [text(p) for p in parts if p.type in ("type_identifier", "void_type", "function_type", "record_type")]
    nullable = any(p.type == "nullable_type" for p in parts)
    return (names[0] if names else None), nullable


def _segments(node: Node, opener: str, closer: str) -> list[list[Node]]:
    """The children between the brackets, split at top-level commas."""
    inside = False
    segments: list[list[Node]] = [[]]
    for child in node.children:
        if child.type in SKIPPED:
            continue
        if not child.is_named and child.type == opener and not inside:
            inside = True
        elif not child.is_named and child.type == closer:
            break
        elif inside and not child.is_named and child.type == ",":
            segments.append([])
        elif inside:
            segments[-1].append(child)
    return [s for s in segments if s]


def _fields(node: Node, allow_positional: bool) -> tuple[list[Pattern], list[tuple[str, Pattern]]]:
    positional: list[Pattern] = []
    named_fields: list[tuple[str, Pattern]] = []
    for segment in _segments(node, "(", ")"):
        first = segment[0]
        if first.type == "identifier" and len(segment) > 1 and segment[1].type == ":":
            named_fields.append((text(first), read_pattern(segment[2:], node)))
        elif not first.is_named and first.type == ":":
            pattern = read_pattern(segment[1:], node)
            name = _shorthand_name(pattern)
            if name is None:
                raise error_at(
                    first,
                    ErrorKind.ANALYSIS,
                    "The getter name is not specified explicitly, and the pattern is not a variable.",
                )
            if isinstance(pattern, IdentifierP):
                pattern = IdentifierP(pattern.node, pattern.name, binds=True)
            named_fields.append((name, pattern))
        elif allow_positional:
            positional.append(read_pattern(segment, node))
        else:
            raise error_at(first, ErrorKind.ANALYSIS, "Positional fields are not allowed in an object pattern.")
    return positional, named_fields


def _shorthand_name(pattern: Pattern) -> str | None:
    """The field name `:x` stands for: the variable the subpattern declares."""
    while isinstance(pattern, (NullP, CastP)):
        pattern = pattern.inner
    if isinstance(pattern, (IdentifierP, VariableP)):
        return pattern.name
    return None


def _list_pattern(node: Node) -> ListP:
    before: list[Pattern] = []
    after: list[Pattern] = []
    has_rest = False
    rest: Pattern | None = None
    for segment in _segments(node, "[", "]"):
        if len(segment) == 1 and segment[0].type == "rest_pattern":
            if has_rest:
                raise error_at(segment[0], ErrorKind.ANALYSIS, "At most one rest element is allowed in a list pattern.")
            has_rest = True
            inner = [c for c in segment[0].children if c.type != "..."]
            rest = read_pattern(inner, segment[0]) if inner else None
        else:
            (after if has_rest else before).append(read_pattern(segment, node))
    return ListP(node, tuple(before), tuple(after), has_rest, rest)


def _unsupported(node: Node, what: str) -> Exception:
    return error_at(node, ErrorKind.UNSUPPORTED, f"Patterns: {what} is not supported by the embedded renderer.")
