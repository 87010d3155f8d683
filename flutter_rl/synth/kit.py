"""Building blocks shared by the synthetic screen templates: the generation context and the small
widgets every screen uses (text, gaps, buttons, fields, app bars, navigation bars).

Everything returns `dart.Call`/`dart.Raw` trees; the templates in `screens.py` compose them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from flutter_rl.synth.dart import Call, Closure, Method, Raw, dart_string
from flutter_rl.synth.wordbanks import NAV_ITEMS, Domain, Palette

LEVELS = {"easy": 0, "medium": 1, "hard": 2}


@dataclass
class Ctx:
    """Everything one screen's generation needs; templates add helper methods and state to it."""

    rng: random.Random
    difficulty: str
    palette: Palette
    domain: Domain
    methods: list[Method] = field(default_factory=list)
    state_fields: list[str] = field(default_factory=list)
    declarations: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    # Per-screen style, drawn once so that screens of one template differ in look, not just in words.
    field_style: str = field(init=False)  # "outlined" | "filled" | "underline"
    spacing: float = field(init=False)  # multiplies every vertical gap
    centered: bool = field(init=False)  # headings centered or start-aligned

    def __post_init__(self) -> None:
        self.field_style = self.rng.choice(("outlined", "outlined", "filled", "underline"))
        self.spacing = self.rng.choice((0.75, 1.0, 1.0, 1.5))
        self.centered = self.rng.random() < 0.5

    def gap(self, height: float) -> Call:
        """A vertical gap scaled by this screen's spacing."""
        return gap(round(height * self.spacing))

    @property
    def level(self) -> int:
        """0 easy, 1 medium, 2 hard: templates scale counts and features with it."""
        return LEVELS[self.difficulty]

    def pick(self, options: Sequence[Any]) -> Any:
        return self.rng.choice(list(options))

    def sample(self, options: Sequence[Any], k: int) -> list[Any]:
        return self.rng.sample(list(options), min(k, len(options)))

    def count(self, easy: tuple[int, int], medium: tuple[int, int], hard: tuple[int, int]) -> int:
        """A random count from the range of the current difficulty."""
        low, high = (easy, medium, hard)[self.level]
        return self.rng.randint(low, high)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    @property
    def primary(self) -> Raw:
        return Raw(f"Colors.{self.palette.swatch}")

    @property
    def light_primary(self) -> Raw:
        shade = "shade800" if self.palette.dark else "shade50"
        return Raw(f"Colors.{self.palette.swatch}.{shade}", const=False)

    @property
    def fg(self) -> Raw:
        return Raw(self.palette.on_background)

    @property
    def muted(self) -> Raw:
        return Raw(self.palette.muted)

    def add_state(self, declaration: str) -> None:
        """Make the screen stateful with this field (`bool _remember = false;`)."""
        if declaration not in self.state_fields:
            self.state_fields.append(declaration)


def icon(name: str, color: Any = None, size: float | None = None) -> Call:
    return Call("Icon", Raw(f"Icons.{name}"), color=color, size=size)


def text(
    value: Any, size: float | None = None, bold: bool = False, color: Any = None, align: str | None = None
) -> Call:
    """A Text, with a TextStyle only when something is styled."""
    styled = size is not None or bold or color is not None
    style = Call("TextStyle", fontSize=size, fontWeight=Raw("FontWeight.bold") if bold else None, color=color)
    return Call("Text", value, style=style if styled else None, textAlign=Raw(f"TextAlign.{align}") if align else None)


def gap(height: float) -> Call:
    return Call("SizedBox", height=height)


def hgap(width: float) -> Call:
    return Call("SizedBox", width=width)


def pad_all(value: float) -> Call:
    return Call("EdgeInsets.all", value)


def column(children: list[Any], cross: str | None = "stretch", main: str | None = None, min_size: bool = False) -> Call:
    return Call(
        "Column",
        mainAxisAlignment=Raw(f"MainAxisAlignment.{main}") if main else None,
        crossAxisAlignment=Raw(f"CrossAxisAlignment.{cross}") if cross else None,
        mainAxisSize=Raw("MainAxisSize.min") if min_size else None,
        children=children,
    )


def row(children: list[Any], main: str | None = None, cross: str | None = None) -> Call:
    return Call(
        "Row",
        mainAxisAlignment=Raw(f"MainAxisAlignment.{main}") if main else None,
        crossAxisAlignment=Raw(f"CrossAxisAlignment.{cross}") if cross else None,
        children=children,
    )


def button(ctx: Ctx, label: Any, kind: str | None = None) -> Call:
    """A Material button of a random (or given) kind, with a no-op callback."""
    kind = kind or ctx.pick(("ElevatedButton", "FilledButton", "FilledButton", "OutlinedButton"))
    return Call(kind, onPressed=Closure(), child=Call("Text", label))


