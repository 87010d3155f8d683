"""One template per screen type. Each takes a `Ctx` and returns the `Scaffold` tree of the screen;
difficulty (ctx.level) adds widgets, nesting and variety: helper methods and cards at medium, state,
navigation bars and extra sections at hard.

Rules every template keeps so that its code renders without layout errors: a body that can grow is
scrollable; `Expanded`/`Spacer` only in a column that is not scrolled; a `Row` holding text gives
the text an `Expanded`; grids inside scrolled columns use `shrinkWrap`.
"""

from __future__ import annotations

from typing import Any, Callable

from flutter_rl.synth.dart import Call, Closure, Method, Raw, dart_string, emit
from flutter_rl.synth.kit import (
    Ctx,
    app_bar,
    bottom_nav,
    button,
    column,
    decoration,
    hgap,
    icon,
    icon_ref,
    pad_all,
    repeated,
    row,
    scaffold,
    text,
    text_field,
    wide,
)
from flutter_rl.synth.wordbanks import (
    DIALOGS,
    FORM_FIELDS,
    HEADLINES,
    MENU_ITEMS,
    MESSAGES,
    ONBOARDING,
    PARAGRAPHS,
    SETTINGS_ITEMS,
    TAGLINES,
)


def _scroll_body(children: list[Any], padding: float = 16) -> Call:
    return Call("SingleChildScrollView", padding=pad_all(padding), child=column(children))


def _logo(ctx: Ctx) -> Call:
    name = ctx.pick(ctx.domain.icons)
    logo = (
        Call("CircleAvatar", radius=36, backgroundColor=ctx.primary, child=icon(name, Raw("Colors.white"), 36))
        if ctx.chance(0.5)
        else icon(name, ctx.primary, 72)
    )
    return (
        Call("Center", child=logo) if ctx.centered else Call("Align", alignment=Raw("Alignment.centerLeft"), child=logo)
    )


def _heading_align(ctx: Ctx) -> str:
    return "center" if ctx.centered else "start"


def _switch_auth_prompt(question: str, action: str) -> Call:
    return row([text(question), Call("TextButton", onPressed=Closure(), child=Call("Text", action))], main="center")


def _or_divider(ctx: Ctx) -> Call:
    return row(
        [
            Call("Expanded", child=Call("Divider")),
            Call("Padding", padding=Call("EdgeInsets.symmetric", horizontal=8), child=text("or", color=ctx.muted)),
            Call("Expanded", child=Call("Divider")),
        ]
    )


def _password_field(ctx: Ctx, label: str = "Password") -> Call:
    if ctx.level < 2:
        return text_field(ctx, label, "lock", obscure=True)
    ctx.add_state("bool _obscure = true;")
    toggle = Call(
        "IconButton",
        icon=Call("Icon", Raw("_obscure ? Icons.visibility : Icons.visibility_off", const=False)),
        onPressed=Closure("() => setState(() => _obscure = !_obscure)"),
    )
    return Call(
        "TextField",
        obscureText=Raw("_obscure", const=False),
        decoration=decoration(ctx, label, icon("lock"), suffix=toggle),
    )


def login(ctx: Ctx) -> Call:
    children: list[Any] = [
        _logo(ctx),
        ctx.gap(24),
        text(ctx.pick(HEADLINES), 26, bold=True, color=ctx.fg, align=_heading_align(ctx)),
        ctx.gap(8),
        text(ctx.pick(TAGLINES), color=ctx.muted, align=_heading_align(ctx)),
        ctx.gap(32),
        text_field(ctx, ctx.pick(("Email", "Email address", "Username")), "email"),
        ctx.gap(16),
        _password_field(ctx),
    ]
    if ctx.level >= 1:
        remember: Any = Call("Checkbox", value=False, onChanged=Closure("(value) {}"))
        if ctx.level == 2:
            ctx.add_state("bool _remember = false;")
            remember = Call(
                "Checkbox",
                value=Raw("_remember", const=False),
                onChanged=Closure("(value) => setState(() => _remember = value ?? false)"),
            )
        children += [
            row(
                [
                    remember,
                    text("Remember me"),
                    Call("Spacer"),
                    Call("TextButton", onPressed=Closure(), child=Call("Text", "Forgot password?")),
                ]
            )
        ]
    children += [ctx.gap(24), wide(button(ctx, ctx.pick(("Log in", "Sign in", "Continue"))))]
    if ctx.level == 2:
        children += [
            ctx.gap(16),
            _or_divider(ctx),
            ctx.gap(16),
            row(
                [
                    Call("Expanded", child=Call("OutlinedButton", onPressed=Closure(), child=text("Google"))),
                    hgap(12),
                    Call("Expanded", child=Call("OutlinedButton", onPressed=Closure(), child=text("Apple"))),
                ]
            ),
        ]
    children += [ctx.gap(16), _switch_auth_prompt("Don't have an account?", "Sign up")]
    body = Call("SafeArea", child=Call("Center", child=_scroll_body(children, 24)))
    return scaffold(body, app_bar(ctx, "Log in", actions=[]) if ctx.chance(0.3) else None)


