"""Getters and methods of Dart's core values (String, num, List, Map) and of colors and text styles.

`get_property` / `call_method` return MISSING for a member they do not know; the evaluator then
reports "The getter/method 'x' isn't defined for the type 'T'". `call` runs a Dart function value.
"""

from __future__ import annotations

import math
from functools import cmp_to_key
from typing import Any, Callable

from flutter_renderer import catalog
from flutter_renderer.dart import dart_core, first_frame, still_state
from flutter_renderer.dart.flutter_api import MISSING, hsv_member, shade, size, theme_copy, with_opacity
from flutter_renderer.dart.values import MapEntry, Props, Record, UserEnum, dart_str
from flutter_renderer.ir import ColorValue, DartObject, EnumValue, ThemeTextStyle
from flutter_renderer.preferred_size import preferred_height

Call = Callable[[Any, list[Any]], Any]
JOIN_LIMIT = 100_000


def _round_half_away(value: float) -> int:
    return int(math.floor(value + 0.5)) if value >= 0 else -int(math.floor(-value + 0.5))


def _as_fixed(value: float, digits: int) -> str:
    return f"{value:.{int(digits)}f}"


def get_property(receiver: Any, name: str) -> Any:
    """`receiver.name` for built-in values; MISSING when the type has no such getter."""
    if name == "hashCode":
        return MISSING
    core = dart_core.get_property(receiver, name)
    if core is not MISSING:
        return core
    if isinstance(receiver, Props):
        return receiver.attrs.get(name, MISSING)
    if isinstance(receiver, str):
        if name == "codeUnits":
            return utf16_units(receiver)
        return {"length": len(receiver), "isEmpty": not receiver, "isNotEmpty": bool(receiver)}.get(name, MISSING)
    if isinstance(receiver, bool):
        return MISSING
    if isinstance(receiver, (int, float)):
        getters = {
            "isNegative": receiver < 0,
            "isFinite": math.isfinite(receiver),
            "isInfinite": math.isinf(receiver),
            "isNaN": receiver != receiver,
        }
        if isinstance(receiver, int):
            getters |= {"isEven": receiver % 2 == 0, "isOdd": receiver % 2 == 1}
        return getters.get(name, MISSING)
    if isinstance(receiver, list):
        if name in ("first", "last", "single") and not receiver:
            raise ValueError("Bad state: No element")
        return {
            "length": lambda: len(receiver),
            "isEmpty": lambda: not receiver,
            "isNotEmpty": lambda: bool(receiver),
            "first": lambda: receiver[0],
            "last": lambda: receiver[-1],
            "reversed": lambda: receiver[::-1],
            "single": lambda: receiver[0],
        }.get(name, lambda: MISSING)()
    if isinstance(receiver, dict):
        return {
            "length": lambda: len(receiver),
            "isEmpty": lambda: not receiver,
            "isNotEmpty": lambda: bool(receiver),
            "keys": lambda: list(receiver),
            "values": lambda: list(receiver.values()),
            "entries": lambda: [MapEntry(k, v) for k, v in receiver.items()],
        }.get(name, lambda: MISSING)()
    if isinstance(receiver, MapEntry):
        return {"key": receiver.key, "value": receiver.value}.get(name, MISSING)
    if isinstance(receiver, Record):
        try:
            return receiver.field(name)
        except KeyError:
            return MISSING
    if isinstance(receiver, EnumValue) and name == "name":
        return receiver.name
    if isinstance(receiver, UserEnum):
        return {"name": receiver.name, "index": receiver.index}.get(name, MISSING)
    if isinstance(receiver, EnumValue) and name == "name":  # (no `index`: the catalog keeps no order)
        return receiver.name
    if isinstance(receiver, ColorValue) and name.startswith("shade") and name[5:].isdigit():
        return shade(receiver, int(name[5:])) or MISSING
    if isinstance(receiver, DartObject):
        known = still_state.get_property(receiver, name)
        if known is MISSING:
            known = hsv_member(receiver, name, None)
        if known is MISSING:
            known = first_frame.get_property(receiver, name)
        if known is not MISSING or name.startswith("_"):
            return known
        if name == "preferredSize" and preferred_height(receiver) is not None:
            return size(math.inf, preferred_height(receiver))  # Size.fromHeight: infinitely wide
        if name in receiver.kwargs:
            return receiver.kwargs[name]
        if not receiver.ctor:
            # an unnamed constructor's positional parameters are fields of the same name (`Size(w, h).width`)
            signature = catalog.lookup(receiver.type)
            if signature is not None and name in signature.positional[: len(receiver.args)]:
                return receiver.args[signature.positional.index(name)]
    return MISSING


