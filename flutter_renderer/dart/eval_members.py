"""Selectors (`.name`, `?.`, `[i]`, `!`), getters, statics and name lookup.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

import math
from typing import Any

from flutter_renderer import catalog
from flutter_renderer.animation import AnimationUnsupported
from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import dart_core, flutter_api, kinds, methods, still_state
from flutter_renderer.dart.errors import DartError
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase
from flutter_renderer.dart.first_frame import NOTIFIER_QUIET
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.program import INDEX_OPERATOR, ClassDecl, FunctionDecl
from flutter_renderer.dart.syntax import Node, named, position, text
from flutter_renderer.dart.values import (
    BoundMethod,
    Instance,
    Lambda,
    Scope,
    SuperRef,
    TypeRef,
    UserEnum,
    as_declared,
    type_name,
)
from flutter_renderer.flutter_names import flutter_names
from flutter_renderer.ir import EnumValue


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
            elif node.type == "cascade_section":  # only cascade sections can follow the first one
                return self.cascade(value, selectors[i:], scope)
            else:
                raise self.error(node, f"The selector '{text(node)[:30]}' is not supported.", ErrorKind.UNSUPPORTED)
            i += 1
        return value

    def index(self, value: Any, key: Any, node: Node) -> Any:
        if value is None:
            raise self.error(node, "The operator '[]' isn't defined for the type 'Null'.")
        if isinstance(value, Instance):  # the class's own `operator []`
            for cls in self.lineage(value.cls):
                if INDEX_OPERATOR in cls.methods:
                    return self.invoke(cls.methods[INDEX_OPERATOR], value, [key], {}, node)
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
        state = self.enum_state(value, name)
        if state is not None:
            return self.instance_get(state, name, node)
        if isinstance(value, SuperRef):
            member, is_getter = self.super_member(value, name, node)
            if is_getter:
                return self.invoke(member, value.instance, [], {}, node)
            return Lambda(
                member.params, member.body, Scope(None, value.instance, member.owner), position(node)[0], name
            )
        if value is None:
            raise self.error(
                node, f"The property '{name}' can't be unconditionally accessed because the receiver can be 'null'."
            )
        try:
            result = methods.get_property(value, name)
        except dart_core.CoreError as exc:
            raise self.error(node, str(exc), exc.kind) from None
        except AnimationUnsupported as exc:
            raise self.error(node, f"{exc} is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED) from None
        except TypeError as exc:
            raise self.error(node, f"The getter '{name}': {exc}.") from None
        except ValueError as exc:
            raise self.error(node, str(exc), ErrorKind.RUNTIME) from None
        if result is MISSING:
            result = self.extension_get(value, name, node)
        if result is MISSING and methods.has_method(value, name):  # a built-in method's tear-off
            result = BoundMethod(value, name, position(node)[0])
        if result is MISSING:
            raise self.unknown_member(
                type_name(value), name, node, f"The getter '{name}' isn't defined for the type '{type_name(value)}'."
            )
        return result

    def static_get(self, owner: str, name: str, node: Node) -> Any:
        if owner in self.program.enums:
            constants = self.program.enums[owner]
            if name == "values":
                return [self.enum_value(owner, c, node) for c in constants]
            if name in constants:
                return self.enum_value(owner, name, node)
        elif owner in self.program.classes:
            for cls in self.lineage(self.program.classes[owner]):
                if name in cls.statics:
                    return self.static_field(cls, name, node)
                if name in cls.methods:  # a static method's tear-off
                    return BoundMethod(TypeRef(owner), name, position(node)[0])
        elif f"{owner}.{name}" in catalog.CONSTANTS:
            self.budget.node(*position(node))
            return catalog.CONSTANTS[f"{owner}.{name}"]
        elif owner in catalog.ENUMS:
            if name in catalog.ENUMS[owner]:
                return EnumValue(owner, name)
        else:
            value = flutter_api.static_get(owner, name)
            if value is MISSING:
                value = dart_core.static_get(owner, name)
            if value is MISSING:
                value = still_state.static_get(owner, name)
            if value is not MISSING:
                return value
        message = f"The getter '{name}' isn't defined for the type '{owner}'."
        # `values` every Dart enum has, and the index (which can't tell an enum of dart:ui from a class)
        # doesn't list; the catalog keeps enums' names, not their order
        enum_values = name == "values" and (owner in catalog.ENUMS or kinds.is_flutter_type(owner, self.program))
        if (
            owner not in self.program.enums
            and owner not in self.program.classes
            and (enum_values or kinds.static_exists(owner, name, self.program))
        ):
            raise self.error(node, kinds.valid_flutter(f"{owner}.{name}"), ErrorKind.UNSUPPORTED)
        raise self.error(node, message)

    def enum_value(self, owner: str, name: str, node: Node) -> UserEnum:
        """A constant of the file's enum; an enhanced enum's is constructed once, on first use."""
        index = self.program.enums[owner].index(name)
        cls = self.program.enum_classes.get(owner)
        if cls is None:
            return UserEnum(owner, name, index)
        key = f"{owner}.{name}"
        if key not in self.globals:
            instance = Instance(cls, {"name": name, "index": index})  # what the enum's own code reads
            self.globals[key] = UserEnum(owner, name, index, instance)
            args, kwargs = self.arguments(cls.constants[name], Scope(owner=owner))
            self.initialize(instance, cls, cls.constructors.get(""), args, kwargs, node)
        return self.globals[key]

    def enum_state(self, value: Any, name: str) -> Instance | None:
        """The fields object of an enhanced enum constant whose class declares `name`."""
        if isinstance(value, UserEnum) and value.state is not None:
            if self.has_field(value.state, name) or any(
                name in c.getters or name in c.methods for c in self.lineage(value.state.cls)
            ):
                return value.state
        return None

    def static_field(self, cls: ClassDecl, name: str, node: Node) -> Any:
        return self.global_value(f"{cls.name}.{name}", cls.statics[name], node, cls.name)

    def owner_lineage(self, scope: Scope) -> list[ClassDecl]:
        """The classes whose members code in `scope` sees unqualified: the extension it runs in, then
        those of `this` (so overrides win), else the running class of static code; empty at top level."""
        extension = self.program.extensions.get(scope.owner or "")
        owner = scope.this.cls if isinstance(scope.this, Instance) else self.program.classes.get(scope.owner or "")
        return ([extension] if extension is not None else []) + (self.lineage(owner) if owner is not None else [])

    def static_member(self, name: str, scope: Scope, node: Node) -> Any:
        """An unqualified static field or static method tear-off of the running class; else MISSING."""
        for cls in self.owner_lineage(scope):
            if name in cls.statics:
                return self.static_field(cls, name, node)
            if cls.kind == "extension" and name in cls.getters:
                return self.invoke(cls.getters[name], scope.this, [], {}, node)
            if name in cls.methods:
                receiver = scope.this if cls.kind == "extension" else TypeRef(cls.name)
                return BoundMethod(receiver, name, position(node)[0])
        return MISSING

    def instance_get(self, instance: Instance, name: str, node: Node) -> Any:
        if name in instance.fields:
            return instance.fields[name]
        for cls in self.lineage(instance.cls):
            if name in cls.getters:
                return self.invoke(cls.getters[name], instance, [], {}, node)
            if name in cls.methods:
                return BoundMethod(instance, name, position(node)[0])
            if name in cls.fields:  # declared but not set: a `late` field
                return self.late_field(instance, name, node)
        if self.widget_base(instance.cls) == "State":
            if name == "context":
                return BUILD_CONTEXT
            if name == "mounted":
                return True
        extended = self.extension_get(instance, name, node)
        if extended is not MISSING:
            return extended
        raise self.missing_member(
            instance, name, node, f"The getter '{name}' isn't defined for the type '{instance.cls.name}'."
        )

    def missing_member(self, instance: Instance, name: str, node: Node, message: str) -> DartError:
        """A member the file's class doesn't declare: unsupported when a Flutter superclass or mixin
        (other than the widget bases the front end models) may provide it, or when Flutter's class the
        widget extends has it; else the analyzer's `message`."""
        inherited = [
            t
            for t in self.flutter_supertypes(instance)
            if t not in ("", "Object", "StatelessWidget", "StatefulWidget", "State")
        ]
        for flutter_type in inherited:
            if kinds.member_exists(flutter_type, name):
                return self.error(node, kinds.valid_flutter(f"{flutter_type}.{name}"), ErrorKind.UNSUPPORTED)
        # a supertype the index doesn't list (its members can't be checked) may provide it
        unchecked = [t for t in inherited if not kinds.type_known(t)]
        if unchecked and not name[:1].isupper():  # `Tween(...)` is a class, not an inherited member
            return self.error(
                node,
                f"'{instance.cls.name}.{name}' would come from the Flutter type '{unchecked[0]}', "
                "which the embedded renderer does not model.",
                ErrorKind.UNSUPPORTED,
            )
        return self.unknown_member(self.widget_base(instance.cls), name, node, message)

    def flutter_supertypes(self, instance: Instance) -> list[str]:
        """The Flutter classes and mixins the file's class builds on: its base, then its mixins."""
        return [self.widget_base(instance.cls)] + [
            m for c in self.lineage(instance.cls) for m in c.mixins if m not in self.program.classes
        ]

    def quiet_notifier_call(self, instance: Instance, name: str) -> bool:
        """Whether `name` is a ChangeNotifier method that only registers or signals listeners, on a
        class of the file that is a ChangeNotifier: a first frame sees nothing of it (first_frame._QUIET)."""
        return name in NOTIFIER_QUIET and any(
            decl.name == "ChangeNotifier"
            for t in self.flutter_supertypes(instance)
            for decl in flutter_names().lineage(t)
        )

    def super_member(self, ref: SuperRef, name: str, node: Node) -> tuple[FunctionDecl, bool]:
        """The method or getter `super.name` means, the first past `ref.owner` in the lineage, and
        whether it is a getter."""
        chain = self.lineage(ref.instance.cls)
        start = next((i + 1 for i, c in enumerate(chain) if c.name == ref.owner), len(chain))
        for cls in chain[start:]:
            for group, is_getter in ((cls.methods, False), (cls.getters, True)):
                if name in group and group[name].body is not None:
                    return group[name], is_getter
        raise self.error(
            node, f"'super.{name}' of a Flutter class is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED
        )

    def has_field(self, instance: Instance, name: str) -> bool:
        return name in instance.fields or any(name in c.fields for c in self.lineage(instance.cls))

    def lineage(self, cls: ClassDecl) -> list[ClassDecl]:
        """The class, the mixins it applies (the last one first) and its superclasses declared in
        this file, in the order their members are looked up."""
        if cls.name in self.lineages:
            return self.lineages[cls.name]
        chain: list[ClassDecl] = []
        current: ClassDecl | None = cls
        while current is not None and len(chain) < 32:
            chain.append(current)
            chain.extend(self.program.classes[m] for m in reversed(current.mixins) if m in self.program.classes)
            current = self.program.classes.get(current.superclass)
        self.lineages[cls.name] = chain
        return chain

    def widget_base(self, cls: ClassDecl) -> str:
        """The Flutter class at the top of the class's superclass chain (StatelessWidget, State, ...)."""
        seen = 0
        while cls.superclass in self.program.classes and seen < 32:
            cls, seen = self.program.classes[cls.superclass], seen + 1
        return cls.superclass

    # ----------------------------------------------------------------- extensions

    def extension_of(self, value: Any, name: str) -> tuple[Any, Any] | None:
        """The first extension on the value's type that declares `name`: (the extension, its member)."""
        for extension in self.program.extensions.values():
            member = extension.getters.get(name) or extension.methods.get(name)
            if member is not None and self.conforms(value, extension.superclass, extension.node):
                return extension, member
        return None

    def conforms(self, value: Any, type_: str, node: Node) -> bool:
        """`value is type_`, false (not an error) for a type the front end can't test."""
        try:
            return value is not None and self.is_type(value, type_, node)
        except DartError:
            return type_name(value) == type_

    def extension_get(self, value: Any, name: str, node: Node) -> Any:
        """`value.name` through an extension getter (run) or method (a tear-off); MISSING if none."""
        found = self.extension_of(value, name)
        if found is None:
            return MISSING
        extension, member = found
        if name in extension.getters:
            return self.invoke(member, value, [], {}, node)
        return BoundMethod(value, name, position(node)[0])

    def implicit_member(self, this: Any, name: str, node: Node) -> Any:
        """Inside an extension on a built-in type, an unqualified name is a member of `this`."""
        if this is None or isinstance(this, Instance):
            return MISSING
        value = methods.get_property(this, name)
        return value if value is not MISSING else self.extension_get(this, name, node)

    # ----------------------------------------------------------------- names

    def lookup(self, name: str, scope: Scope, node: Node) -> Any:
        """Resolve an identifier: locals, this object's members, top-level declarations, then types."""
        holder = scope.find(name)
        if holder is not None:
            return holder.vars[name]
        this = scope.this
        if isinstance(this, Instance):
            if self.has_field(this, name) or any(
                name in c.getters or name in c.methods for c in self.lineage(this.cls)
            ):
                return self.instance_get(this, name, node)
            if name in ("context", "mounted") and self.widget_base(this.cls) == "State":
                return self.instance_get(this, name, node)
        static = self.static_member(name, scope, node)
        if static is not MISSING:
            return static
        program = self.program
        if name in program.variables:
            return self.global_value(name, program.variables[name], node)
        if name in program.getters:
            return self.invoke(program.getters[name], None, [], {}, node)
        if name in program.functions:
            return BoundMethod(None, name, position(node)[0])
        if name in flutter_api.TOP_LEVEL and kinds.visible(name, program):  # `kIsWeb` needs foundation.dart
            return flutter_api.TOP_LEVEL[name]
        if name == "pi" and "dart:math" in program.unprefixed:
            return math.pi
        if program.prefixes.get(name) == "dart:math":
            return TypeRef("math")
        if self.is_known_type(name, node) or name in program.prefixes or kinds.is_flutter_type(name, program):
            return TypeRef(name)  # Flutter types the renderer lacks too: their members decide the kind
        implicit = self.implicit_member(this, name, node)
        if implicit is not MISSING:
            return implicit
        raise self.unknown_name(name, scope, node, f"Undefined name '{name}'.")

    def unknown_name(self, name: str, scope: Scope, node: Node, message: str) -> DartError:
        """The error for a name neither the file nor the renderer defines: UNSUPPORTED when it is a
        Flutter name the imports make visible or a member of a Flutter class `this` extends."""
        if kinds.name_kind(name, self.program) is ErrorKind.UNSUPPORTED:
            return self.error(node, kinds.valid_flutter(name), ErrorKind.UNSUPPORTED)
        if isinstance(scope.this, Instance):
            return self.missing_member(scope.this, name, node, message)
        return self.error(node, message)

    def unknown_member(self, type_: str, name: str, node: Node, message: str) -> DartError:
        """The error for a member the renderer doesn't have: UNSUPPORTED when Flutter's (or Dart's)
        type `type_` has it, else the analyzer's `message`."""
        if kinds.member_exists(type_, name):
            return self.error(node, kinds.valid_flutter(f"{type_}.{name}"), ErrorKind.UNSUPPORTED)
        return self.error(node, message)

    def is_known_type(self, name: str, node: Node) -> bool:
        if name in flutter_api.BUILTIN_TYPES:  # `MediaQuery.of` works even though the MediaQuery widget doesn't
            return True
        if name in catalog.UNSUPPORTED or name in flutter_api.UNSUPPORTED_NAMES:
            raise self.error(node, f"'{name}' is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        return (
            name in self.program.classes
            or name in self.program.enums
            or name in catalog.CLASSES
            or name in catalog.ENUMS
            or name in flutter_api.BUILTIN_TYPES
            or name in flutter_api.CORE_CLASSES
            or name in dart_core.CORE_TYPES
        )

    def global_value(self, key: str, init: list[Node] | None, node: Node, owner: str | None = None) -> Any:
        """A top-level or static variable (of class `owner`), evaluated once on first use."""
        if key in self.globals:
            return self.globals[key]
        if key in self.evaluating_globals:
            raise self.error(node, f"The variable '{key}' is used in its own initializer.")
        self.evaluating_globals.add(key)
        try:
            value = self.eval(init, Scope(owner=owner)) if init else None
        finally:
            self.evaluating_globals.discard(key)
        cls = self.program.classes.get(owner or "")
        value = as_declared(
            value, key.split(".")[-1] in cls.doubles if cls is not None else key in self.program.doubles
        )
        self.globals[key] = value
        return value
