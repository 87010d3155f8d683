"""The file's own classes: members without a return type, constructors of every kind, mixins, extensions."""

from __future__ import annotations

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import compile_screen

WIDTH, HEIGHT = 390, 844


def test_a_method_without_a_return_type_is_a_method_not_a_constructor(expr_value) -> None:
    members = (
        "  label(int? p) { return 'page ${p ?? 0}'; }\n"
        "  _twice(x) => x * 2;\n"
        "  static shout(String s) { return s.toUpperCase(); }\n"
    )
    assert expr_value("label(_twice(3))", members) == "page 6"
    assert expr_value("Screen.shout('a')", members) == "A"


def test_an_abstract_method_without_a_return_type_is_overridden(expr_value) -> None:
    top = (
        "abstract class Shape { const Shape(); area(); String describe() => 'area ${area()}'; }\n"
        "class Square extends Shape { const Square(this.side); final int side; area() => side * side; }\n"
    )
    assert expr_value("Square(3).describe()", top=top) == "area 9"


STATICS = """
class Sizes {
  static const double unit = 8;
  static const double gap = unit * 2;
  static final List<double> steps = [unit, gap, big];
  static const big = gap + unit;
  static final Object key = Object();
  static double scaled(double k) => unit * k;
  static String describe() => 'gap ${scaled(2)} ${steps.length} ${key == key} ${key == Object()}';
  static double apply(double Function(double) f) => f(1);
}
"""


def test_statics_see_each_other_unqualified(expr_value) -> None:
    assert expr_value("'${Sizes.gap} ${Sizes.big} ${Sizes.steps}'", top=STATICS) == "16.0 24.0 [8.0, 16.0, 24.0]"
    assert expr_value("Sizes.describe()", top=STATICS) == "gap 16.0 3 true false"
    assert expr_value("'${Sizes.apply(Sizes.scaled)}'", top=STATICS) == "8.0"


def test_instance_code_sees_its_class_statics_and_overrides_win(expr_value) -> None:
    top = (
        "class Base { const Base(); static const prefix = '>'; String label() => '$prefix ${name()}'; "
        "String name() => 'base'; }\n"
        "class Child extends Base { const Child(); @override String name() => 'child'; }\n"
    )
    assert expr_value("Child().label()", top=top) == "> child"


CONSTRUCTORS = """
class Point {
  const Point(this.x, this.y);
  const Point.origin() : this(0, 0);
  Point.square(int side) : this(side, side);
  factory Point.parse(String s) {
    final parts = s.split(',');
    return Point(int.parse(parts[0]), int.parse(parts[1]));
  }
  factory Point.copy(Point other) => Point(other.x, other.y);
  factory Point.zero() = Point.origin;
  final int x;
  final int y;
  @override
  String toString() => '($x, $y)';
}
class Named {
  Named(this.name) : upper = name.toUpperCase() { log.add('body $name'); }
  final String name;
  final String upper;
  final List<String> log = [];
}
class Animal {
  Animal(this.name, {this.legs = 4});
  Animal.bird(String name) : this(name, legs: 2);
  final String name;
  final int legs;
  String describe() => '$name/$legs';
}
class Dog extends Animal {
  Dog(super.name, {super.legs}) : sound = 'woof';
  Dog.puppy() : sound = 'yip', super('pup');
  final String sound;
  @override
  String describe() => '${super.describe()} $sound';
}
class Parrot extends Animal {
  Parrot(String name) : super.bird(name);
}
"""


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (
            "'${Point.origin()} ${Point.square(3)} ${Point.parse('4,5')} ${Point.copy(Point(1, 2))} ${Point.zero()}'",
            "(0, 0) (3, 3) (4, 5) (1, 2) (0, 0)",
        ),
        ("'${Named('ada').upper} ${Named('ada').log}'", "ADA [body ada]"),
        ("'${Animal('cat').legs} ${Animal.bird('owl').describe()}'", "4 owl/2"),
        ("'${Dog('rex').describe()} ${Dog('tri', legs: 3).legs} ${Dog.puppy().describe()}'", "rex/4 woof 3 pup/4 yip"),
        ("Parrot('polly').describe()", "polly/2"),
    ],
)
def test_named_factory_redirecting_and_super_constructors(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr, top=CONSTRUCTORS) == expected