def signup(ctx: Ctx) -> Call:
    fields = [("Full name", "person"), ("Email", "email")]
    if ctx.level >= 1:
        fields.append(ctx.pick([f for f in FORM_FIELDS if f[0] not in ("Full name", "Email")]))
    inputs = repeated(
        ctx,
        "_buildField",
        [("String", "label"), ("IconData", "icon")],
        lambda label, ic: Call(
            "Padding",
            padding=Call("EdgeInsets.only", bottom=16),
            child=Call("TextField", decoration=decoration(ctx, label, Call("Icon", ic))),
        ),
        [(label, icon_ref(name)) for label, name in fields],
    )
    terms: Any = Call(
        "CheckboxListTile",
        value=False,
        onChanged=Closure("(value) {}"),
        contentPadding=Raw("EdgeInsets.zero"),
        title=text("I agree to the Terms and Privacy Policy"),
    )
    if ctx.level == 2:
        ctx.add_state("bool _accepted = false;")
        terms = Call(
            "CheckboxListTile",
            value=Raw("_accepted", const=False),
            onChanged=Closure("(value) => setState(() => _accepted = value ?? false)"),
            contentPadding=Raw("EdgeInsets.zero"),
            title=text("I agree to the Terms and Privacy Policy"),
        )
    children = [
        text("Create account", 28, bold=True, color=ctx.fg, align=_heading_align(ctx)),
        ctx.gap(8),
        text(f"Join {ctx.pick(ctx.domain.apps)} today", color=ctx.muted, align=_heading_align(ctx)),
        ctx.gap(24),
        *inputs,
        _password_field(ctx),
    ]
    if ctx.level >= 1:
        children += [ctx.gap(16), _password_field(ctx, "Confirm password")]
    children += [
        ctx.gap(8),
        terms,
        ctx.gap(16),
        wide(button(ctx, "Sign up")),
        ctx.gap(8),
        _switch_auth_prompt("Already have an account?", "Log in"),
    ]
    return scaffold(_scroll_body(children, 24), app_bar(ctx, "", actions=[], leading="arrow_back", colored=False))


def _list_tile(ctx: Ctx) -> Callable[..., Call]:
    card = ctx.level >= 1 and ctx.chance(0.6)

    def build(title: Any, subtitle: Any, value: Any, ic: Any) -> Call:
        tile = Call(
            "ListTile",
            leading=Call("CircleAvatar", backgroundColor=ctx.light_primary, child=Call("Icon", ic, color=ctx.primary)),
            title=Call("Text", title),
            subtitle=Call("Text", subtitle),
            trailing=text(value, bold=True),
        )
        return Call("Card", child=tile) if card else tile

    return build


def _domain_rows(ctx: Ctx, n: int) -> list[tuple[Any, ...]]:
    d = ctx.domain
    return [
        (item, ctx.pick(d.details), ctx.pick(d.values), icon_ref(ctx.pick(d.icons))) for item in ctx.sample(d.items, n)
    ]


_ENTRY_CLASS = """class Entry {
  const Entry(this.title, this.subtitle, this.value, this.icon);

  final String title;
  final String subtitle;
  final String value;
  final IconData icon;
}"""


def _entry_list(ctx: Ctx, rows: list[tuple[Any, ...]]) -> Call:
    """A data-driven list: `const _entries = [Entry(...), ...]` and a `ListView.separated` over it,
    each row built by `_buildEntry(Entry entry)`."""
    ctx.declarations += [_ENTRY_CLASS, f"const _entries = {emit([Call('Entry', *row) for row in rows], 0, True)};"]
    fields = [Raw(f"entry.{name}", const=False) for name in ("title", "subtitle", "value", "icon")]
    ctx.methods.append(Method("_buildEntry", [("Entry", "entry")], _list_tile(ctx)(*fields)))
    return Call(
        "ListView.separated",
        itemCount=Raw("_entries.length", const=False),
        separatorBuilder=Closure("(context, index) => const Divider(height: 1)"),
        itemBuilder=Closure("(context, index) => _buildEntry(_entries[index])"),
    )


