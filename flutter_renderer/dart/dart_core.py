"""dart:core and dart:async values the front end models itself: exceptions, Future, Duration,
DateTime and Random, made deterministic.

- `DateTime.now()` is the fixed instant of the `Environment` (a device whose time zone is UTC), so a
  screen that shows the date renders the same on every run.
- `Random(seed)` follows the Dart VM's generator exactly (multiply-with-carry, seeded through a 64-bit
  mix, as `_Random` in the SDK's `lib/_internal/vm/lib/math_patch.dart` and `runtime/lib/math.cc`
  do; dart2js agrees, per the SDK's `tests/lib/math/random_test.dart`). `Random()` without a seed
  and `Random.secure()` differ on every run: they can be made (for callbacks), but a number asked of
  them is refused as unsupported.

`static_call`, `get_property` and `call_method` return MISSING for what they don't model; they raise
`CoreError` for a call Dart would reject or that this module refuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart.environment import Environment
from flutter_renderer.dart.flutter_api import MISSING
from flutter_renderer.dart.values import EXCEPTION_PREFIXES, CoreValue, DartException, FutureValue, MapEntry
from flutter_renderer.ir import DartObject

CORE_TYPES = frozenset(EXCEPTION_PREFIXES) | {"Future", "DateTime", "Random", "Duration", "MapEntry"}
_EPOCH = datetime(1970, 1, 1)
_MICROS = {
    "days": 86_400_000_000,
    "hours": 3_600_000_000,
    "minutes": 60_000_000,
    "seconds": 1_000_000,
    "milliseconds": 1000,
    "microseconds": 1,
}
_MASK32, _MASK64 = (1 << 32) - 1, (1 << 64) - 1


class CoreError(Exception):
    """A dart:core call that fails: RUNTIME where Dart throws, UNSUPPORTED where this module refuses."""

    def __init__(self, message: str, kind: ErrorKind = ErrorKind.RUNTIME) -> None:
        super().__init__(message)
        self.kind = kind


# ----------------------------------------------------------------- Duration


def duration(micros: int) -> DartObject:
    """A Duration as the front end writes one it computed: its length in microseconds."""
    return DartObject("Duration", "", (), {"microseconds": micros})


def duration_micros(value: Any) -> int | None:
    """The length of a `Duration(...)` in microseconds; None when `value` isn't a Duration."""
    if not isinstance(value, DartObject) or value.type != "Duration" or value.ctor:
        return None
    return round(sum(_MICROS[unit] * amount for unit, amount in value.kwargs.items() if unit in _MICROS))


_DURATION_GETTERS = {
    "inDays": "days",
    "inHours": "hours",
    "inMinutes": "minutes",
    "inSeconds": "seconds",
    "inMilliseconds": "milliseconds",
    "inMicroseconds": "microseconds",
}


def _duration_property(micros: int, name: str) -> Any:
    if name in _DURATION_GETTERS:
        return int(micros / _MICROS[_DURATION_GETTERS[name]])  # truncates toward zero, like Dart's ~/
    return {"isNegative": micros < 0}.get(name, MISSING)


def duration_operator(op: str, left: int, right: Any) -> Any:
    """`d1 + d2`, `d * 2`, `d ~/ 2`, `d1 < d2`, ... on Durations (in microseconds)."""
    other = duration_micros(right)
    if op in ("+", "-") and other is not None:
        return duration(left + other if op == "+" else left - other)
    if op in ("<", ">", "<=", ">=") and other is not None:
        return {"<": left < other, ">": left > other, "<=": left <= other, ">=": left >= other}[op]
    if op == "*" and isinstance(right, (int, float)) and not isinstance(right, bool):
        return duration(round(left * right))
    if op == "~/" and isinstance(right, int) and not isinstance(right, bool):
        if right == 0:
            raise CoreError("IntegerDivisionByZeroException")
        return duration(int(left / right))
    return MISSING


# ----------------------------------------------------------------- DateTime


@dataclass(frozen=True)
class DateTimeValue(CoreValue):
    """A DateTime: microseconds since the epoch and whether it is UTC (else local time, which is UTC here)."""

    micros: int
    utc: bool = False
    type: str = field(default="DateTime", init=False)

    @property
    def wall(self) -> datetime:
        try:
            return _EPOCH + timedelta(microseconds=self.micros)
        except OverflowError:
            raise CoreError("DateTime is outside the supported range (years 1 to 9999).") from None

    def __str__(self) -> str:
        return _format(self, " ")