def test_super_calls_the_superclass_method_on_the_same_object(expr_value, make_screen, compile_error) -> None:
    assert expr_value("Dog('a', legs: 5).describe()", top=CONSTRUCTORS) == "a/5 woof"
    top = "class Plain { const Plain(); String toString() => super.toString(); }\n"
    assert compile_error(make_screen("Text(Plain().toString())", top=top)).kind is ErrorKind.UNSUPPORTED


MIXINS = """
mixin Greets {
  String greeting = 'hi';
  String greet() => '$greeting ${name()}';
  String name();
}
mixin Loud on Greets {
  @override
  String greet() => super.greet().toUpperCase();
}
class Person with Greets {
  Person(this.n);
  final String n;
  @override
  String name() => n;
}
class Shouter extends Person with Loud {
  Shouter(super.n);
}
extension Initials on String {
  String get initial => isEmpty ? '' : substring(0, 1).toUpperCase();
  String twice() => '$this$this';
  String shout() => '${toUpperCase()}!';
}
extension on Person {
  String get tag => '#${n.initial}';
}
extension NumX on num {
  double get half => this / 2;
}
"""


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Person('ada').greet()", "hi ada"),
        ("'${Person('ada').greeting}'", "hi"),
        ("Shouter('bob').greet()", "HI BOB"),
        ("'${'grace'.initial} ${'ab'.twice()} ${'x'.shout()}'", "G abab X!"),
        ("Person('lin').tag", "#L"),
        ("'${7.half} ${3.5.half}'", "3.5 1.75"),
        ("['a', 'b'].map((s) => s.twice()).join()", "aabb"),
    ],
)
def test_mixins_and_extensions(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr, top=MIXINS) == expected


def test_extension_on_build_context_and_widgets(make_screen) -> None:
    top = (
        "extension ThemeX on BuildContext { Color get accent => Theme.of(this).colorScheme.primary; }\n"
        "extension Padded on Widget { Widget padded([double all = 8]) => Padding(padding: EdgeInsets.all(all), child: this); }\n"
    )
    root = compile_screen(
        make_screen("Text('a', style: TextStyle(color: context.accent)).padded()", top=top), width=WIDTH, height=HEIGHT
    )
    assert root.type == "Padding" and root.kwargs["padding"].args == (8.0,)
    assert root.kwargs["child"].kwargs["style"].kwargs["color"].spec == "primary"


LIFECYCLE = """
import 'package:flutter/material.dart';
class Page extends StatefulWidget {
  const Page({super.key, required this.title});
  final String title;
  @override
  State<Page> createState() => _PageState();
}
class _PageState extends State<Page> {
  late final String heading = widget.title.toUpperCase();
  late bool wide;
  late int unset;
  final double gap = 8;
  @override
  void didChangeDependencies() {
    super.didChangeDependencies();
    wide = MediaQuery.of(context).size.width >= 600;
  }
  @override
  Widget build(BuildContext context) => Text('$heading $wide $gap');
}
void main() => runApp(const Page(title: 'home'));
"""


def test_late_fields_and_did_change_dependencies(compile_error) -> None:
    assert compile_screen(LIFECYCLE, width=WIDTH, height=HEIGHT).args == ("HOME false 8.0",)
    error = compile_error(LIFECYCLE.replace("Text('$heading", "Text('$unset $heading"))
    assert error.kind is ErrorKind.RUNTIME and "LateInitializationError" in error.message


def test_double_declarations_make_int_literals_doubles(expr_value) -> None:
    members = (
        "  String f([double d = 1]) { double x = 2; final double y = 3; x = 4; return '$d $x $y ${g(5)}'; }\n"
        "  String g(double z) => '$z';"
    )
    assert expr_value("f()", members, "double top = 6;\nconst int keep = 7;") == "1.0 4.0 3.0 5.0"
    assert expr_value("'$top $keep'", top="double top = 6;\nconst int keep = 7;") == "6.0 7"


