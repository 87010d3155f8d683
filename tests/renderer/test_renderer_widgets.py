"""Dart source -> front end -> Flet controls for the widgets of issue 15 (no browser): surfaces and
painting, default text styles, animations at their first frame, Cupertino."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import Screen, build_screen
from flutter_renderer.embedded.text_defaults import ENGINE_TEXT
from flutter_renderer.embedded.values import MappingError

SCAFFOLD = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""


def built(source: str) -> Screen:
    return build_screen(compile_screen(source, width=390, height=844))


def body(expr: str) -> ft.Control:
    """The Flet control of a Scaffold body expression."""
    return built(SCAFFOLD.format(body=expr)).root.content


def error(source: str) -> MappingError:
    with pytest.raises(MappingError) as info:
        built(source)
    return info.value


# --- surfaces, images, painting --------------------------------------------------------------------


def test_decoration_image_paints_the_placeholder_over_the_box_under_its_border():
    box = body(
        "Container(width: 100, height: 60, decoration: BoxDecoration(color: Colors.red, "
        "border: Border.all(width: 2), borderRadius: BorderRadius.circular(8), "
        "image: const DecorationImage(image: NetworkImage('https://example.com/a.png'), fit: BoxFit.contain, "
        "opacity: 0.5)))"
    )
    assert (box.width, box.height, box.bgcolor) == (100, 60, "red")
    assert box.image.fit == ft.BoxFit.FILL and box.image.opacity == 0.5
    assert box.image.src.startswith(b"\x89PNG") and box.border.top.width == 2


def test_colored_box_without_a_child_is_as_small_as_allowed():
    empty = body("const ColoredBox(color: Colors.teal)")
    assert (empty.width, empty.height, empty.bgcolor) == (0, 0, "teal")
    wrapping = body("const ColoredBox(color: Colors.teal, child: Text('x'))")
    assert wrapping.width is None and isinstance(wrapping.content, ft.Text)


def test_material_surfaces():
    flat = body("Material(color: Colors.amber, borderRadius: BorderRadius.circular(12), child: const Text('a'))")
    assert isinstance(flat, ft.Container) and flat.bgcolor == "amber" and flat.border_radius == ft.BorderRadius.all(12)
    raised = body("const Material(elevation: 4, child: Text('a'))")
    assert isinstance(raised, ft.Card) and raised.elevation == 4 and raised.bgcolor == "surface"
    assert raised.margin == ft.Margin(0, 0, 0, 0)
    circle = body("const Material(type: MaterialType.circle, color: Colors.blue, child: Text('a'))")
    assert circle.shape == ft.BoxShape.CIRCLE
    clear = body("const Material(type: MaterialType.transparency, child: Text('a'))")
    assert clear.bgcolor is None


def test_ink_and_placeholder_and_flutter_logo():
    ink = body("Ink(color: Colors.green, width: 40, height: 20, padding: const EdgeInsets.all(4))")
    assert (ink.bgcolor, ink.width, ink.height, ink.padding) == ("green", 40, 20, ft.Padding(4, 4, 4, 4))
    holder = body("const Placeholder(fallbackHeight: 100)")
    assert isinstance(holder, ft.Placeholder) and holder.fallback_height == 100 and holder.color == "#ff455a64"
    logo = body("const FlutterLogo(size: 50)")
    assert isinstance(logo, ft.Image) and (logo.width, logo.height, logo.fit) == (50, 50, ft.BoxFit.CONTAIN)
    assert logo.src.count(b"<path ") == 4 and b'fill="#01579b"' in logo.src
    assert body("const FlutterLogo()").width == 24
    assert (
        error(SCAFFOLD.format(body="const FlutterLogo(style: FlutterLogoStyle.horizontal)")).kind
        is ErrorKind.UNSUPPORTED
    )


def test_transforms():
    rotated = body("Transform.rotate(angle: 0.5, child: const Text('r'))")
    assert rotated.transform.matrix.ctor.name == "rotation_z" and rotated.transform.matrix.ctor.args == [0.5]
    assert rotated.transform.alignment == ft.Alignment(0, 0)
    moved = body("Transform.translate(offset: const Offset(10, 5), child: const Text('t'))")
    assert moved.transform.matrix.ctor.args == [10, 5, 0] and moved.transform.alignment is None
    matrix = body("Transform(transform: Matrix4.skewX(0.2), child: const Text('m'))")
    assert matrix.transform.matrix.ctor.name == "skew_x" and matrix.transform.alignment is None


# --- default text styles ---------------------------------------------------------------------------


def test_default_text_style_replaces_and_merge_adds():
    replaced = body("const DefaultTextStyle(style: TextStyle(fontSize: 20), child: Text('a'))")
    assert replaced.style.size == 20 and replaced.style.color == ENGINE_TEXT.color  # nothing else inherited
    merged = body(
        "DefaultTextStyle.merge(style: const TextStyle(color: Colors.red), textAlign: TextAlign.center, "
        "child: const Text('a', style: TextStyle(fontSize: 30)))"
    )
    assert (merged.style.color, merged.style.size, merged.text_align) == ("red", 30, ft.TextAlign.CENTER)


def test_widgets_with_their_own_text_style_start_from_the_theme():
    tile = body("const DefaultTextStyle(style: TextStyle(fontSize: 20), child: ListTile(title: Text('a')))")
    assert tile.title.style is None
    material = body(
        "const DefaultTextStyle(style: TextStyle(fontSize: 20), "
        "child: Material(textStyle: TextStyle(fontSize: 9), child: Text('a')))"
    )
    assert material.content.style.size == 9


def test_widgets_app_draws_engine_text_on_black():
    source = """