def list_screen(ctx: Ctx) -> Call:
    n = ctx.count((3, 5), (5, 7), (7, 10))
    rows = _domain_rows(ctx, n)
    data_driven = ctx.level == 2 and ctx.chance(0.5)
    tiles = (
        []
        if data_driven
        else repeated(
            ctx,
            "_buildItem",
            [("String", "title"), ("String", "subtitle"), ("String", "value"), ("IconData", "icon")],
            _list_tile(ctx),
            rows,
        )
    )
    if ctx.level == 0 and ctx.chance(0.5):
        tiles = [part for tile in tiles for part in (tile, Call("Divider", height=1))][:-1]
    header: list[Any] = []
    if ctx.level >= 1:
        header.append(
            Call(
                "Padding",
                padding=Call("EdgeInsets.symmetric", horizontal=16, vertical=8),
                child=text_field(ctx, "Search", "search"),
            )
        )
    if ctx.level == 2:
        chips = [Call("Chip", label=Call("Text", label)) for label in ctx.sample(ctx.domain.details, 3)]
        header.append(
            Call(
                "Padding",
                padding=Call("EdgeInsets.symmetric", horizontal=16),
                child=Call("Wrap", spacing=8, children=chips),
            )
        )
    title = ctx.pick((ctx.domain.apps[0], "Recent", "All items", "Explore", "Favorites"))
    if data_driven:
        body = column([*header, Call("Expanded", child=_entry_list(ctx, rows))])
    elif ctx.level == 2 and ctx.chance(0.4):
        return scaffold(_sliver_list(ctx, title, header, tiles), None, bottom=bottom_nav(ctx))
    else:
        body = Call("ListView", padding=Call("EdgeInsets.symmetric", vertical=8), children=header + tiles)
    fab = (
        Call("FloatingActionButton", onPressed=Closure(), child=icon("add"))
        if ctx.level >= 1 and ctx.chance(0.5)
        else None
    )
    return scaffold(body, app_bar(ctx, title), fab=fab, bottom=bottom_nav(ctx) if ctx.level == 2 else None)


def _sliver_list(ctx: Ctx, title: str, header: list[Any], tiles: list[Any]) -> Call:
    """The list under a collapsing app bar: a CustomScrollView with a SliverAppBar whose flexible
    space holds the title on the primary colour, then the header and the tiles as slivers."""
    bar = Call(
        "SliverAppBar",
        pinned=True,
        expandedHeight=ctx.pick((140, 160, 180)),
        flexibleSpace=Call(
            "FlexibleSpaceBar",
            title=text(title, color=Raw("Colors.white")),
            background=Call("ColoredBox", color=ctx.primary),
        ),
    )
    slivers = [
        bar,
        *[Call("SliverToBoxAdapter", child=part) for part in header],
        Call(
            "SliverPadding",
            padding=Call("EdgeInsets.symmetric", vertical=8),
            sliver=Call("SliverList.list", children=tiles),
        ),
    ]
    return Call("CustomScrollView", slivers=slivers)


def _menu_entries(ctx: Ctx, n: int) -> list[Any]:
    chevron = ctx.chance(0.6)
    return repeated(
        ctx,
        "_buildMenuItem",
        [("IconData", "icon"), ("String", "title")],
        lambda ic, title: Call(
            "ListTile",
            leading=Call("Icon", ic),
            title=Call("Text", title),
            trailing=icon("chevron_right") if chevron else None,
            onTap=Closure(),
        ),
        [(icon_ref(name), label) for label, name in ctx.sample(MENU_ITEMS, n)],
    )


def _menu_header(ctx: Ctx) -> Call:
    name = ctx.pick(ctx.domain.items if ctx.domain.name == "social" else ("Alex Morgan", "Sam Carter", "Jamie Lee"))
    return Call(
        "Container",
        padding=Call("EdgeInsets.fromLTRB", 16, 48, 16, 16),
        color=ctx.primary,
        child=row(
            [
                Call("CircleAvatar", radius=28, backgroundColor=Raw("Colors.white"), child=icon("person", ctx.primary)),
                hgap(12),
                Call(
                    "Expanded",
                    child=column(
                        [
                            text(name, 18, bold=True, color=Raw("Colors.white")),
                            text("View profile", color=Raw("Colors.white70")),
                        ],
                        cross="start",
                    ),
                ),
            ]
        ),
    )


