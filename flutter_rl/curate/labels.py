"""Screen labels: the type and difficulty vocabularies, and the heuristic for unlabelled screens.

The fallback is a heuristic, not a classifier: it reads the reference code's widgets when a screen
has code (rules below, first match wins), and otherwise can only guess a difficulty from how busy
the image is (edge density); the type of a code-less screen stays 'unknown'.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable

import numpy as np
from PIL import Image

from flutter_rl.curate.items import Item
from flutter_rl.vocabulary import DIFFICULTIES, SCREEN_TYPES

UNKNOWN_TYPE = "unknown"

_CALL = re.compile(r"\b([A-Z][A-Za-z0-9]*)(?:\.[a-z]\w*)?\s*(?:<[^>()]*>)?\s*\(")
_HELPER_CALL = re.compile(r"\b_[a-z]\w*\s*\(")
_PROFILE_TITLE = re.compile(r"title:\s*(?:const\s+)?text\(\s*['\"](?:my )?profile['\"]")
_STRING = re.compile(r"'((?:[^'\\\n]|\\.)*)'")
_NAV_LABELS = {
    "home",
    "profile",
    "messages",
    "favorites",
    "history",
    "settings",
    "help",
    "help & support",
    "log out",
    "logout",
    "wallet",
    "downloads",
    "notifications",
    "account",
}

# Difficulty cut-offs on the code's complexity score (see `code_complexity`) and on image edge
# density. Both are heuristics fitted to the synthetic generator's easy/medium/hard screens: the code
# cut-offs agree with the generator's label on about 3 screens in 4, the edge cut-offs (144 embedded
# renders, normalized to 390 px wide) on about 2 in 3.
CODE_MEDIUM_AT = 86
CODE_HARD_AT = 108
EDGE_MEDIUM_AT = 0.030
EDGE_HARD_AT = 0.0425


def widget_counts(code: str) -> Counter[str]:
    """How often each capitalized constructor is called (`Text(`, `EdgeInsets.all(`, `Radio<int>(`)."""
    return Counter(_CALL.findall(code))


def _fields(counts: Counter[str]) -> int:
    return counts["TextField"] + counts["TextFormField"]


def _any(text: str, *words: str) -> bool:
    return any(word in text for word in words)


# (type, rule) in priority order; a rule sees the widget counts and the lower-cased code.
_TYPE_RULES: tuple[tuple[str, Callable[[Counter[str], str], bool]], ...] = (
    ("modal", lambda c, t: c["AlertDialog"] + c["SimpleDialog"] + c["Dialog"] + c["BottomSheet"] > 0),
    ("chat", lambda c, t: _fields(c) >= 1 and _any(t, "icons.send", "type a message")),
    (
        "onboarding",
        lambda c, t: _fields(c) + c["AppBar"] + c["ListTile"] == 0 and _any(t, "get started", "'skip'", '"skip"'),
    ),
    ("signup", lambda c, t: "password" in t and (_fields(c) >= 3 or _any(t, "create account", "register"))),
    ("login", lambda c, t: "password" in t and 1 <= _fields(c) <= 2),
    ("settings", lambda c, t: c["Switch"] + c["SwitchListTile"] >= 2),
    (
        "profile",
        lambda c, t: (
            c["CircleAvatar"] > 0 and (_any(t, "edit profile", "followers") or _PROFILE_TITLE.search(t) is not None)
        ),
    ),
    (
        "dashboard",
        lambda c, t: (
            c["LinearProgressIndicator"] + c["CircularProgressIndicator"] > 0 or (c["GridView"] > 0 and c["Card"] >= 2)
        ),
    ),
    (
        "menu",
        lambda c, t: (
            c["Drawer"] > 0 or (c["ListTile"] + c["ListView"] >= 2 and len(set(_STRING.findall(t)) & _NAV_LABELS) >= 4)
        ),
    ),
    ("form", lambda c, t: _fields(c) >= 2 or c["Form"] + c["DropdownButton"] + c["DropdownButtonFormField"] > 0),
    ("detail", lambda c, t: _any(t, "add to cart", "book now", "order now", "reviews")),
    ("list", lambda c, t: c["ListTile"] + c["ListView"] >= 2),
)


def type_from_code(code: str) -> str:
    """The screen type the code's widgets suggest (first matching rule), or 'unknown'."""
    counts, lowered = widget_counts(code), code.lower()
    return next((name for name, rule in _TYPE_RULES if rule(counts, lowered)), UNKNOWN_TYPE)


