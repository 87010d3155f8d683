"""The front end reads Flutter's services as the first frame finds them (dart/still_state.py): no
focus, no restoration data, no lifecycle state yet, SharedAppData's initial values, and handles
(gesture recognizers, intents, listeners) built as given and never run."""

from __future__ import annotations

import math

import flet as ft
import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError, compile_screen
from flutter_renderer.embedded.mapping import build_screen
from flutter_renderer.embedded.values import MappingError
from flutter_renderer.ir import DartObject
from tests.renderer.conftest import state_source

# The State restores (nothing, on a first launch) and observes the binding.
RESTORING = (
    "@override\n  String? get restorationId => 'demo';\n  @override\n"
    "  void restoreState(RestorationBucket? oldBucket, bool initialRestore) {}\n  "
)
LIBRARIES = ("gestures", "scheduler", "material")


def compile_state(build: str, fields: str = "", init: str = "") -> DartObject:
    return compile_screen(
        state_source(build, RESTORING + fields, init, "RestorationMixin, WidgetsBindingObserver", LIBRARIES),
        width=390,
        height=844,
    )


def test_nothing_has_focus_at_the_first_frame_even_after_request_focus():
    fields = "final FocusNode _node = FocusNode();"
    text = compile_state("Text('${_node.hasFocus} ${_node.hasPrimaryFocus}')", fields, "_node.requestFocus();")
    assert text.args == ("false false",)
    built = compile_state(
        "Builder(builder: (BuildContext c) => Text('${Focus.of(c).hasPrimaryFocus} ${FocusScope.of(c).hasFocus}'))"
    )
    assert built.kwargs["builder"].args == ("false false",)


def test_restorable_properties_hold_their_defaults_and_later_assignments():
    fields = (
        "final RestorableInt _count = RestorableInt(42); final RestorableStringN _name = RestorableStringN(null); "
        "final RestorableTextEditingController _text = RestorableTextEditingController(text: 'hi');"
    )
    text = compile_state("Text('${_count.value} ${_name.value} ${_text.value.text}')", fields)
    assert text.args == ("42 null hi",)
    assigned = compile_state("Text('${_count.value}')", fields, "_count.value = 7;")
    assert assigned.args == ("7",)
    with pytest.raises(DartError) as info:  # Flutter's own constructor takes one positional value
        compile_state("Text('${_count.value}')", "final RestorableInt _count = RestorableInt(1, 2);")
    assert info.value.kind is ErrorKind.ANALYSIS


def test_the_binding_has_no_lifecycle_state_and_only_schedules():
    init = "WidgetsBinding.instance.addObserver(this); WidgetsBinding.instance.addPostFrameCallback((_) {});"
    text = compile_state(
        "Text('${WidgetsBinding.instance.lifecycleState} ${SchedulerBinding.instance.lifecycleState}')", init=init
    )
    assert text.args == ("null null",)


def test_a_text_controller_without_text_is_empty():
    fields = (
        "final TextEditingController _a = TextEditingController(); "
        "final TextEditingController _b = TextEditingController(text: 'b');"
    )
    assert compile_state("Text('[${_a.text}] [${_b.text}] ${_a.text.isEmpty}')", fields).args == ("[] [b] true",)


def test_handles_are_built_as_given_and_never_run():
    span = compile_state("RichText(text: TextSpan(text: 'tap', recognizer: TapGestureRecognizer()..onTap = () {}))")
    recognizer = span.kwargs["text"].kwargs["recognizer"]
    assert recognizer.type == "TapGestureRecognizer" and "onTap" in recognizer.kwargs
    listener = compile_state(
        "const Text('x')", "late final AppLifecycleListener _l;", "_l = AppLifecycleListener(onResume: () {});"
    )
    assert listener.args == ("x",)
    with pytest.raises(DartError) as info:
        compile_state("const Text('x')", init="AppLifecycleListener(onWhatever: () {});")
    assert info.value.kind is ErrorKind.ANALYSIS