def test_a_file_enum_given_to_a_widget_is_an_enum_value(make_screen) -> None:
    root = compile_screen(
        make_screen("Text('a', key: ValueKey(Mode.dark))", top="enum Mode { light, dark }\n"),
        width=WIDTH,
        height=HEIGHT,
    )
    key = root.kwargs["key"]
    assert (key.args[0].type, key.args[0].name) == ("Mode", "dark")


@pytest.mark.parametrize(
    ("top", "expr", "kind"),
    [
        ("mixin M { }\n", "Text('${M()}')", ErrorKind.ANALYSIS),
        ("class P { P.a(); }\n", "Text('${P.b()}')", ErrorKind.ANALYSIS),
        ("class A { A(); }\nclass B = A with M;\nmixin M {}\n", "Text('x')", ErrorKind.UNSUPPORTED),
        ("extension type Id(int v) {}\n", "Text('x')", ErrorKind.UNSUPPORTED),
    ],
)
def test_class_errors(top: str, expr: str, kind: ErrorKind, make_screen, compile_error) -> None:
    error = compile_error(make_screen(expr, top=top))
    assert error.kind is kind, str(error)


ENUMS = """
enum ColorLabel {
  blue('Blue', Colors.blue),
  pink('Pink', Colors.pink),
  grey('Grey', Colors.grey, enabled: false);

  const ColorLabel(this.label, this.color, {this.enabled = true});
  final String label;
  final Color color;
  final bool enabled;
  String get shout => label.toUpperCase();
  String describe() => '$index:$name:$label';
}
"""


def test_enhanced_enums_have_fields_getters_and_methods(expr_value, make_screen) -> None:
    assert (
        expr_value("'${ColorLabel.pink.label} ${ColorLabel.blue.shout} ${ColorLabel.grey.describe()}'", top=ENUMS)
        == "Pink BLUE 2:grey:Grey"
    )
    assert (
        expr_value("ColorLabel.values.where((c) => c.enabled).map((c) => c.label).join(',')", top=ENUMS) == "Blue,Pink"
    )
    assert (
        expr_value("'${ColorLabel.blue == ColorLabel.values.first} ${ColorLabel.pink}'", top=ENUMS)
        == "true ColorLabel.pink"
    )
    root = compile_screen(make_screen("Container(color: ColorLabel.pink.color)", top=ENUMS), width=WIDTH, height=HEIGHT)
    assert root.kwargs["color"].spec == "pink"


def test_a_class_extending_another_flutter_class_is_unsupported_not_wrong(make_screen, compile_error) -> None:
    top = "class Diagonal extends MultiChildRenderObjectWidget { const Diagonal({super.key}); }\n"
    error = compile_error(make_screen("Center(child: Diagonal())", top=top))
    assert error.kind is ErrorKind.UNSUPPORTED and "MultiChildRenderObjectWidget" in error.message
    # an object of the file's own class: wrong in a `child` slot, valid where Flutter takes an Object
    # (`DropdownMenuItem(value: plan)`); without parameter types the front end can't tell, and must not
    # call valid Flutter wrong
    top = "class Plain { const Plain(); }\n"
    assert compile_error(make_screen("Center(child: Plain())", top=top)).kind is ErrorKind.UNSUPPORTED


ANIMATED = """
class Counter extends ChangeNotifier { int n = 4; }
class Shown extends AnimatedWidget {
  const Shown({super.key, required Counter counter}) : super(listenable: counter);
  Counter get counter => listenable as Counter;
  @override
  Widget build(BuildContext context) => Text('n=${counter.n}');
}
class Labelled extends Shown {
  const Labelled({super.key, required super.counter});
}
"""