def menu(ctx: Ctx) -> Call:
    n = ctx.count((4, 6), (6, 8), (7, 9))
    entries = _menu_entries(ctx, n)
    if ctx.level < 2:
        items = ([_menu_header(ctx)] if ctx.level == 1 else []) + entries
        body = Call("ListView", padding=Raw("EdgeInsets.zero") if ctx.level == 1 else None, children=items)
        return scaffold(body, app_bar(ctx, "Menu", actions=[]) if ctx.level == 0 else None)
    # hard: the page behind, dimmed, with the navigation drawer open over it
    page = Call(
        "ListView",
        padding=pad_all(16),
        children=[
            text(ctx.pick(HEADLINES), 22, bold=True, color=ctx.fg),
            ctx.gap(8),
            *[
                Call("Card", child=Call("ListTile", title=Call("Text", item)))
                for item in ctx.sample(ctx.domain.items, 4)
            ],
        ],
    )
    drawer = Call(
        "Drawer",
        child=Call(
            "ListView",
            padding=Raw("EdgeInsets.zero"),
            children=[_menu_header(ctx), *entries[:-1], Call("Divider"), entries[-1]],
        ),
    )
    body = Call(
        "Stack",
        children=[
            page,
            Call("Positioned", left=0, top=0, right=0, bottom=0, child=Call("Container", color=Raw("Colors.black54"))),
            Call("Positioned", left=0, top=0, bottom=0, child=drawer),
        ],
    )
    return scaffold(body, app_bar(ctx, ctx.pick(ctx.domain.apps), leading="menu"))


def form(ctx: Ctx) -> Call:
    n = ctx.count((2, 3), (3, 5), (4, 5))
    fields = ctx.sample(FORM_FIELDS, n)
    field_kind = "TextFormField" if ctx.level == 2 else "TextField"
    inputs = repeated(
        ctx,
        "_buildInput",
        [("String", "label"), ("IconData", "icon")],
        lambda label, ic: Call(
            "Padding",
            padding=Call("EdgeInsets.only", bottom=16),
            child=Call(field_kind, decoration=decoration(ctx, label, Call("Icon", ic))),
        ),
        [(label, icon_ref(name)) for label, name in fields],
    )
    children: list[Any] = [
        text(
            ctx.pick(("Contact details", "Shipping address", "Your information", "Booking details")),
            20,
            bold=True,
            color=ctx.fg,
        ),
        ctx.gap(16),
        *inputs,
    ]
    if ctx.level >= 1:
        options = ctx.sample(("Standard", "Express", "Pickup", "Weekly", "Monthly", "Personal", "Business"), 3)
        children += [
            Call(
                "DropdownButton",
                value=options[0],
                isExpanded=True,
                items=[Call("DropdownMenuItem", value=o, child=Call("Text", o)) for o in options],
                onChanged=Closure("(value) {}"),
            ),
            ctx.gap(16),
        ]
    if ctx.level == 2:
        choices = ctx.sample(("Email", "SMS", "Phone call", "Push notification"), 3)
        ctx.add_state(f"String _contact = {dart_string(choices[0])};")
        ctx.add_state("double _budget = 0.4;")
        ctx.add_state("bool _subscribe = true;")
        children += [
            text("Preferred contact", bold=True, color=ctx.fg),
            ctx.gap(8),
            Call(
                "Wrap",
                spacing=8,
                children=[
                    Call(
                        "ChoiceChip",
                        label=Call("Text", c),
                        selected=Raw(f"_contact == {dart_string(c)}", const=False),
                        onSelected=Closure(f"(selected) => setState(() => _contact = {dart_string(c)})"),
                    )
                    for c in choices
                ],
            ),
            ctx.gap(16),
            text("Budget", bold=True, color=ctx.fg),
            Call(
                "Slider",
                value=Raw("_budget", const=False),
                onChanged=Closure("(value) => setState(() => _budget = value)"),
            ),
            Call(
                "SwitchListTile",
                value=Raw("_subscribe", const=False),
                onChanged=Closure("(value) => setState(() => _subscribe = value)"),
                title=Call("Text", "Subscribe to updates"),
            ),
        ]
    children += [ctx.gap(16), wide(button(ctx, ctx.pick(("Save", "Submit", "Continue", "Confirm"))))]
    content: Any = column(children)
    if ctx.level == 2:
        content = Call("Form", child=content)
    body = Call("SingleChildScrollView", padding=pad_all(16), child=content)
    return scaffold(
        body, app_bar(ctx, ctx.pick(("New entry", "Checkout", "Edit details", "Register")), leading="arrow_back")
    )