def test_shared_app_data_gives_its_initial_value_and_overridable_actions_their_default():
    text = compile_state(
        "Builder(builder: (BuildContext c) => Text(SharedAppData.getValue<String, String>(c, 'k', () => 'initial')))"
    )
    assert text.kwargs["builder"].args == ("initial",)
    with pytest.raises(DartError) as info:
        compile_state("const Text('x')", init="SharedAppData.setValue<String, String>(context, 'k', 'v');")
    assert info.value.kind is ErrorKind.UNSUPPORTED
    actions = compile_state(
        "Actions(actions: <Type, Action<Intent>>{NextFocusIntent: Action<NextFocusIntent>"
        ".overridable(defaultAction: CallbackAction<NextFocusIntent>(onInvoke: (_) => null), "
        "context: context)}, child: const Text('a'))"
    )
    assert actions.kwargs["child"].args == ("a",)


# --- boxes drawn at the first frame (embedded/layout.py) -------------------------------------------

SCAFFOLD = """
import 'package:flutter/gestures.dart';
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: {body})));
"""


def body(expr: str) -> ft.Control:
    return build_screen(compile_screen(SCAFFOLD.format(body=expr), width=390, height=844)).root.content


def test_offstage_takes_no_room_and_draws_nothing_unless_onstage():
    hidden = body("const Offstage(child: SizedBox(width: 50, height: 50))")
    assert (hidden.width, hidden.height, hidden.content) == (0, 0, None)
    shown = body("const Offstage(offstage: false, child: SizedBox(width: 50, height: 50))")
    assert isinstance(shown, ft.Container) and (shown.width, shown.height) == (50, 50)


def test_indexed_stack_lays_out_every_child_and_paints_only_index():
    stack = body(
        "const IndexedStack(index: 1, children: <Widget>[SizedBox(width: 80, height: 10), "
        "SizedBox(width: 20, height: 40), Positioned(left: 4, child: Text('p'))])"
    )
    assert [c.opacity for c in stack.controls] == [0, 1.0, 0]
    assert stack.controls[2].left == 4 and stack.alignment == ft.Alignment(-1, -1)
    assert [c.opacity for c in body("const IndexedStack(children: <Widget>[Text('a'), Text('b')])").controls] == [
        1.0,
        0,
    ]


def test_align_with_size_factors_of_one_is_as_large_as_its_child_on_those_axes():
    both = body("const Align(widthFactor: 1.0, heightFactor: 1.0, child: Icon(Icons.person))")
    assert isinstance(both, ft.Icon)
    tall = body("const Align(widthFactor: 1.0, alignment: Alignment.bottomCenter, child: Text('t'))")
    assert isinstance(tall, ft.Column) and tall.alignment == ft.MainAxisAlignment.END
    wide = body("const Center(heightFactor: 1, child: Text('w'))")
    assert isinstance(wide, ft.Row) and wide.alignment == ft.MainAxisAlignment.CENTER
    with pytest.raises(MappingError) as info:
        body("const Align(widthFactor: 2.0, child: Text('x'))")
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_future_and_stream_builders_build_their_initial_snapshot():
    waiting = compile_state(
        "FutureBuilder<String>(future: Future<String>.value('done'), "
        "builder: (BuildContext c, AsyncSnapshot<String> s) => "
        "Text('${s.connectionState} ${s.hasData} ${s.data}'))"
    )
    assert waiting.type == "FutureBuilder" and "future" not in waiting.kwargs
    assert waiting.kwargs["builder"].args == ("ConnectionState.waiting false null",)
    seeded = compile_state(
        "StreamBuilder<int>(initialData: 3, builder: (BuildContext c, AsyncSnapshot<int> s) => "
        "Text('${s.connectionState} ${s.hasData} ${s.requireData}'))"
    )
    assert seeded.kwargs["builder"].args == ("ConnectionState.none true 3",)
    shown = body("FutureBuilder<int>(builder: (BuildContext c, AsyncSnapshot<int> s) => const Text('w'))")
    assert isinstance(shown, ft.Text) and shown.value == "w"