def index(receiver: Any, key: Any) -> Any:
    """`receiver[key]`."""
    if isinstance(receiver, ColorValue) and isinstance(key, int):
        return shade(receiver, key) or MISSING
    if isinstance(receiver, (list, str)):
        if not isinstance(key, int) or isinstance(key, bool):
            raise TypeError(f"The index must be an int, not a '{type(key).__name__}'")
        if not 0 <= key < len(receiver):
            raise IndexError(f"RangeError (index): Invalid value: Not in inclusive range 0..{len(receiver) - 1}: {key}")
        return receiver[key]
    if isinstance(receiver, dict):
        return receiver.get(key)
    return MISSING


def _text_style_copy(receiver: DartObject | ThemeTextStyle, kwargs: dict[str, Any]) -> DartObject:
    if isinstance(receiver, ThemeTextStyle):
        return DartObject("TextStyle", kwargs={**kwargs, "_theme": receiver.name})
    own = dict(receiver.kwargs)
    if kwargs.get("fontSize") is not None:
        own.pop("_fontSizeFactor", None)  # a size given after `apply` is not scaled
        own.pop("_fontSizeDelta", None)
    return DartObject("TextStyle", receiver.ctor, receiver.args, {**own, **kwargs})


# TextStyle.apply's arguments that are replacements (null keeps the style's value), and its scaling.
_APPLY_REPLACED = frozenset("color decoration decorationColor decorationStyle fontFamily fontStyle".split())


def _text_style_apply(receiver: DartObject | ThemeTextStyle, kwargs: dict[str, Any]) -> Any:
    """`style.apply(fontSizeFactor: 2.0, color: ...)`. A theme or ambient style's size is known where
    the mapping draws it, so its scale is kept as `_fontSizeFactor` and `_fontSizeDelta`."""
    if not set(kwargs) <= _APPLY_REPLACED | {"fontSizeFactor", "fontSizeDelta"}:
        return MISSING
    factor, delta = float(kwargs.get("fontSizeFactor", 1.0)), float(kwargs.get("fontSizeDelta", 0.0))
    styled = _text_style_copy(receiver, {n: x for n, x in kwargs.items() if n in _APPLY_REPLACED and x is not None})
    if (factor, delta) == (1.0, 0.0):
        return styled
    own = styled.kwargs
    if own.get("fontSize") is not None:
        return DartObject(
            "TextStyle", styled.ctor, styled.args, {**own, "fontSize": float(own["fontSize"]) * factor + delta}
        )
    if own.get("_theme") is None and not own.get("_ambient"):
        # Flutter asserts fontSize != null; a release build keeps the null size.
        return styled
    scale, shift = own.get("_fontSizeFactor", 1.0), own.get("_fontSizeDelta", 0.0)
    return DartObject(
        "TextStyle",
        styled.ctor,
        styled.args,
        {**own, "_fontSizeFactor": scale * factor, "_fontSizeDelta": shift * factor + delta},
    )


def call_method(receiver: Any, name: str, args: list[Any], kwargs: dict[str, Any], call: Call) -> Any:
    """`receiver.name(args)` for built-in values; MISSING when the type has no such method."""
    if name == "toString" and not args:
        return dart_str(receiver, 100_000)
    core = dart_core.call_method(receiver, name, args, kwargs)
    if core is not MISSING:
        return core
    if isinstance(receiver, ColorValue):
        if name == "withOpacity":
            return with_opacity(receiver, args[0])
        if name == "withAlpha":
            return with_opacity(receiver, int(args[0]) / 255)
        if name == "withValues" and set(kwargs) <= {"alpha"}:
            return with_opacity(receiver, kwargs.get("alpha", 1.0))
        if name == "resolveFrom" and len(args) == 1:  # a CupertinoDynamicColor: resolved where it is drawn
            return receiver
        return MISSING
    if isinstance(receiver, ThemeTextStyle) or (isinstance(receiver, DartObject) and receiver.type == "TextStyle"):
        if name == "copyWith" and not args:
            return _text_style_copy(receiver, kwargs)
        if name == "apply" and not args:
            return _text_style_apply(receiver, kwargs)
        if name == "merge" and len(args) == 1:
            other = args[0]
            return receiver if other is None else _text_style_copy(receiver, dict(getattr(other, "kwargs", {})))
        return MISSING
    if isinstance(receiver, str):
        return _string_method(receiver, name, args)
    if isinstance(receiver, (int, float)) and not isinstance(receiver, bool):
        return _number_method(receiver, name, args)
    if isinstance(receiver, list):
        return _list_method(receiver, name, args, kwargs, call)
    if isinstance(receiver, dict):
        methods = {
            "forEach": lambda: [call(args[0], [k, v]) for k, v in list(receiver.items())] and None,
            "containsKey": lambda: args[0] in receiver,
            "containsValue": lambda: args[0] in receiver.values(),
            "asMap": lambda: receiver,
            "addAll": lambda: receiver.update(args[0]),
            "remove": lambda: receiver.pop(args[0], None),
            "clear": lambda: receiver.clear(),
            "putIfAbsent": lambda: (
                receiver[args[0]] if args[0] in receiver else receiver.setdefault(args[0], call(args[1], []))
            ),
            "update": lambda: _map_update(receiver, args[0], args[1], kwargs.get("ifAbsent"), call),
            "removeWhere": lambda: (
                [receiver.pop(k) for k, v in list(receiver.items()) if call(args[0], [k, v]) is True] and None
            ),
            "map": lambda: dict(_entry_pair(call(args[0], [k, v])) for k, v in list(receiver.items())),
        }
        return methods.get(name, lambda: MISSING)()
    if isinstance(receiver, DartObject):
        result = still_state.call_method(receiver, name, args, kwargs)
        if result is MISSING:
            result = hsv_member(receiver, name, args)
        if result is MISSING:
            result = theme_copy(receiver, name, args, kwargs)
        return first_frame.call_method(receiver, name, args, kwargs) if result is MISSING else result
    return MISSING