def _format(value: DateTimeValue, separator: str) -> str:
    wall = value.wall
    fraction = f"{wall.microsecond // 1000:03d}" + (f"{wall.microsecond % 1000:03d}" if wall.microsecond % 1000 else "")
    return (
        f"{wall.year:04d}-{wall.month:02d}-{wall.day:02d}{separator}{wall.hour:02d}:{wall.minute:02d}:"
        f"{wall.second:02d}.{fraction}" + ("Z" if value.utc else "")
    )


def _from_wall(wall: datetime, utc: bool) -> DateTimeValue:
    return DateTimeValue((wall - _EPOCH) // timedelta(microseconds=1), utc)


def _components(args: list[Any], utc: bool) -> DateTimeValue:
    """`DateTime(y, m, d, h, min, s, ms, us)`: out-of-range parts carry over, as in Dart (month 13 is
    January of the next year, day 0 the last day of the month before)."""
    if not 1 <= len(args) <= 8 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise CoreError("DateTime() takes 1 to 8 int arguments.", ErrorKind.ANALYSIS)
    year, month, day, hour, minute, second, milli, micro = (list(args) + [1, 1, 0, 0, 0, 0, 0][len(args) - 1 :])[:8]
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if not 1 <= year <= 9999:
        raise CoreError("DateTime is outside the supported range (years 1 to 9999).", ErrorKind.UNSUPPORTED)
    try:
        wall = datetime(year, month, 1) + timedelta(
            days=day - 1, hours=hour, minutes=minute, seconds=second, milliseconds=milli, microseconds=micro
        )
    except OverflowError:
        raise CoreError("DateTime is outside the supported range (years 1 to 9999).", ErrorKind.UNSUPPORTED) from None
    return _from_wall(wall, utc)


_ISO = re.compile(
    r"^([+-]?\d{4,6})-?(\d\d)-?(\d\d)(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d{1,6}))?)?)?( ?[zZ])?)?$"
)


def _parse(source: Any) -> DateTimeValue | None:
    """The ISO-8601 subset `DateTime.parse` reads most often; None when it doesn't match (offsets like
    +02:00 included, which this module doesn't model)."""
    match = _ISO.match(source) if isinstance(source, str) else None
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zulu = match.groups()
    micros = int((fraction or "0").ljust(6, "0"))
    parts = [int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), 0, micros]
    return _components(parts, zulu is not None)


def _datetime_call(name: str, args: list[Any], kwargs: dict[str, Any], env: Environment) -> Any:
    if name == "now" and not args:
        return _from_wall(env.now, False)
    if name in ("", "utc"):
        return _components(args, name == "utc")
    if name in ("fromMillisecondsSinceEpoch", "fromMicrosecondsSinceEpoch") and len(args) == 1:
        scale = 1000 if name == "fromMillisecondsSinceEpoch" else 1
        return DateTimeValue(int(args[0]) * scale, bool(kwargs.get("isUtc", False)))
    if name in ("parse", "tryParse") and len(args) == 1:
        parsed = _parse(args[0])
        if parsed is None:
            if name == "tryParse" and isinstance(args[0], str) and not args[0].strip():
                return None
            raise CoreError(
                f"DateTime.{name} of '{str(args[0])[:40]}' is not supported by the embedded renderer.",
                ErrorKind.UNSUPPORTED,
            )
        return parsed
    return MISSING


def _datetime_property(value: DateTimeValue, name: str) -> Any:
    getters = {
        "year": lambda w: w.year,
        "month": lambda w: w.month,
        "day": lambda w: w.day,
        "hour": lambda w: w.hour,
        "minute": lambda w: w.minute,
        "second": lambda w: w.second,
        "millisecond": lambda w: w.microsecond // 1000,
        "microsecond": lambda w: w.microsecond % 1000,
        "weekday": lambda w: w.isoweekday(),
    }
    if name in getters:
        return getters[name](value.wall)
    return {
        "millisecondsSinceEpoch": value.micros // 1000,
        "microsecondsSinceEpoch": value.micros,
        "isUtc": value.utc,
        "timeZoneName": "UTC",
        "timeZoneOffset": duration(0),
    }.get(name, MISSING)