def test_list_view_custom_lists_its_delegates_children():
    listed = body(
        "ListView.custom(childrenDelegate: SliverChildBuilderDelegate("
        "(BuildContext c, int i) => Text('$i'), childCount: 3))"
    )
    assert isinstance(listed, ft.ListView) and [t.value for t in listed.controls] == ["0", "1", "2"]
    fixed = body("ListView.custom(childrenDelegate: SliverChildListDelegate(const <Widget>[Text('a')]))")
    assert [t.value for t in fixed.controls] == ["a"]


def test_animated_list_and_grid_show_their_initial_items_fully_animated_in():
    listed = body(
        "AnimatedList(initialItemCount: 2, itemBuilder: (BuildContext c, int i, Animation<double> a) => "
        "SizeTransition(sizeFactor: a, child: Text('$i ${a.value}')))"
    )
    assert isinstance(listed, ft.ListView) and len(listed.controls) == 2
    assert "1 1.0" in repr(listed.controls[1])
    grid = body(
        "AnimatedGrid(initialItemCount: 3, gridDelegate: const SliverGridDelegateWithFixedCrossAxisCount("
        "crossAxisCount: 2), itemBuilder: (BuildContext c, int i, Animation<double> a) => Text('$i'))"
    )
    assert (
        isinstance(grid, ft.GridView) and grid.runs_count == 2 and [t.value for t in grid.controls] == ["0", "1", "2"]
    )
    assert body("AnimatedList(itemBuilder: (BuildContext c, int i, Animation<double> a) => Text('$i'))").controls == []


def test_listenable_builder_builds_from_the_files_own_notifier_which_stays_out_of_the_output():
    source = """
import 'package:flutter/material.dart';
class Counter with ChangeNotifier {
  int count = 3;
}
final Counter counter = Counter();
void main() => runApp(MaterialApp(home: ListenableBuilder(listenable: counter,
    builder: (BuildContext context, Widget? child) => Text('count: ${counter.count}'))));
"""
    built = compile_screen(source, width=390, height=844).kwargs["home"]
    assert "listenable" not in built.kwargs and built.kwargs["builder"].args == ("count: 3",)


# --- at rest (embedded/at_rest.py) ------------------------------------------------------------------


def test_dismissible_and_interactive_viewer_are_flets_own_controls_at_rest():
    swiped = body(
        "Dismissible(key: const ValueKey<int>(1), background: Container(color: Colors.green), "
        "child: const ListTile(title: Text('a')))"
    )
    assert isinstance(swiped, ft.Dismissible) and swiped.background.bgcolor == "green"
    assert isinstance(swiped.content, ft.ListTile)
    viewer = body(
        "InteractiveViewer(boundaryMargin: const EdgeInsets.all(20), minScale: 0.1, "
        "child: Container(color: Colors.red))"
    )
    assert isinstance(viewer, ft.InteractiveViewer) and viewer.constrained and viewer.content.bgcolor == "red"
    assert viewer.clip_behavior == ft.ClipBehavior.HARD_EDGE
    moved = SCAFFOLD.format(
        body="InteractiveViewer(transformationController: TransformationController("
        "Matrix4.diagonal3Values(2, 2, 1)), child: const Text('x'))"
    )
    with pytest.raises(MappingError) as info:
        build_screen(compile_screen(moved, width=390, height=844))
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_a_draggable_sheet_fills_the_bottom_initial_fraction_of_its_parent():
    sheet = body(
        "DraggableScrollableSheet(initialChildSize: 0.3, builder: (BuildContext c, ScrollController s) => "
        "ColoredBox(color: Colors.blue, child: ListView(controller: s, children: const <Widget>[Text('i')])))"
    )
    gap, part = sheet.controls
    assert (gap.expand, part.expand) == (7000, 3000) and part.content.bgcolor == "blue"
    assert sheet.horizontal_alignment == ft.CrossAxisAlignment.STRETCH and sheet.spacing == 0
    half = body("DraggableScrollableSheet(builder: (BuildContext c, ScrollController s) => const Text('x'))")
    assert [c.expand for c in half.controls] == [5000, 5000]