import 'package:flutter/widgets.dart';
void main() => runApp(WidgetsApp(color: const Color(0xffffffff),
    builder: (context, navigator) => const Text('hi', style: TextStyle(fontFeatures: [FontFeature.slashedZero()]))));
"""
    screen = built(source)
    assert screen.root.bgcolor == "#ff000000"
    text = screen.root.content
    assert (text.style.size, text.style.color, text.style.height) == (14, "#ffffffff", ENGINE_TEXT.height)


def test_font_features_that_change_roboto_are_unsupported():
    accepted = body(
        "const Text('0', style: TextStyle(fontFeatures: [FontFeature.slashedZero(), "
        "FontFeature.enable('liga'), FontFeature.disable('smcp')]))"
    )
    assert accepted.value == "0"
    for feature in (
        "FontFeature.tabularFigures()",
        "FontFeature.oldstyleFigures()",
        "FontFeature.disable('kern')",
        "FontFeature.stylisticSet(1)",
    ):
        failure = error(SCAFFOLD.format(body=f"const Text('1', style: TextStyle(fontFeatures: [{feature}]))"))
        assert failure.kind is ErrorKind.UNSUPPORTED, feature


# --- animations at their first frame ---------------------------------------------------------------


def test_implicit_animations_are_drawn_at_their_targets():
    column = body(
        "Column(children: const ["
        "AnimatedContainer(duration: Duration(seconds: 1), width: 80, height: 20, color: Colors.red), "
        "AnimatedOpacity(opacity: 0.25, duration: Duration(seconds: 1), child: Text('o')), "
        "AnimatedCrossFade(firstChild: Text('1'), secondChild: Text('2'), "
        "crossFadeState: CrossFadeState.showSecond, duration: Duration(seconds: 1)), "
        "AnimatedSwitcher(duration: Duration(seconds: 1), child: Text('s')), "
        "AnimatedRotation(turns: 0.25, duration: Duration(seconds: 1), child: Text('r')), "
        "AnimatedSlide(offset: Offset(0.5, 0), duration: Duration(seconds: 1), child: Text('l')), "
        "])"
    )
    box, faded, cross, switcher, rotated, slid = column.controls
    assert (box.width, box.height, box.bgcolor) == (80, 20, "red")
    assert faded.opacity == 0.25
    assert cross.value == "2"
    assert isinstance(switcher, ft.AnimatedSwitcher) and switcher.content.controls[0].value == "s"
    assert rotated.transform.matrix.ctor.args == [pytest.approx(3.14159265 / 2)]
    assert slid.offset == ft.Offset(0.5, 0)


def test_animated_positioned_is_positioned_and_needs_a_stack():
    stack = body(
        "Stack(children: const [AnimatedPositioned(left: 7, top: 9, duration: Duration(seconds: 1), child: Text('p'))])"
    )
    assert (stack.controls[0].left, stack.controls[0].top) == (7, 9)
    failure = error(
        SCAFFOLD.format(body="const AnimatedPositioned(left: 7, duration: Duration(seconds: 1), child: Text('p'))")
    )
    assert failure.kind is ErrorKind.RUNTIME


TRANSITIONS = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Demo()));
class Demo extends StatefulWidget {{
  const Demo({{super.key}});
  @override
  State<Demo> createState() => _DemoState();
}}
class _DemoState extends State<Demo> with TickerProviderStateMixin {{
  late final AnimationController _c = AnimationController(vsync: this, duration: const Duration(seconds: 1));
  @override
  Widget build(BuildContext context) => Scaffold(body: {body});
}}
"""


