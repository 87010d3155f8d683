"""The `runApp(...)` call of a file's `main`: the root widget's expression and the code it needs.

Flutter runs `main` to its `runApp`. The statements before it are mostly binding setup with no effect
on the first frame (`WidgetsFlutterBinding.ensureInitialized()`, debug flags), so the front end
evaluates only runApp's argument, unless that argument reads a local variable or function of main:
then the statements before runApp run first, in order, as Dart would run them.
"""

from __future__ import annotations

from dataclasses import dataclass

from flutter_renderer.dart.program import Program
from flutter_renderer.dart.syntax import Node, identifiers, named, split_exprs, text


@dataclass(frozen=True)
class MainCall:
    """runApp's argument (sibling expression nodes) and main's statements that must run before it."""

    argument: list[Node]
    prelude: tuple[Node, ...] = ()


def find_main_call(program: Program) -> MainCall | None:
    """The `runApp(...)` call in `main`, if there is one."""
    main = program.functions.get("main")
    if main is None or main.body is None:
        return None
    stack = [main.body]
    while stack:
        node = stack.pop()
        for group in split_exprs(named(node)):
            head = group[0]
            if head.type == "identifier" and text(head) == "runApp" and len(group) > 1:
                arguments = [c for c in group[1].named_children[0].named_children if c.type == "arguments"]
                args = named(arguments[0]) if arguments else []
                if len(args) == 1 and args[0].type == "argument":
                    return MainCall(named(args[0]), _prelude(main.body, node, named(args[0])))
        stack.extend(reversed(named(node)))
    return None


def _prelude(body: Node, statement: Node, argument: list[Node]) -> tuple[Node, ...]:
    """main's statements before `statement` when runApp's argument reads a name they declare; runApp
    nested in a statement of its own (an `if`, a zone) keeps the argument alone."""
    blocks = [c for c in named(body) if c.type == "block"]
    if not blocks or statement.parent is None or statement.parent.id != blocks[0].id:
        return ()
    statements = named(blocks[0])
    before = statements[: next(i for i, s in enumerate(statements) if s.id == statement.id)]
    used = set().union(*(identifiers(part, ("identifier", "identifier_dollar_escaped")) for part in argument))
    return tuple(before) if used & set().union(*map(_declared, before)) else ()


def _declared(statement: Node) -> set[str]:
    """The local names a statement of main declares (variables, pattern variables, functions)."""
    if statement.type == "local_function_declaration":
        lambda_ = named(statement)[0] if named(statement) else None
        signature = named(lambda_)[0] if lambda_ is not None and named(lambda_) else None
        name = signature.child_by_field_name("name") if signature is not None else None
        return {text(name)} if name is not None else set()
    if statement.type != "local_variable_declaration" or not named(statement):
        return set()
    definition = named(statement)[0]
    names: set[str] = set()
    for i, child in enumerate(definition.children):
        if definition.field_name_for_child(i) == "name":
            names.add(text(child))
        elif child.type == "initialized_identifier" and named(child):
            names.add(text(named(child)[0]))
        elif child.type.endswith("_pattern"):
            names |= identifiers(child, ("identifier",))
    return names