def test_matrix_transition_draws_the_matrix_of_the_animations_first_value():
    source = """
import 'dart:math';
import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: Scaffold(body: MatrixTransition(
    animation: const AlwaysStoppedAnimation<double>(0.25),
    onTransform: (double value) {
      return Matrix4.identity()..rotateZ(pi * 2.0 * value);
    },
    child: const Text('m')))));
"""
    shown = build_screen(compile_screen(source, width=390, height=844)).root.content
    assert shown.transform.alignment == ft.Alignment(0, 0) and shown.content.value == "m"
    assert shown.transform.matrix == ft.Matrix4.identity().rotate_z(math.pi / 2)


def test_preferred_size_is_its_child_and_directionality_of_is_left_to_right():
    sized = body("const PreferredSize(preferredSize: Size.fromHeight(50), child: SizedBox(width: 10, height: 20))")
    assert (sized.width, sized.height) == (10, 20)
    built = compile_state("Builder(builder: (BuildContext c) => Text('${Directionality.of(c)}'))")
    assert built.kwargs["builder"].args == ("TextDirection.ltr",)


def test_listening_to_a_derived_animation_changes_nothing_at_the_first_frame():
    fields = (
        "late final AnimationController _c = AnimationController(vsync: this, duration: const Duration(seconds: 1)); "
        "late final CurvedAnimation _a = CurvedAnimation(parent: _c, curve: Curves.easeIn);"
    )
    text = compile_screen(
        state_source("Text('${_a.value}')", fields, "_a.addStatusListener((AnimationStatus s) {});"),
        width=390,
        height=844,
    )
    assert text.args == ("0.0",)


def test_raw_gesture_detectors_and_mouse_cursors_only_add_behaviour():
    detected = body(
        "RawGestureDetector(gestures: <Type, GestureRecognizerFactory>{TapGestureRecognizer: "
        "GestureRecognizerFactoryWithHandlers<TapGestureRecognizer>(() => TapGestureRecognizer(), "
        "(TapGestureRecognizer r) { r.onTap = () {}; })}, child: const Text('g'))"
    )
    assert isinstance(detected, ft.Text) and detected.value == "g"
    region = body("const MouseRegion(cursor: SystemMouseCursors.text, child: Text('m'))")
    assert isinstance(region, ft.Text) and region.value == "m"
    with pytest.raises(DartError) as info:
        compile_state("const MouseRegion(cursor: SystemMouseCursors.pointy, child: Text('m'))")
    assert info.value.kind is ErrorKind.ANALYSIS


def test_a_text_field_shows_its_controllers_text_and_an_assigned_value():
    fields = "final TextEditingController _c = TextEditingController(text: 'start');"
    shown = compile_state("TextField(controller: _c)", fields)
    assert shown.kwargs["controller"].kwargs["text"] == "start"
    replaced = compile_state(
        "Text(_c.text)",
        fields,
        "_c.value = TextEditingValue(text: 'typed', selection: TextSelection.collapsed(offset: 5));",
    )
    assert replaced.args == ("typed",)
    field = body("TextField(controller: TextEditingController(text: 'abc'))")
    assert isinstance(field, ft.TextField) and field.value == "abc"
    assert body("TextFormField(initialValue: 'init')").value == "init"
    assert body("const TextField()").value == ""