def test_transitions_use_the_animations_first_value():
    column = built(
        TRANSITIONS.format(
            body="Column(children: ["
            "FadeTransition(opacity: _c, child: const Text('f')), "
            "ScaleTransition(scale: _c, child: const Text('s')), "
            "SizeTransition(sizeFactor: _c, child: const Text('z')), "
            "SlideTransition(position: Tween<Offset>(begin: const Offset(0, 1), "
            "end: Offset.zero).animate(_c), child: const Text('l')), "
            "AnimatedIcon(icon: AnimatedIcons.menu_arrow, progress: _c), "
            "])"
        )
    ).root.content
    fade, scale, size, slide, icon = column.controls
    assert fade.opacity == 0.0
    assert scale.transform.matrix.ctor.args == [0.0, 0.0, 1]
    assert size.height == 0 and size.clip_behavior == ft.ClipBehavior.HARD_EDGE
    assert slide.offset == ft.Offset(0, 1)
    assert icon.icon == ft.Icons.MENU
    middle = TRANSITIONS.replace("duration: const Duration(seconds: 1))", "value: 0.5)")
    failure = error(middle.format(body="SizeTransition(sizeFactor: _c, child: const Text('z'))"))
    assert failure.kind is ErrorKind.UNSUPPORTED


# --- Cupertino -------------------------------------------------------------------------------------

CUPERTINO = """
import 'package:flutter/cupertino.dart';
void main() => runApp(const CupertinoApp(theme: CupertinoThemeData({theme}), home: Page()));
class Page extends StatelessWidget {{
  const Page({{super.key}});
  @override
  Widget build(BuildContext context) => {page};
}}
"""


def cupertino(page: str, theme: str = "brightness: Brightness.light") -> Screen:
    return built(CUPERTINO.format(theme=theme, page=page))


def test_cupertino_app_theme_and_text():
    screen = cupertino("const Text('hello')")
    assert screen.theme.color_scheme.primary == "systemblue" and not screen.dark
    text = screen.root.content
    assert (text.style.size, text.style.letter_spacing, text.style.color) == (17, -0.41, "#ff000000")
    dark = cupertino("const Text('x')", "brightness: Brightness.dark, primaryColor: CupertinoColors.systemPink")
    assert dark.dark and dark.theme.color_scheme.primary == "systempink"
    assert dark.root.content.style.color == "#ffffffff"


def test_page_scaffold_puts_content_behind_a_translucent_bar():
    scaffold = cupertino(
        "CupertinoPageScaffold(navigationBar: const CupertinoNavigationBar(middle: Text('t')), "
        "child: ListView(children: const [Text('a')]))"
    ).root.content
    content, bar = scaffold.content.controls
    assert isinstance(content, ft.ListView) and content.padding == ft.Padding(0, 44, 0, 0)
    assert (bar.top, isinstance(bar.content, ft.CupertinoAppBar)) == (0, True)
    assert bar.content.bgcolor == "#f0f9f9f9" and bar.content.automatic_background_visibility is False
    assert scaffold.bgcolor == "#ffffffff"
    opaque = cupertino(
        "CupertinoPageScaffold(navigationBar: const CupertinoNavigationBar("
        "backgroundColor: CupertinoColors.systemGrey), child: const Text('a'))"
    ).root.content
    padded = opaque.content.controls[0]
    assert padded.padding == ft.Padding(0, 44, 0, 0) and padded.content.value == "a"