def test_an_animated_widget_of_the_file_is_built_by_its_build(make_screen, compile_error) -> None:
    root = compile_screen(
        make_screen("Center(child: Shown(counter: Counter()))", top=ANIMATED), width=WIDTH, height=HEIGHT
    )
    assert root.kwargs["child"].args == ("n=4",)
    subclass = compile_screen(make_screen("Labelled(counter: Counter())", top=ANIMATED), width=WIDTH, height=HEIGHT)
    assert subclass.args == ("n=4",)
    # AnimatedWidget's own constructor is checked as the analyzer checks it
    misspelt = compile_error(make_screen("Shown(counter: Counter())", top=ANIMATED.replace("(listenable:", "(listen:")))
    assert misspelt.kind is ErrorKind.ANALYSIS and "The named parameter 'listen' isn't defined." in misspelt.message
    missing = compile_error(
        make_screen("Shown(counter: Counter())", top=ANIMATED.replace("super(listenable: counter)", "super()"))
    )
    assert missing.kind is ErrorKind.ANALYSIS and "'listenable' is required" in missing.message
    stateless = (
        "class Bad extends StatelessWidget {\n  const Bad({Key? key}) : super(kee: key);\n"
        "  @override\n  Widget build(BuildContext context) => Text('b');\n}\n"
    )
    assert compile_screen(
        make_screen("Bad()", top=stateless.replace("kee:", "key:")), width=WIDTH, height=HEIGHT
    ).args == ("b",)
    wrong = compile_error(make_screen("Bad()", top=stateless))
    assert wrong.kind is ErrorKind.ANALYSIS and "The named parameter 'kee' isn't defined." in wrong.message


def test_the_files_change_notifiers_signal_nothing_a_first_frame_sees(expr_value) -> None:
    top = (
        "class Model with ChangeNotifier { int n = 0; void bump() { n++; notifyListeners(); } String get v => '$n'; }\n"
        "class Source extends DataTableSource { String get v { notifyListeners(); return 's'; } }\n"
    )
    assert expr_value("(Model()..addListener(() {})..bump()..removeListener(() {})).v + Source().v", top=top) == "1s"


@pytest.mark.parametrize(
    ("top", "kind"),
    [
        (
            "class Model with ChangeNotifier { void bump() { hasListeners; } String get v => 'x'; }\n",
            ErrorKind.UNSUPPORTED,
        ),
        (
            "class Source extends DataTableSource { String get v { notifyListeners(); return rowCount.toString(); } }\n",
            ErrorKind.UNSUPPORTED,
        ),
        ("class Plain { const Plain(); String get v { notifyListeners(); return 'x'; } }\n", ErrorKind.ANALYSIS),
        (
            "class Model with ChangeNotifier { void bump() { notifyListenrs(); } String get v => 'x'; }\n",
            ErrorKind.ANALYSIS,
        ),
    ],
)
def test_members_a_flutter_supertype_would_provide_are_unsupported(
    top: str, kind: ErrorKind, make_screen, compile_error
) -> None:
    expr = (
        "Text(Model().v + (Model()..bump()).v)"
        if "Model" in top
        else "Text(Source().v)"
        if "Source" in top
        else "Text(Plain().v)"
    )
    assert compile_error(make_screen(expr, top=top)).kind is kind


def test_an_unknown_class_called_in_a_state_with_a_flutter_mixin_is_not_called_inherited(compile_error) -> None:
    source = (
        "import 'package:flutter/material.dart';\n"
        "class P extends StatefulWidget { const P({super.key}); State<P> createState() => _S(); }\n"
        "class _S extends State<P> with TickerProviderStateMixin { Widget build(BuildContext c) => Nope(); }\n"
    )
    error = compile_error(source)
    assert "Flutter type" not in error.message and "Nope" in error.message


def test_a_class_declares_its_own_index_operator(expr_value, make_screen, compile_error) -> None:
    top = (
        "class Model<E> { Model(this._items); final List<E> _items; int get length => _items.length;\n"
        "  E operator [](int index) => _items[index]; }\n"
        "class Sub extends Model<String> { Sub() : super(<String>['x', 'y']); }\n"
    )
    assert expr_value("'${Model<int>(<int>[4, 5])[1]} ${Sub()[0]}'", top=top) == "5 x"
    error = compile_error(make_screen("Text('${Plain()[0]}')", top="class Plain { const Plain(); }"))
    assert error.kind is ErrorKind.ANALYSIS and "operator '[]'" in str(error)
