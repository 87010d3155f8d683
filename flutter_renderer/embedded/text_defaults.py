"""The ambient DefaultTextStyle of the widget being built.

Flet's `Text` merges its style onto the DefaultTextStyle of the nearest Material, which is the
theme's bodyMedium. Flutter widgets that set another default (`DefaultTextStyle`, `Material.textStyle`,
`WidgetsApp`, `CupertinoApp`) are reproduced by merging that default into each `Text` the mapping
builds below them: `TextDefaults.style` is merged under the Text's own style, and widgets that set
their own text style in Flutter (buttons, list tiles, app bars, any Material) start again from the
theme's default (`TEXT_SCOPES`).
"""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterator

import flet as ft

# TextStyle() with nothing set, as the engine draws it: 14 px, no letter spacing, the font's own line
# height (Roboto's ascender + descender over its em: (1900 + 500) / 2048) and white, SkParagraph's
# default colour.
ENGINE_TEXT = ft.TextStyle(
    size=14, weight=ft.FontWeight.W_400, letter_spacing=0, word_spacing=0, height=2400 / 2048, color="#ffffffff"
)
# Material 3's type scale (Typography.englishLike2021: size, line height, letter spacing, weight),
# in the text theme's colour, onSurface (Typography.material2021).
TYPE_SCALE = {
    "displayLarge": (57, 64, -0.25, 400),
    "displayMedium": (45, 52, 0, 400),
    "displaySmall": (36, 44, 0, 400),
    "headlineLarge": (32, 40, 0, 400),
    "headlineMedium": (28, 36, 0, 400),
    "headlineSmall": (24, 32, 0, 400),
    "titleLarge": (22, 28, 0, 400),
    "titleMedium": (16, 24, 0.15, 500),
    "titleSmall": (14, 20, 0.1, 500),
    "labelLarge": (14, 20, 0.1, 500),
    "labelMedium": (12, 16, 0.5, 500),
    "labelSmall": (11, 16, 0.5, 500),
    "bodyLarge": (16, 24, 0.5, 400),
    "bodyMedium": (14, 20, 0.25, 400),
    "bodySmall": (12, 16, 0.4, 400),
}


def type_scale_style(name: str, color: str | None = None) -> ft.TextStyle:
    """The Material 3 type scale's style `name` (size, line height, letter spacing, weight)."""
    size, line, spacing, weight = TYPE_SCALE[name]
    return ft.TextStyle(
        size=size, height=line / size, letter_spacing=spacing, weight=ft.FontWeight(f"w{weight}"), color=color
    )


# Flutter widgets that set their own default text style for what they contain (they are, or build, a
# Material, or wrap their labels in a DefaultTextStyle of their own).
TEXT_SCOPES = frozenset(
    (
        "Material Scaffold AppBar Card Card.filled Card.outlined ListTile CheckboxListTile SwitchListTile RadioListTile "
        "ExpansionTile ElevatedButton FilledButton TextButton OutlinedButton FloatingActionButton MaterialButton "
        "DropdownButton DropdownButtonFormField PopupMenuButton Chip ActionChip FilterChip ChoiceChip InputChip Tab "
        "TabBar NavigationBar BottomNavigationBar NavigationRail Drawer NavigationDrawer AlertDialog Dialog "
        "SimpleDialog BottomSheet SnackBar Badge DataTable SegmentedButton SearchBar SearchAnchor BottomAppBar "
        "Stepper Tooltip ToggleButtons MenuItemButton SubmenuButton CupertinoNavigationBar CupertinoButton CupertinoListTile "
        "CupertinoSegmentedControl CupertinoSlidingSegmentedControl CupertinoTabBar CupertinoTextField"
    ).split()
)


@dataclass(frozen=True)
class TextDefaults:
    """The default text style and paragraph settings; `style` None and `theme_style` None mean the
    page's own default (the theme's bodyMedium)."""

    style: ft.TextStyle | None = None
    theme_style: ft.TextThemeStyle | None = None
    text_align: ft.TextAlign | None = None
    max_lines: int | None = None
    overflow: ft.TextOverflow | None = None
    soft_wrap: bool | None = None


DEFAULT_TEXT: ContextVar[TextDefaults] = ContextVar("default_text", default=TextDefaults())


def merge(base: ft.TextStyle | None, style: ft.TextStyle | None) -> ft.TextStyle | None:
    """`base.merge(style)`: the fields `style` sets win, the others come from `base`."""
    if base is None or style is None:
        return style if base is None else base
    fields = {f.name: getattr(style, f.name) for f in dataclasses.fields(style) if not f.name.startswith("_")}
    return dataclasses.replace(base, **{name: value for name, value in fields.items() if value is not None})


@contextmanager
def text_defaults(defaults: TextDefaults) -> Iterator[None]:
    """Build a subtree with `defaults` as its DefaultTextStyle."""
    token = DEFAULT_TEXT.set(defaults)
    try:
        yield
    finally:
        DEFAULT_TEXT.reset(token)


def scoped(widget_name: str) -> TextDefaults | None:
    """The defaults a widget's subtree starts from: the theme's for `TEXT_SCOPES`, else unchanged (None)."""
    if widget_name in TEXT_SCOPES and DEFAULT_TEXT.get() != TextDefaults():
        return TextDefaults()
    return None


def replaced(
    style: ft.TextStyle | None, theme_style: ft.TextThemeStyle | None = None, **paragraph: Any
) -> TextDefaults:
    """A DefaultTextStyle that replaces the ambient one: what `style` leaves unset is the engine's."""
    if theme_style is not None:
        return TextDefaults(theme_style=theme_style, **paragraph)
    return TextDefaults(style=merge(ENGINE_TEXT, style), **paragraph)


def merged(style: ft.TextStyle | None, theme_style: ft.TextThemeStyle | None = None, **paragraph: Any) -> TextDefaults:
    """DefaultTextStyle.merge: `style` and the paragraph settings given over the ambient ones."""
    current = DEFAULT_TEXT.get()
    settings = {name: value if value is not None else getattr(current, name) for name, value in paragraph.items()}
    if theme_style is not None:
        return dataclasses.replace(current, style=None, theme_style=theme_style, **settings)
    return dataclasses.replace(current, style=merge(current.style, style), **settings)
