"""Dart source -> front end -> Flet controls for more Material widgets at their first frame (no
browser): large FABs, scrollbars shown at rest, refresh indicators at rest, toggle buttons, banners,
expansion panels, dropdown menus and tab controllers."""

from __future__ import annotations

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen
from flutter_renderer.embedded.mapping import Screen, build_screen
from flutter_renderer.embedded.values import MappingError

SCAFFOLD = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(theme: ThemeData(useMaterial3: {m3}), home: Scaffold(body: {body})));
"""


def built(source: str) -> Screen:
    return build_screen(compile_screen(source, width=390, height=844))


def body(expr: str, *, m3: bool = True) -> ft.Control:
    """The Flet control of a Scaffold body expression."""
    return built(SCAFFOLD.format(body=expr, m3=str(m3).lower())).root.content


def error(expr: str) -> MappingError:
    with pytest.raises(MappingError) as info:
        body(expr)
    return info.value


def test_large_fab_is_a_96_px_button_with_a_36_px_icon():
    fab = body("FloatingActionButton.large(onPressed: () {}, child: const Icon(Icons.add))")
    assert isinstance(fab, ft.FloatingActionButton) and (fab.width, fab.height) == (96, 96)
    assert fab.shape == ft.RoundedRectangleBorder(radius=28) and fab.content.size == 36
    sized = body("FloatingActionButton.large(onPressed: () {}, child: const Icon(Icons.add, size: 20))")
    assert sized.content.size == 20
    assert isinstance(
        body("FloatingActionButton.large(onPressed: () {}, child: const Icon(Icons.add))", m3=False).shape,
        ft.CircleBorder,
    )
    wrapped = error("FloatingActionButton.large(onPressed: () {}, child: const Center(child: Icon(Icons.add)))")
    assert wrapped.kind is ErrorKind.UNSUPPORTED


def test_scrollbar_at_rest_shows_the_thumb_of_the_scroll_view_it_wraps():
    grid = body(
        "Scrollbar(thumbVisibility: true, child: GridView.count(crossAxisCount: 3, "
        "children: <Widget>[for (int i = 0; i < 30; i++) Text('$i')]))"
    )
    assert isinstance(grid, ft.GridView) and grid.scroll == ft.ScrollMode.ALWAYS
    boxed = body(
        "Scrollbar(thumbVisibility: true, child: SizedBox(height: 300, width: double.infinity, "
        "child: const SingleChildScrollView(child: FlutterLogo(size: 600))))"
    )
    assert boxed.height == 300 and boxed.content.scroll == ft.ScrollMode.ALWAYS
    hidden = body("Scrollbar(child: ListView(children: const <Widget>[Text('a')]))")
    assert hidden.scroll == ft.ScrollMode.HIDDEN
    # A Column that does not scroll sends no scroll notification: no thumb to draw.
    still = error("Scrollbar(thumbVisibility: true, child: Column(children: const <Widget>[Text('a')]))")
    assert still.kind is ErrorKind.UNSUPPORTED


def test_refresh_indicator_at_rest_is_its_child():
    child = body(
        "RefreshIndicator(onRefresh: () async {}, color: Colors.white, backgroundColor: Colors.blue, "
        "strokeWidth: 4, child: ListView(children: const <Widget>[Text('a')]))"
    )
    assert isinstance(child, ft.ListView) and child.controls[0].value == "a"


def test_dropdown_button_form_field_ignores_the_closed_menus_elevation():
    field = body(
        "SizedBox(width: 200, child: DropdownButtonFormField<int>(value: 1, elevation: 16, "
        "dropdownColor: Colors.red, items: const <DropdownMenuItem<int>>[DropdownMenuItem<int>(value: 1, "
        "child: Text('one'))], onChanged: (int? v) {}))"
    ).content
    assert isinstance(field, ft.TextField) and field.value == "one"


def _stack_layers(bar: ft.Control) -> list[ft.Control]:
    assert isinstance(bar, ft.Container) and isinstance(bar.content, ft.Stack)
    return bar.content.controls


def test_sliver_app_bar_adds_its_tab_bar_bottom_to_its_extent():
    tabs = "bottom: const TabBar(tabs: <Widget>[Tab(text: 'a'), Tab(text: 'b')])"
    screen = (
        "DefaultTabController(length: 2, child: CustomScrollView(slivers: <Widget>[SliverAppBar(title: "
        "const Text('t'), pinned: true, {extra}" + tabs + ")]))"
    )
    plain = body(screen.format(extra="")).content.controls[0]
    assert plain.height == 56 + 46 + 2  # toolbar + Tab height + indicator weight
    assert isinstance(_stack_layers(plain)[-1].content, ft.TabBar) and _stack_layers(plain)[-1].bottom == 0
    expanded = body(screen.format(extra="expandedHeight: 150, ")).content.controls[0]
    assert expanded.height == 150
    icons = body(
        screen.format(extra="").replace("Tab(text: 'a')", "Tab(text: 'a', icon: Icon(Icons.add))")
    ).content.controls[0]
    assert icons.height == 56 + 72 + 2
    odd = error(
        "CustomScrollView(slivers: <Widget>[SliverAppBar.large(title: const Text('t'), "
        "bottom: const TabBar(tabs: <Widget>[Tab(text: 'a')]))])"
    )
    assert odd.kind is ErrorKind.UNSUPPORTED


def test_app_bar_preferred_size_is_the_toolbar_and_its_bottom():
    def height(bar: str) -> str:
        return body(f"Text('${{{bar}.preferredSize.height}}')").value

    assert height("AppBar()") == "56.0"
    assert height("AppBar(toolbarHeight: 64, bottom: const TabBar(tabs: <Widget>[Tab(text: 'a')]))") == "112.0"


TABS = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Example()));
class Example extends StatefulWidget {
  const Example({super.key});
  @override
  State<Example> createState() => _ExampleState();
}
class _ExampleState extends State<Example> with TickerProviderStateMixin {
  late final TabController _controller;
  @override
  void initState() {
    super.initState();
    _controller = TabController(length: LENGTH, initialIndex: 1, vsync: this);
  }
  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(bottom: TabBar(controller: _controller, tabs: const <Widget>[Tab(text: 'a'), Tab(text: 'b')])),
      body: TabBarView(controller: _controller, children: const <Widget>[Text('one'), Text('two')]),
    );
  }
}
"""