def _map_update(items: dict[Any, Any], key: Any, update: Any, if_absent: Any, call: Call) -> Any:
    if key in items:
        items[key] = call(update, [items[key]])
    elif if_absent is not None:
        items[key] = call(if_absent, [])
    else:
        raise ValueError(f"Invalid argument (key): Key not in map.: {dart_str(key, 100)}")
    return items[key]


def _entry_pair(entry: Any) -> tuple[Any, Any]:
    if not isinstance(entry, MapEntry):
        raise TypeError("the function given to Map.map must return a MapEntry")
    return entry.key, entry.value


def _string_method(s: str, name: str, args: list[Any]) -> Any:
    return _string_methods(s, args).get(name, lambda: MISSING)()


def _string_methods(s: str, args: list[Any]) -> dict[str, Callable[[], Any]]:
    return {
        "toUpperCase": s.upper,
        "toLowerCase": s.lower,
        "trim": s.strip,
        "trimLeft": s.lstrip,
        "trimRight": s.rstrip,
        "substring": lambda: s[args[0] : args[1] if len(args) > 1 else None],
        "contains": lambda: args[0] in s,
        "startsWith": lambda: s.startswith(args[0]),
        "endsWith": lambda: s.endswith(args[0]),
        "indexOf": lambda: s.find(args[0]),
        "split": lambda: list(s) if args[0] == "" else s.split(args[0]),
        "replaceAll": lambda: s.replace(args[0], args[1]),
        "padLeft": lambda: s.rjust(int(args[0]), args[1] if len(args) > 1 else " "),
        "padRight": lambda: s.ljust(int(args[0]), args[1] if len(args) > 1 else " "),
        "compareTo": lambda: (s > args[0]) - (s < args[0]),
        "codeUnitAt": lambda: index(utf16_units(s), args[0]),
        "lastIndexOf": lambda: s.rfind(args[0]),
        "replaceFirst": lambda: s.replace(args[0], args[1], 1),
    }


def utf16_units(s: str) -> list[int]:
    """The UTF-16 code units of a string, which Dart's `codeUnits` and `codeUnitAt` count."""
    data = s.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


def _number_method(n: int | float, name: str, args: list[Any]) -> Any:
    return _number_methods(n, args).get(name, lambda: MISSING)()


def _number_methods(n: int | float, args: list[Any]) -> dict[str, Callable[[], Any]]:
    return {
        "toStringAsFixed": lambda: _as_fixed(n, args[0]),
        "toInt": lambda: int(n),
        "toDouble": lambda: float(n),
        "round": lambda: _round_half_away(n),
        "floor": lambda: math.floor(n),
        "ceil": lambda: math.ceil(n),
        "truncate": lambda: int(n),
        "abs": lambda: abs(n),
        "roundToDouble": lambda: float(_round_half_away(n)),
        "clamp": lambda: min(max(n, args[0]), args[1]),
        "compareTo": lambda: (n > args[0]) - (n < args[0]),
        "remainder": lambda: math.fmod(n, args[0]) if isinstance(n, float) else int(math.fmod(n, args[0])),
    }


def _list_method(items: list[Any], name: str, args: list[Any], kwargs: dict[str, Any], call: Call) -> Any:
    return _list_methods(items, args, kwargs, call).get(name, lambda: MISSING)()


