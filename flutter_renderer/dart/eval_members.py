"""Selectors (`.name`, `?.`, `[i]`, `!`), getters, statics and name lookup.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

import math
from typing import Any

from flutter_renderer import catalog
from flutter_renderer.animation import AnimationUnsupported
from flutter_renderer.api import ErrorKind
from flutter_renderer.ir import EnumValue
from flutter_renderer.dart import flutter_api, methods
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.program import ClassDecl
from flutter_renderer.dart.syntax import Node, named, position, text
from flutter_renderer.dart.values import BoundMethod, Instance, Scope, TypeRef, UserEnum, type_name
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase


class MemberAccess(EvaluatorBase):
    """Selectors (`.name`, `?.`, `[i]`, `!`), getters, statics and name lookup."""

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
        except AnimationUnsupported as exc:
            raise self.error(node, f"{exc} is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED) from None
        except TypeError as exc:
            raise self.error(node, f"The getter '{name}': {exc}.") from None
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