def modal(ctx: Ctx) -> Call:
    title, message, action = ctx.pick(DIALOGS)
    behind = Call(
        "ListView",
        padding=pad_all(16),
        children=[
            Call(
                "Card",
                child=Call(
                    "ListTile",
                    leading=icon(ctx.pick(ctx.domain.icons)),
                    title=Call("Text", item),
                    subtitle=Call("Text", ctx.pick(ctx.domain.details)),
                ),
            )
            for item in ctx.sample(ctx.domain.items, ctx.count((3, 4), (4, 6), (5, 7)))
        ],
    )
    content: Any = Call("Text", message)
    if ctx.level == 1:
        content = column(
            [Call("Text", message), ctx.gap(16), text_field(ctx, ctx.pick(("Reason", "Comment", "Name")))],
            min_size=True,
        )
    elif ctx.level == 2:
        ctx.add_state("bool _dontAsk = false;")
        content = column(
            [
                Call("Text", message),
                ctx.gap(8),
                Call(
                    "CheckboxListTile",
                    value=Raw("_dontAsk", const=False),
                    onChanged=Closure("(value) => setState(() => _dontAsk = value ?? false)"),
                    contentPadding=Raw("EdgeInsets.zero"),
                    title=Call("Text", "Don't ask again"),
                ),
            ],
            min_size=True,
        )
    dialog = Call(
        "AlertDialog",
        icon=icon(ctx.pick(("info_outline", "warning_amber", "help_outline"))) if ctx.level >= 1 else None,
        title=Call("Text", title),
        content=content,
        actions=[
            Call("TextButton", onPressed=Closure(), child=Call("Text", "Cancel")),
            button(ctx, action, ctx.pick(("FilledButton", "TextButton"))),
        ],
    )
    body = Call(
        "Stack",
        children=[
            behind,
            Call("Positioned", left=0, top=0, right=0, bottom=0, child=Call("Container", color=Raw("Colors.black54"))),
            Call("Center", child=dialog),
        ],
    )
    return scaffold(body, app_bar(ctx, ctx.pick(ctx.domain.apps)), bottom=bottom_nav(ctx) if ctx.level == 2 else None)


def settings(ctx: Ctx) -> Call:
    items = ctx.sample(SETTINGS_ITEMS, ctx.count((3, 4), (4, 6), (5, 7)))
    switches: list[tuple[Any, ...]] = []
    for index, (label, name) in enumerate(items):
        if ctx.level == 2:
            field_name = f"_setting{index}"
            ctx.add_state(f"bool {field_name} = {'true' if ctx.chance(0.5) else 'false'};")
            value: Any = Raw(field_name, const=False)
            on_changed = Closure(f"(value) => setState(() => {field_name} = value)")
        else:
            value, on_changed = ctx.chance(0.5), Closure("(value) {}")
        switches.append((label, name, value, on_changed))
    children: list[Any] = [
        Call("SwitchListTile", secondary=icon(name), title=Call("Text", label), value=value, onChanged=on_changed)
        for label, name, value, on_changed in switches
    ]
    cupertino = ctx.level == 2 and ctx.chance(0.4)
    if cupertino:  # iOS-style grouped rows (with their own header) in the Material page
        ctx.imports.append("package:flutter/cupertino.dart")
        children = [
            Call(
                "CupertinoListSection.insetGrouped",
                header=Call("Text", "Preferences"),
                children=[
                    Call(
                        "CupertinoListTile",
                        leading=icon(name),
                        title=Call("Text", label),
                        trailing=Call("CupertinoSwitch", value=value, onChanged=on_changed),
                    )
                    for label, name, value, on_changed in switches
                ],
            )
        ]
    if ctx.level >= 1:

        def section(label: str) -> Call:
            return Call(
                "Padding",
                padding=Call("EdgeInsets.fromLTRB", 16, 16, 16, 8),
                child=text(label, bold=True, color=ctx.primary),
            )

        account = repeated(
            ctx,
            "_buildLink",
            [("IconData", "icon"), ("String", "title")],
            lambda ic, title: Call(
                "ListTile",
                leading=Call("Icon", ic),
                title=Call("Text", title),
                trailing=icon("chevron_right"),
                onTap=Closure(),
            ),
            [
                (icon_ref(n), t)
                for t, n in ctx.sample(
                    (
                        ("Account", "person"),
                        ("Privacy", "lock"),
                        ("Language", "language"),
                        ("Storage", "storage"),
                        ("About", "info_outline"),
                    ),
                    3,
                )
            ],
        )
        children = [
            *([] if cupertino else [section("Preferences")]),
            *children,
            Call("Divider"),
            section("Account"),
            *account,
        ]
    if ctx.level == 2:
        ctx.add_state("double _textScale = 0.5;")
        children += [
            Call(
                "ListTile",
                leading=icon("text_fields"),
                title=Call("Text", "Text size"),
                subtitle=Call(
                    "Slider",
                    value=Raw("_textScale", const=False),
                    onChanged=Closure("(value) => setState(() => _textScale = value)"),
                ),
            ),
            Call(
                "Padding",
                padding=pad_all(16),
                child=Call("OutlinedButton", onPressed=Closure(), child=Call("Text", "Log out")),
            ),
        ]
    return scaffold(Call("ListView", children=children), app_bar(ctx, "Settings"))


def _stat(value: Any, label: Any, fg: Raw, muted: Raw) -> Call:
    return column([text(value, 18, bold=True, color=fg), text(label, color=muted)], cross=None)