def test_an_explicit_tab_controller_shows_its_initial_tab_in_bar_and_view():
    column = built(TABS.replace("LENGTH", "2")).root.content
    bar, view = column.controls[0].content, column.controls[1]
    assert isinstance(bar, ft.Tabs) and isinstance(bar.content, ft.TabBar) and bar.selected_index == 1
    assert isinstance(view, ft.Tabs) and isinstance(view.content, ft.TabBarView) and view.selected_index == 1
    assert view.expand and bar.length == view.length == 2
    with pytest.raises(MappingError) as info:
        built(TABS.replace("LENGTH", "3"))
    assert info.value.kind is ErrorKind.RUNTIME and "length property (3)" in info.value.message


def test_collapsed_input_decoration_has_no_padding_border_or_fill():
    field = body("const TextField(decoration: InputDecoration.collapsed(hintText: 'Hint'))")
    assert field.collapsed is True and field.hint_text == "Hint" and field.border == ft.InputBorder.NONE
    assert field.filled is False
    outlined = body(
        "const TextField(decoration: InputDecoration.collapsed(hintText: 'Hint', border: OutlineInputBorder()))"
    )
    assert outlined.collapsed is True and outlined.border == ft.InputBorder.OUTLINE
    assert body("const TextField(decoration: InputDecoration(hintText: 'Hint'))").collapsed is None


def test_about_list_tile_is_a_list_tile_named_after_the_app():
    tile = body("const AboutListTile(icon: Icon(Icons.info), applicationName: 'Demo', applicationVersion: '1')")
    assert isinstance(tile, ft.ListTile) and tile.title.value == "About Demo" and isinstance(tile.leading, ft.Icon)
    assert body("const AboutListTile(child: Text('Credits'))").title.value == "Credits"
    assert error("const AboutListTile()").kind is ErrorKind.UNSUPPORTED


TOGGLE = (
    "ToggleButtons(isSelected: const <bool>[{selected}], onPressed: (int i) {{}}, {extra}"
    "children: const <Widget>[Text('a'), Text('b'), Icon(Icons.add)])"
)