def _list_methods(
    items: list[Any], args: list[Any], kwargs: dict[str, Any], call: Call
) -> dict[str, Callable[[], Any]]:
    def each(fn: Any) -> list[Any]:
        return [call(fn, [item]) for item in items]

    return {
        "map": lambda: each(args[0]),
        "where": lambda: [item for item in items if call(args[0], [item]) is True],
        "expand": lambda: [x for result in each(args[0]) for x in result],
        "any": lambda: any(call(args[0], [item]) is True for item in items),
        "every": lambda: all(call(args[0], [item]) is True for item in items),
        "toList": lambda: list(items),
        "toSet": lambda: list(dict.fromkeys(items)),
        "asMap": lambda: dict(enumerate(items)),
        "join": lambda: _join(items, args[0] if args else ""),
        "contains": lambda: args[0] in items,
        "indexOf": lambda: items.index(args[0]) if args[0] in items else -1,
        "lastIndexOf": lambda: len(items) - 1 - items[::-1].index(args[0]) if args[0] in items else -1,
        "takeWhile": lambda: _take_while(items, args[0], call),
        "skipWhile": lambda: items[len(_take_while(items, args[0], call)) :],
        "removeWhere": lambda: _keep(items, args[0], call, False),
        "retainWhere": lambda: _keep(items, args[0], call, True),
        "getRange": lambda: _range(items, args[0], args[1]),
        "take": lambda: items[: max(0, args[0])],
        "skip": lambda: items[max(0, args[0]) :],
        "sublist": lambda: items[args[0] : args[1] if len(args) > 1 else None],
        "elementAt": lambda: index(items, args[0]),
        "fold": lambda: _fold(items, args[0], args[1], call),
        "reduce": lambda: _fold(items[1:], items[0], args[0], call),
        "followedBy": lambda: items + list(args[0]),
        "add": lambda: items.append(args[0]),
        "addAll": lambda: items.extend(args[0]),
        "insert": lambda: items.insert(args[0], args[1]),
        "forEach": lambda: each(args[0]) and None,
        "firstWhere": lambda: _first_where(items, args[0], kwargs.get("orElse"), call),
        "lastWhere": lambda: _first_where(items[::-1], args[0], kwargs.get("orElse"), call),
        "indexWhere": lambda: next((i for i, item in enumerate(items) if call(args[0], [item]) is True), -1),
        "sort": lambda: _sort(items, args[0] if args else None, call),
        "removeAt": lambda: items.pop(args[0]),
        "removeLast": lambda: items.pop(),
        "remove": lambda: _remove(items, args[0]),
        "clear": lambda: items.clear(),
    }


def has_method(receiver: Any, name: str) -> bool:
    """Whether `call_method` has the method `name` of a String, number or List (a tear-off such as
    `states.any(interactive.contains)` may name it); the tables are built, their entries not run."""
    if isinstance(receiver, str):
        return name in _string_methods(receiver, [])
    if isinstance(receiver, (int, float)) and not isinstance(receiver, bool):
        return name in _number_methods(receiver, [])
    return isinstance(receiver, list) and name in _list_methods(receiver, [], {}, _no_call)


def _no_call(fn: Any, args: list[Any]) -> Any:
    raise AssertionError("has_method builds the table of methods without running any")


def _join(items: list[Any], separator: str) -> str:
    pieces, size = [], 0
    for item in items:
        pieces.append(dart_str(item, JOIN_LIMIT))
        size += len(pieces[-1]) + len(separator)
        if size > JOIN_LIMIT:
            raise ValueError(f"the joined text is longer than {JOIN_LIMIT} characters")
    return separator.join(pieces)


def _first_where(items: list[Any], test: Any, or_else: Any, call: Call) -> Any:
    for item in items:
        if call(test, [item]) is True:
            return item
    if or_else is None:
        raise ValueError("Bad state: No element")
    return call(or_else, [])


def _sort(items: list[Any], compare: Any, call: Call) -> None:
    if compare is None:
        items.sort()
    else:
        items.sort(key=cmp_to_key(lambda a, b: call(compare, [a, b])))


def _range(items: list[Any], start: int, end: int) -> list[Any]:
    if not 0 <= start <= end <= len(items):
        raise IndexError(f"RangeError: Invalid range {start}..{end} of a list of length {len(items)}")
    return items[start:end]


def _take_while(items: list[Any], test: Any, call: Call) -> list[Any]:
    taken = []
    for item in items:
        if call(test, [item]) is not True:
            break
        taken.append(item)
    return taken


def _keep(items: list[Any], test: Any, call: Call, keep: bool) -> None:
    """removeWhere / retainWhere: the list changed in place, as Dart does."""
    items[:] = [item for item in items if (call(test, [item]) is True) == keep]


def _remove(items: list[Any], value: Any) -> bool:
    if value in items:
        items.remove(value)
        return True
    return False


def _fold(items: list[Any], initial: Any, fn: Any, call: Call) -> Any:
    value = initial
    for item in items:
        value = call(fn, [value, item])
    return value