def profile(ctx: Ctx) -> Call:
    name = ctx.pick(("Alex Morgan", "Sam Carter", "Jamie Lee", "Riley Chen", "Taylor Reed"))
    handle = "@" + name.split()[0].lower() + str(ctx.rng.randint(1, 99))
    avatar = Call(
        "CircleAvatar",
        radius=48,
        backgroundColor=ctx.light_primary,
        child=text("".join(p[0] for p in name.split()), 32, bold=True, color=ctx.primary),
    )
    children: list[Any] = [
        ctx.gap(16),
        Call("Center", child=avatar),
        ctx.gap(12),
        text(name, 22, bold=True, color=ctx.fg, align="center"),
        text(handle, color=ctx.muted, align="center"),
        ctx.gap(16),
    ]
    if ctx.level >= 1:
        stats = [_stat(value, label, ctx.fg, ctx.muted) for label, value, _ in ctx.sample(ctx.domain.stats, 3)]
        children += [
            row(stats, main="spaceEvenly"),
            ctx.gap(16),
            wide(button(ctx, "Edit profile", ctx.pick(("FilledButton", "OutlinedButton"))), 44),
            ctx.gap(16),
        ]
    if ctx.level == 2:
        children += [
            Call(
                "Wrap",
                spacing=8,
                runSpacing=8,
                children=[
                    Call("Chip", avatar=icon(ic, size=18), label=Call("Text", label))
                    for label, ic in (
                        ("Photography", "photo_camera"),
                        ("Travel", "flight"),
                        ("Music", "music_note"),
                        ("Cooking", "restaurant"),
                    )
                ],
            ),
            ctx.gap(16),
            Call(
                "GridView.count",
                crossAxisCount=3,
                shrinkWrap=True,
                mainAxisSpacing=4,
                crossAxisSpacing=4,
                children=[
                    Call("Container", color=ctx.light_primary, child=icon(ctx.pick(ctx.domain.icons), ctx.primary))
                    for _ in range(6)
                ],
            ),
        ]
    children += [
        Call(
            "Card", child=Call("ListTile", leading=icon(ic), title=Call("Text", label), trailing=icon("chevron_right"))
        )
        for label, ic in ctx.sample(
            (
                ("My orders", "receipt_long"),
                ("Saved", "bookmark_border"),
                ("Payment methods", "credit_card"),
                ("Help", "help_outline"),
            ),
            ctx.count((2, 3), (2, 3), (2, 2)),
        )
    ]
    return scaffold(_scroll_body(children), app_bar(ctx, "Profile"), bottom=bottom_nav(ctx) if ctx.level == 2 else None)


def dashboard(ctx: Ctx) -> Call:
    stats = ctx.sample(ctx.domain.stats, 4 if ctx.level == 2 else 2)

    def card(label: str, value: str, ic: str) -> Call:
        return Call(
            "Card",
            child=Call(
                "Padding",
                padding=pad_all(16),
                child=column(
                    [Call("Icon", ic, color=ctx.primary), ctx.gap(8), text(value, 20, bold=True), Call("Text", label)],
                    cross="start",
                ),
            ),
        )

    cards = repeated(
        ctx,
        "_buildStatCard",
        [("String", "label"), ("String", "value"), ("IconData", "icon")],
        card,
        [(label, value, icon_ref(ic)) for label, value, ic in stats],
    )
    children: list[Any] = [
        text(ctx.pick(HEADLINES), 24, bold=True, color=ctx.fg),
        text(ctx.pick(TAGLINES), color=ctx.muted),
        ctx.gap(16),
    ]
    if ctx.level == 2:
        children.append(
            Call(
                "GridView.count",
                crossAxisCount=2,
                shrinkWrap=True,
                childAspectRatio=1.4,
                mainAxisSpacing=8,
                crossAxisSpacing=8,
                children=cards,
            )
        )
    else:
        children.append(row([Call("Expanded", child=c) for c in cards]))
    goal = round(ctx.rng.uniform(0.2, 0.9), 2)
    children += [
        ctx.gap(16),
        row([Call("Expanded", child=text("Weekly goal", bold=True)), text(f"{round(goal * 100)}%")]),
        ctx.gap(8),
        Call("LinearProgressIndicator", value=goal),
    ]
    if ctx.level >= 1:
        children += [
            ctx.gap(24),
            text("Recent activity", 18, bold=True, color=ctx.fg),
            ctx.gap(8),
            *[
                Call(
                    "ListTile",
                    contentPadding=Raw("EdgeInsets.zero"),
                    leading=icon(ctx.pick(ctx.domain.icons), ctx.primary),
                    title=Call("Text", item),
                    trailing=Call("Text", ctx.pick(ctx.domain.values)),
                )
                for item in ctx.sample(ctx.domain.items, ctx.count((0, 0), (2, 3), (3, 4)))
            ],
        ]
    if ctx.level == 2:  # the stats again as a table (no new draws: the screens after it stay the same)
        children += [
            ctx.gap(24),
            text("Summary", 18, bold=True, color=ctx.fg),
            Call(
                "DataTable",
                columns=[
                    Call("DataColumn", label=Call("Text", "Metric")),
                    Call("DataColumn", label=Call("Text", "Value"), numeric=True),
                ],
                rows=[
                    Call(
                        "DataRow", cells=[Call("DataCell", Call("Text", label)), Call("DataCell", Call("Text", value))]
                    )
                    for label, value, _ in stats
                ],
            ),
        ]
    fab = Call("FloatingActionButton", onPressed=Closure(), child=icon("add")) if ctx.level == 2 else None
    return scaffold(
        _scroll_body(children),
        app_bar(ctx, ctx.pick(ctx.domain.apps)),
        fab=fab,
        bottom=bottom_nav(ctx) if ctx.level == 2 else None,
    )


