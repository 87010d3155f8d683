"""Calls: functions, methods, constructors of Flutter's and the file's classes, argument checks.

Part of `Evaluator` (evaluator.py); the methods use the state of `EvaluatorBase`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Collection

from flutter_renderer import catalog
from flutter_renderer.animation import AnimationUnsupported
from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import dart_core, first_frame, flutter_api, kinds, methods, still_state
from flutter_renderer.dart.errors import DartError
from flutter_renderer.dart.eval_base import BUILD_CONTEXT, EvaluatorBase
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.program import FunctionDecl, Params
from flutter_renderer.dart.syntax import Node, named, position, text
from flutter_renderer.dart.values import BoundMethod, Instance, Lambda, Scope, SuperRef, TypeRef, as_declared, type_name
from flutter_renderer.ir import DartObject


class CallEvaluation(EvaluatorBase):
    """Calls: functions, methods, constructors of Flutter's and the file's classes, argument checks."""

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
        if holder is None:
            for cls in self.owner_lineage(scope):
                if name in cls.methods:
                    args, kwargs = self.arguments(arguments, scope)
                    return self.invoke(cls.methods[name], this, args, kwargs, node)
        if holder is not None or name in self.program.variables or (isinstance(this, Instance) and name in this.fields):
            return self.call_value(self.lookup(name, scope, node), arguments, scope, node)
        args, kwargs = self.arguments(arguments, scope)
        if name in self.program.functions:
            return self.invoke(self.program.functions[name], None, args, kwargs, node)
        if name in ("print", "debugPrint", "unawaited"):
            return None
        if name in flutter_api.PAINTING_FUNCTIONS and len(args) == 1 and not kwargs:
            try:
                return flutter_api.PAINTING_FUNCTIONS[name](args[0])
            except TypeError as exc:
                raise self.error(node, str(exc)) from None
        if name in flutter_api.MATH_FUNCTIONS and "dart:math" in self.program.unprefixed:
            return self._builtin("math", name, args, kwargs, node)
        if self.is_known_type(name, node) or name in self.program.classes or kinds.is_flutter_type(name, self.program):
            return self.construct(name, "", args, kwargs, node, scope)
        if this is not None and not isinstance(this, Instance):  # an extension on a built-in type
            return self.call_member(this, name, None, scope, node, (args, kwargs))
        if this is None:
            raise self.unknown_name(name, scope, node, f"The function '{name}' isn't defined.")
        if self.quiet_notifier_call(this, name):  # `notifyListeners()` in the file's ChangeNotifier
            return None
        raise self.unknown_name(name, scope, node, f"The method '{name}' isn't defined for the type '{this.cls.name}'.")

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
            if isinstance(value.receiver, TypeRef):  # a static method's tear-off
                return self.construct(value.receiver.name, value.name, args, kwargs, node, None)
            return self.call_member(value.receiver, value.name, None, Scope(), node, (args, kwargs))
        if isinstance(value, TypeRef):
            return self.construct(value.name, "", args, kwargs, node, None)
        raise self.error(node, f"The expression of type '{type_name(value)}' can't be invoked as a function.")

    def call_member(
        self,
        receiver: Any,
        name: str,
        arguments: Node | None,
        scope: Scope,
        node: Node,
        evaluated: tuple[list[Any], dict[str, Any]] | None = None,
    ) -> Any:
        """`receiver.name(args)`: a named constructor, static, user method or built-in method."""
        args, kwargs = evaluated if evaluated is not None else self.arguments(arguments, scope)
        if isinstance(receiver, TypeRef):
            if receiver.name == "math" and name[:1].isupper():  # `math.Random(42)`: a class of dart:math
                return self.construct(name, "", args, kwargs, node, scope)
            return self.construct(receiver.name, name, args, kwargs, node, scope)
        receiver = self.enum_state(receiver, name) or receiver
        if isinstance(receiver, SuperRef):
            member, is_getter = self.super_member(receiver, name, node)
            if is_getter:
                return self.call(self.invoke(member, receiver.instance, [], {}, node), args, kwargs, node)
            return self.invoke(member, receiver.instance, args, kwargs, node)
        if isinstance(receiver, Instance):
            for cls in self.lineage(receiver.cls):
                if name in cls.methods:
                    return self.invoke(cls.methods[name], receiver, args, kwargs, node)
            if self.has_field(receiver, name) or any(name in c.getters for c in self.lineage(receiver.cls)):
                return self.call(self.instance_get(receiver, name, node), args, kwargs, node)
            if self.extension_of(receiver, name) is not None:
                return self.call_extension(receiver, name, args, kwargs, node)
            if self.quiet_notifier_call(receiver, name):
                return None
            raise self.missing_member(
                receiver, name, node, f"The method '{name}' isn't defined for the type '{receiver.cls.name}'."
            )
        if receiver is None:
            raise self.error(
                node, f"The method '{name}' can't be unconditionally invoked because the receiver can be 'null'."
            )
        if name == "call" and isinstance(receiver, (Lambda, BoundMethod)):
            return self.call(receiver, args, kwargs, node)
        if name in ("padLeft", "padRight") and args and isinstance(args[0], int) and args[0] > self.budget.max_string:
            raise self.limit(node, f"A string of more than {self.budget.max_string} characters.")
        try:
            result = methods.call_method(
                receiver, name, args, kwargs, lambda fn, fn_args: self.call(fn, fn_args, {}, node)
            )
        except dart_core.CoreError as exc:
            raise self.error(node, str(exc), exc.kind) from None
        except AnimationUnsupported as exc:
            raise self.error(node, f"{exc} is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED) from None
        except (TypeError, ValueError, IndexError, KeyError, OverflowError) as exc:
            raise self.error(node, f"Bad arguments to '{name}': {exc}", ErrorKind.RUNTIME) from None
        if result is MISSING and self.extension_of(receiver, name) is not None:
            return self.call_extension(receiver, name, args, kwargs, node)
        if result is MISSING:
            raise self.unknown_member(
                type_name(receiver),
                name,
                node,
                f"The method '{name}' isn't defined for the type '{type_name(receiver)}'.",
            )
        if isinstance(result, DartObject):  # `style.copyWith(...)` makes a new object here
            self.budget.node(*position(node))
            return replace(result, line=position(node)[0], column=position(node)[1])
        return self.check_size(result, node)

    def call_extension(self, receiver: Any, name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        """`receiver.name(args)` through an extension: a method, or a getter whose value is called."""
        extension, member = self.extension_of(receiver, name)  # type: ignore[misc]
        if name in extension.getters:
            return self.call(self.invoke(member, receiver, [], {}, node), args, kwargs, node)
        return self.invoke(member, receiver, args, kwargs, node)

    def _builtin(self, owner: str, name: str, args: list[Any], kwargs: dict[str, Any], node: Node) -> Any:
        try:
            result = flutter_api.static_call(owner, name, args, kwargs, self.width, self.height)
            if result is MISSING:
                result = dart_core.static_call(owner, name, args, kwargs, self.environment)
            if result is MISSING:
                result = still_state.static_call(
                    owner, name, args, kwargs, lambda fn, fn_args: self.call(fn, fn_args, {}, node)
                )
            return result
        except dart_core.CoreError as exc:
            raise self.error(node, str(exc), exc.kind) from None
        except (TypeError, ValueError, OverflowError) as exc:
            raise self.error(node, f"Bad arguments to '{owner}{'.' + name if name else ''}': {exc}") from None

    def construct(
        self, type_: str, ctor: str, args: list[Any], kwargs: dict[str, Any], node: Node, scope: Scope | None
    ) -> Any:
        """`Type(args)` / `Type.ctor(args)`: the file's own class, a built-in, or a catalog class."""
        if type_ in self.program.classes:
            cls = self.program.classes[type_]
            if ctor in cls.constructors or (not ctor and not cls.constructors):
                return self.instantiate(cls, ctor, args, kwargs, node)
            for owner in self.lineage(cls):
                if ctor in owner.methods:  # a static method called on the class
                    return self.invoke(owner.methods[ctor], None, args, kwargs, node)
            raise self.error(
                node,
                f"Couldn't find constructor '{type_}.{ctor}'." if ctor else f"Couldn't find constructor '{type_}'.",
            )
        self.is_known_type(type_, node)
        if type_ == "List":
            return self._list_constructor(ctor, args, kwargs, node)
        result = self._builtin(type_, ctor, args, kwargs, node)
        if result is not MISSING:
            return result
        if type_ in catalog.UNSUPPORTED:
            raise self.error(node, f"'{type_}' is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED)
        signature = (
            catalog.lookup(type_, ctor)
            or flutter_api.CORE_CLASSES.get(type_, {}).get(ctor)
            or still_state.handle_signature(type_, ctor)
        )
        if signature is None:
            raise self.missing_constructor(type_, ctor, args, kwargs, node)
        self.check_arguments(
            len(signature.positional) - signature.optional_positional,
            len(signature.positional),
            signature.named,
            signature.required,
            args,
            kwargs,
            node,
            (type_, ctor),
        )
        kwargs = self.expand_builders(type_, ctor, kwargs, node)
        args = self.expand_positional_builder(type_, ctor, args, kwargs, node)
        for name in first_frame.behaviour_arguments(type_):
            kwargs.pop(name, None)
        line, column = position(node)
        self.budget.node(line, column)
        built = DartObject(
            type_,
            ctor,
            tuple(self.to_ir(a, node) for a in args),
            {k: self.to_ir(v, node) for k, v in kwargs.items()},
            line,
            column,
        )
        if (type_, ctor) == ("LayoutBuilder", "") and isinstance(kwargs.get("builder"), (Lambda, BoundMethod)):
            self.defer_layout_builder(built, kwargs["builder"], node)
        return built

    def missing_constructor(
        self, type_: str, ctor: str, args: list[Any], kwargs: dict[str, Any], node: Node
    ) -> DartError:
        """`T(...)` / `T.c(...)` the renderer doesn't implement: UNSUPPORTED when Flutter has it (a
        constructor the arguments fit, a static method, a name of a prefixed library), else the
        analyzer's error."""
        what = f"{type_}.{ctor}" if ctor else type_
        flutter = kinds.flutter_constructor(type_, ctor)
        if flutter is not None:
            self.check_arguments(
                flutter.min_positional, flutter.max_positional, flutter.named, flutter.required, args, kwargs, node
            )
            return self.error(node, kinds.valid_flutter(what), ErrorKind.UNSUPPORTED)
        if ctor and kinds.static_exists(type_, ctor, self.program):
            return self.error(node, kinds.valid_flutter(what), ErrorKind.UNSUPPORTED)
        if (
            type_ in catalog.CLASSES
            or type_ in flutter_api.BUILTIN_TYPES
            or type_ in flutter_api.CORE_CLASSES
            or kinds.is_flutter_type(type_, self.program)
        ):
            return self.error(
                node,
                f"Couldn't find constructor '{what}'."
                if ctor or type_ in catalog.CLASSES
                else f"The method '{ctor}' isn't defined for the type '{type_}'.",
            )
        return self.error(node, f"The name '{type_}' isn't a class.")

    def expand_builders(self, type_: str, ctor: str, kwargs: dict[str, Any], node: Node) -> dict[str, Any]:
        """Run the builders Flutter would call for the first frame (`Builder.builder`, item builders
        with an `itemCount`, the builders of `first_frame.BUILDERS`); other closures stay unevaluated."""
        callables = (Lambda, BoundMethod)
        child_builder = flutter_api.CHILD_BUILDERS.get((type_, ctor))
        item_builders = flutter_api.ITEM_BUILDERS.get((type_, ctor), ())
        first_frame_builders = first_frame.BUILDERS.get((type_, ctor), {})
        open_state_builder = first_frame.OPEN_STATE_BUILDERS.get((type_, ctor))
        route = first_frame.initial_route(type_, ctor, kwargs)
        animated = (type_, ctor) in first_frame.ANIMATED_ITEM_BUILDERS and isinstance(
            kwargs.get("itemBuilder"), callables
        )
        paged = (type_, ctor) == ("PaginatedDataTable", "") and isinstance(kwargs.get("source"), Instance)
        if (
            child_builder is None
            and not item_builders
            and not first_frame_builders
            and route is None
            and open_state_builder is None
            and not paged
            and not animated
        ):
            return kwargs
        expanded = dict(kwargs)
        if animated:
            complete = DartObject("AlwaysStoppedAnimation", "", (1.0,))
            expanded["itemBuilder"] = [
                self.call(kwargs["itemBuilder"], [BUILD_CONTEXT, i, complete], {}, node)
                for i in range(self.check_count(kwargs.get("initialItemCount", 0), node))
            ]
        if paged:
            expanded["source"] = self.first_page(kwargs, node)
        if open_state_builder is not None and isinstance(kwargs.get(open_state_builder), callables):
            expanded[open_state_builder] = [
                self.call(kwargs[open_state_builder], [BUILD_CONTEXT, state], {}, node) for state in (False, True)
            ]
        if isinstance(route, (Lambda, BoundMethod)):  # the app's first route, built as its home
            expanded["home"] = self.call(route, [BUILD_CONTEXT], {}, node)
        if child_builder is not None and isinstance(kwargs.get(child_builder), callables):
            expanded[child_builder] = self.call(kwargs[child_builder], [BUILD_CONTEXT], {}, node)
        for name, spec in first_frame_builders.items():
            if isinstance(kwargs.get(name), callables):
                try:
                    arguments = first_frame.builder_arguments(spec, kwargs, BUILD_CONTEXT, self.width, self.height)
                except AnimationUnsupported as exc:
                    raise self.error(
                        node, f"{exc} is not supported by the embedded renderer.", ErrorKind.UNSUPPORTED
                    ) from None
                except TypeError as exc:
                    raise self.error(node, f"{type_}: {exc}.") from None
                expanded[name] = self.call(kwargs[name], arguments, {}, node)
        count = kwargs.get("itemCount")
        if isinstance(count, int) and not isinstance(count, bool):
            count = self.check_count(count, node)
            for name in item_builders:
                if isinstance(kwargs.get(name), callables):
                    built = count if name == "itemBuilder" else max(0, count - 1)  # separators go between
                    expanded[name] = [self.call(kwargs[name], [BUILD_CONTEXT, i], {}, node) for i in range(built)]
        return expanded

    def first_page(self, kwargs: dict[str, Any], node: Node) -> DartObject:
        """A PaginatedDataTable's DataTableSource, read as the table reads it for its first frame: the
        counts, and `getRow` for each index of the page that holds initialFirstRowIndex (null past the
        rows, where the table adds blank rows)."""
        source = kwargs["source"]
        counts = {
            name: self.instance_get(source, name, node)
            for name in ("rowCount", "isRowCountApproximate", "selectedRowCount")
        }
        per_page = kwargs.get("rowsPerPage", first_frame.DEFAULT_ROWS_PER_PAGE)
        first = kwargs.get("initialFirstRowIndex") or 0
        if not isinstance(per_page, int) or not isinstance(first, int) or not isinstance(counts["rowCount"], int):
            raise self.error(node, "PaginatedDataTable: rowsPerPage, initialFirstRowIndex and rowCount are ints.")
        first -= first % max(per_page, 1)
        shown = range(first, min(first + self.check_count(per_page, node), counts["rowCount"]))
        rows = [self.call_member(source, "getRow", None, Scope(), node, ([index], {})) for index in shown]
        return DartObject("DataTableSource", kwargs={**counts, "firstRowIndex": first, "rows": rows})

    def expand_positional_builder(
        self, type_: str, ctor: str, args: list[Any], kwargs: dict[str, Any], node: Node
    ) -> list[Any]:
        """A positional item builder with a count (SliverChildBuilderDelegate): the list of built items;
        a state resolver (`WidgetStateProperty.resolveWith`): its value for each still state set."""
        if (type_, ctor) in first_frame.STATE_RESOLVERS and args and isinstance(args[0], (Lambda, BoundMethod)):
            state_type = "WidgetState" if type_.startswith("Widget") else "MaterialState"
            return [[self.call(args[0], [states], {}, node) for states in first_frame.state_sets(state_type)]]
        spec = first_frame.POSITIONAL_ITEM_BUILDERS.get((type_, ctor))
        if spec is None:
            return args
        index, count_name = spec
        count = kwargs.get(count_name)
        if (
            len(args) <= index
            or not isinstance(args[index], (Lambda, BoundMethod))
            or not isinstance(count, int)
            or isinstance(count, bool)
        ):
            return args
        built = [self.call(args[index], [BUILD_CONTEXT, i], {}, node) for i in range(self.check_count(count, node))]
        return args[:index] + [built] + args[index + 1 :]

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
        raise self.error(
            node, f"The constructor 'List.{ctor}' is not supported with these arguments.", ErrorKind.UNSUPPORTED
        )

    def check_arguments(
        self,
        least: int,
        most: int,
        named_ok: Collection[str],
        required: Collection[str],
        args: list[Any],
        kwargs: dict[str, Any],
        node: Node,
        flutter: tuple[str, str] | None = None,
    ) -> None:
        """The analyzer's argument checks: positional count, unknown and missing named parameters.

        `flutter` names the Flutter constructor (type, ctor) the signature stands for: arguments the
        catalog rejects but Flutter's constructor takes are UNSUPPORTED (kinds.call_error)."""
        error = kinds.argument_error(least, most, named_ok, required, len(args), list(kwargs))
        if error is None:
            return
        kind, message = (
            kinds.call_error(*flutter, error, len(args), list(kwargs)) if flutter else (ErrorKind.ANALYSIS, error)
        )
        raise self.error(node, message, kind)

    def bind(
        self, params: Params, args: list[Any], kwargs: dict[str, Any], scope: Scope, node: Node
    ) -> tuple[dict[str, Any], tuple[list[Any], dict[str, Any]]]:
        """Check arguments against `params` and bind them. Returns the `this.x` values by field name
        and the `super.x` ones (positional, named) to forward to the superclass's constructor."""
        self.check_arguments(
            params.required_positional, len(params.positional), set(params.named), params.required, args, kwargs, node
        )
        fields: dict[str, Any] = {}
        supers: tuple[list[Any], dict[str, Any]] = ([], {})
        supplied = list(zip(params.positional, args)) + [(p, kwargs[n]) for n, p in params.named.items() if n in kwargs]
        missing = params.positional[len(args) :] + [p for n, p in params.named.items() if n not in kwargs]
        # a `super.x` left out without a default of its own takes the superclass constructor's
        missing = [p for p in missing if p.kind != "super" or p.default]
        values = supplied + [
            (p, self.eval(p.default, Scope(owner=scope.owner)) if p.default else None) for p in missing
        ]
        for param, value in values:
            if param.kind == "this":
                fields[param.name] = value
            elif param.kind == "super":
                if param.name in params.named:
                    supers[1][param.name] = value
                else:
                    supers[0].append(value)
            else:
                scope.vars[param.name] = as_declared(value, param.double)
        return fields, supers