def code_complexity(code: str) -> int:
    """Widget constructor calls + helper-method calls + 2 x distinct widget types: grows with
    widget count and variety, the two things that make a screen hard to reproduce."""
    counts = widget_counts(code)
    return sum(counts.values()) + len(_HELPER_CALL.findall(code)) + 2 * len(counts)


def difficulty_from_code(code: str) -> str:
    """easy / medium / hard from `code_complexity`; a StatefulWidget makes it hard."""
    score = code_complexity(code)
    if score >= CODE_HARD_AT or "extends StatefulWidget" in code:
        return "hard"
    return "medium" if score >= CODE_MEDIUM_AT else "easy"


def edge_density(image: Image.Image) -> float:
    """Share of pixels on a visible edge (neighbour luminance step > 24 of 255): busy screens score high."""
    gray = np.asarray(image.convert("L"), dtype=np.int16)
    dx = np.abs(np.diff(gray, axis=1))[:-1, :] > 24
    dy = np.abs(np.diff(gray, axis=0))[:, :-1] > 24
    return float((dx | dy).mean())


def difficulty_from_image(image: Image.Image) -> str:
    """easy / medium / hard from edge density: a coarse guess for screens that come without code."""
    density = edge_density(image)
    if density >= EDGE_HARD_AT:
        return "hard"
    return "medium" if density >= EDGE_MEDIUM_AT else "easy"


def label_fallback(
    screen_type: str | None, difficulty: str | None, reference_code: str | None, image_path: str
) -> tuple[str, str, frozenset[str]]:
    """(screen_type, difficulty, guessed): metadata labels when valid, else the heuristic; `guessed`
    names the fields the heuristic filled ("screen_type", "difficulty").

    Heuristic: from the reference code's widgets when there is code (`type_from_code`,
    `difficulty_from_code`); from the image otherwise, which gives type 'unknown' and a difficulty
    from edge density. Labels outside the vocabularies count as missing.
    """
    known_type = screen_type if screen_type in SCREEN_TYPES else None
    known_difficulty = difficulty if difficulty in DIFFICULTIES else None
    guessed = frozenset(
        name for name, known in (("screen_type", known_type), ("difficulty", known_difficulty)) if not known
    )
    if not guessed:
        return known_type, known_difficulty, guessed
    if reference_code:
        guessed_type, guessed_difficulty = type_from_code(reference_code), difficulty_from_code(reference_code)
    else:
        with Image.open(image_path) as image:
            guessed_type, guessed_difficulty = UNKNOWN_TYPE, difficulty_from_image(image)
    return known_type or guessed_type, known_difficulty or guessed_difficulty, guessed


def label_items(items: list[Item]) -> list[Item]:
    """Fill missing or invalid labels with `label_fallback`; each field's source says which were guessed."""
    labelled = []
    for item in items:
        screen_type, difficulty, guessed = label_fallback(
            item.screen_type, item.difficulty, item.reference_code, item.image_path
        )
        labelled.append(
            replace(
                item,
                screen_type=screen_type,
                difficulty=difficulty,
                screen_type_source=_source("screen_type" in guessed),
                difficulty_source=_source("difficulty" in guessed),
            )
        )
    return labelled


def _source(guessed: bool) -> str:
    return "heuristic" if guessed else "metadata"
