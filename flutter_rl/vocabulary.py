"""The label vocabulary of screens: their types and difficulties, as the settings declare them.

Curation labels screens with it and the synthetic generator draws screens of each combination.
"""

from __future__ import annotations

from typing import get_args

from flutter_rl.settings import Difficulty, ScreenType

SCREEN_TYPES: tuple[str, ...] = get_args(ScreenType)
DIFFICULTIES: tuple[str, ...] = get_args(Difficulty)