def test_cupertino_buttons_use_flutters_metrics():
    column = cupertino(
        "Column(children: [CupertinoButton(onPressed: () {}, child: const Text('a')), "
        "const CupertinoButton.filled(onPressed: null, child: Text('b'))])"
    ).root.content
    plain, filled = column.controls
    assert isinstance(plain, ft.CupertinoButton) and plain.padding == ft.Padding(16, 16, 16, 16)
    assert plain.min_size == ft.Size(44, 44) and plain.border_radius == ft.BorderRadius.all(8)
    assert plain.content.style is None  # the button's own DefaultTextStyle applies
    assert isinstance(filled, ft.CupertinoFilledButton) and filled.padding == ft.Padding(64, 14, 64, 14)
    assert filled.disabled and filled.disabled_bgcolor == "quaternarysystemfill"


def test_segmented_controls_select_the_group_value():
    control = cupertino(
        "CupertinoSlidingSegmentedControl<int>(groupValue: 1, onValueChanged: (v) {}, "
        "children: const {0: Text('a'), 1: Text('b'), 2: Text('c')})"
    ).root.content
    assert control.selected_index == 1 and len(control.controls) == 3
    none = cupertino(
        "CupertinoSegmentedControl<int>(onValueChanged: (v) {}, children: const {0: Text('a'), 1: Text('b')})"
    ).root.content
    assert none.selected_index == -1


def test_list_sections_and_tiles():
    section = cupertino(
        "CupertinoListSection.insetGrouped(header: const Text('H'), children: const ["
        "CupertinoListTile(title: Text('a'), trailing: CupertinoListTileChevron()), "
        "CupertinoListTile(title: Text('b'))])"
    ).root.content
    header, group = section.content.controls
    assert header.content.style.size == 20 and header.content.style.weight == ft.FontWeight.BOLD
    assert group.margin == ft.Margin(20, 0, 20, 10) and group.border_radius == ft.BorderRadius.all(10)
    first, divider, second = group.content.controls
    assert isinstance(first, ft.CupertinoListTile) and divider.margin.left == 14 + 42
    assert first.trailing.icon == ft.CupertinoIcons.RIGHT_CHEVRON


def test_tab_scaffold_shows_the_current_tab_over_the_bar():
    screen = cupertino(
        "CupertinoTabScaffold(tabBar: CupertinoTabBar(currentIndex: 1, items: const ["
        "BottomNavigationBarItem(icon: Icon(CupertinoIcons.home), label: 'A'), "
        "BottomNavigationBarItem(icon: Icon(CupertinoIcons.star), label: 'B')]), "
        "tabBuilder: (context, index) => Center(child: Text('tab $index')))"
    )
    content, bar = screen.root.content.content.controls
    assert content.content.value == "tab 1"
    assert isinstance(bar.content, ft.CupertinoNavigationBar) and bar.content.selected_index == 1 and bar.bottom == 0


