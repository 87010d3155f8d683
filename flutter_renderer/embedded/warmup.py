"""Screens shown once when a page starts, so that every kind of control has been built before the
first real render. The Flutter web client builds some controls slowly the first time (about 0.5 s);
a render that waited for that would race its own screenshot."""

from __future__ import annotations

from flutter_renderer.ir import Closure, EnumValue, IconValue, ThemeTextStyle
from flutter_renderer.ir import DartObject as D


def _text(value: str, **kwargs: object) -> D:
    return D("Text", args=(value,), kwargs=kwargs)


def _icon(name: str) -> D:
    return D("Icon", args=(IconValue(name),))


_TAP = Closure()
_FORM = [
    _text("Headline", style=ThemeTextStyle("headlineMedium")),
    _text("Title", style=ThemeTextStyle("titleLarge")),
    _text("Bold", style=D("TextStyle", kwargs={"fontWeight": EnumValue("FontWeight", "bold"), "fontSize": 18})),
    D(
        "TextField",
        kwargs={
            "decoration": D(
                "InputDecoration",
                kwargs={
                    "labelText": "Email",
                    "hintText": "x",
                    "prefixIcon": _icon("email"),
                    "border": D("OutlineInputBorder"),
                },
            )
        },
    ),
    D(
        "TextField",
        kwargs={
            "obscureText": True,
            "decoration": D(
                "InputDecoration", kwargs={"labelText": "Password", "filled": True, "suffixIcon": _icon("visibility")}
            ),
        },
    ),
    D("ElevatedButton", kwargs={"onPressed": _TAP, "child": _text("Elevated")}),
    D(
        "Row",
        kwargs={
            "children": [
                D("FilledButton", kwargs={"onPressed": _TAP, "child": _text("Filled")}),
                D("OutlinedButton", kwargs={"onPressed": _TAP, "child": _text("Outlined")}),
                D("TextButton", kwargs={"onPressed": _TAP, "child": _text("Text")}),
                D("IconButton", kwargs={"onPressed": _TAP, "icon": _icon("favorite")}),
            ]
        },
    ),
    D(
        "Card",
        kwargs={
            "child": D(
                "ListTile",
                kwargs={
                    "leading": D("CircleAvatar", kwargs={"child": _text("A")}),
                    "title": _text("Tile"),
                    "subtitle": _text("Sub"),
                    "trailing": D("Switch", kwargs={"value": True, "onChanged": _TAP}),
                },
            )
        },
    ),
    D("CheckboxListTile", kwargs={"value": True, "onChanged": _TAP, "title": _text("Check")}),
    D("RadioListTile", kwargs={"value": 1, "groupValue": 1, "onChanged": _TAP, "title": _text("Radio")}),
    D(
        "Row",
        kwargs={
            "children": [
                D("Chip", kwargs={"label": _text("Chip"), "avatar": _icon("star")}),
                D("Expanded", kwargs={"child": D("Slider", kwargs={"value": 0.5, "onChanged": _TAP})}),
                D("Badge", kwargs={"label": _text("3"), "child": _icon("mail")}),
            ]
        },
    ),
    D(
        "DropdownButton",
        kwargs={
            "value": 1,
            "onChanged": _TAP,
            "items": [D("DropdownMenuItem", kwargs={"value": 1, "child": _text("One")})],
        },
    ),
    D("LinearProgressIndicator"),
    D("CircularProgressIndicator"),
    D("Divider"),
]

WARMUP_SCREENS: list[D] = [
    D(
        "Scaffold",
        kwargs={
            "appBar": D(
                "AppBar",
                kwargs={
                    "title": _text("Warm up"),
                    "actions": [D("IconButton", kwargs={"onPressed": _TAP, "icon": _icon("search")})],
                },
            ),
            "body": D("SingleChildScrollView", kwargs={"child": D("Column", kwargs={"children": _FORM})}),
            "drawer": D("Drawer", kwargs={"child": _text("Drawer")}),
            "floatingActionButton": D("FloatingActionButton", kwargs={"onPressed": _TAP, "child": _icon("add")}),
            "bottomNavigationBar": D(
                "BottomNavigationBar",
                kwargs={
                    "items": [
                        D("BottomNavigationBarItem", kwargs={"icon": _icon("home"), "label": "Home"}),
                        D("BottomNavigationBarItem", kwargs={"icon": _icon("person"), "label": "Me"}),
                    ]
                },
            ),
        },
    ),
    D(
        "DefaultTabController",
        kwargs={
            "length": 2,
            "child": D(
                "Scaffold",
                kwargs={
                    "appBar": D(
                        "AppBar",
                        kwargs={
                            "title": _text("Tabs"),
                            "bottom": D(
                                "TabBar",
                                kwargs={
                                    "tabs": [D("Tab", kwargs={"text": "A"}), D("Tab", kwargs={"icon": _icon("info")})]
                                },
                            ),
                        },
                    ),
                    "body": D(
                        "TabBarView",
                        kwargs={
                            "children": [
                                D(
                                    "GridView.count",
                                    kwargs={
                                        "crossAxisCount": 2,
                                        "children": [
                                            D(
                                                "Container",
                                                kwargs={
                                                    "color": None,
                                                    "decoration": D(
                                                        "BoxDecoration",
                                                        kwargs={
                                                            "borderRadius": D("BorderRadius", "circular", (8,)),
                                                            "boxShadow": [D("BoxShadow", kwargs={"blurRadius": 4})],
                                                        },
                                                    ),
                                                },
                                            )
                                        ],
                                    },
                                ),
                                D(
                                    "Stack",
                                    kwargs={"children": [D("Positioned", kwargs={"top": 1, "child": _text("P")})]},
                                ),
                            ]
                        },
                    ),
                    "floatingActionButton": D(
                        "FloatingActionButton.extended",
                        kwargs={"onPressed": _TAP, "label": _text("New"), "icon": _icon("edit")},
                    ),
                    "bottomNavigationBar": D(
                        "NavigationBar",
                        kwargs={
                            "destinations": [
                                D("NavigationDestination", kwargs={"icon": _icon("home"), "label": "Home"}),
                                D("NavigationDestination", kwargs={"icon": _icon("person"), "label": "Me"}),
                            ]
                        },
                    ),
                },
            ),
        },
    ),
    D(
        "Scaffold",
        kwargs={
            "body": D(
                "Center",
                kwargs={
                    "child": D(
                        "AlertDialog",
                        kwargs={
                            "title": _text("Dialog"),
                            "content": _text("Body"),
                            "actions": [D("TextButton", kwargs={"onPressed": _TAP, "child": _text("OK")})],
                        },
                    )
                },
            )
        },
    ),
]