def _buttons(group: ft.Control) -> tuple[list[ft.Container], list[ft.Container]]:
    """The bordered buttons and the divider strips of a ToggleButtons row."""
    row = group.content if isinstance(group, ft.Container) else group
    assert isinstance(row, ft.Row) and row.intrinsic_height and row.spacing == 0
    buttons = [c for c in row.controls if c.width is None]
    return buttons, [c for c in row.controls if c.width is not None]


def test_toggle_buttons_draw_borders_dividers_and_fills_as_flutter():
    group = body(
        TOGGLE.format(
            selected="false, true, false",
            extra="borderRadius: BorderRadius.circular(8), "
            "selectedBorderColor: Colors.red, fillColor: Colors.pink, color: Colors.grey, "
            "selectedColor: Colors.white, ",
        )
    )
    buttons, dividers = _buttons(group)
    assert len(buttons) == 3 and len(dividers) == 2
    # the dividers next to the selected button take its border colour
    assert [d.bgcolor for d in dividers] == ["red", "red"] and dividers[0].width == 1
    first, middle, last = buttons
    assert first.border.left.color == "onsurface,0.12" and first.border.right.width == 0
    assert middle.border.top.color == "red" and middle.border.left.width == 0 and last.border.right.width == 1
    assert first.border_radius == ft.BorderRadius(8, 0, 8, 0) and last.border_radius == ft.BorderRadius(0, 8, 0, 8)
    assert first.content.border_radius == ft.BorderRadius(7, 0, 7, 0)  # the fill is clipped inside the border
    assert middle.content.bgcolor == "pink" and first.content.bgcolor is None
    minimum, label = first.content.content.controls
    assert (minimum.width, minimum.height) == (48, 48) and label.style.color == "grey"
    assert middle.content.content.controls[1].style.color == "white"
    assert last.content.content.controls[1].color == "grey"  # the icon takes the button's colour


def test_toggle_buttons_sizes_and_tap_target():
    group = body(
        TOGGLE.format(
            selected="true, false, false", extra="constraints: const BoxConstraints(minHeight: 40, minWidth: 80), "
        )
    )
    # 40 + 2 px of border is under the 48 px tap target: the row is centred in a 48 px box
    assert isinstance(group, ft.Container) and group.height == 48
    buttons, _ = _buttons(group)
    assert (buttons[0].content.content.controls[0].width, buttons[0].content.content.controls[0].height) == (80, 40)
    assert (
        buttons[0].content.bgcolor == "primary,0.12" and buttons[0].content.content.controls[1].style.color == "primary"
    )
    plain = body(TOGGLE.format(selected="true, false, false", extra="renderBorder: false, "))
    assert isinstance(plain, ft.Row) and all(b.border is None for b in _buttons(plain)[0]) and not _buttons(plain)[1]
    disabled = body(TOGGLE.format(selected="true, false, false", extra="").replace("onPressed: (int i) {}, ", ""))
    assert _buttons(disabled)[0][0].content.bgcolor is None  # not selected while disabled
    assert error(TOGGLE.format(selected="true", extra="")).kind is ErrorKind.ANALYSIS
    assert (
        error(TOGGLE.format(selected="true, false, false", extra="direction: Axis.vertical, ")).kind
        is ErrorKind.UNSUPPORTED
    )


def test_expansion_panel_lists_open_the_panels_flutter_opens_first():
    panels = body(
        "SingleChildScrollView(child: ExpansionPanelList(elevation: 4, children: <ExpansionPanel>["
        "for (int i = 0; i < 3; i++) ExpansionPanel(isExpanded: i == 1, "
        "headerBuilder: (BuildContext context, bool isExpanded) => Text('head $i $isExpanded'), "
        "body: Text('body $i'))]))"
    ).controls[0]
    assert isinstance(panels, ft.ExpansionPanelList) and panels.elevation == 4
    assert [p.expanded for p in panels.controls] == [False, True, False]
    assert [p.header.value for p in panels.controls] == ["head 0 false", "head 1 true", "head 2 false"]
    assert panels.controls[2].content.value == "body 2"
    radio = body(
        "SingleChildScrollView(child: ExpansionPanelList.radio(initialOpenPanelValue: 2, "
        "children: <ExpansionPanelRadio>[for (int i = 0; i < 3; i++) ExpansionPanelRadio(value: i, "
        "headerBuilder: (BuildContext context, bool isExpanded) => Text('head $i $isExpanded'), "
        "body: Text('body $i'))]))"
    ).controls[0]
    assert [p.expanded for p in radio.controls] == [False, False, True]
    assert [p.header.value for p in radio.controls] == ["head 0 false", "head 1 false", "head 2 true"]