def test_matrix4_methods_called_in_build_are_replayed():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(const A());
class A extends StatelessWidget {
  const A({super.key});
  @override
  Widget build(BuildContext context) {
    final matrix = Matrix4.identity();
    matrix.rotateZ(0.3);
    matrix.translate(4.0, 2.0);
    return Transform(transform: matrix, child: const Text('x'));
  }
}
"""
    matrix = built(source).root.content.transform.matrix
    assert [(op.name, op.args) for op in matrix.ops] == [("rotate_z", [0.3]), ("translate", [4.0, 2.0, 0])]


# --- slivers ---------------------------------------------------------------------------------------


def test_custom_scroll_view_lays_slivers_out_one_after_another():
    view = body(
        "CustomScrollView(slivers: [const SliverAppBar(title: Text('t'), pinned: true), "
        "SliverList(delegate: SliverChildBuilderDelegate((context, i) => Text('item $i'), childCount: 3)), "
        "SliverGrid.count(crossAxisCount: 2, children: const [Text('a'), Text('b')]), "
        "const SliverToBoxAdapter(child: SizedBox(height: 40)), "
        "SliverPadding(padding: const EdgeInsets.all(8), sliver: SliverList.list(children: const [Text('p')]))])"
    )
    assert isinstance(view, ft.Column) and view.scroll == ft.ScrollMode.HIDDEN and view.expand
    assert view.horizontal_alignment == ft.CrossAxisAlignment.STRETCH
    bar, items, grid, box, padded = view.controls
    assert isinstance(bar.content, ft.AppBar) and bar.height == 56
    assert [c.value for c in items.controls] == ["item 0", "item 1", "item 2"]
    assert isinstance(grid, ft.GridView) and grid.runs_count == 2 and grid.expand is None
    assert box.height == 40 and padded.padding == ft.Padding(8, 8, 8, 8)


def test_sliver_app_bar_is_drawn_expanded_with_its_flexible_space():
    view = body(
        "CustomScrollView(slivers: const [SliverAppBar(expandedHeight: 200, flexibleSpace: "
        "FlexibleSpaceBar(title: Text('Big'), background: ColoredBox(color: Colors.blue)))])"
    )
    bar = view.controls[0]
    assert bar.height == 200 and bar.bgcolor == "surface"
    flexible, toolbar = bar.content.controls
    background, title = flexible.content.controls
    assert background.content.bgcolor == "blue"
    assert title.padding == ft.Padding(72, 0, 0, 16) and title.content.transform.matrix.ctor.args == [1.5, 1.5, 1]
    assert toolbar.height == 56
    medium = body("CustomScrollView(slivers: const [SliverAppBar.medium(title: Text('M'))])").controls[0]
    assert medium.height == 112


def test_sliver_fill_remaining_fills_what_the_others_leave():
    view = body(
        "CustomScrollView(slivers: const [SliverToBoxAdapter(child: SizedBox(height: 100)), "
        "SliverFillRemaining(hasScrollBody: false, child: Center(child: Text('rest')))])"
    )
    assert view.scroll is None and view.controls[1].expand is True


def test_slivers_and_boxes_stay_on_their_side_of_the_viewport():
    assert error(SCAFFOLD.format(body="CustomScrollView(slivers: const [Text('box')])")).kind is ErrorKind.RUNTIME
    assert error(SCAFFOLD.format(body="const SliverToBoxAdapter(child: Text('x'))")).kind is ErrorKind.RUNTIME
    assert (
        error(SCAFFOLD.format(body="Column(children: [CustomScrollView(slivers: const [])])")).kind
        is ErrorKind.OVERFLOW
    )


def test_nested_scroll_view_puts_its_body_under_the_header_slivers():
    view = body(
        "NestedScrollView(headerSliverBuilder: (context, scrolled) => [SliverAppBar(title: Text('$scrolled'))], "
        "body: ListView(children: const [Text('x')]))"
    )
    header, content = view.controls
    assert header.content.title.value == "false"
    assert isinstance(content, ft.ListView) and content.expand is True


# --- behaviour, widget states and themes -----------------------------------------------------------


def test_behaviour_widgets_show_their_child_and_drop_what_configures_them():
    source = """
import 'package:flutter/material.dart';
class Bump extends Intent { const Bump(); }
void main() => runApp(MaterialApp(home: Scaffold(body: Shortcuts(
  shortcuts: const <ShortcutActivator, Intent>{SingleActivator(LogicalKeyboardKey.keyB, control: true): Bump()},
  child: Focus(autofocus: true, child: MouseRegion(child: Semantics(label: 'x', child: const Text('shown')))),
))));
"""
    assert built(source).root.content.value == "shown"


def test_state_properties_resolve_for_the_state_a_first_frame_shows():
    button = body(
        "ElevatedButton(onPressed: () {}, style: ButtonStyle(backgroundColor: "
        "MaterialStateProperty.resolveWith((states) => states.contains(MaterialState.pressed) "
        "? Colors.red : Colors.green)), child: const Text('b'))"
    )
    assert button.style.bgcolor == "green"
    on = body(
        "Switch(value: true, onChanged: (v) {}, thumbColor: MaterialStateProperty.resolveWith((states) => "
        "states.contains(MaterialState.selected) ? Colors.orange : Colors.grey))"
    )
    assert on.active_color == "orange"
    off = body(
        "Switch(value: false, onChanged: null, thumbColor: MaterialStateProperty.resolveWith((states) => "
        "states.contains(MaterialState.disabled) ? Colors.black : null))"
    )
    assert off.inactive_thumb_color == "black"


THEMED = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(theme: ThemeData({theme}), home: const Scaffold(body: {body})));
"""