def detail(ctx: Ctx) -> Call:
    d = ctx.domain
    item = ctx.pick(d.items)
    image = Call(
        "Container",
        height=220 if ctx.level < 2 else 260,
        color=ctx.light_primary,
        child=Call("Center", child=icon(ctx.pick(d.icons), ctx.primary, 96)),
    )
    if ctx.level >= 1 and ctx.chance(0.5):  # a photo: the renderer draws the image placeholder
        photo = Call("NetworkImage", f"https://picsum.photos/seed/{ctx.rng.randint(1, 999)}/600/400")
        image = Call(
            "Container",
            height=220 if ctx.level < 2 else 260,
            decoration=Call(
                "BoxDecoration",
                color=ctx.light_primary,
                borderRadius=Call("BorderRadius.circular", 16),
                image=Call("DecorationImage", image=photo, fit=Raw("BoxFit.cover")),
            ),
        )
    elif ctx.level >= 1:
        image = Call("ClipRRect", borderRadius=Call("BorderRadius.circular", 16), child=image)
    rating = row(
        [
            *[icon("star", Raw("Colors.amber"), 20) for _ in range(ctx.rng.randint(3, 5))],
            hgap(8),
            text(f"({ctx.rng.randint(12, 480)} reviews)", color=ctx.muted),
        ]
    )
    children: list[Any] = [
        image,
        ctx.gap(16),
        row(
            [
                Call("Expanded", child=text(item, 22, bold=True, color=ctx.fg)),
                text(ctx.pick(d.values), 20, bold=True, color=ctx.primary),
            ]
        ),
        ctx.gap(8),
        rating,
        ctx.gap(16),
        text(ctx.pick(PARAGRAPHS), color=ctx.muted),
    ]
    if ctx.level >= 1:
        children += [
            ctx.gap(16),
            Call("Wrap", spacing=8, children=[Call("Chip", label=Call("Text", t)) for t in ctx.sample(d.details, 3)]),
        ]
    if ctx.level == 2:
        ctx.add_state("int _quantity = 1;")
        children += [
            ctx.gap(16),
            row(
                [
                    text("Quantity", bold=True),
                    Call("Spacer"),
                    Call(
                        "IconButton",
                        onPressed=Closure("() => setState(() => _quantity--)"),
                        icon=icon("remove_circle_outline"),
                    ),
                    Call("Text", Raw("'$_quantity'", const=False)),
                    Call(
                        "IconButton",
                        onPressed=Closure("() => setState(() => _quantity++)"),
                        icon=icon("add_circle_outline"),
                    ),
                ]
            ),
        ]
    action = wide(button(ctx, ctx.pick(("Add to cart", "Book now", "Order now", "Continue"))), 52)
    bottom = Call("SafeArea", child=Call("Padding", padding=pad_all(16), child=action)) if ctx.level >= 1 else None
    if bottom is None:
        children += [ctx.gap(24), action]
    return scaffold(_scroll_body(children), app_bar(ctx, "Details", leading="arrow_back"), bottom=bottom)