DROPDOWN_MENU = (
    "DropdownMenu<int>({extra}dropdownMenuEntries: <DropdownMenuEntry<int>>[for (int i = 0; i < 3; i++) "
    "DropdownMenuEntry<int>(value: i * 10, label: 'item $i', enabled: i != 2, "
    "style: MenuItemButton.styleFrom(foregroundColor: Colors.red))])"
)


def test_dropdown_menu_shows_the_initial_selection_in_flutters_own_field():
    menu = body(DROPDOWN_MENU.format(extra="initialSelection: 10, label: const Text('Pick'), width: 200, "))
    assert isinstance(menu, ft.Dropdown) and menu.value == "1" and menu.width == 200
    assert [(o.key, o.text, o.disabled) for o in menu.options] == [
        ("0", "item 0", False),
        ("1", "item 1", False),
        ("2", "item 2", True),
    ]
    assert menu.label.value == "Pick" and menu.border == ft.OutlineInputBorder(side=ft.BorderSide(1, "outline"))
    assert body(DROPDOWN_MENU.format(extra="")).value is None
    filled = body(
        DROPDOWN_MENU.format(
            extra="inputDecorationTheme: const InputDecorationTheme(filled: true, "
            "contentPadding: EdgeInsets.symmetric(vertical: 5)), "
        )
    )
    assert filled.filled is True and filled.content_padding == ft.Padding(0, 5, 0, 5)
    assert isinstance(filled.border, ft.UnderlineInputBorder) and filled.border.side.color == "onsurfacevariant"
    bordered = error(
        DROPDOWN_MENU.format(extra="inputDecorationTheme: const InputDecorationTheme(border: OutlineInputBorder()), ")
    )
    assert bordered.kind is ErrorKind.UNSUPPORTED


def test_a_slider_in_a_row_takes_its_preferred_width():
    row = body("Row(children: <Widget>[const Text('a'), Slider(value: 0.5, onChanged: (double v) {})])")
    assert row.controls[1].width == 192  # 144 px of track and the 48 px overlay
    assert body("Slider(value: 0.5, onChanged: (double v) {})").width is None


def test_flexible_space_bar_centred_title_and_own_scale():
    def title_box(extra: str) -> ft.Container:
        bar = body(
            "CustomScrollView(slivers: <Widget>[SliverAppBar(expandedHeight: 200, flexibleSpace: "
            f"FlexibleSpaceBar({extra}title: const Text('T')))])"
        ).controls[0]
        return _stack_layers(bar)[0].content.controls[-1]

    centred = title_box("centerTitle: true, stretchModes: const <StretchMode>[StretchMode.zoomBackground], ")
    assert centred.padding == ft.Padding(0, 0, 0, 16) and centred.content.alignment == ft.Alignment(0, 1)
    assert centred.content.transform.alignment == ft.Alignment(0, 1)
    start = title_box("expandedTitleScale: 2, ")
    assert start.padding == ft.Padding(72, 0, 0, 16) and start.content.alignment == ft.Alignment(-1, 1)
    assert start.content.transform.matrix == ft.Matrix4.diagonal3_values(2, 2, 1)


def test_tooltip_trigger_mode_changes_nothing_at_rest():
    shown = body("const Tooltip(message: 'm', triggerMode: TooltipTriggerMode.manual, child: Text('t'))")
    assert isinstance(shown, ft.Text) and shown.value == "t"  # the message shows only on a trigger


def test_page_transitions_theme_is_accepted_and_draws_nothing():
    source = SCAFFOLD.replace(
        "ThemeData(useMaterial3: {m3})",
        "ThemeData(pageTransitionsTheme: const "
        "PageTransitionsTheme(builders: <TargetPlatform, PageTransitionsBuilder>{{"
        "TargetPlatform.android: ZoomPageTransitionsBuilder(allowSnapshotting: false), "
        "TargetPlatform.iOS: CupertinoPageTransitionsBuilder()}}))",
    )
    themed = built(source.format(body="const Text('x')"))
    plain = built(SCAFFOLD.format(body="const Text('x')", m3="true"))
    assert themed.theme == plain.theme and themed.root.content.value == "x"


