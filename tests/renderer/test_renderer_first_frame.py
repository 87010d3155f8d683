"""The front end evaluates what Flutter's first frame computes: animation values, listenable values,
the builders Flutter runs (AnimatedBuilder, TweenAnimationBuilder, WidgetsApp.builder, ...), and the
Cupertino names (CupertinoColors, CupertinoIcons, CupertinoTheme.of)."""

from __future__ import annotations

import pytest

from flutter_renderer.animation import value_of
from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import DartError, compile_screen
from flutter_renderer.ir import ColorValue, DartObject, EnumValue, IconValue
from tests.renderer.conftest import state_source


def compile_state(build: str, fields: str = "", init: str = "") -> DartObject:
    return compile_screen(state_source(build, fields, init), width=390, height=844)


CONTROLLER = (
    "late final AnimationController _c = AnimationController(vsync: this, duration: const Duration(seconds: 1));"
)


def test_a_controller_starts_at_its_lower_bound_and_vsync_is_dropped():
    text = compile_state("Text('${_c.value} ${_c.status} ${_c.isAnimating}')", CONTROLLER)
    assert text.args == ("0.0 AnimationStatus.dismissed false",)
    controller = compile_state("FadeTransition(opacity: _c, child: const Text('x'))", CONTROLLER).kwargs["opacity"]
    assert controller.type == "AnimationController" and "vsync" not in controller.kwargs


def test_forward_from_moves_the_value_before_the_first_frame_and_derived_animations_follow():
    fields = (
        CONTROLLER
        + """
  late final Animation<Offset> _slide = Tween<Offset>(begin: const Offset(1, 0), end: Offset.zero).animate(_c);
  late final Animation<double> _fade = CurvedAnimation(parent: _c, curve: Interval(0.0, 0.5));"""
    )
    column = compile_state(
        "Column(children: [SlideTransition(position: _slide, child: const Text('a')), "
        "FadeTransition(opacity: ReverseAnimation(_fade), child: const Text('b')), "
        "Text('${_c.status}')])",
        fields,
        "_c.forward(from: 1.0);",
    )
    slide, fade, status = column.kwargs["children"]
    assert value_of(slide.kwargs["position"]).args == (0, 0)  # the tween's end
    assert value_of(fade.kwargs["opacity"]) == 0.0
    assert status.args == ("AnimationStatus.completed",)


def test_drive_and_chain_read_the_tween_at_the_controllers_value():
    fields = "late final AnimationController _c = AnimationController(vsync: this, value: 0.5);"
    text = compile_state(
        "Text('${_c.drive(Tween<double>(begin: 10.0, end: 20.0)).value} "
        "${Tween<double>(begin: 0.0, end: 4.0).chain(CurveTween(curve: Interval(0.0, 0.25))).evaluate(_c)}')",
        fields,
    )
    assert text.args == ("15.0 4.0",)


def test_curves_and_tweens_between_their_ends():
    fields = (
        "late final AnimationController _c = AnimationController(vsync: this, value: 0.5);\n"
        "  late final Animation<double> _eased = CurvedAnimation(parent: _c, curve: const Cubic(0.42, 0, 1, 1));\n"
        "  late final Animation<double> _stepped = CurvedAnimation(parent: _c, curve: const Threshold(0.4));"
    )
    text = compile_state("Text('${_stepped.value} ${IntTween(begin: 0, end: 5).transform(0.5)}')", fields)
    assert text.args == ("1.0 3",)
    slide = compile_state(
        "SlideTransition(position: Tween<Offset>(begin: Offset.zero, end: const Offset(2, 4)).animate(_c), "
        "child: const Text('x'))",
        fields,
    )
    assert value_of(slide.kwargs["position"]).args == (1.0, 2.0)
    for expression in ("_eased.value", "ColorTween(begin: Colors.red, end: Colors.blue).transform(0.5)"):
        with pytest.raises(DartError) as info:
            compile_state(f"Text('${{{expression}}}')", fields)
        assert info.value.kind is ErrorKind.UNSUPPORTED, expression