def chat(ctx: Ctx) -> Call:
    contact = ctx.pick(("Emma Johnson", "Liam Smith", "Olivia Brown", "Noah Davis", "Ava Wilson"))
    messages = ctx.sample(MESSAGES, ctx.count((3, 4), (5, 7), (7, 9)))

    def bubble(message: Any, align: Any, color: Any, fg: Any) -> Call:
        return Call(
            "Align",
            alignment=align,
            child=Call(
                "Container",
                margin=Call("EdgeInsets.symmetric", vertical=4),
                padding=Call("EdgeInsets.symmetric", horizontal=14, vertical=10),
                decoration=Call("BoxDecoration", color=color, borderRadius=Call("BorderRadius.circular", 16)),
                child=Call("Text", message, style=Call("TextStyle", color=fg)),
            ),
        )

    rows = [
        (
            m,
            Raw("Alignment.centerRight" if i % 2 else "Alignment.centerLeft"),
            ctx.primary if i % 2 else Raw("Colors.grey.shade200", const=False),
            Raw("Colors.white" if i % 2 else "Colors.black87"),
        )
        for i, m in enumerate(messages)
    ]
    bubbles = repeated(
        ctx,
        "_buildBubble",
        [("String", "text"), ("Alignment", "alignment"), ("Color", "color"), ("Color", "textColor")],
        bubble,
        rows,
    )
    composer = Call(
        "Container",
        padding=Call("EdgeInsets.fromLTRB", 12, 8, 8, 8),
        child=row(
            [
                *([Call("IconButton", onPressed=Closure(), icon=icon("add_circle_outline"))] if ctx.level >= 1 else []),
                Call(
                    "Expanded",
                    child=Call(
                        "TextField",
                        decoration=Call(
                            "InputDecoration", hintText="Type a message", border=Call("OutlineInputBorder")
                        ),
                    ),
                ),
                Call("IconButton", onPressed=Closure(), icon=icon("send", ctx.primary)),
            ]
        ),
    )
    body = column(
        [Call("Expanded", child=Call("ListView", padding=pad_all(16), children=bubbles)), composer], cross=None
    )
    title: Any = Call("Text", contact)
    if ctx.level >= 1:
        title = row(
            [
                Call("CircleAvatar", radius=18, child=Call("Text", contact[0])),
                hgap(12),
                Call(
                    "Expanded",
                    child=column([Call("Text", contact), text("Active now", 12, color=ctx.muted)], cross="start"),
                ),
            ]
        )
    bar = Call(
        "AppBar",
        leading=Call("IconButton", icon=icon("arrow_back"), onPressed=Closure()),
        title=title,
        actions=[Call("IconButton", icon=icon(n), onPressed=Closure()) for n in ("call", "videocam")[: ctx.level]]
        or None,
    )
    return scaffold(Call("SafeArea", child=body), bar)


def onboarding(ctx: Ctx) -> Call:
    title, message, ic = ctx.pick(ONBOARDING)
    pages = 3
    current = ctx.rng.randrange(pages)
    dots = row(
        [
            Call(
                "Container",
                width=24 if i == current else 8,
                height=8,
                margin=Call("EdgeInsets.symmetric", horizontal=4),
                decoration=Call(
                    "BoxDecoration",
                    color=ctx.primary if i == current else Raw("Colors.grey.shade300", const=False),
                    borderRadius=Call("BorderRadius.circular", 4),
                ),
            )
            for i in range(pages)
        ],
        main="center",
    )
    art: Any = icon(ic, ctx.primary, 120)
    if ctx.level >= 1:
        art = Call(
            "Container",
            width=220,
            height=220,
            decoration=Call("BoxDecoration", color=ctx.light_primary, shape=Raw("BoxShape.circle")),
            child=art,
        )
    children: list[Any] = [
        Call("Spacer"),
        Call("Center", child=art),
        ctx.gap(40),
        text(title, 26, bold=True, color=ctx.fg, align="center"),
        ctx.gap(12),
        text(message, 16, color=ctx.muted, align="center"),
        Call("Spacer"),
        dots,
        ctx.gap(32),
    ]
    if ctx.level == 0:
        children.append(wide(button(ctx, "Get started"), 52))
    else:
        children.append(
            row(
                [
                    Call("TextButton", onPressed=Closure(), child=Call("Text", "Skip")),
                    Call("Spacer"),
                    button(ctx, "Next", ctx.pick(("FilledButton", "ElevatedButton"))),
                ]
            )
        )
    if ctx.level == 2:
        children[:0] = [
            Call(
                "Align",
                alignment=Raw("Alignment.topRight"),
                child=Call("Chip", label=Call("Text", f"{current + 1} / {pages}")),
            )
        ]
    body = Call("SafeArea", child=Call("Padding", padding=pad_all(24), child=column(children)))
    return scaffold(body)


SCREEN_TEMPLATES: dict[str, Callable[[Ctx], Call]] = {
    "login": login,
    "signup": signup,
    "list": list_screen,
    "menu": menu,
    "form": form,
    "modal": modal,
    "settings": settings,
    "profile": profile,
    "dashboard": dashboard,
    "detail": detail,
    "chat": chat,
    "onboarding": onboarding,
}