def test_sub_themes_reach_the_page_theme():
    screen = built(
        THEMED.format(
            theme="textTheme: const TextTheme(bodyMedium: TextStyle(fontSize: 18)), "
            "elevatedButtonTheme: ElevatedButtonThemeData(style: ElevatedButton.styleFrom("
            "backgroundColor: Colors.teal)), cardTheme: const CardTheme(elevation: 9), "
            "tooltipTheme: const TooltipThemeData(preferBelow: false)",
            body="Text('x')",
        )
    )
    body_medium = screen.theme.text_theme.body_medium
    assert (body_medium.size, body_medium.letter_spacing, body_medium.height, body_medium.color) == (
        18,
        0.25,
        20 / 14,
        "onsurface",
    )
    assert screen.theme.button_theme.style.bgcolor == "teal" and screen.theme.card_theme.elevation == 9
    failure = error(THEMED.format(theme="cardTheme: const CardTheme(surfaceTintColor: Colors.red)", body="Text('x')"))
    assert failure.kind is ErrorKind.UNSUPPORTED


def test_input_decoration_theme_fills_in_what_a_field_leaves_out():
    field = built(
        THEMED.format(
            theme="inputDecorationTheme: const InputDecorationTheme(filled: true, "
            "fillColor: Colors.amber, border: OutlineInputBorder())",
            body="TextField(decoration: InputDecoration(labelText: 'Name'))",
        )
    ).root.content
    assert (field.filled, field.fill_color, field.label) == (True, "amber", "Name")
    assert field.border == ft.InputBorder.OUTLINE


# --- tables, menus, search, panels, layout builder -------------------------------------------------


def test_data_table_columns_rows_and_selectable_rows():
    table = body(
        "DataTable(columns: const [DataColumn(label: Expanded(child: Text('Name'))), "
        "DataColumn(label: Text('Age'), numeric: true)], rows: [DataRow(onSelectChanged: (v) {}, selected: true, "
        "cells: const [DataCell(Text('Ann')), DataCell(Text('31'))])])"
    )
    assert isinstance(table, ft.DataTable) and [c.numeric for c in table.columns] == [False, True]
    assert table.columns[0].label.expand == 1
    assert table.rows[0].selected and table.show_checkbox_column
    assert [cell.content.value for cell in table.rows[0].cells] == ["Ann", "31"]
    ragged = "DataTable(columns: const [DataColumn(label: Text('a'))], rows: const [DataRow(cells: [])])"
    assert error(SCAFFOLD.format(body=ragged)).kind is ErrorKind.RUNTIME


def test_closed_menus_and_search():
    menu = body("PopupMenuButton(itemBuilder: (context) => const [PopupMenuItem(value: 1, child: Text('a'))])")
    assert isinstance(menu, ft.PopupMenuButton) and menu.items == [] and menu.padding == ft.Padding(8, 8, 8, 8)
    bar = body("SearchAnchor.bar(barHintText: 'Find', suggestionsBuilder: (context, controller) => [])")
    assert isinstance(bar, ft.SearchBar) and bar.bar_hint_text == "Find" and bar.bar_leading.icon == ft.Icons.SEARCH
    anchored = body(
        "SearchAnchor(builder: (context, controller) => SearchBar(controller: controller, hintText: 'h'), "
        "suggestionsBuilder: (context, controller) => [])"
    )
    assert isinstance(anchored, ft.SearchBar) and anchored.bar_leading is None
    field = body(
        "Autocomplete(optionsBuilder: (value) => const ['a'], initialValue: const TextEditingValue(text: 'ab'))"
    )
    assert isinstance(field, ft.AutoComplete) and field.value == "ab"
    custom = body(
        "Autocomplete(optionsBuilder: (value) => const ['a'], "
        "fieldViewBuilder: (context, controller, focusNode, onSubmitted) => "
        "TextField(controller: controller, decoration: const InputDecoration(hintText: 'type')))"
    )
    assert isinstance(custom, ft.TextField) and custom.hint_text == "type"