def test_a_navigator_shows_its_initial_route_filling_its_space():
    routed = body(
        "Navigator(initialRoute: '/b', onGenerateRoute: (RouteSettings s) => MaterialPageRoute<Object>("
        "settings: s, builder: (BuildContext c) => Text('route ${s.name}')))"
    )
    assert (routed.width, routed.height) == (math.inf, math.inf) and routed.content.value == "route /b"
    default = body(
        "Navigator(onGenerateRoute: (RouteSettings s) => MaterialPageRoute<Object>("
        "builder: (BuildContext c) => Text('${s.name}')))"
    )
    assert default.content.value == "/"
    paged = body(
        "Navigator(pages: const <Page<Object>>[MaterialPage<Object>(child: Text('1')), "
        "MaterialPage<Object>(child: Text('2'))], onPopPage: (Route<Object> r, void x) => true)"
    )
    assert paged.content.value == "2"
    built = compile_state(
        "Builder(builder: (BuildContext c) { final NavigatorState n = Navigator.of(c); "
        "return Text(n == null ? 'none' : 'found'); })"
    )
    assert built.kwargs["builder"].args == ("found",)
    with pytest.raises(MappingError) as info:
        body(
            "Column(children: <Widget>[Navigator(onGenerateRoute: (RouteSettings s) => MaterialPageRoute<Object>("
            "builder: (BuildContext c) => const Text('x')))])"
        )
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_controllers_at_rest_feed_value_listenable_builders_and_observers_only_call_back_later():
    fields = "final UndoHistoryController _undo = UndoHistoryController();"
    built = compile_state(
        "ValueListenableBuilder<UndoHistoryValue>(valueListenable: _undo, builder: "
        "(BuildContext c, UndoHistoryValue v, Widget? child) => Text('${v.canUndo} ${v.canRedo}'))",
        fields,
    )
    assert built.kwargs["builder"].args == ("false false",)
    typed = compile_state(
        "ValueListenableBuilder<TextEditingValue>(valueListenable: _t, builder: "
        "(BuildContext c, TextEditingValue v, Widget? child) => Text(v.text))",
        "final TextEditingController _t = TextEditingController(text: 'hey');",
    )
    assert typed.kwargs["builder"].args == ("hey",)
    observed = compile_state(
        "Builder(builder: (BuildContext c) { ScrollNotificationObserver.maybeOf(c)"
        "?.addListener((ScrollNotification n) {}); return const Text('o'); })"
    )
    assert observed.kwargs["builder"].args == ("o",)


def test_the_page_has_no_system_gesture_insets_and_no_keyboard_to_replace():
    text = compile_state("Text('${MediaQuery.of(context).systemGestureInsets.left}')")
    assert text.args == ("0.0",)
    field = body("TextField(magnifierConfiguration: TextMagnifierConfiguration.disabled)")
    assert isinstance(field, ft.TextField)


def test_a_filling_container_under_a_maximum_is_as_large_as_the_maximum():
    aligned = body(
        "Container(alignment: Alignment.center, constraints: const BoxConstraints(maxWidth: 300, "
        "maxHeight: 100), color: Colors.blue, child: const Text('c'))"
    )
    assert (aligned.width, aligned.height, aligned.bgcolor) == (300, 100, "blue")
    empty = body("Container(constraints: const BoxConstraints(maxHeight: 50), color: Colors.red)")
    assert (empty.width, empty.height) == (None, 50)
    sized = body(
        "Container(width: 500, height: 20, constraints: const BoxConstraints(maxWidth: 200, maxHeight: 300), "
        "child: const Text('s'))"
    )
    assert (sized.width, sized.height) == (200, 20)
    with pytest.raises(MappingError) as info:  # the child decides how much of the maximum it takes
        body("Container(constraints: const BoxConstraints(maxWidth: 300), child: const Text('t'))")
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_draggables_show_their_child_and_drag_targets_what_they_build_with_nothing_over_them():
    dragged = body(
        "Draggable<int>(data: 10, feedback: const Text('f'), childWhenDragging: const Text('w'), "
        "child: const Text('c'))"
    )
    assert isinstance(dragged, ft.Draggable) and dragged.content.value == "c"
    assert dragged.content_feedback is None and dragged.content_when_dragging is None
    target = body(
        "DragTarget<int>(builder: (BuildContext c, List<int?> accepted, List<dynamic> rejected) => "
        "Text('${accepted.length} ${rejected.isEmpty}'))"
    )
    assert isinstance(target, ft.DragTarget) and target.content.value == "0 true"


def test_page_view_custom_pages_its_delegates_children():
    paged = body(
        "PageView.custom(childrenDelegate: SliverChildBuilderDelegate((BuildContext c, int i) => Text('p$i'), "
        "childCount: 2))"
    )
    assert isinstance(paged, ft.PageView) and [p.value for p in paged.controls] == ["p0", "p1"]