def wide(child: Any, height: float = 48) -> Call:
    """A full-width child of a fixed height, the usual way to stretch a button."""
    return Call("SizedBox", width=Raw("double.infinity"), height=height, child=child)


def decoration(ctx: Ctx, label: Any, prefix: Any = None, suffix: Any = None) -> Call:
    """An InputDecoration in the screen's field style: outlined, filled (rounded, no border) or underlined."""
    border = None
    if ctx.field_style == "outlined":
        border = Call("OutlineInputBorder")
    elif ctx.field_style == "filled":
        border = Call(
            "OutlineInputBorder", borderRadius=Call("BorderRadius.circular", 12), borderSide=Raw("BorderSide.none")
        )
    return Call(
        "InputDecoration",
        labelText=label,
        prefixIcon=prefix,
        suffixIcon=suffix,
        filled=True if ctx.field_style == "filled" else None,
        border=border,
    )


def text_field(ctx: Ctx, label: str, icon_name: str | None = None, obscure: bool = False) -> Call:
    return Call(
        "TextField",
        obscureText=True if obscure else None,
        decoration=decoration(ctx, label, icon(icon_name) if icon_name else None),
    )


def app_bar(
    ctx: Ctx, title: Any, actions: list[str] | None = None, leading: str | None = None, colored: bool | None = None
) -> Call:
    """An AppBar; at medium/hard it gains action icons, sometimes a colored background."""
    if actions is None:
        actions = ctx.sample(("search", "notifications_none", "more_vert", "favorite_border", "share"), ctx.level)
    colored = ctx.chance(0.4) if colored is None else colored
    return Call(
        "AppBar",
        leading=Call("IconButton", icon=icon(leading), onPressed=Closure()) if leading else None,
        title=Call("Text", title),
        centerTitle=True if ctx.chance(0.3) else None,
        backgroundColor=ctx.primary if colored else None,
        foregroundColor=Raw("Colors.white") if colored else None,
        actions=[_action(ctx, name) for name in actions] or None,
    )


# What a hard screen's overflow menu offers (its items are built only when the menu opens).
OVERFLOW_MENU = ("Settings", "Help", "Sign out")


def _action(ctx: Ctx, name: str) -> Call:
    """An app-bar action: an IconButton, or at hard a PopupMenuButton behind the overflow icon (closed,
    it looks the same)."""
    if name == "more_vert" and ctx.level == 2:
        items = ", ".join(
            f"const PopupMenuItem(value: {dart_string(x)}, child: Text({dart_string(x)}))" for x in OVERFLOW_MENU
        )
        return Call(
            "PopupMenuButton<String>",
            icon=icon(name),
            onSelected=Closure("(value) {}"),
            itemBuilder=Closure(f"(context) => [{items}]"),
        )
    return Call("IconButton", icon=icon(name), onPressed=Closure())


def bottom_nav(ctx: Ctx) -> Call:
    """A BottomNavigationBar or a Material 3 NavigationBar with the first tab selected."""
    items = ctx.sample(NAV_ITEMS, ctx.rng.randint(3, 4))
    if ctx.chance(0.5):
        return Call(
            "NavigationBar",
            selectedIndex=0,
            destinations=[Call("NavigationDestination", icon=icon(name), label=label) for label, name in items],
        )
    return Call(
        "BottomNavigationBar",
        currentIndex=0,
        type=Raw("BottomNavigationBarType.fixed"),
        selectedItemColor=ctx.primary,
        items=[Call("BottomNavigationBarItem", icon=icon(name), label=label) for label, name in items],
    )


def scaffold(body: Any, app_bar_: Any = None, fab: Any = None, bottom: Any = None) -> Call:
    return Call("Scaffold", appBar=app_bar_, body=body, floatingActionButton=fab, bottomNavigationBar=bottom)


def repeated(
    ctx: Ctx, name: str, params: list[tuple[str, str]], build: Callable[..., Any], rows: list[tuple[Any, ...]]
) -> list[Any]:
    """One widget per row of arguments: inline at easy, through a helper method at medium/hard,
    the way a developer factors out a repeated tile once a screen grows."""
    if ctx.level == 0:
        return [build(*values) for values in rows]
    if not any(m.name == name for m in ctx.methods):
        placeholders = [Raw(param, const=False) for _, param in params]
        ctx.methods.append(Method(name, params, build(*placeholders)))
    return [Call(name, *values) for values in rows]


def icon_ref(name: str) -> Raw:
    """An `Icons.x` value to pass to a helper method's IconData parameter."""
    return Raw(f"Icons.{name}")