def test_choice_and_navigation_panels():
    segments = body(
        "SegmentedButton(segments: const [ButtonSegment(value: 1, label: Text('a')), "
        "ButtonSegment(value: 2, label: Text('b'))], selected: const {2}, onSelectionChanged: (s) {})"
    )
    assert [s.value for s in segments.segments] == ["1", "2"] and segments.selected == ["2"]
    tile = body("const ExpansionTile(title: Text('t'), children: [Text('hidden')])")
    assert isinstance(tile, ft.ExpansionTile) and tile.controls == [] and not tile.expanded
    row = body(
        "Row(children: [NavigationRail(selectedIndex: 1, labelType: NavigationRailLabelType.all, destinations: "
        "const [NavigationRailDestination(icon: Icon(Icons.home), label: Text('a')), "
        "NavigationRailDestination(icon: Icon(Icons.star), label: Text('b'))]), const Expanded(child: Text('x'))])"
    )
    rail = row.controls[0]
    assert rail.selected_index == 1 and rail.label_type == ft.NavigationRailLabelType.ALL
    pages = body("PageView(controller: PageController(initialPage: 1), children: const [Text('a'), Text('b')])")
    assert isinstance(pages, ft.PageView) and pages.selected_index == 1


def test_bottom_app_bar_with_a_notch_is_the_scaffolds_bottom_bar():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(
  floatingActionButton: FloatingActionButton(onPressed: () {}, child: const Icon(Icons.add)),
  floatingActionButtonLocation: FloatingActionButtonLocation.centerDocked,
  bottomNavigationBar: const BottomAppBar(shape: CircularNotchedRectangle(), child: Row(children: [Icon(Icons.menu)])),
)));
"""
    bar = built(source).root.bottom_appbar
    assert isinstance(bar, ft.BottomAppBar) and isinstance(bar.shape, ft.CircularRectangleNotchShape)
    assert isinstance(bar.content, ft.Row)


def test_layout_builder_gets_the_constraints_its_parent_gives():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(appBar: AppBar(title: const Text('t')),
  body: Padding(padding: const EdgeInsets.all(20), child: LayoutBuilder(builder: (context, constraints) =>
    Text('${constraints.maxWidth} ${constraints.maxHeight} ${constraints.minWidth} ${constraints.hasBoundedHeight}'))))));
"""
    assert built(source).root.content.content.value == "350.0 748.0 0.0 true"
    row = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Row(children: [const SizedBox(width: 90),
  Expanded(child: LayoutBuilder(builder: (context, c) => Text(c.maxWidth > 200 ? 'wide ${c.maxWidth}' : 'narrow')))])));
"""
    assert built(row).root.content.controls[1].value == "wide 300.0"


def test_an_apps_initial_route_is_its_home():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(initialRoute: '/start', routes: {
  '/': (context) => const Text('root'), '/start': (context) => const Scaffold(body: Text('start'))}));
"""
    assert built(source).root.content.value == "start"


def test_material_button_uses_button_theme_defaults():
    column = body(
        "Column(children: [MaterialButton(onPressed: () {}, color: Colors.blue, child: const Text('a')), "
        "const MaterialButton(onPressed: null, child: Text('b'))])"
    )
    filled, disabled = column.controls
    card = filled.content
    assert filled.padding == ft.Padding(0, 6, 0, 6)  # the 48 px tap target around 36 px
    assert isinstance(card, ft.Card) and (card.elevation, card.bgcolor) == (2.0, "blue")
    minimum, label = card.content.controls
    assert (minimum.width, minimum.height) == (88, 36) and label.padding == ft.Padding(16, 0, 16, 0)
    assert label.content.style.color == "#dd000000" and label.content.theme_style == ft.TextThemeStyle.LABEL_LARGE
    text = disabled.content.content.controls[1].content
    assert text.style.color == "onsurface,0.38" and disabled.content.bgcolor is None


def test_stepper_shows_the_current_steps_content_and_controls():
    view = body(
        "Stepper(currentStep: 1, steps: const [Step(title: Text('One'), content: Text('first'), "
        "state: StepState.complete, isActive: true), Step(title: Text('Two'), content: Text('second'))])"
    )
    first, second = view.controls
    header, content = first.controls
    marker = header.content.controls[0]
    top_line, circle, bottom_line = marker.controls
    assert (top_line.width, bottom_line.width) == (0.0, 1.0)  # no line above the first step
    assert circle.bgcolor == "primary" and circle.content.icon == ft.Icons.CHECK
    assert content.controls[1].height == 0  # not the current step: collapsed
    shown = second.controls[1].controls[1].content
    assert shown.controls[0].value == "second" and shown.controls[1].height == 48
    go, cancel = shown.controls[1].content.controls
    assert go.content.value == "Continue" and go.style.bgcolor == "primary"