def _datetime_method(value: DateTimeValue, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    other = args[0] if len(args) == 1 else None
    if name in ("add", "subtract") and duration_micros(other) is not None:
        step = duration_micros(other) or 0
        return DateTimeValue(value.micros + (step if name == "add" else -step), value.utc)
    if isinstance(other, DateTimeValue):
        methods = {
            "difference": lambda: duration(value.micros - other.micros),
            "isBefore": lambda: value.micros < other.micros,
            "isAfter": lambda: value.micros > other.micros,
            "isAtSameMomentAs": lambda: value.micros == other.micros,
            "compareTo": lambda: (value.micros > other.micros) - (value.micros < other.micros),
        }
        return methods.get(name, lambda: MISSING)()
    if args:
        return MISSING
    if name == "copyWith":
        wall = value.wall
        parts = [
            kwargs.get("year", wall.year),
            kwargs.get("month", wall.month),
            kwargs.get("day", wall.day),
            kwargs.get("hour", wall.hour),
            kwargs.get("minute", wall.minute),
            kwargs.get("second", wall.second),
            kwargs.get("millisecond", wall.microsecond // 1000),
            kwargs.get("microsecond", wall.microsecond % 1000),
        ]
        return _components(parts, bool(kwargs.get("isUtc", value.utc)))
    return {
        "toIso8601String": lambda: _format(value, "T"),
        "toString": lambda: str(value),
        "toUtc": lambda: DateTimeValue(value.micros, True),
        "toLocal": lambda: DateTimeValue(value.micros, False),
    }.get(name, lambda: MISSING)()


# ----------------------------------------------------------------- Random


def _mix64(n: int) -> int:
    """Thomas Wang's 64-bit integer hash, which the Dart VM seeds its generator with."""
    n = (~n + (n << 21)) & _MASK64
    n ^= n >> 24
    n = (n * 265) & _MASK64
    n ^= n >> 14
    n = (n * 21) & _MASK64
    n ^= n >> 28
    return (n + (n << 31)) & _MASK64


@dataclass
class RandomValue(CoreValue):
    """`Random(seed)`: a multiply-with-carry generator with base 2^32 and a 64-bit state. `Random()` /
    `Random.secure()` (`unseeded` names which) can be made and kept, for callbacks to use after the
    first frame; the numbers it would give differ on every run, so asking it for one is unsupported."""

    low: int = 0
    high: int = 0
    unseeded: str | None = None
    type: str = field(default="Random", init=False)

    @classmethod
    def seeded(cls, seed: int) -> "RandomValue":
        state = _mix64(seed & _MASK64) or 0x5A17
        generator = cls(state & _MASK32, state >> 32)
        for _ in range(4):  # the VM cranks the state four times to spread the seed's bits
            generator.advance()
        return generator

    def advance(self) -> None:
        state = 0xFFFFDA61 * self.low + self.high
        self.low, self.high = state & _MASK32, (state >> 32) & _MASK32

    def next_int(self, limit: Any) -> int:
        if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= 1 << 32:
            raise CoreError(f"RangeError: max must be in the range [1..4294967296], but was {limit}.")
        if limit & -limit == limit:  # a power of two: the low bits
            self.advance()
            return self.low & (limit - 1)
        while True:
            self.advance()
            result = self.low % limit
            if self.low - result + limit <= 1 << 32:
                return result

    def __str__(self) -> str:
        return "Instance of 'Random'"


def _random_method(generator: RandomValue, name: str, args: list[Any]) -> Any:
    if generator.unseeded is not None and name in ("nextInt", "nextDouble", "nextBool"):
        raise CoreError(
            f"'{generator.unseeded}()' gives different numbers on every run; pass a seed "
            "(Random(42)) for a reproducible screen.",
            ErrorKind.UNSUPPORTED,
        )
    if name == "nextInt" and len(args) == 1:
        return generator.next_int(args[0])
    if name == "nextDouble" and not args:
        return (generator.next_int(1 << 26) * float(1 << 27) + generator.next_int(1 << 27)) / float(1 << 53)
    if name == "nextBool" and not args:
        return generator.next_int(2) == 0
    return MISSING


@dataclass(eq=False)
class StreamControllerValue(CoreValue):
    """`StreamController()` / `StreamController.broadcast()`: a stream delivers its events
    asynchronously, after the first frame, so build sees an opaque Stream (`stream`) and `add`,
    `addError` and `close` only queue events. `onListen` and the other callbacks never run here."""

    type: str = field(default="StreamController", init=False)

    def __str__(self) -> str:
        return "Instance of '_AsyncStreamController<dynamic>'"


# the named parameters of StreamController's constructors (dart:async)
_STREAM_CONTROLLER_PARAMETERS = {
    "": frozenset("onListen onPause onResume onCancel sync".split()),
    "broadcast": frozenset("onListen onCancel sync".split()),
}


def _stream_controller_method(name: str, args: list[Any]) -> Any:
    if name in ("add", "addError") and 1 <= len(args) <= 2:
        return None
    if name == "close" and not args:
        return FutureValue()
    return MISSING


@dataclass(eq=False)
class PlainObject(CoreValue):
    """`Object()`: equal only to itself (a key, a sentinel)."""

    type: str = field(default="Object", init=False)

    def __str__(self) -> str:
        return "Instance of 'Object'"


# ----------------------------------------------------------------- entry points


def static_get(type_name: str, member: str) -> Any:
    if type_name == "Duration":
        if member == "zero":
            return duration(0)
        per = {
            "microsecondsPerMillisecond": 1000,
            "millisecondsPerSecond": 1000,
            "secondsPerMinute": 60,
            "minutesPerHour": 60,
            "hoursPerDay": 24,
            "microsecondsPerSecond": 1_000_000,
            "millisecondsPerDay": 86_400_000,
            "secondsPerDay": 86_400,
        }
        return per.get(member, MISSING)
    if type_name == "DateTime":
        days = "monday tuesday wednesday thursday friday saturday sunday".split()
        months = "january february march april may june july august september october november december".split()
        if member in days:
            return days.index(member) + 1
        if member in months:
            return months.index(member) + 1
        return {"daysPerWeek": 7, "monthsPerYear": 12}.get(member, MISSING)
    return MISSING


def static_call(type_name: str, name: str, args: list[Any], kwargs: dict[str, Any], env: Environment) -> Any:
    """`Type.name(args)` / `Type(args)` for the types of this module; MISSING when unknown."""
    if type_name in EXCEPTION_PREFIXES and not name and len(args) <= 1:
        return DartException(type_name, args[0] if args else None)
    if type_name == "MapEntry" and not name and len(args) == 2:
        return MapEntry(args[0], args[1])
    if type_name == "Object" and not name and not args:
        return PlainObject()
    if type_name == "DateTime":
        return _datetime_call(name, args, kwargs, env)
    if type_name == "Random":
        if name == "" and len(args) == 1 and isinstance(args[0], int) and not isinstance(args[0], bool):
            return RandomValue.seeded(args[0])
        if name in ("", "secure") and not args:
            return RandomValue(unseeded=f"Random{'.' + name if name else ''}")
        return MISSING
    if type_name == "String" and name == "fromCharCode" and len(args) == 1:
        return _from_char_codes([args[0]])
    if type_name == "String" and name == "fromCharCodes" and len(args) == 1 and isinstance(args[0], list):
        return _from_char_codes(args[0])
    if type_name == "StreamController" and name in _STREAM_CONTROLLER_PARAMETERS and not args:
        unknown = sorted(set(kwargs) - _STREAM_CONTROLLER_PARAMETERS[name])
        if unknown:
            raise CoreError(f"The named parameter '{unknown[0]}' isn't defined.", ErrorKind.ANALYSIS)
        return StreamControllerValue()
    if type_name == "Future" and name in ("value", "delayed", "microtask", "sync", "error", "wait"):
        return FutureValue()  # what the future computes is only known after the first frame
    return MISSING


def _from_char_codes(codes: list[Any]) -> str:
    """Dart's String.fromCharCodes: code points, where a pair of UTF-16 surrogates makes one."""
    if not all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= 0x10FFFF for c in codes):
        raise CoreError("Invalid value: not a valid Unicode code point.", ErrorKind.RUNTIME)
    return "".join(map(chr, codes)).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def get_property(receiver: Any, name: str) -> Any:
    micros = duration_micros(receiver)
    if micros is not None:
        return _duration_property(micros, name)
    if isinstance(receiver, DateTimeValue):
        return _datetime_property(receiver, name)
    if isinstance(receiver, DartException) and name == "message":
        return receiver.message
    if isinstance(receiver, StreamControllerValue) and name in ("stream", "sink"):
        return FutureValue("Stream") if name == "stream" else receiver
    return MISSING


def call_method(receiver: Any, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    micros = duration_micros(receiver)
    if micros is not None:
        if name == "abs" and not args:
            return duration(abs(micros))
        if name == "compareTo" and len(args) == 1 and duration_micros(args[0]) is not None:
            other = duration_micros(args[0]) or 0
            return (micros > other) - (micros < other)
        return MISSING
    if isinstance(receiver, DateTimeValue):
        return _datetime_method(receiver, name, args, kwargs)
    if isinstance(receiver, RandomValue):
        return _random_method(receiver, name, args)
    if isinstance(receiver, StreamControllerValue):
        return _stream_controller_method(name, args)
    if isinstance(receiver, FutureValue) and name in ("then", "catchError", "whenComplete", "timeout"):
        return FutureValue(receiver.type)  # the callbacks run after the first frame, so never here
    return MISSING