def test_first_frame_builders_run_with_the_values_flutter_passes():
    column = compile_state(
        "Column(children: ["
        "AnimatedBuilder(animation: _c, builder: (context, child) => Opacity(opacity: 1.0 - _c.value, child: child), "
        "child: const Text('a')), "
        "TweenAnimationBuilder<double>(tween: Tween(begin: 0.25, end: 1.0), duration: const Duration(seconds: 1), "
        "builder: (context, value, child) => Text('t=$value')), "
        "ValueListenableBuilder<int>(valueListenable: _n, builder: (context, value, child) => Text('n=$value')), "
        "StatefulBuilder(builder: (context, setState) => const Text('s')), "
        "])",
        CONTROLLER + "\n  final ValueNotifier<int> _n = ValueNotifier<int>(7);",
        "_c.repeat(); _n.addListener(() {});",
    )
    animated, tween, listened, stateful = column.kwargs["children"]
    built = animated.kwargs["builder"]
    assert (built.type, built.kwargs["opacity"], built.kwargs["child"].args) == ("Opacity", 1.0, ("a",))
    assert tween.kwargs["builder"].args == ("t=0.25",)
    assert listened.kwargs["builder"].args == ("n=7",)
    assert stateful.kwargs["builder"].args == ("s",)


def test_mouse_cursors_of_the_file_stay_out_of_the_output():
    source = """
import 'package:flutter/material.dart';
void main() => runApp(const MaterialApp(home: ListTile(title: Text('a'), mouseCursor: Cursor())));
class Cursor extends MaterialStateMouseCursor {
  const Cursor();
  @override
  MouseCursor resolve(Set<MaterialState> states) => SystemMouseCursors.click;
  @override
  String get debugDescription => 'Cursor()';
}
"""
    tile = compile_screen(source, width=390, height=844).kwargs["home"]
    assert tile.type == "ListTile" and "mouseCursor" not in tile.kwargs and tile.kwargs["title"].args == ("a",)
    with pytest.raises(DartError) as caught:  # where a still frame would show it, it still can't be drawn
        compile_screen(source.replace("mouseCursor: Cursor()", "leading: Cursor()"), width=390, height=844)
    assert caught.value.kind is ErrorKind.UNSUPPORTED and "MaterialStateMouseCursor" in caught.value.message


def test_app_builders_wrap_the_home_route():
    source = """
import 'package:flutter/widgets.dart';
void main() => runApp(WidgetsApp(color: const Color(0xffffffff),
    builder: (BuildContext context, Widget? navigator) => const Center(child: Text('hi'))));
"""
    app = compile_screen(source, width=390, height=844)
    assert app.type == "WidgetsApp" and app.kwargs["builder"].type == "Center"


def test_user_enums_reach_widgets_as_comparable_values():
    source = """
import 'package:flutter/material.dart';
enum Fruit { apple, pear }
void main() => runApp(MaterialApp(home: Radio<Fruit>(value: Fruit.pear, groupValue: Fruit.pear, onChanged: null)));
"""
    radio = compile_screen(source, width=390, height=844).kwargs["home"]
    assert radio.kwargs["value"] == radio.kwargs["groupValue"] == EnumValue("Fruit", "pear")


def test_cupertino_colors_icons_and_theme():
    source = """
import 'package:flutter/cupertino.dart';
void main() => runApp(Builder(builder: (context) => Column(children: [
  Icon(CupertinoIcons.heart, color: CupertinoColors.systemRed.resolveFrom(context)),
  Text('x', style: CupertinoTheme.of(context).textTheme.navTitleTextStyle),
  Container(color: CupertinoColors.white.withOpacity(0.5)),
])));
"""
    icon, text, box = compile_screen(source, width=390, height=844).kwargs["builder"].kwargs["children"]
    assert icon.args == (IconValue("heart", "cupertino"),)
    assert icon.kwargs["color"] == ColorValue("systemred")
    style = text.kwargs["style"].kwargs
    assert (style["fontSize"], style["fontWeight"], style["letterSpacing"]) == (
        17,
        EnumValue("FontWeight", "w600"),
        -0.41,
    )
    assert box.kwargs["color"] == ColorValue("cupertinowhite,0.5")
    with pytest.raises(DartError) as info:
        compile_screen(source.replace("CupertinoIcons.heart", "CupertinoIcons.no_such_icon"), width=390, height=844)
    assert info.value.kind is ErrorKind.ANALYSIS
