"""The height a PreferredSizeWidget asks for (`preferredSize.height`), as Flutter computes it.

Shared by the front end (`AppBar().preferredSize` in build code) and the mapping (the `bottom` of a
SliverAppBar, which the bar adds to its extent). Constants are Flutter's (material/tabs.dart,
material/app_bar.dart, material/constants.dart).
"""

from __future__ import annotations

from typing import Any

from flutter_renderer.ir import DartObject

TOOLBAR_HEIGHT = 56.0  # kToolbarHeight
TAB_HEIGHT = 46.0  # _kTabHeight: a Tab with text or an icon
TEXT_AND_ICON_TAB_HEIGHT = 72.0  # _kTextAndIconTabHeight
INDICATOR_WEIGHT = 2.0  # TabBar.indicatorWeight's default


def _number(value: Any, default: float) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def tab_height(tab: Any) -> float:
    """Tab.preferredSize.height: `height`, else 72 with both text (or child) and icon, else 46."""
    if not isinstance(tab, DartObject) or tab.type != "Tab":
        return TAB_HEIGHT  # TabBar only asks its PreferredSizeWidget tabs
    k = tab.kwargs
    labelled = k.get("text") is not None or k.get("child") is not None
    return _number(k.get("height"), TEXT_AND_ICON_TAB_HEIGHT if labelled and k.get("icon") is not None else TAB_HEIGHT)


def preferred_height(widget: Any) -> float | None:
    """The preferred height of an AppBar or a TabBar; None for other widgets."""
    if not isinstance(widget, DartObject):
        return None
    k = widget.kwargs
    if widget.type == "TabBar":
        tabs = k.get("tabs") if isinstance(k.get("tabs"), list) else []
        return max([TAB_HEIGHT, *(tab_height(tab) for tab in tabs)]) + _number(
            k.get("indicatorWeight"), INDICATOR_WEIGHT
        )
    if widget.type == "AppBar":
        bottom = preferred_height(k.get("bottom")) if k.get("bottom") is not None else 0.0
        return None if bottom is None else _number(k.get("toolbarHeight"), TOOLBAR_HEIGHT) + bottom
    return None