# --- fractions of a tight parent (embedded/fractions.py) ---------------------------------------------


def test_a_fractionally_sized_box_splits_a_tight_parent_in_the_ratio_of_its_factor_and_alignment():
    box = body(
        "SizedBox.expand(child: FractionallySizedBox(widthFactor: 0.5, heightFactor: 0.25, "
        "alignment: Alignment.bottomRight, child: ColoredBox(color: Colors.blue, child: const Text('b'))))"
    )
    column = box.content
    assert isinstance(column, ft.Column) and [c.expand for c in column.controls] == [7500, 2500]
    row = column.controls[1].content
    assert isinstance(row, ft.Row) and [c.expand for c in row.controls] == [5000, 5000]
    assert row.controls[1].content.bgcolor == "blue" and row.vertical_alignment == ft.CrossAxisAlignment.STRETCH
    centred = body(
        "SizedBox(width: 200, height: 200, child: ColoredBox(color: Colors.red, child: "
        "AnimatedFractionallySizedBox(duration: const Duration(seconds: 1), widthFactor: 0.5, "
        "child: const Text('c'))))"
    )
    assert [c.expand for c in centred.content.content.controls] == [2500, 5000, 2500]


def test_a_fractionally_sized_box_under_loose_or_unknown_constraints_is_unsupported():
    for parent in (
        "Center(child: {})",
        "Column(children: <Widget>[{}])",
        "SizedBox(width: 100, height: 100, child: Align(child: {}))",
    ):
        with pytest.raises(MappingError) as info:
            body(parent.format("const FractionallySizedBox(widthFactor: 0.5, child: Text('x'))"))
        assert info.value.kind is ErrorKind.UNSUPPORTED
    padded = body(
        "SizedBox(width: 100, height: 50, child: Padding(padding: const EdgeInsets.all(4), child: "
        "FractionallySizedBox(heightFactor: 0.5, child: const Text('p'))))"
    )
    assert isinstance(padded.content.content, ft.Column)


def test_a_stack_that_expands_and_behaviour_proxies_pass_tight_constraints_on():
    box = body(
        "Stack(fit: StackFit.expand, children: <Widget>[Listener(child: const FractionallySizedBox("
        "widthFactor: 0.5, child: Text('s')))])"
    )
    assert isinstance(box.controls[0], ft.Row)
    with pytest.raises(MappingError):  # a loose stack places its child: the box would be only half as wide
        body("const Stack(children: <Widget>[FractionallySizedBox(widthFactor: 0.5, child: Text('s'))])")


def test_hsv_colors_convert_as_flutter_does_and_borders_from_one_side():
    text = compile_state("Text('${const HSVColor.fromAHSV(0.2, 120.0, 1, 1).withHue(240).hue}')")
    assert text.args == ("240.0",)
    yellow = body("ColoredBox(color: const HSVColor.fromAHSV(1, 60.0, 1, 1).toColor(), child: const Text('y'))")
    assert yellow.bgcolor == "#FFFFFF00"
    teal = body("ColoredBox(color: const HSVColor.fromAHSV(0.5, 180.0, 0.5, 0.5).toColor(), child: const Text('t'))")
    assert teal.bgcolor == "#80408080"  # 0.5 * 255 = 127.5 rounds half away from zero to 128
    swatch = body(
        "DecoratedBox(decoration: BoxDecoration(color: const HSVColor.fromAHSV(0.2, 120.0, 1, 1).toColor(), "
        "border: const Border.fromBorderSide(BorderSide(width: 3))), child: const Text('d'))"
    )
    assert swatch.bgcolor == "#3300FF00" and swatch.border.left.width == 3 and swatch.border.top.width == 3


def test_border_sides_keep_their_stroke_alignment_centre_included():
    sides = [
        body(
            f"Container(width: 20, height: 20, decoration: BoxDecoration(border: Border.all(width: 4, "
            f"strokeAlign: BorderSide.strokeAlign{where})))"
        ).border.top.stroke_align
        for where in ("Inside", "Center", "Outside")
    ]
    assert sides == [-1.0, 0.0, 1.0]