def test_stepper_controls_builder_replaces_the_continue_cancel_row():
    stepper = body(
        "Stepper(currentStep: 1, onStepContinue: () {}, controlsBuilder: (BuildContext context, "
        "ControlsDetails details) => Row(children: <Widget>[TextButton(onPressed: details.onStepContinue, "
        "child: Text('NEXT ${details.stepIndex}')), TextButton(onPressed: details.onStepCancel, "
        "child: const Text('BACK'))]), steps: const <Step>[Step(title: Text('A'), content: Text('a')), "
        "Step(title: Text('B'), content: Text('b'))])"
    )
    current = stepper.controls[1].controls[1].controls[1].content  # the body of step 1: content, controls
    content, controls = current.controls
    assert content.value == "b" and isinstance(controls, ft.Row)
    go, back = controls.controls
    assert go.content.value == "NEXT 1" and not go.disabled and back.disabled  # no onStepCancel


def test_cupertino_context_menu_constants():
    value = body(
        "Text('${CupertinoContextMenu.animationOpensAt.toStringAsFixed(3)} "
        "${CupertinoContextMenu.kEndBoxShadow.first.blurRadius}')"
    ).value
    assert value == "0.705 10.0"


def test_range_slider_at_its_values():
    ranged = body(
        "RangeSlider(values: const RangeValues(40, 80), max: 100, divisions: 5, "
        "labels: const RangeLabels('40', '80'), onChanged: (RangeValues v) {})"
    )
    assert isinstance(ranged, ft.RangeSlider) and (ranged.start_value, ranged.end_value, ranged.max) == (40, 80, 100)
    assert ranged.divisions == 5 and not ranged.disabled and ranged.width is None
    row = body("Row(children: const <Widget>[RangeSlider(values: RangeValues(0.2, 0.4), onChanged: null)])")
    assert row.controls[0].width == 192 and row.controls[0].disabled
    reversed_values = error("RangeSlider(values: const RangeValues(0.8, 0.4), onChanged: (RangeValues v) {})")
    assert reversed_values.kind is ErrorKind.RUNTIME


SEGMENTS = (
    "SegmentedButton<int>(style: SegmentedButton.styleFrom({style}), selected: const <int>{{1}}, "
    "onSelectionChanged: {changed}, segments: const <ButtonSegment<int>>[ButtonSegment<int>(value: 1, "
    "label: Text('a')), ButtonSegment<int>(value: 2, label: Text('b'))])"
)


def test_segmented_button_style_from_colours_by_selection():
    button = body(
        SEGMENTS.format(
            style="backgroundColor: Colors.grey, foregroundColor: Colors.red, "
            "selectedBackgroundColor: Colors.green, elevation: 2",
            changed="(Set<int> s) {}",
        )
    )
    assert button.style.bgcolor == {ft.ControlState.SELECTED: "green", ft.ControlState.DEFAULT: "grey"}
    # a state styleFrom leaves null keeps the M3 default
    assert button.style.color == {ft.ControlState.SELECTED: "onsecondarycontainer", ft.ControlState.DEFAULT: "red"}
    assert button.style.elevation == 2
    disabled = error(SEGMENTS.format(style="backgroundColor: Colors.grey", changed="null"))
    assert disabled.kind is ErrorKind.UNSUPPORTED


def test_a_states_controller_is_drawn_only_when_it_starts_with_no_states():
    rest = body("TextButton(statesController: MaterialStatesController(), onPressed: () {}, child: const Text('a'))")
    assert isinstance(rest, ft.Control)
    empty = body(
        "TextButton(statesController: MaterialStatesController(<MaterialState>{}), onPressed: () {}, "
        "child: const Text('a'))"
    )
    assert type(empty) is type(rest)
    selected = error(
        "TextButton(statesController: MaterialStatesController(<MaterialState>{MaterialState.selected}), "
        "onPressed: () {}, child: const Text('a'))"
    )
    assert selected.kind is ErrorKind.UNSUPPORTED and "initial states" in selected.message


def test_a_search_controller_at_rest_has_no_text_and_is_closed():
    shown = body("Text('[${SearchController().text}] ${SearchController().isOpen}')")
    assert shown.value == "[] false"


