"""Build the index of Flutter's public names (flutter_renderer/flutter_names.txt) from the SDK source.

    .venv/bin/python scripts/build_flutter_names.py SDK_DIR [--commit SHA] [--out PATH]

SDK_DIR is a checkout of flutter/flutter (or an extract of its `packages/flutter`, e.g.
`git archive 90e4a12f2a packages/flutter | tar -x -C /tmp/flutter-sdk`); `--commit` names the
commit when SDK_DIR is not a git checkout. The index lists what `package:flutter`'s public libraries
(`packages/flutter/lib/*.dart`) export, following their `export` directives with `show`/`hide`:
classes, mixins, enums, extensions, typedefs, top-level functions, getters and variables, each with
the libraries that export it; per class its supertypes, constructors with their parameters, static
members (enum values too) and instance members. Names starting with `_` are private and left out.

Dart's own libraries are not in a flutter/flutter checkout: dart:ui is in the engine and dart:core,
dart:async, dart:math in the Dart SDK. When SDK_DIR has them (a real SDK after `flutter precache`:
`bin/cache/pkg/sky_engine/lib/ui` and `bin/cache/dart-sdk/lib`) they are read the same way.
Otherwise dart:ui's names are the ones Flutter's own source re-exports, imports with `show` or uses
as `ui.Name`, with the static members its code uses (`Color.fromARGB`, `Offset.zero`); and the
handful of dart:core/async/math/... names that Flutter code uses unqualified are listed by hand
below. Their member lists are then partial, and the index says so (`partial`).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flutter_renderer.dart.program import read_params  # noqa: E402
from flutter_renderer.dart.syntax import Node, named, parse, text  # noqa: E402
from flutter_renderer.flutter_names import HEADER_PREFIX, Constructor, Declaration, write_index  # noqa: E402

MAX_BYTES = 50_000_000
COMMENTS = ("comment", "documentation_comment")

# dart: libraries a Flutter app can import (dart:html/js are web-only, still valid Flutter for web).
DART_LIBRARIES = (
    "async collection convert core developer ffi io isolate math typed_data ui html js js_interop js_util"
).split()

# By hand, from the Dart API reference (api.dart.dev, Dart 3.2, the SDK of Flutter in January 2024),
# because the Dart SDK's source is not part of a flutter/flutter checkout: the names of dart:core and
# the other libraries that Flutter code uses, and the members of the types screens use most. Format:
# "Type: statics | instance members", `Type` alone for a name without listed members.
_ITERABLE = (
    "length isEmpty isNotEmpty first last single iterator map where whereType expand forEach reduce fold "
    "every any join toList toSet take takeWhile skip skipWhile firstWhere lastWhere singleWhere elementAt "
    "contains cast followedBy"
)
_NUM = (
    "abs sign ceil floor round truncate toDouble toInt toString toStringAsFixed toStringAsPrecision "
    "toStringAsExponential clamp compareTo remainder isNaN isFinite isInfinite isNegative ceilToDouble "
    "floorToDouble roundToDouble truncateToDouble"
)
HAND_LISTED = {
    "dart:core": {
        "Object": "hash hashAll hashAllUnordered | hashCode runtimeType toString noSuchMethod",
        "num": f"parse tryParse | {_NUM}",
        "int": f"parse tryParse fromEnvironment | {_NUM} isEven isOdd bitLength toRadixString toUnsigned toSigned "
        "gcd modPow modInverse",
        "double": f"infinity nan negativeInfinity minPositive maxFinite parse tryParse | {_NUM}",
        "bool": "parse tryParse fromEnvironment hasEnvironment |",
        "String": "fromCharCode fromCharCodes fromEnvironment | length isEmpty isNotEmpty codeUnits runes contains "
        "startsWith endsWith indexOf lastIndexOf substring split splitMapJoin toUpperCase toLowerCase trim "
        "trimLeft trimRight padLeft padRight replaceAll replaceFirst replaceAllMapped replaceFirstMapped "
        "replaceRange codeUnitAt compareTo allMatches matchAsPrefix",
        "Iterable": f"generate empty castFrom | {_ITERABLE}",
        "List": f"generate filled empty from of unmodifiable copyRange writeIterable castFrom | {_ITERABLE} add "
        "addAll insert insertAll remove removeAt removeLast removeWhere retainWhere removeRange clear sort "
        "shuffle indexOf lastIndexOf indexWhere lastIndexWhere sublist getRange setRange fillRange "
        "replaceRange setAll asMap reversed",
        "Set": f"from of identity unmodifiable castFrom | {_ITERABLE} add addAll remove removeAll retainAll "
        "removeWhere retainWhere containsAll difference intersection union lookup clear",
        "Map": "from of fromEntries fromIterable fromIterables identity unmodifiable castFrom | length isEmpty "
        "isNotEmpty keys values entries containsKey containsValue putIfAbsent addAll addEntries remove "
        "removeWhere clear forEach map update updateAll cast",
        "MapEntry": "| key value",
        "Duration": "zero microsecondsPerMillisecond millisecondsPerSecond secondsPerMinute minutesPerHour "
        "hoursPerDay microsecondsPerSecond microsecondsPerMinute microsecondsPerHour microsecondsPerDay "
        "millisecondsPerMinute millisecondsPerHour millisecondsPerDay secondsPerHour secondsPerDay "
        "minutesPerDay | inDays inHours inMinutes inSeconds inMilliseconds inMicroseconds isNegative "
        "abs compareTo",
        "DateTime": "now utc fromMillisecondsSinceEpoch fromMicrosecondsSinceEpoch timestamp parse tryParse monday "
        "tuesday wednesday thursday friday saturday sunday daysPerWeek january february march april may "
        "june july august september october november december monthsPerYear | year month day hour "
        "minute second millisecond microsecond weekday isUtc timeZoneName timeZoneOffset "
        "millisecondsSinceEpoch microsecondsSinceEpoch add subtract difference isBefore isAfter "
        "isAtSameMomentAs compareTo toLocal toUtc toIso8601String",
        "Enum": "compareByIndex compareByName | index name",
        "Uri": "parse tryParse https http file dataFromString encodeComponent decodeComponent encodeFull decodeFull "
        "encodeQueryComponent decodeQueryComponent splitQueryString base | scheme host port path query "
        "fragment queryParameters pathSegments",
        "RegExp": "escape | hasMatch firstMatch allMatches stringMatch pattern",
        "StringBuffer": "| write writeln writeAll writeCharCode clear length isEmpty isNotEmpty",
        "Stopwatch": "| start stop reset elapsed elapsedMilliseconds elapsedMicroseconds isRunning",
        **{
            name: ""
            for name in (
                "BigInt Comparable Deprecated Error Exception Expando Finalizer Function Invocation Iterator Match Null "
                "Pattern Record RegExpMatch RuneIterator Runes Sink StackTrace StringSink Symbol Type UriData "
                "WeakReference ArgumentError AssertionError ConcurrentModificationError FormatException IndexError "
                "IntegerDivisionByZeroException NoSuchMethodError OutOfMemoryError RangeError StackOverflowError "
                "StateError TypeError UnimplementedError UnsupportedError Comparator print identical "
                "identityHashCode override deprecated pragma"
            ).split()
        },
    },
    "dart:async": {
        "Future": "value delayed error sync microtask wait any forEach doWhile | then catchError whenComplete "
        "timeout asStream ignore",
        "Stream": "value empty periodic fromIterable fromFuture fromFutures error multi eventTransformed | listen",
        "Timer": "periodic run | cancel isActive tick",
        **{
            name: ""
            for name in (
                "FutureOr StreamController StreamSubscription StreamSink StreamTransformer StreamView Completer Zone "
                "ZoneSpecification EventSink MultiStreamController StreamIterator TimeoutException AsyncError "
                "scheduleMicrotask runZoned runZonedGuarded unawaited"
            ).split()
        },
    },
    "dart:math": {
        "Random": "secure | nextInt nextDouble nextBool",
        "Point": "| x y distanceTo squaredDistanceTo magnitude",
        **{
            name: ""
            for name in (
                "Rectangle MutableRectangle e ln10 ln2 log10e log2e pi sqrt1_2 sqrt2 acos asin atan "
                "atan2 cos exp log max min pow sin sqrt tan"
            ).split()
        },
    },
    "dart:convert": {
        name: ""
        for name in (
            "json jsonEncode jsonDecode utf8 base64 base64Encode base64Decode base64Url ascii latin1 JsonEncoder "
            "JsonDecoder JsonCodec Utf8Encoder Utf8Decoder Utf8Codec LineSplitter Codec Converter Encoding HtmlEscape "
            "HtmlEscapeMode"
        ).split()
    },
    "dart:collection": {
        name: ""
        for name in (
            "LinkedHashMap LinkedHashSet HashMap HashSet SplayTreeMap SplayTreeSet Queue ListQueue DoubleLinkedQueue "
            "UnmodifiableListView UnmodifiableMapView UnmodifiableSetView MapView ListBase MapBase SetBase "
            "IterableBase LinkedList LinkedListEntry ListMixin MapMixin SetMixin IterableMixin HasNextIterator"
        ).split()
    },
    "dart:typed_data": {
        name: ""
        for name in (
            "Uint8List Int8List Uint16List Int16List Uint32List Int32List Int64List Uint64List Float32List Float64List "
            "ByteData ByteBuffer Endian Uint8ClampedList Float32x4 Int32x4 Float64x2 TypedData"
        ).split()
    },
    # dart:ui members Flutter's source can't show: instance members of the value types screens use.
    "dart:ui": {
        "Color": "| value alpha red green blue opacity withAlpha withOpacity withRed withGreen withBlue "
        "computeLuminance",
        "Offset": "| dx dy distance distanceSquared direction isFinite isInfinite scale translate",
        "Size": "| width height aspectRatio isEmpty isFinite isInfinite shortestSide longestSide center topLeft "
        "topCenter topRight centerLeft centerRight bottomLeft bottomCenter bottomRight contains flipped",
        "Rect": "| left top right bottom width height size center topLeft topCenter topRight centerLeft "
        "centerRight bottomLeft bottomCenter bottomRight shortestSide longestSide isEmpty isFinite "
        "isInfinite hasNaN contains overlaps inflate deflate shift translate intersect expandToInclude",
        "Radius": "| x y",
        "Locale": "| languageCode countryCode scriptCode toLanguageTag",
        "FontFeature": "enable disable alternative alternativeFractions caseSensitiveForms characterVariant "
        "contextualAlternates denominator fractions historicalForms historicalLigatures "
        "liningFigures localeAware notationalForms numerators oldstyleFigures ordinalForms "
        "proportionalFigures randomize stylisticAlternates scientificInferiors stylisticSet "
        "subscripts superscripts swash tabularFigures slashedZero | feature value",
    },
}
# The constructors of the hand-listed classes that screens construct, as declared in the Dart API
# reference (api.dart.dev, Dart 3.2; dart:ui at the engine of Flutter 3.19): only the parameter lists
# count, so factories are written as plain constructors and bodies are left out.
HAND_CONSTRUCTORS = {
    "dart:core": """
        class Object { const Object(); }
        class StringBuffer { StringBuffer([Object content = ""]); }
        class Stopwatch { Stopwatch(); }
        class RegExp { RegExp(String source, {bool multiLine = false, bool caseSensitive = true,
                                              bool unicode = false, bool dotAll = false}); }
        class MapEntry { const MapEntry(K key, V value); }
        class Uri { Uri({String? scheme, String? userInfo, String? host, int? port, String? path,
                         Iterable<String>? pathSegments, String? query, Map<String, dynamic>? queryParameters,
                         String? fragment}); }
        class Duration { const Duration({int days = 0, int hours = 0, int minutes = 0, int seconds = 0,
                                         int milliseconds = 0, int microseconds = 0}); }
        class DateTime { DateTime(int year, [int month = 1, int day = 1, int hour = 0, int minute = 0,
                                              int second = 0, int millisecond = 0, int microsecond = 0]); }
        class Exception { Exception([dynamic message]); }
        class Error { Error(); }
        class StateError { StateError(String message); }
        class ArgumentError { ArgumentError([dynamic message, String? name]); }
        class RangeError { RangeError(dynamic message); }
        class FormatException { const FormatException([String message = "", dynamic source, int? offset]); }
        class UnsupportedError { UnsupportedError(String message); }
        class UnimplementedError { UnimplementedError([String? message]); }
        class Symbol { const Symbol(String name); }
    """,
    "dart:async": """
        class Future { Future(FutureOr<T> computation()); }
        class Timer { Timer(Duration duration, void callback()); }
        class Completer { Completer(); Completer.sync(); }
        class StreamController {
          StreamController({void onListen()?, void onPause()?, void onResume()?, FutureOr<void> onCancel()?,
                            bool sync = false});
          StreamController.broadcast({void onListen()?, void onCancel()?, bool sync = false});
        }
        class TimeoutException { TimeoutException(String? message, [Duration? duration]); }
    """,
    "dart:math": """
        class Random { Random([int? seed]); Random.secure(); }
        class Point { const Point(T x, T y); }
        class Rectangle { const Rectangle(T left, T top, T width, T height); }
    """,
    "dart:ui": """
        class Locale {
          const Locale(String languageCode, [String? countryCode]);
          const Locale.fromSubtags({String languageCode = 'und', String? scriptCode, String? countryCode});
        }
        class FontFeature { const FontFeature(String feature, [int value = 1]); }
    """,
}
# Packages package:flutter depends on: importing them is valid in a Flutter app. `characters` is
# re-exported whole by widgets.dart, so its public names are listed (by hand, characters 1.3.0).
CHARACTERS = ("Characters", "CharacterRange", "StringCharacters")


@dataclass
class Unit:
    """One Dart file's declarations and directives (a library with its parts merged in)."""

    path: Path
    declarations: dict[str, Declaration] = field(default_factory=dict)
    exports: list[tuple[str, frozenset[str] | None, frozenset[str]]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    is_part: bool = False


def _strip_comments(root: Node, data: bytes) -> str:
    """The source with comments blanked (so only code counts when harvesting names)."""
    out = bytearray(data)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in COMMENTS:
            out[node.start_byte : node.end_byte] = b" " * (node.end_byte - node.start_byte)
        else:
            stack.extend(node.children)
    return out.decode("utf-8", "replace")


def _uri(node: Node) -> str:
    found = next((d for d in _walk(node) if d.type == "uri"), None)
    return text(found).strip("'\"") if found is not None else ""


def _walk(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(current.children))
    return out


def _combinators(node: Node) -> tuple[frozenset[str] | None, frozenset[str]]:
    show: set[str] | None = None
    hide: set[str] = set()
    for combinator in (d for d in _walk(node) if d.type == "combinator"):
        names = {text(c) for c in named(combinator) if c.type == "identifier"}
        if combinator.children and combinator.children[0].type == "show":
            show = (show or set()) | names
        else:
            hide |= names
    return (frozenset(show) if show is not None else None), frozenset(hide)


def _is_static(node: Node) -> bool:
    return any(c.type == "static" for c in node.children)


def _type_names(node: Node | None) -> list[str]:
    """The type names directly under `node` (a superclass, mixins or interfaces clause)."""
    if node is None:
        return []
    names = []
    for child in named(node):
        if child.type == "type_identifier":
            names.append(text(child))
        elif child.type in ("mixins", "interfaces"):
            names.extend(_type_names(child))
    return names


def _constructor(signature: Node, owner: str) -> tuple[str, Constructor] | None:
    identifiers = [text(c) for c in named(signature) if c.type == "identifier"]
    name = identifiers[1] if len(identifiers) > 1 and identifiers[0] == owner else "new"
    if name.startswith("_"):
        return None
    params = read_params(next((c for c in named(signature) if c.type == "formal_parameter_list"), None))
    positional = tuple(
        p.name + ("?" if i >= params.required_positional else "") for i, p in enumerate(params.positional)
    )
    return name, Constructor(positional, frozenset(params.named), frozenset(params.required))


def _variables(node: Node) -> list[str]:
    names = []
    for item in named(node):
        if item.type in ("static_final_declaration", "initialized_identifier"):
            first = named(item)[0] if named(item) else None
            if first is not None and first.type == "identifier":
                names.append(text(first))
        elif item.type == "identifier":
            names.append(text(item))
    return names


def _read_members(body: Node | None, decl: Declaration) -> None:
    """Constructors, statics and instance members of a class, mixin, enum or extension body."""
    for member in named(body) if body is not None else []:
        if member.type == "enum_constant":
            decl.statics.add(text(member.child_by_field_name("name")))
            continue
        if member.type not in ("declaration", "method_signature"):
            continue
        target = decl.statics if _is_static(member) else decl.members
        for part in named(member):
            if part.type in (
                "constructor_signature",
                "constant_constructor_signature",
                "factory_constructor_signature",
                "redirecting_factory_constructor_signature",
            ):
                found = _constructor(part, decl.name)
                if found is not None:
                    decl.constructors[found[0]] = found[1]
            elif part.type in ("function_signature", "getter_signature", "setter_signature"):
                name = part.child_by_field_name("name")
                if name is not None:
                    target.add(text(name))
            elif part.type in ("static_final_declaration_list", "initialized_identifier_list", "identifier_list"):
                target.update(_variables(part))
    decl.statics = {n for n in decl.statics if not n.startswith("_")}
    decl.members = {n for n in decl.members if not n.startswith("_")}


def _declaration(node: Node) -> Declaration | None:
    kind = {
        "class_definition": "class",
        "mixin_declaration": "mixin",
        "enum_declaration": "enum",
        "extension_declaration": "extension",
        "type_alias": "typedef",
    }.get(node.type)
    if kind is None:
        return None
    if kind == "typedef":
        types = [c for c in named(node) if c.type == "type_identifier"]
        aliased = any(c.type == "=" for c in node.children)
        if not types:
            return None
        decl = Declaration(text(types[0] if aliased else types[-1]), kind)
        if aliased and len(types) > 1 and not any(c.type == "function_type" for c in named(node)):
            decl.supertypes = [text(types[1])]  # `typedef A = B<T>;` names the class B
        return decl
    name_node = node.child_by_field_name("name")
    if name_node is None and kind == "mixin":  # the grammar gives a mixin's name no field
        name_node = next((c for c in named(node) if c.type == "identifier"), None)
    if name_node is None:
        return None  # an unnamed extension: nothing to export
    decl = Declaration(text(name_node), kind)
    if kind == "class":
        decl.supertypes = _type_names(node.child_by_field_name("superclass")) + _type_names(
            node.child_by_field_name("interfaces")
        )
    elif kind in ("mixin", "extension", "enum"):
        # a mixin's `on` types and an extension's `on` type: their members are there on `this`
        decl.supertypes = [text(c) for c in named(node) if c.type == "type_identifier"]
        decl.supertypes += _type_names(next((c for c in named(node) if c.type == "interfaces"), None))
        decl.supertypes += _type_names(next((c for c in named(node) if c.type == "mixins"), None))
    body = node.child_by_field_name("body") or next(
        (c for c in named(node) if c.type in ("class_body", "enum_body", "extension_body")), None
    )
    _read_members(body, decl)
    if kind == "enum":
        decl.statics.add("values")
        decl.supertypes.append("Enum")
    if kind == "class" and not decl.constructors and not any(c.type == "abstract" for c in named(node)):
        decl.constructors["new"] = Constructor()
    return decl


def read_unit(path: Path) -> tuple[Unit, str]:
    """One file's declarations and directives, and its source without comments."""
    data = path.read_bytes()
    root = parse(data.decode("utf-8", "replace"), MAX_BYTES)
    unit = Unit(path)
    for node in named(root):
        if node.type == "part_of_directive":
            unit.is_part = True
        elif node.type == "part_directive":
            unit.parts.append(_uri(node))
        elif node.type == "import_or_export" and any(c.type == "library_export" for c in named(node)):
            unit.exports.append((_uri(node), *_combinators(node)))
        elif node.type in ("function_signature", "getter_signature"):
            name = text(node.child_by_field_name("name"))
            unit.declarations[name] = Declaration(name, "function" if node.type == "function_signature" else "variable")
        elif node.type in ("static_final_declaration_list", "initialized_identifier_list"):
            for name in _variables(node):
                unit.declarations[name] = Declaration(name, "variable")
        else:
            decl = _declaration(node)
            if decl is not None:
                unit.declarations[decl.name] = decl
    return unit, _strip_comments(root, data)


class Index:
    """Every unit under a library root, and the namespaces its libraries export."""

    def __init__(self, lib: Path, dart_ui: dict[str, Declaration], external: dict[str, dict[str, Declaration]]):
        self.lib = lib
        self.units: dict[Path, Unit] = {}
        self.code: dict[Path, str] = {}
        for path in sorted(lib.rglob("*.dart")):
            self.units[path], self.code[path] = read_unit(path)
        for unit in self.units.values():  # a library owns what its parts declare
            for part in unit.parts:
                part_unit = self.units.get((unit.path.parent / part).resolve())
                if part_unit is not None:
                    unit.declarations.update(part_unit.declarations)
        self.dart_ui = dart_ui
        self.external = external
        self._exported: dict[Path, dict[str, Declaration]] = {}

    def resolve(self, uri: str, base: Path) -> Path | None:
        if uri.startswith("package:flutter/"):
            return (self.lib / uri[len("package:flutter/") :]).resolve()
        if ":" in uri:
            return None
        return (base.parent / uri).resolve()

    def exported(self, path: Path) -> dict[str, Declaration]:
        """The public namespace a library file exports (its own public declarations and re-exports)."""
        if path in self._exported:
            return self._exported[path]
        self._exported[path] = {}  # a cycle of exports ends here
        unit = self.units.get(path)
        if unit is None:
            return {}
        names = {n: d for n, d in unit.declarations.items() if not n.startswith("_")}
        for uri, show, hide in unit.exports:
            target = self.resolve(uri, path)
            if target is not None:
                source = self.exported(target)
            elif uri == "dart:ui":
                source = self.dart_ui
            else:
                source = self.external.get(uri.split("/")[0] if uri.startswith("package:") else uri, {})
            if show is not None:
                source = {n: source.get(n) or _guess(n) for n in show}
            names.update({n: d for n, d in source.items() if n not in hide})
        self._exported[path] = names
        return names

    def all_declarations(self) -> dict[str, Declaration]:
        """Every public declaration by name (first found), exported or not: supertypes resolve here."""
        found: dict[str, Declaration] = {}
        for unit in self.units.values():
            for name, decl in unit.declarations.items():
                found.setdefault(name, decl)
        return found


def _guess(name: str) -> Declaration:
    """A name known only from a `show` list: a type when capitalized, else a function or variable."""
    return Declaration(name, "class" if name[:1].isupper() else "function", complete=False)


def hand_listed(library: str) -> dict[str, Declaration]:
    """The hand-listed names of one Dart library (members partial)."""
    out = {}
    for name, spec in HAND_LISTED.get(library, {}).items():
        statics, _, members = spec.partition("|")
        decl = _guess(name)
        decl.statics = set(statics.split())
        decl.members = set(members.split())
        if name == "Object":  # its instance members are all listed
            decl.complete = True
        elif name[:1].isupper() and name != "Comparator":
            decl.supertypes = ["Object"]
        out[name] = decl
    for name, constructors in hand_constructors(library).items():
        out[name].constructors = constructors
    return out


def hand_constructors(library: str) -> dict[str, dict[str, Constructor]]:
    """The constructors HAND_CONSTRUCTORS declares for one Dart library, by class."""
    source = HAND_CONSTRUCTORS.get(library, "")
    root = parse(source, MAX_BYTES)
    return {decl.name: decl.constructors for decl in map(_declaration, named(root)) if decl is not None}


def harvest_dart_ui(index: Index) -> dict[str, Declaration]:
    """dart:ui's names as Flutter's source shows them: `show` lists of its imports and exports,
    `ui.Name` references, and static members used in code (`Name.member`, `ui.Name.member`)."""
    names: dict[str, Declaration] = {}
    flutter_names = set(index.all_declarations())
    for path, code in index.code.items():
        for uri, show, _ in index.units[path].exports:
            if uri == "dart:ui" and show:
                for name in show:
                    names.setdefault(name, _guess(name))
        for match in re.finditer(r"import\s+'dart:ui'\s*(?:as\s+(\w+))?\s*((?:show|hide)[^;]*)?;", code):
            prefix, combinator = match[1], match[2] or ""
            if combinator.startswith("show"):
                for name in re.findall(r"\w+", combinator[4:]):
                    names.setdefault(name, _guess(name))
            if prefix:
                for ref in re.finditer(rf"\b{prefix}\.([A-Za-z]\w*)(?:\.([a-zA-Z]\w*))?", code):
                    decl = names.setdefault(ref[1], _guess(ref[1]))
                    if ref[2] and decl.kind == "class":
                        decl.statics.add(ref[2])
    for code in index.code.values():  # unqualified static uses of dart:ui types Flutter doesn't redeclare
        for ref in re.finditer(r"(?<![\w.])([A-Z]\w*)\.([a-zA-Z]\w*)", code):
            decl = names.get(ref[1])
            if decl is not None and ref[1] not in flutter_names and not ref[2].startswith("_"):
                decl.statics.add(ref[2])
    for name, listed in hand_listed("dart:ui").items():
        decl = names.setdefault(name, listed)
        decl.statics |= listed.statics
        decl.members |= listed.members
        decl.constructors.update(listed.constructors)
    for decl in names.values():
        decl.supertypes = decl.supertypes or (["Object"] if decl.kind == "class" else [])
        decl.complete = False
    return names


def read_sdk_library(directory: Path, library: str) -> dict[str, Declaration] | None:
    """A Dart library's public declarations from its source in a real SDK (None when absent)."""
    main = directory / f"{library.split(':')[1]}.dart"
    if not main.is_file():
        return None
    units = {path: read_unit(path)[0] for path in sorted(directory.rglob("*.dart"))}
    found: dict[str, Declaration] = {}
    for unit in units.values():
        found.update({n: d for n, d in unit.declarations.items() if not n.startswith("_")})
    return found


def dart_libraries(sdk: Path, index_for_ui: Index | None) -> tuple[dict[str, dict[str, Declaration]], dict[str, str]]:
    """Declarations of the Dart libraries by library (`dart:core`...), and where each came from."""
    libraries: dict[str, dict[str, Declaration]] = {}
    sources: dict[str, str] = {}
    dart_sdk = sdk / "bin" / "cache" / "dart-sdk" / "lib"
    sky = sdk / "bin" / "cache" / "pkg" / "sky_engine" / "lib" / "ui"
    for library in (
        "dart:core",
        "dart:async",
        "dart:math",
        "dart:convert",
        "dart:collection",
        "dart:typed_data",
        "dart:ui",
    ):
        directory = sky if library == "dart:ui" else dart_sdk / library.split(":")[1]
        parsed = read_sdk_library(directory, library)
        if parsed is not None:
            libraries[library], sources[library] = parsed, str(directory.relative_to(sdk))
        elif library == "dart:ui" and index_for_ui is not None:
            libraries[library], sources[library] = harvest_dart_ui(index_for_ui), "Flutter's use of it (partial)"
        else:
            libraries[library], sources[library] = hand_listed(library), "listed by hand (partial)"
    return libraries, sources


def commit_of(sdk: Path, given: str | None) -> str:
    if given:
        return given
    found = subprocess.run(["git", "-C", str(sdk), "rev-parse", "HEAD"], capture_output=True, text=True)
    if found.returncode != 0:
        raise SystemExit("SDK_DIR is not a git checkout: pass --commit")
    return found.stdout.strip()


def build(sdk: Path) -> tuple[dict[str, tuple[Declaration, list[str]]], dict[str, str]]:
    """Every public name: its declaration and the libraries (`material`, `dart:ui`...) that export it."""
    lib = sdk / "packages" / "flutter" / "lib"
    if not lib.is_dir():
        raise SystemExit(f"{lib} is not a folder: SDK_DIR must hold packages/flutter/lib")
    index = Index(lib, {}, {"package:characters": {name: _guess(name) for name in CHARACTERS}})
    dart, sources = dart_libraries(sdk, index)
    index.dart_ui = dart["dart:ui"]
    index.external.update(dart)
    libraries: dict[str, list[str]] = {}
    declarations: dict[str, Declaration] = {}
    for library in sorted(p for p in lib.glob("*.dart")):
        for name, decl in index.exported(library.resolve()).items():
            declarations.setdefault(name, decl)
            libraries.setdefault(name, []).append(library.stem)
    for library, names in dart.items():
        for name, decl in names.items():
            declarations.setdefault(name, decl)
            libraries.setdefault(name, []).append(library)
    everything = index.all_declarations()
    for decl in list(declarations.values()):  # members of private or unexported supertypes, inlined
        decl.members |= _hidden_members(decl, everything, set(declarations))
    result = {name: (declarations[name], sorted(set(libs))) for name, libs in libraries.items()}
    for library in DART_LIBRARIES:
        result.setdefault(f"dart:{library}", (Declaration(f"dart:{library}", "library"), []))
    for package in _dependencies(sdk):
        result[f"package:{package}"] = (Declaration(f"package:{package}", "package"), [])
    return result, sources


def _hidden_members(decl: Declaration, everything: dict[str, Declaration], public: set[str]) -> set[str]:
    """Instance members `decl` inherits from supertypes the index doesn't list by name."""
    members: set[str] = set()
    stack, seen = [s for s in decl.supertypes if s not in public], set()
    while stack:
        name = stack.pop()
        if name in seen or name not in everything:
            continue
        seen.add(name)
        hidden = everything[name]
        members |= hidden.members
        stack.extend(s for s in hidden.supertypes if s not in public)
    return members


def _dependencies(sdk: Path) -> list[str]:
    """The packages package:flutter depends on (its pubspec's `dependencies:`), but the SDK's own."""
    pubspec = sdk / "packages" / "flutter" / "pubspec.yaml"
    if not pubspec.is_file():
        return []
    found, inside = [], False
    for line in pubspec.read_text().splitlines():
        if re.match(r"^\S", line):
            inside = line.startswith("dependencies:")
        elif inside:
            entry = re.match(r"^  (\w+):", line)
            if entry and entry[1] != "sky_engine":
                found.append(entry[1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdk", type=Path, help="a flutter/flutter checkout (or an extract with packages/flutter)")
    parser.add_argument("--commit", default=None, help="the flutter/flutter commit (default: git rev-parse HEAD)")
    parser.add_argument("--out", type=Path, default=ROOT / "flutter_renderer" / "flutter_names.txt")
    args = parser.parse_args()
    commit = commit_of(args.sdk, args.commit)
    names, sources = build(args.sdk)
    header = [
        f"{HEADER_PREFIX} flutter/flutter {commit}, packages/flutter/lib; built by scripts/build_flutter_names.py",
        *(f"# {library}: {source}" for library, source in sorted(sources.items())),
    ]
    args.out.write_text(write_index(header, names))
    print(f"{len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
