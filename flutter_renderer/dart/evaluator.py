"""Evaluate the declarative subset of a Dart file into IR values.

Build methods, helpers, getters and constructors of the file's own classes run here; function
literals used as callbacks are kept as `Closure`s and never run. Every evaluation counts against a
`Budget`, so no input can loop, recurse or allocate without bound.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Callable

from flutter_renderer import catalog
from flutter_renderer.api import ErrorKind
from flutter_renderer.ir import Closure, DartObject, EnumValue
from flutter_renderer.dart import flutter_api, methods
from flutter_renderer.dart.errors import Budget, DartError
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.operators import (
    BINARY_NODES, GenericCall, OperatorError, Tree, apply_operator, operator_tree, wrap64,
)
from flutter_renderer.dart.program import WIDGET_BASES, ClassDecl, FunctionDecl, Params, Program, read_params
from flutter_renderer.dart.syntax import Node, error_at, field_groups, named, position, split_exprs, text, unescape
from flutter_renderer.dart.values import (
    IR_LEAVES, BoundMethod, Instance, Lambda, Props, Scope, TypeRef, UserEnum, dart_str, type_name,
)

BUILD_CONTEXT = Props("BuildContext", {"mounted": True})
UNSUPPORTED_STATEMENTS = {
    "while_statement": "'while' loops", "do_statement": "'do' loops",
    "try_statement": "'try' statements", "yield_statement": "'yield'", "yield_each_statement": "'yield*'",
    "break_statement": "'break'", "continue_statement": "'continue'", "labeled_statement": "labels",
}


class _Return:
    """A `return` reached inside a block."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Evaluator:
    """Evaluates one parsed file for one screen size; create one per `compile_screen` call."""

    def __init__(self, program: Program, width: float, height: float, budget: Budget) -> None:
        self.program = program
        self.width = width
        self.height = height
        self.budget = budget
        self.depth = 0
        self.call_stack: list[FunctionDecl] = []
        self.globals: dict[str, Any] = {}
        self.evaluating_globals: set[str] = set()

    # ----------------------------------------------------------------- entry point

    def root(self, main_call: list[Node] | None, fallback: ClassDecl | None) -> DartObject:
        """The root widget: the argument of `runApp(...)` in main, else the chosen widget class."""
        if main_call is not None:
            at = main_call[0]
            value = self.eval(main_call, Scope())
        elif fallback is not None:
            at = fallback.node
            value = self.instantiate(fallback, "", [], {}, at)
        else:
            raise DartError(ErrorKind.ANALYSIS, "No widget to render.", 1, 1)
        value = self.to_ir(value, at)
        if not isinstance(value, DartObject):
            raise self.error(at, f"The root must be a widget, not '{type_name(value)}'.")
        return value

    # ----------------------------------------------------------------- errors

    def error(self, node: Node, message: str, kind: ErrorKind = ErrorKind.ANALYSIS) -> DartError:
        return error_at(node, kind, message)

    def _too_deep(self, node: Node) -> DartError:
        names = [fn.name for fn in self.call_stack]
        if len(names) != len(set(names)):
            return self.error(node, "Stack Overflow: the build recurses without end.", ErrorKind.RUNTIME)
        return self.error(node, f"The code is nested more than {self.budget.max_depth} levels deep.")

    def check_size(self, value: Any, node: Node) -> Any:
        """Refuse oversized strings and collections; every new string is charged to the budget."""
        if isinstance(value, str):
            self.budget.chars += len(value)
            if len(value) > self.budget.max_string:
                raise self.error(node, f"A string of more than {self.budget.max_string} characters.", ErrorKind.RUNTIME)
            if self.budget.chars > self.budget.max_total_chars:
                raise self.error(node, f"More than {self.budget.max_total_chars} characters of strings were built.",
                                 ErrorKind.RUNTIME)
        if isinstance(value, (list, dict)) and len(value) > self.budget.max_collection:
            raise self.error(node, f"A collection of more than {self.budget.max_collection} elements.", ErrorKind.RUNTIME)
        return value

    def check_count(self, count: Any, node: Node) -> int:
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise self.error(node, f"The length must be a non-negative int, not a '{type_name(count)}'.")
        if count > self.budget.max_collection:
            raise self.error(node, f"A collection of more than {self.budget.max_collection} elements.", ErrorKind.RUNTIME)
        return count

    # ----------------------------------------------------------------- expressions

    def eval(self, nodes: list[Node], scope: Scope) -> Any:
        """Evaluate one expression given as a primary node and the selector nodes after it."""
        head = nodes[0]
        line, column = head.start_point
        self.budget.step(line + 1, column + 1)
        self.depth += 1
        try:
            if self.depth > self.budget.max_depth:
                raise self._too_deep(head)
            rest = nodes[1:]
            if head.type == "identifier" and rest and self._call_args(rest[0]) is not None:
                value = self.call_name(text(head), self._call_args(rest[0]), scope, head)  # type: ignore[arg-type]
                rest = rest[1:]
            else:
                value = self.primary(head, scope)
            return self.selectors(value, rest, scope)
        finally:
            self.depth -= 1

    def eval_node(self, node: Node, scope: Scope) -> Any:
        return self.eval([node], scope)

    def eval_parts(self, nodes: list[Node], scope: Scope, where: Node) -> Any:
        """Evaluate sibling nodes that must form exactly one expression."""
        groups = split_exprs(nodes)
        if len(groups) != 1:
            raise self.error(where, "Expected one expression.", ErrorKind.SYNTAX)
        return self.eval(groups[0], scope)

    @staticmethod
    def _call_args(node: Node) -> Node | None:
        """The `arguments` node when `node` is a call selector `(...)`, else None."""
        if node.type == "selector":
            part = node.named_children[0] if node.named_children else None
            if part is not None and part.type == "argument_part":
                return next((c for c in part.named_children if c.type == "arguments"), None)
        return None

    def primary(self, node: Node, scope: Scope) -> Any:
        kind = node.type
        handler: Callable[[Node, Scope], Any] | None = getattr(self, f"_p_{kind}", None)
        if handler is not None:
            return handler(node, scope)
        if kind in BINARY_NODES:
            return self.binary(node, scope)
        if kind in ("true", "false"):
            return kind == "true"
        if kind == "null_literal":
            return None
        if kind in ("decimal_integer_literal", "hex_integer_literal"):
            return self.int_literal(node)
        if kind == "decimal_floating_point_literal":
            return float(text(node).replace("_", ""))
        if kind == "identifier":
            return self.lookup(text(node), scope, node)
        if kind == "parenthesized_expression":
            return self.eval_parts(named(node), scope, node)
        if kind in ("await_expression", "throw_expression", "rethrow_expression"):
            what = kind.split("_")[0]
            raise self.error(node, f"'{what}' can't be evaluated while building.",
                             ErrorKind.RUNTIME if what == "throw" else ErrorKind.UNSUPPORTED)
        raise self.error(node, f"The expression '{text(node)[:40]}' ({kind}) is not supported by the embedded renderer.",
                         ErrorKind.UNSUPPORTED)

    def int_literal(self, node: Node) -> int:
        digits = text(node).replace("_", "")
        hexadecimal = digits[:2].lower() == "0x"
        limit = 2**64 if hexadecimal else 2**63   # hex literals may use the sign bit
        too_big = self.error(node, f"The integer literal {digits[:24]} can't be represented in 64 bits.")
        if len(digits) > 20:
            raise too_big
        value = int(digits[2:], 16) if hexadecimal else int(digits)
        if value >= limit:
            raise too_big
        return wrap64(value)

    def _p_string_literal(self, node: Node, scope: Scope) -> str:
        source = node.text
        pieces: list[str] = []
        opener, raw = "", False  # the delimiter of the literal being read ("" = between literals)
        cursor = node.start_byte
        for child in node.children:
            quote = child.type.lstrip("r") if not child.is_named else ""
            # only the opening delimiter closes: "Don't" holds a ' that is text
            if quote in ("'", '"', "'''", '"""') and (not opener or quote == opener):
                if opener:
                    pieces.append(source[cursor - node.start_byte:child.start_byte - node.start_byte].decode())
                    opener = ""
                else:
                    opener, raw = quote, child.type.startswith("r")
            elif opener:
                pieces.append(source[cursor - node.start_byte:child.start_byte - node.start_byte].decode())
                if raw:
                    pieces.append(text(child))
                elif child.type == "escape_sequence":
                    pieces.append(unescape(text(child)))
                elif child.type == "template_substitution":
                    pieces.append(self.to_str(self._interpolate(child, scope), child))
                else:
                    pieces.append(text(child))
            cursor = child.end_byte
        return self.check_size("".join(pieces), node)

    def to_str(self, value: Any, node: Node) -> str:
        if isinstance(value, Instance) and any("toString" in c.methods for c in self.lineage(value.cls)):
            printed = self.call_member(value, "toString", None, Scope(), node, ([], {}))
            if isinstance(printed, str):
                return printed
        try:
            return dart_str(value, self.budget.max_string)
        except ValueError as exc:
            raise self.error(node, f"toString(): {exc}.", ErrorKind.RUNTIME) from None

    def _interpolate(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        if len(parts) == 1 and parts[0].type == "identifier_dollar_escaped":
            return self.lookup(text(parts[0]), scope, parts[0])
        return self.eval_parts(parts, scope, node)

    def _p_list_literal(self, node: Node, scope: Scope) -> list[Any]:
        items: list[Any] = []
        for group in split_exprs([c for c in named(node) if c.type not in ("type_arguments", "const_builtin")]):
            items.extend(self.element(group, scope))
            self.check_size(items, node)
        return items

    def element(self, group: list[Node], scope: Scope) -> list[Any]:
        """The values one collection element adds: an expression, `if`, `for` or a spread."""
        head = group[0]
        self.budget.step(*position(head))
        if head.type == "spread_element":
            nullable = any(c.type in ("...?", "?") for c in head.children)
            value = self.eval_parts(named(head), scope, head)
            if value is None and nullable:
                return []
            if isinstance(value, dict):
                raise self.error(head, "Spreading a map into a list is not supported.", ErrorKind.UNSUPPORTED)
            if not isinstance(value, list):
                raise self.error(head, f"The type '{type_name(value)}' can't be spread into a list.")
            return value
        if head.type == "if_element":
            condition = [c for i, c in enumerate(head.children) if c.is_named and head.field_name_for_child(i) is None]
            branch = "consequence" if self.truth(self.eval_parts(condition, scope, head), head) else "alternative"
            nodes = field_groups(head, branch)
            return [v for g in split_exprs(nodes) for v in self.element(g, scope)] if nodes else []
        if head.type == "for_element":
            body = field_groups(head, "body")
            out: list[Any] = []
            for loop_scope in self.loop(named(head)[0], scope):
                for g in split_exprs(body):
                    out.extend(self.element(g, loop_scope))
                self.check_size(out, head)
            return out
        return [self.eval(group, scope)]

    def _p_set_or_map_literal(self, node: Node, scope: Scope) -> Any:
        parts = [c for c in named(node) if c.type not in ("type_arguments", "const_builtin")]
        if parts and all(p.type == "pair" for p in parts):
            result = {}
            for pair in parts:
                key = self.eval_parts(field_groups(pair, "key"), scope, pair)
                result[self.hashable(key, pair)] = self.eval_parts(field_groups(pair, "value"), scope, pair)
            return self.check_size(result, node)
        if any(p.type == "pair" for p in parts):
            raise self.error(node, "Collection 'if'/'for' in map literals is not supported.", ErrorKind.UNSUPPORTED)
        if not parts:
            return {}
        items = [v for g in split_exprs(parts) for v in self.element(g, scope)]
        return self.check_size(list(dict.fromkeys(self.hashable(i, node) for i in items)), node)  # a set, ordered

    def hashable(self, value: Any, node: Node) -> Any:
        try:
            hash(value)
        except TypeError:
            raise self.error(node, f"A '{type_name(value)}' can't be a map key or set element here.",
                             ErrorKind.UNSUPPORTED) from None
        return value

    def _p_conditional_expression(self, node: Node, scope: Scope) -> Any:
        condition = [c for i, c in enumerate(node.children) if c.is_named and node.field_name_for_child(i) is None]
        branch = "consequence" if self.truth(self.eval_parts(condition, scope, node), node) else "alternative"
        return self.eval_parts(field_groups(node, branch), scope, node)

    def _p_unary_expression(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        if parts[0].type != "prefix_operator":
            return self.eval_parts(parts, scope, node)
        op = text(parts[0])
        value = self.eval_parts(parts[1:], scope, node)
        if op == "!":
            return not self.truth(value, node)
        if op == "-" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
        if op == "~" and isinstance(value, int):
            return ~value
        raise self.error(node, f"The operator '{op}' isn't defined for the type '{type_name(value)}'.")

    def _p_type_test_expression(self, node: Node, scope: Scope) -> bool:
        parts = named(node)
        test = parts[-1]
        value = self.eval_parts(parts[:-1], scope, node)
        negated = "!" in text(test).split()[0]
        wanted = text(test).split()[-1].rstrip("?")
        return self.is_type(value, wanted, test) != negated

    def _p_type_cast_expression(self, node: Node, scope: Scope) -> Any:
        return self.eval_parts(named(node)[:-1], scope, node)

    def _p_function_expression(self, node: Node, scope: Scope) -> Lambda:
        params = read_params(node.child_by_field_name("parameters"))
        return Lambda(params, node.child_by_field_name("body"), scope, position(node)[0])

    def _p_const_object_expression(self, node: Node, scope: Scope) -> Any:
        parts = named(node)
        type_node = next((p for p in parts if p.type == "type_identifier"), None)
        if type_node is None:
            raise self.error(node, f"The expression '{text(node)[:40]}' is not supported.", ErrorKind.UNSUPPORTED)
        ctor = next((text(p) for p in parts if p.type == "identifier"), "")
        arguments = next((p for p in parts if p.type == "arguments"), None)
        args, kwargs = self.arguments(arguments, scope)
        return self.construct(text(type_node), ctor, args, kwargs, type_node, scope)

    _p_new_expression = _p_const_object_expression
    _p_constructor_invocation = _p_const_object_expression

    def _p_this(self, node: Node, scope: Scope) -> Any:
        if scope.this is None:
            raise self.error(node, "Invalid reference to 'this' expression.")
        return scope.this

    def _p_assignment_expression(self, node: Node, scope: Scope) -> Any:
        target = node.child_by_field_name("left")
        op = text(node.child_by_field_name("operator"))
        right = self.eval_parts(field_groups(node, "right"), scope, node)
        parts = named(target)
        if len(parts) == 2 and parts[0].type == "this":
            name, holder = text(named(parts[1])[0]), "this"
        elif len(parts) == 1 and parts[0].type == "identifier":
            name, holder = text(parts[0]), "any"
        else:
            raise self.error(node, "Only assignments to variables and fields are supported.", ErrorKind.UNSUPPORTED)
        if op != "=":
            current = self.lookup(name, scope, target)
            right = current if op == "??=" and current is not None else \
                right if op == "??=" else self.apply_operator(op[:-1], current, right, node)
        self.assign(name, right, scope, target, holder == "this")
        return right

    def _p_postfix_expression(self, node: Node, scope: Scope) -> Any:
        if not any(c.type == "postfix_operator" for c in node.named_children):
            return self.eval_parts(named(node), scope, node)   # `List<int>.generate(...)` and its selectors
        target, op = named(node)
        parts = named(target)
        if len(parts) != 1 or parts[0].type != "identifier" or text(op) not in ("++", "--"):
            raise self.error(node, "Only 'i++' / 'i--' on a variable are supported.", ErrorKind.UNSUPPORTED)
        name = text(parts[0])
        current = self.lookup(name, scope, target)
        self.assign(name, self.apply_operator(text(op)[0], current, 1, node), scope, target)
        return current

    def assign(self, name: str, value: Any, scope: Scope, node: Node, this_only: bool = False) -> None:
        holder = None if this_only else scope.find(name)
        if holder is not None:
            holder.vars[name] = value
        elif scope.this is not None and self.has_field(scope.this, name):
            scope.this.fields[name] = value
        elif not this_only and name in self.program.variables:
            self.globals[name] = value
        else:
            raise self.error(node, f"The setter '{name}' isn't defined.")

    # ----------------------------------------------------------------- operators

    def binary(self, node: Node, scope: Scope) -> Any:
        return self._eval_tree(operator_tree(node), scope)

    def _eval_tree(self, tree: Tree, scope: Scope) -> Any:
        """Evaluate an operator tree; `??`, `&&` and `||` evaluate their right side only when needed."""
        if isinstance(tree, list):
            return self.eval_parts(tree, scope, tree[0]) if tree else None
        if isinstance(tree, GenericCall):
            return self.generic_call(tree, scope)
        (op, op_node), left_tree, right_tree = tree
        left = self._eval_tree(left_tree, scope)
        if op == "??":
            return left if left is not None else self._eval_tree(right_tree, scope)
        if op in ("&&", "||"):
            if self.truth(left, op_node) == (op == "||"):
                return op == "||"
            return self.truth(self._eval_tree(right_tree, scope), op_node)
        return self.apply_operator(op, left, self._eval_tree(right_tree, scope), op_node)

    def generic_call(self, call: GenericCall, scope: Scope) -> Any:
        first, rest = call.tail[0], call.tail[1:]
        if first.type == "dot_shorthand":   # Type<T>.name(...)
            value = self.eval(call.callee, scope)
            name_node = named(first)[0]
            arguments = self._call_args(rest[0]) if rest else None
            if arguments is not None:
                value, rest = self.call_member(value, text(name_node), arguments, scope, name_node), rest[1:]
            else:
                value = self.get_member(value, text(name_node), name_node)
            return self.selectors(value, rest, scope)
        args = ([self.eval_parts(named(first), scope, first)], {})   # f<T>(x): exactly one argument
        *receiver, last = call.callee
        access = last.named_children[0] if last.type == "selector" and last.named_children else None
        if receiver and access is not None and access.type == "unconditional_assignable_selector":
            member = named(access)[0]
            value = self.call_member(self.eval(receiver, scope), text(member), None, scope, member, args)
        else:
            value = self.call(self.eval(call.callee, scope), *args, call.callee[0])
        return self.selectors(value, rest, scope)

    def apply_operator(self, op: str, left: Any, right: Any, node: Node) -> Any:
        try:
            return self.check_size(apply_operator(op, left, right, self.budget.max_string), node)
        except OperatorError as exc:
            raise self.error(node, str(exc), exc.kind) from None

    def truth(self, value: Any, node: Node) -> bool:
        if not isinstance(value, bool):
            raise self.error(node, f"A value of type '{type_name(value)}' can't be used as a condition (it isn't a 'bool').")
        return value

    def is_type(self, value: Any, wanted: str, node: Node) -> bool:
        simple = {"int": int, "double": float, "num": (int, float), "String": str, "bool": bool, "List": list,
                  "Map": dict, "Iterable": list, "Widget": DartObject}
        if wanted in ("Object", "dynamic"):
            return value is not None
        if wanted == "Null":
            return value is None
        if wanted in simple:
            return isinstance(value, simple[wanted]) and (wanted == "bool" or not isinstance(value, bool))
        if wanted in self.program.classes:
            return isinstance(value, Instance) and wanted in [c.name for c in self.lineage(value.cls)]
        raise self.error(node, f"The type test 'is {wanted}' is not supported.", ErrorKind.UNSUPPORTED)

    # ----------------------------------------------------------------- selectors

    def selectors(self, value: Any, selectors: list[Node], scope: Scope) -> Any:
        """Apply `.name`, `?.name`, `[i]`, `!` and calls, left to right (with null-shorting for `?.`)."""
        i = 0
        while i < len(selectors):
            node = selectors[i]
            inner = node.named_children[0] if node.type == "selector" and node.named_children else node
            args = self._call_args(node)
            if args is not None:
                value = self.call_value(value, args, scope, node)
            elif node.type == "selector" and not node.named_children and text(node) == "!":
                if value is None:
                    raise self.error(node, "Null check operator used on a null value.", ErrorKind.RUNTIME)
            elif inner.type in ("unconditional_assignable_selector", "conditional_assignable_selector"):
                conditional = inner.type == "conditional_assignable_selector"
                if conditional and value is None:
                    return None
                member = named(inner)[0]
                if member.type == "index_selector":
                    value = self.index(value, self.eval_parts(named(member), scope, member), member)
                else:
                    following = selectors[i + 1] if i + 1 < len(selectors) else None
                    call_args = self._call_args(following) if following is not None else None
                    if call_args is not None:
                        value = self.call_member(value, text(member), call_args, scope, member)
                        i += 1
                    else:
                        value = self.get_member(value, text(member), member)
            elif node.type == "cascade_section":
                raise self.error(node, "Cascades ('..') are not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
            else:
                raise self.error(node, f"The selector '{text(node)[:30]}' is not supported.", ErrorKind.UNSUPPORTED)
            i += 1
        return value

    def index(self, value: Any, key: Any, node: Node) -> Any:
        if value is None:
            raise self.error(node, "The operator '[]' isn't defined for the type 'Null'.")
        try:
            result = methods.index(value, key)
        except (TypeError, IndexError) as exc:
            raise self.error(node, str(exc), ErrorKind.RUNTIME) from None
        if result is MISSING:
            raise self.error(node, f"The operator '[]' isn't defined for the type '{type_name(value)}'.")
        return result

    def get_member(self, value: Any, name: str, node: Node) -> Any:
        """`value.name` (a getter, field or static member)."""
        if isinstance(value, TypeRef):
            return self.static_get(value.name, name, node)
        if isinstance(value, Instance):
            return self.instance_get(value, name, node)
        if value is None:
            raise self.error(node, f"The property '{name}' can't be unconditionally accessed because the receiver can be 'null'.")
        try:
            result = methods.get_property(value, name)
        except ValueError as exc:
            raise self.error(node, str(exc), ErrorKind.RUNTIME) from None
        if result is MISSING:
            raise self.error(node, f"The getter '{name}' isn't defined for the type '{type_name(value)}'.")
        return result

    def static_get(self, owner: str, name: str, node: Node) -> Any:
        if owner in self.program.enums:
            constants = self.program.enums[owner]
            if name == "values":
                return [UserEnum(owner, c, i) for i, c in enumerate(constants)]
            if name in constants:
                return UserEnum(owner, name, constants.index(name))
        elif owner in self.program.classes:
            for cls in self.lineage(self.program.classes[owner]):
                if name in cls.statics:
                    return self.static_field(cls, name, node)
        elif f"{owner}.{name}" in catalog.CONSTANTS:
            self.budget.node(*position(node))
            return catalog.CONSTANTS[f"{owner}.{name}"]
        elif owner in catalog.ENUMS:
            if name in catalog.ENUMS[owner]:
                return EnumValue(owner, name)
        else:
            value = flutter_api.static_get(owner, name)
            if value is not MISSING:
                return value
        raise self.error(node, f"The getter '{name}' isn't defined for the type '{owner}'.")

    def static_field(self, cls: ClassDecl, name: str, node: Node) -> Any:
        key = f"{cls.name}.{name}"
        init = cls.statics[name]
        return self.global_value(key, init, node)

    def instance_get(self, instance: Instance, name: str, node: Node) -> Any:
        if name in instance.fields:
            return instance.fields[name]
        for cls in self.lineage(instance.cls):
            if name in cls.getters:
                return self.invoke(cls.getters[name], instance, [], {}, node)
            if name in cls.methods:
                return BoundMethod(instance, name, position(node)[0])
        if instance.cls.is_state or any(c.superclass == "State" for c in self.lineage(instance.cls)):
            if name == "context":
                return BUILD_CONTEXT
            if name == "mounted":
                return True
        raise self.error(node, f"The getter '{name}' isn't defined for the type '{instance.cls.name}'.")

    def has_field(self, instance: Instance, name: str) -> bool:
        return name in instance.fields

    def lineage(self, cls: ClassDecl) -> list[ClassDecl]:
        """The class and its superclasses declared in this file, nearest first."""
        chain = [cls]
        while chain[-1].superclass in self.program.classes and len(chain) < 32:
            chain.append(self.program.classes[chain[-1].superclass])
        return chain

    def widget_base(self, cls: ClassDecl) -> str:
        return self.lineage(cls)[-1].superclass

    # ----------------------------------------------------------------- names

    def lookup(self, name: str, scope: Scope, node: Node) -> Any:
        """Resolve an identifier: locals, this object's members, top-level declarations, then types."""
        holder = scope.find(name)
        if holder is not None:
            return holder.vars[name]
        this = scope.this
        if this is not None:
            if name in this.fields or any(name in c.getters or name in c.methods for c in self.lineage(this.cls)):
                return self.instance_get(this, name, node)
            for cls in self.lineage(this.cls):
                if name in cls.statics:
                    return self.static_field(cls, name, node)
            if name in ("context", "mounted") and self.widget_base(this.cls) == "State":
                return self.instance_get(this, name, node)
        program = self.program
        if name in program.variables:
            return self.global_value(name, program.variables[name], node)
        if name in program.getters:
            return self.invoke(program.getters[name], None, [], {}, node)
        if name in program.functions:
            return BoundMethod(None, name, position(node)[0])
        if name == "pi" and "dart:math" in program.unprefixed:
            return math.pi
        if program.prefixes.get(name) == "dart:math":
            return TypeRef("math")
        if self.is_known_type(name, node):
            return TypeRef(name)
        raise self.error(node, f"Undefined name '{name}'.")

    def is_known_type(self, name: str, node: Node) -> bool:
        if name in flutter_api.BUILTIN_TYPES:   # `MediaQuery.of` works even though the MediaQuery widget doesn't
            return True
        if name in catalog.UNSUPPORTED or name in flutter_api.UNSUPPORTED_NAMES:
            raise self.error(node, f"'{name}' is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        return (name in self.program.classes or name in self.program.enums or name in catalog.CLASSES
                or name in catalog.ENUMS or name in flutter_api.BUILTIN_TYPES or name in flutter_api.CORE_CLASSES)

    def global_value(self, key: str, init: list[Node] | None, node: Node) -> Any:
        """A top-level or static variable, evaluated once on first use."""
        if key in self.globals:
            return self.globals[key]
        if key in self.evaluating_globals:
            raise self.error(node, f"The variable '{key}' is used in its own initializer.")
        self.evaluating_globals.add(key)
        try:
            value = self.eval(init, Scope()) if init else None
        finally:
            self.evaluating_globals.discard(key)
        self.globals[key] = value
        return value

    # ----------------------------------------------------------------- calls

    def arguments(self, node: Node | None, scope: Scope) -> tuple[list[Any], dict[str, Any]]:
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for child in named(node) if node is not None else []:
            if child.type == "named_argument":
                parts = named(child)
                label = text(named(parts[0])[0])
                if label in kwargs:
                    raise self.error(parts[0], f"The argument for the named parameter '{label}' was already specified.")
                kwargs[label] = self.eval_parts(parts[1:], scope, child)
            elif child.type == "argument":
                args.append(self.eval_parts(named(child), scope, child))
        return args, kwargs

    def call_name(self, name: str, arguments: Node, scope: Scope, node: Node) -> Any:
        """`name(args)`: a local function, method, top-level function, constructor or builtin."""
        holder = scope.find(name)
        this = scope.this
        if holder is None and this is not None:
            for cls in self.lineage(this.cls):
                if name in cls.methods:
                    args, kwargs = self.arguments(arguments, scope)
                    return self.invoke(cls.methods[name], this, args, kwargs, node)
        if holder is not None or name in self.program.variables or (this is not None and name in this.fields):
            return self.call_value(self.lookup(name, scope, node), arguments, scope, node)
        args, kwargs = self.arguments(arguments, scope)
        if name in self.program.functions:
            return self.invoke(self.program.functions[name], None, args, kwargs, node)
        if name in ("print", "debugPrint"):
            return None
        if name in flutter_api.MATH_FUNCTIONS and "dart:math" in self.program.unprefixed:
            return self._builtin("math", name, args, kwargs, node)
        if self.is_known_type(name, node) or name in self.program.classes:
            return self.construct(name, "", args, kwargs, node, scope)
        if this is None:
            raise self.error(node, f"The function '{name}' isn't defined.")
        raise self.error(node, f"The method '{name}' isn't defined for the type '{this.cls.name}'.")

    def call_value(self, value: Any, arguments: Node, scope: Scope, node: Node) -> Any:
        """Call a function value: a lambda, a tear-off, or a type (a constructor call)."""
        args, kwargs = self.arguments(arguments, scope)
        return self.call(value, args, kwargs, node)

    def call(self, value: Any, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        if isinstance(value, Lambda):
            fn = FunctionDecl(value.name or "<closure>", value.params, value.body, node)
            return self.invoke(fn, value.scope.this, args, kwargs, node, value.scope)
        if isinstance(value, BoundMethod):
            if value.receiver is None:
                return self.invoke(self.program.functions[value.name], None, args, kwargs, node)
            return self.call_member(value.receiver, value.name, None, Scope(), node, (args, kwargs))
        if isinstance(value, TypeRef):
            return self.construct(value.name, "", args, kwargs, node, None)
        raise self.error(node, f"The expression of type '{type_name(value)}' can't be invoked as a function.")

    def call_member(self, receiver: Any, name: str, arguments: Node | None, scope: Scope, node: Node,
                    evaluated: tuple[list[Any], dict[str, Any]] | None = None) -> Any:
        """`receiver.name(args)`: a named constructor, static, user method or built-in method."""
        args, kwargs = evaluated if evaluated is not None else self.arguments(arguments, scope)
        if isinstance(receiver, TypeRef):
            return self.construct(receiver.name, name, args, kwargs, node, scope)
        if isinstance(receiver, Instance):
            for cls in self.lineage(receiver.cls):
                if name in cls.methods:
                    return self.invoke(cls.methods[name], receiver, args, kwargs, node)
            if name in receiver.fields or any(name in c.getters for c in self.lineage(receiver.cls)):
                return self.call(self.instance_get(receiver, name, node), args, kwargs, node)
            raise self.error(node, f"The method '{name}' isn't defined for the type '{receiver.cls.name}'.")
        if receiver is None:
            raise self.error(node, f"The method '{name}' can't be unconditionally invoked because the receiver can be 'null'.")
        if name == "call" and isinstance(receiver, (Lambda, BoundMethod)):
            return self.call(receiver, args, kwargs, node)
        if name in ("padLeft", "padRight") and args and isinstance(args[0], int) and args[0] > self.budget.max_string:
            raise self.error(node, f"A string of more than {self.budget.max_string} characters.", ErrorKind.RUNTIME)
        try:
            result = methods.call_method(receiver, name, args, kwargs,
                                         lambda fn, fn_args: self.call(fn, fn_args, {}, node))
        except (TypeError, ValueError, IndexError, KeyError, OverflowError) as exc:
            raise self.error(node, f"Bad arguments to '{name}': {exc}", ErrorKind.RUNTIME) from None
        if result is MISSING:
            raise self.error(node, f"The method '{name}' isn't defined for the type '{type_name(receiver)}'.")
        if isinstance(result, DartObject):   # `style.copyWith(...)` makes a new object here
            self.budget.node(*position(node))
            return replace(result, line=position(node)[0], column=position(node)[1])
        return self.check_size(result, node)

    def _builtin(self, owner: str, name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        try:
            return flutter_api.static_call(owner, name, args, kwargs, self.width, self.height)
        except (TypeError, ValueError, OverflowError) as exc:
            raise self.error(node, f"Bad arguments to '{owner}{'.' + name if name else ''}': {exc}") from None

    def construct(self, type_: str, ctor: str, args: list[Any], kwargs: dict[str, Any], node: Node,
                  scope: Scope | None) -> Any:
        """`Type(args)` / `Type.ctor(args)`: the file's own class, a built-in, or a catalog class."""
        if type_ in self.program.classes:
            cls = self.program.classes[type_]
            if ctor in cls.constructors or (not ctor and not cls.constructors):
                return self.instantiate(cls, ctor, args, kwargs, node)
            for owner in self.lineage(cls):
                if ctor in owner.methods:   # a static method called on the class
                    return self.invoke(owner.methods[ctor], None, args, kwargs, node)
            raise self.error(node, f"Couldn't find constructor '{type_}.{ctor}'." if ctor else f"Couldn't find constructor '{type_}'.")
        self.is_known_type(type_, node)
        if type_ == "List":
            return self._list_constructor(ctor, args, kwargs, node)
        result = self._builtin(type_, ctor, args, kwargs, node)
        if result is not MISSING:
            return result
        if type_ in catalog.UNSUPPORTED:
            raise self.error(node, f"'{type_}' is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        signature = catalog.lookup(type_, ctor) or flutter_api.CORE_CLASSES.get(type_, {}).get(ctor)
        if signature is None:
            if type_ in catalog.CLASSES or type_ in flutter_api.BUILTIN_TYPES or type_ in flutter_api.CORE_CLASSES:
                what = f"'{type_}.{ctor}'" if ctor else f"'{type_}'"
                raise self.error(node, f"Couldn't find constructor {what}." if ctor or type_ in catalog.CLASSES
                                 else f"The method '{ctor}' isn't defined for the type '{type_}'.")
            raise self.error(node, f"The name '{type_}' isn't a class.")
        self.check_arguments(f"{type_}.{ctor}" if ctor else type_, len(signature.positional) - signature.optional_positional,
                             len(signature.positional), signature.named, signature.required, args, kwargs, node)
        kwargs = self.expand_builders(type_, ctor, kwargs, node)
        line, column = position(node)
        self.budget.node(line, column)
        return DartObject(type_, ctor, tuple(self.to_ir(a, node) for a in args),
                          {k: self.to_ir(v, node) for k, v in kwargs.items()}, line, column)

    def expand_builders(self, type_: str, ctor: str, kwargs: dict[str, Any], node: Node) -> dict[str, Any]:
        """Run the builders Flutter would call for the first frame (`Builder.builder`, item builders
        with an `itemCount`); other closures stay unevaluated."""
        callables = (Lambda, BoundMethod)
        child_builder = flutter_api.CHILD_BUILDERS.get((type_, ctor))
        item_builders = flutter_api.ITEM_BUILDERS.get((type_, ctor), ())
        if child_builder is None and not item_builders:
            return kwargs
        expanded = dict(kwargs)
        if child_builder is not None and isinstance(kwargs.get(child_builder), callables):
            expanded[child_builder] = self.call(kwargs[child_builder], [BUILD_CONTEXT], {}, node)
        count = kwargs.get("itemCount")
        if isinstance(count, int) and not isinstance(count, bool):
            count = self.check_count(count, node)
            for name in item_builders:
                if isinstance(kwargs.get(name), callables):
                    built = count if name == "itemBuilder" else max(0, count - 1)   # separators go between
                    expanded[name] = [self.call(kwargs[name], [BUILD_CONTEXT, i], {}, node) for i in range(built)]
        return expanded

    def _list_constructor(self, ctor: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> list[Any]:
        if ctor == "generate" and len(args) == 2:
            count = self.check_count(args[0], node)
            return [self.call(args[1], [i], {}, node) for i in range(count)]
        if ctor == "filled" and len(args) == 2:
            return [args[1]] * self.check_count(args[0], node)
        if ctor in ("of", "from", "unmodifiable") and len(args) == 1 and isinstance(args[0], list):
            return list(args[0])
        if ctor == "empty" and not args:
            return []
        raise self.error(node, f"The constructor 'List.{ctor}' is not supported with these arguments.", ErrorKind.UNSUPPORTED)

    def check_arguments(self, what: str, min_positional: int, max_positional: int, named_ok: frozenset[str] | set[str],
                        required: frozenset[str] | set[str], args: list[Any], kwargs: dict[str, Any], node: Node) -> None:
        """The analyzer's argument checks: positional count, unknown and missing named parameters."""
        if len(args) > max_positional:
            raise self.error(node, f"Too many positional arguments: {max_positional} expected, but {len(args)} found.")
        if len(args) < min_positional:
            raise self.error(node, f"Too few positional arguments: {min_positional} required, {len(args)} given.")
        for name in kwargs:
            if name not in named_ok:
                raise self.error(node, f"The named parameter '{name}' isn't defined.")
        for name in sorted(required):
            if name not in kwargs:
                raise self.error(node, f"The named parameter '{name}' is required, but there's no corresponding argument.")

    def bind(self, params: Params, args: list[Any], kwargs: dict[str, Any], scope: Scope, node: Node,
             what: str) -> dict[str, Any]:
        """Check arguments against `params` and bind them; returns `this.x` values by field name."""
        self.check_arguments(what, params.required_positional, len(params.positional), set(params.named),
                             params.required, args, kwargs, node)
        fields: dict[str, Any] = {}
        supplied = list(zip(params.positional, args)) + [(p, kwargs[n]) for n, p in params.named.items() if n in kwargs]
        missing = params.positional[len(args):] + [p for n, p in params.named.items() if n not in kwargs]
        values = supplied + [(p, self.eval(p.default, Scope()) if p.default else None) for p in missing]
        for param, value in values:
            if param.kind == "this":
                fields[param.name] = value
            elif param.kind == "plain":
                scope.vars[param.name] = value
        return fields

    # ----------------------------------------------------------------- functions and classes

    def invoke(self, fn: FunctionDecl, this: Instance | None, args: list[Any], kwargs: dict[str, Any], node: Node,
               closure_scope: Scope | None = None) -> Any:
        """Run a function, method or getter body and return its value."""
        scope = Scope(closure_scope, this)
        self.bind(fn.params, args, kwargs, scope, node, fn.name)
        if fn.body is None:
            raise self.error(node, f"'{fn.name}' has no body.")
        self.call_stack.append(fn)
        self.depth += 1
        try:
            if self.depth > self.budget.max_depth:
                raise self._too_deep(node)
            return self.run_body(fn.body, Scope(scope))
        finally:
            self.depth -= 1
            self.call_stack.pop()

    def run_body(self, body: Node, scope: Scope) -> Any:
        markers = [c.type for c in body.children if not c.is_named]
        if any(m in ("async", "async*", "sync*") for m in markers) or "*" in markers:
            raise self.error(body, "Asynchronous and generator functions can't run while building.", ErrorKind.UNSUPPORTED)
        parts = named(body)
        if parts and parts[0].type == "block":
            result = self.block(parts[0], scope)
            return result.value if isinstance(result, _Return) else None
        return self.eval_parts(parts, scope, body) if parts else None

    def block(self, block: Node, scope: Scope) -> _Return | None:
        inner = Scope(scope)
        for statement in named(block):
            result = self.statement(statement, inner)
            if result is not None:
                return result
        return None

    def statement(self, node: Node, scope: Scope) -> _Return | None:
        self.budget.step(*position(node))
        kind = node.type
        if kind == "block":
            return self.block(node, scope)
        if kind == "return_statement":
            parts = named(node)
            return _Return(self.eval_parts(parts, scope, node) if parts else None)
        if kind == "local_variable_declaration":
            self.declare(named(node)[0], scope)
        elif kind == "expression_statement":
            parts = named(node)
            if parts and parts[0].type != "super":
                self.eval_parts(parts, scope, node)
        elif kind == "if_statement":
            condition = [c for i, c in enumerate(node.children) if c.is_named and node.field_name_for_child(i) is None]
            branch = node.child_by_field_name(
                "consequence" if self.truth(self.eval_parts(condition, scope, node), node) else "alternative")
            return self.statement(branch, Scope(scope)) if branch is not None else None
        elif kind == "for_statement":
            body = node.child_by_field_name("body")
            for loop_scope in self.loop(named(node)[0], scope):
                result = self.statement(body, loop_scope)
                if result is not None:
                    return result
        elif kind == "switch_statement":
            return self.switch_statement(node, scope)
        elif kind == "local_function_declaration":
            function = named(node)[0]
            signature, body = function.child_by_field_name("parameters"), function.child_by_field_name("body")
            name = text(signature.child_by_field_name("name"))
            params = next((c for c in named(signature) if c.type == "formal_parameter_list"), None)
            scope.vars[name] = Lambda(read_params(params), body, scope, position(node)[0], name)
        elif kind in ("empty_statement", "assert_statement"):
            pass
        elif kind in UNSUPPORTED_STATEMENTS:
            raise self.error(node, f"{UNSUPPORTED_STATEMENTS[kind]} are not supported by the embedded renderer.",
                             ErrorKind.UNSUPPORTED)
        else:
            raise self.error(node, f"The statement '{text(node)[:40]}' is not supported.", ErrorKind.UNSUPPORTED)
        return None

    def switch_statement(self, node: Node, scope: Scope) -> _Return | None:
        """`switch` on constants: the first matching case runs (an empty case falls through); `break` ends it."""
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        cases = [c for c in named(node.child_by_field_name("body")) if c.type.startswith("switch_statement_")]
        matched = False
        for case in cases:
            patterns = [c for c in named(case) if c.type.endswith("_pattern")]
            statements = [c for c in named(case) if c.type not in ("case_builtin",) and not c.type.endswith("_pattern")]
            matched = matched or case.type == "switch_statement_default" or any(
                self.matches(p, value, scope) for p in patterns)
            if matched and statements:
                inner = Scope(scope)
                for statement in statements:
                    if statement.type == "break_statement":
                        return None
                    result = self.statement(statement, inner)
                    if result is not None:
                        return result
                return None
        return None

    def _p_switch_expression(self, node: Node, scope: Scope) -> Any:
        value = self.eval_node(node.child_by_field_name("condition"), scope)
        for case in field_groups(node, "body"):
            if case.type != "switch_expression_case":
                continue
            parts = named(case)
            patterns = [p for p in parts if p.type.endswith("_pattern")]
            result = [p for p in parts if not p.type.endswith("_pattern") and p.type != "logical_or_operator"]
            if any(self.matches(p, value, scope) for p in patterns):
                return self.eval_parts(result, scope, case)
        raise self.error(node, "No case of the switch expression matched.", ErrorKind.RUNTIME)

    def matches(self, pattern: Node, value: Any, scope: Scope) -> bool:
        """Constant patterns only: literals, constants, `Type.member`, and `_`."""
        if pattern.type != "constant_pattern":
            raise self.error(pattern, "Only constant patterns are supported in 'switch'.", ErrorKind.UNSUPPORTED)
        inner = named(pattern)[0]
        if inner.type == "identifier" and text(inner) == "_":
            return True
        if inner.type == "qualified":
            type_node, member = named(inner)[0], named(inner)[-1]
            return self.static_get(text(type_node), text(member), member) == value
        return self.eval_parts(named(pattern), scope, pattern) == value

    def declare(self, definition: Node, scope: Scope) -> None:
        """`final a = 1, b;` -> bind each name in `scope`."""
        name: str | None = None
        value_nodes: list[Node] = []

        def flush() -> None:
            if name is not None:
                scope.vars[name] = self.eval_parts(value_nodes, scope, definition) if value_nodes else None

        for i, child in enumerate(definition.children):
            field = definition.field_name_for_child(i)
            if field == "name":
                flush()
                name, value_nodes = text(child), []
            elif field == "value":
                value_nodes.append(child)
            elif child.type == "initialized_identifier":
                flush()
                parts = named(child)
                name, value_nodes = text(parts[0]), parts[1:]
        flush()

    def loop(self, parts: Node, scope: Scope):
        """The scopes of a `for` loop's iterations: for-in over a list, or a C-style loop."""
        if parts.child_by_field_name("value") is not None and any(c.type == "in" for c in parts.children):
            name_node = parts.child_by_field_name("name")
            if name_node is None:
                raise self.error(parts, "Patterns in 'for' loops are not supported.", ErrorKind.UNSUPPORTED)
            iterable = self.eval_parts(field_groups(parts, "value"), scope, parts)
            if isinstance(iterable, dict) or not isinstance(iterable, list):
                raise self.error(parts, f"The type '{type_name(iterable)}' used in the 'for' loop must implement 'Iterable'.")
            for item in list(iterable):
                loop_scope = Scope(scope)
                loop_scope.vars[text(name_node)] = item
                yield loop_scope
            return
        loop_scope = Scope(scope)
        init = parts.child_by_field_name("init")
        if init is not None:
            self.statement(init, loop_scope) if init.type == "local_variable_declaration" else self.eval_node(init, loop_scope)
        condition = field_groups(parts, "condition")
        updates = field_groups(parts, "update")
        while True:
            self.budget.step(*position(parts))
            if condition and not self.truth(self.eval_parts(condition, loop_scope, parts), parts):
                return
            yield Scope(loop_scope)
            for group in split_exprs(updates):
                self.eval(group, loop_scope)

    def instantiate(self, cls: ClassDecl, ctor_name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        """Create an object of the file's own class; a widget is replaced by what its build returns."""
        ctor = cls.constructors.get(ctor_name)
        if ctor is not None and ctor.name == "factory":
            raise self.error(node, "Factory constructors are not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        instance = Instance(cls)
        params_scope = Scope(None, instance)
        if ctor is not None:
            instance.fields.update(self.bind(ctor.params, args, kwargs, params_scope, node, cls.name))
        else:
            self.check_arguments(cls.name, 0, 0, set(), set(), args, kwargs, node)
        for owner in reversed(self.lineage(cls)):
            for name, init in owner.fields.items():
                if name not in instance.fields:
                    instance.fields[name] = self.eval(init, Scope(None, instance)) if init else None
        for entry in ctor.initializers if ctor is not None else []:
            parts = named(entry)
            if parts and parts[0].type == "field_initializer":
                target, *value = named(parts[0])
                instance.fields[text(target)] = self.eval_parts(value, params_scope, entry)
        base = self.widget_base(cls)
        if base in WIDGET_BASES:
            return self.build_widget(instance, base, node)
        return instance

    def build_widget(self, widget: Instance, base: str, node: Node) -> Any:
        target = widget
        if base == "StatefulWidget":
            target = self.call_member(widget, "createState", None, Scope(), node, ([], {}))
            if not isinstance(target, Instance) or self.widget_base(target.cls) != "State":
                raise self.error(node, f"'{widget.cls.name}.createState' must return a State.")
            target.fields["widget"] = widget
            for owner in self.lineage(target.cls):
                if "initState" in owner.methods:
                    self.invoke(owner.methods["initState"], target, [], {}, node)
                    break
        for owner in self.lineage(target.cls):
            if "build" in owner.methods:
                return self.invoke(owner.methods["build"], target, [BUILD_CONTEXT], {}, node)
        raise self.error(node, f"Missing concrete implementation of 'build' in '{target.cls.name}'.")

    # ----------------------------------------------------------------- output

    def to_ir(self, value: Any, node: Node) -> Any:
        """A runtime value as it may appear in the output tree."""
        if value is None or isinstance(value, (bool, int, float, str)) or isinstance(value, IR_LEAVES):
            return value
        if isinstance(value, (list, dict)):
            self.budget.node(*position(node))   # collections count towards the output tree's size
            if isinstance(value, list):
                return [self.to_ir(v, node) for v in value]
            return {self.to_ir(k, node): self.to_ir(v, node) for k, v in value.items()}
        if isinstance(value, (Lambda, BoundMethod)):
            return Closure(value.line)
        if isinstance(value, Props) and value.ir is not None:
            return value.ir
        raise self.error(node, f"A value of type '{type_name(value)}' can't be passed to a Flutter widget here.")