PAGED = """
import 'package:flutter/material.dart';
class Source extends DataTableSource {
  @override
  int get rowCount => COUNT;
  @override
  DataRow? getRow(int index) => DataRow(cells: <DataCell>[DataCell(Text('row $index'))]);
  @override
  bool get isRowCountApproximate => false;
  @override
  int get selectedRowCount => 0;
}
final DataTableSource source = Source();
void main() => runApp(MaterialApp(home: Scaffold(body: SingleChildScrollView(child: PaginatedDataTable(
    EXTRA columns: const <DataColumn>[DataColumn(label: Text('Name'))], source: source)))));
"""


def _paged(count: int, extra: str = "") -> tuple[ft.DataTable, list[ft.Control]]:
    card = built(PAGED.replace("COUNT", str(count)).replace("EXTRA", extra)).root.content.controls[0]
    assert isinstance(card, ft.Card)
    scroller, footer = card.content.controls
    assert isinstance(scroller, ft.Row) and scroller.scroll == ft.ScrollMode.HIDDEN
    return scroller.controls[0], footer.content.controls


def test_paginated_data_table_shows_its_first_page_and_footer():
    table, footer = _paged(3)
    assert isinstance(table, ft.DataTable) and len(table.rows) == 10  # 3 rows and 7 blank ones
    assert table.rows[2].cells[0].content.value == "row 2" and table.rows[3].cells[0].content.width == 0
    info = [c for c in footer if isinstance(c, ft.Text)][0]
    assert info.value == "1–3 of 3" and info.theme_style == ft.TextThemeStyle.BODY_SMALL
    left, right = [c for c in footer if isinstance(c, ft.IconButton)]
    assert left.disabled and right.disabled and left.icon.color == "onsurface,0.2052"  # one page only
    assert [c.width for c in footer if isinstance(c, ft.Container)] == [32, 32, 24, 14]
    many, footer = _paged(25, "rowsPerPage: 5, initialFirstRowIndex: 7, showEmptyRows: false,")
    assert [r.cells[0].content.value for r in many.rows] == [f"row {i}" for i in range(5, 10)]
    assert [c for c in footer if isinstance(c, ft.Text)][0].value == "6–10 of 25"
    left, right = [c for c in footer if isinstance(c, ft.IconButton)]
    assert not left.disabled and not right.disabled and right.icon.color == "onsurfacevariant,0.54"


ACTION_ICONS = """
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(theme: ThemeData(actionIconTheme: ActionIconThemeData(
    drawerButtonIconBuilder: (BuildContext context) => const Icon(Icons.segment),
    endDrawerButtonIconBuilder: (BuildContext context) => Icon(Icons.more_horiz,
        semanticLabel: MaterialLocalizations.of(context).openAppDrawerTooltip))),
  home: Scaffold(appBar: AppBar(title: const Text('t')), drawer: const Drawer(), DRAWERS body: const Text('b'))));
"""


def test_action_icon_theme_draws_the_drawer_buttons_the_app_bar_implies():
    bar = built(ACTION_ICONS.replace("DRAWERS", "endDrawer: const Drawer(),")).root.appbar
    assert isinstance(bar.leading, ft.IconButton) and bar.leading.icon.icon == ft.Icons.SEGMENT
    assert [action.icon.icon for action in bar.actions] == [ft.Icons.MORE_HORIZ]
    plain = built(ACTION_ICONS.replace("DRAWERS", "")).root.appbar
    assert plain.actions is None  # no end drawer, no end drawer button
    own = built(ACTION_ICONS.replace("DRAWERS", "").replace("AppBar(", "AppBar(leading: const Icon(Icons.add), "))
    assert own.root.appbar.leading.icon == ft.Icons.ADD  # the bar's own leading wins


def test_material_localizations_are_us_english():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: Labels()));
class Labels extends StatelessWidget {
  const Labels({super.key});
  @override
  Widget build(BuildContext context) {
    final MaterialLocalizations labels = MaterialLocalizations.of(context);
    return Scaffold(body: Text('${labels.okButtonLabel}/${labels.openAppDrawerTooltip}'));
  }
}
"""
    assert built(source).root.content.value == "OK/Open navigation menu"
    with pytest.raises(Exception) as info:  # a label outside the list: valid Flutter, not drawn
        built(source.replace("labels.okButtonLabel", "labels.licensesPageTitle"))
    assert getattr(info.value, "kind", None) is ErrorKind.UNSUPPORTED
