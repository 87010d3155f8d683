"""Randomly damaged screens (fixed seed) must fail as classified DartErrors, never as Python errors."""

from __future__ import annotations

import random
from pathlib import Path

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError, compile_screen

SOURCE = (Path(__file__).parent / "screens" / "login_screen.dart").read_text()
INSERTS = [
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    ".",
    "?",
    "!",
    "...",
    "=>",
    "null",
    "-1",
    "'",
    "$",
    "${",
    "const ",
    "this.",
    "x",
    "Text(",
    "Icons.",
    "..",
    "?.",
    "+",
    "~/",
    " as ",
    " is ",
    "async ",
    "await ",
    "[0]",
    "widget.",
    "1e400",
    "while(true){}",
    "\\u{110000}",
    "0 ~/ 0.0",
]


def mutate(rng: random.Random, source: str) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(source))
        roll = rng.random()
        if roll < 0.4:
            source = source[:at] + source[at + rng.randint(1, 8) :]
        elif roll < 0.8:
            source = source[:at] + rng.choice(INSERTS) + source[at:]
        else:
            start = rng.randrange(len(source))
            source = source[:at] + source[start : start + 20] + source[at:]
    return source


def test_damaged_screens_fail_cleanly() -> None:
    rng = random.Random(1234)
    outcomes: dict[str, int] = {}
    for _ in range(150):
        try:
            compile_screen(mutate(rng, SOURCE), width=390, height=844)
            outcome = "ok"
        except DartError as error:
            assert error.kind is not ErrorKind.CRASH, str(error)
            assert error.line >= 1 and error.column >= 1
            outcome = error.kind.value
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    # the mutations reach past the parser into analysis, and some still compile
    assert outcomes.get("syntax", 0) and outcomes.get("analysis", 0) and outcomes.get("ok", 0), outcomes
