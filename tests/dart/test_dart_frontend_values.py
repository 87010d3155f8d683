"""Dart snippets -> the IR values the front end must produce."""

from __future__ import annotations

import math

import pytest

from flutter_renderer.dart import compile_screen
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue, IconValue, ThemeTextStyle

WIDTH, HEIGHT = 390, 844  # the size conftest's helpers compile at


def obj(type_: str, ctor: str = "", *args, **kwargs) -> DartObject:
    return DartObject(type_, ctor, args, kwargs)


def shape(value):
    """An IR value without source positions, for comparisons."""
    if isinstance(value, DartObject):
        return (
            value.type,
            value.ctor,
            tuple(shape(a) for a in value.args),
            {k: shape(v) for k, v in value.kwargs.items()},
        )
    if isinstance(value, list):
        return [shape(v) for v in value]
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, Closure):
        return Closure()
    return value


EXPRESSIONS = [
    # literals and arithmetic
    ("1 + 2 * 3 - 4", 3),
    ("1 + 2 * 3 - 4 < 5 == true", True),
    ("7 ~/ 2", 3),
    ("-7 ~/ 2", -3),
    ("7 / 2", 3.5),
    ("7 % 3", 1),
    ("16.0", 16.0),
    ("0xFF", 255),
    ("0xFFFFFFFFFFFFFFFF", -1),
    ("1_000", 1000),
    ("007", 7),
    ("!true || false && true", False),
    ("true || false && false", True),
    ("null ?? 'fallback'", "fallback"),
    ("3 > 2 ? 'yes' : 'no'", "yes"),
    ("1 + 2 > 2 ? 'big' : 'small'", "big"),  # tree-sitter-dart nests this as 1 + (2 > 2 ? ...)
    ("false || 1 == 1 ? 'y' : 'n'", "y"),
    ("n > 2 && n < 5 ? n * 2 : 0", 6),
    ("'a' + 'b'", "ab"),
    ("'ab' * 3", "ababab"),
    ("'tab\\there'", "tab\there"),
    ("r'raw \\n \\$x'", "raw \\n \\$x"),
    ("'a' 'b'", "ab"),
    ("'''multi\nline'''", "multi\nline"),
    ("'\\u0041\\u{1F600}'", "A\U0001f600"),
    # string interpolation and conversions
    ("'n=$n'", "n=3"),
    ("'next=${n + 1}!'", "next=4!"),
    ("'${price.toStringAsFixed(2)} EUR'", "9.50 EUR"),
    ("price.toString()", "9.5"),
    ("2.0.toString()", "2.0"),
    ("'$flag $nothing'", "true null"),
    ("name.toUpperCase()", "ADA"),
    ("name.length", 3),
    ("name.isEmpty", False),
    ("name.substring(1)", "da"),
    ("(3.7).round()", 4),
    ("n.isOdd", True),
    # collections
    ("[1, 2, 3].length", 3),
    ("[1, if (flag) 2, if (!flag) 3 else 4, for (final x in [5, 6]) x * 10]", [1, 2, 4, 50, 60]),
    ("[0, ...[1, 2], ...?nothingList]", [0, 1, 2]),
    ("[for (var i = 0; i < 3; i++) i]", [0, 1, 2]),
    ("List.generate(3, (i) => i * i)", [0, 1, 4]),
    ("List.filled(2, 'x')", ["x", "x"]),
    ("items.map((e) => e.toUpperCase()).toList()", ["A", "BB", "CCC"]),
    ("items.where((e) => e.length > 1).toList()", ["bb", "ccc"]),
    ("items.asMap().entries.map((e) => '${e.key}:${e.value}').toList()", ["0:a", "1:bb", "2:ccc"]),
    ("items.isEmpty", False),
    ("items.first + items.last", "accc"),
    ("items.join(',')", "a,bb,ccc"),
    ("items.fold(0, (sum, e) => sum + e.length)", 6),
    ("{'a': 1, 'b': 2}['b']", 2),
    ("List<int>.generate(3, (i) => i + 1)", [1, 2, 3]),
    ("items.map<String>((e) => e[0]).toList()", ["a", "b", "c"]),
    ("[...items.map<String>((e) => e.toUpperCase())]", ["A", "BB", "CCC"]),
    ("List<int>.generate(2, (i) => i).length", 2),
    ("List<void>.filled(2, null).length", 2),  # `void` as a type argument, read as `List < void >`
    ("pick<void>(null) == null", True),
    ("[1, 2].any([2, 3].contains)", True),  # tear-offs of built-in methods
    ("items.where(['a', 'ccc'].contains).toList()", ["a", "ccc"]),
    ("items.map('bb'.contains).toList()", [False, True, False]),
    ("[1.5, 2.5].map((e) => e.round).map((f) => f()).toList()", [2, 3]),
    ("'abc'.codeUnitAt(1)", 98),  # dart:core members screens use
    ("'a😀'.codeUnits", [97, 0xD83D, 0xDE00]),  # UTF-16 code units, as Dart counts them
    ("String.fromCharCode(65) + String.fromCharCodes([72, 0xD83D, 0xDE00])", "AH😀"),
    ("'a-b-c'.replaceFirst('-', '+') + 'abcb'.lastIndexOf('b').toString()", "a+b-c3"),
    ("[1, 2, 1].lastIndexOf(1)", 2),
    ("[1, 2, 3, 1].takeWhile((e) => e < 3).toList() + [1, 2, 3, 1].skipWhile((e) => e < 3).toList()", [1, 2, 3, 1]),
    ("([1, 2, 3]..removeWhere((e) => e == 2)) + ([1, 2, 3]..retainWhere((e) => e == 2))", [1, 3, 2]),
    ("[1, 2, 3].getRange(1, 3).toList()", [2, 3]),
    ("List<String>.from(items).length + 1 > 3", True),
    ("items.firstWhere((e) => e.length == 2)", "bb"),
    ("items.firstWhere((e) => e == 'z', orElse: () => 'none')", "none"),
    ("items.indexWhere((e) => e == 'ccc')", 2),
    ("sorted()", [3, 2, 1]),
    ("collected()", ["a!", "bb!", "ccc!"]),
    ("{'a': 1}.entries.map((e) => e.key).toList()", ["a"]),
    ("nothing?.length", None),
    ("nothingList?.first.length", None),
    ("name!", "Ada"),
    ("n is int", True),
    ("name is! String", False),
    ("DateTime(2011, 1, 2) is DateTime", True),
    ("name is DateTime", False),
    # the file's own declarations
    ("kTitle", "Title"),
    ("helper(2)", 4),
    ("optional(1)", "1-2"),
    ("optional(1, 5)", "1-5"),
    ("named(a: 1)", "1-9"),
    ("greeting", "Hello Ada"),
    ("Item('pen', 2).label", "pen x2"),
    ("'${Item('ink', 1)}'", "Item(ink)"),
    ("items2.map((i) => i.name).join(' ')", "a b"),
    ("Fruit.pear.name", "pear"),
    ("Fruit.values.length", 2),
    ("Holder.limit", 7),
    ("branchy(5)", "big"),
    ("branchy(1)", "small"),
    ("looped(4)", 6),
    ("localFn()", 42),
    ("label('b')", "early"),
    ("label('c')", "c!"),
    ("label('z')", "other"),
    ("Fruit.pear == Fruit.pear", True),
    ("switch (n) { 1 || 2 => 'small', 3 => 'three', _ => 'big' }", "three"),
    ("switch (Fruit.apple) { Fruit.pear => 'p', Fruit.apple => 'a' }", "a"),
    # dart:math
    ("max(3, 8)", 8),
    ("pi > 3.14", True),
    # Flutter values
    ("MediaQuery.of(context).size.width", float(WIDTH)),
    ("MediaQuery.sizeOf(context).height / 2", HEIGHT / 2),
    ("MediaQuery.of(context).padding.top", 0.0),
    ("double.infinity", math.inf),
    ("Colors.blue", ColorValue("blue")),
    ("Colors.blueGrey.shade100", ColorValue("bluegrey100")),
    ("Colors.blue[700]", ColorValue("blue700")),
    ("Colors.white70", ColorValue("white70")),
    # Flutter's lists: 18 primaries without grey, 16 accents
    ("Colors.primaries.length", 18),
    ("Colors.primaries[3]", ColorValue("deeppurple")),
    ("Colors.primaries[20 % Colors.primaries.length].shade700", ColorValue("purple700")),
    ("Colors.primaries.contains(Colors.grey)", False),
    ("Colors.primaries.contains(Colors.blueGrey)", True),
    ("Colors.accents.last", ColorValue("deeporangeaccent")),
    ("Colors.transparent", ColorValue("transparent")),
    ("Colors.red.withOpacity(0.5)", ColorValue("red,0.5")),
    ("Colors.red.withValues(alpha: 0.25)", ColorValue("red,0.25")),
    ("Color(0xFF112233)", ColorValue("#FF112233")),
    ("Color(0xFF112233).withOpacity(0.5)", ColorValue("#80112233")),
    ("Color(0xFF112233).withAlpha(0)", ColorValue("#00112233")),
    ("Color.fromARGB(255, 1, 2, 3)", ColorValue("#FF010203")),
    ("Color.fromRGBO(255, 0, 0, 1.0)", ColorValue("#FFFF0000")),
    ("Theme.of(context).colorScheme.primary", ColorValue("primary")),
    ("Theme.of(context).colorScheme.onSurface.withOpacity(0.6)", ColorValue("onsurface,0.6")),
    ("Theme.of(context).textTheme.titleLarge", ThemeTextStyle("titleLarge")),
    ("Icons.arrow_back", IconValue("arrow_back")),
    ("MainAxisAlignment.center", EnumValue("MainAxisAlignment", "center")),
    ("FontWeight.w600", EnumValue("FontWeight", "w600")),
]

MEMBERS = """
  final int n = 3;
  final double price = 9.5;
  final bool flag = true;
  final String? nothing = null;
  final List<String>? nothingList = null;
  final String name = 'Ada';
  final List<String> items = const ['a', 'bb', 'ccc'];
  final items2 = const [Item('a', 1), Item('b', 1)];
  String get greeting => 'Hello $name';
  int helper(int x) => x * 2;
  String optional(int a, [int b = 2]) => '$a-$b';
  String named({required int a, int b = 9}) => '$a-$b';
  String branchy(int x) {
    final limit = 3;
    if (x > limit) {
      return 'big';
    } else {
      return 'small';
    }
  }
  int looped(int count) {
    var total = 0;
    for (var i = 0; i < count; i++) {
      total += i;
    }
    return total;
  }
  List<int> sorted() {
    final values = [2, 3, 1];
    values.sort((a, b) => b.compareTo(a));
    return values;
  }
  List<String> collected() {
    final out = <String>[];
    items.forEach((e) => out.add('$e!'));
    return out;
  }
  String label(String code) {
    switch (code) {
      case 'a':
      case 'b':
        return 'early';
      case 'c':
        final suffix = '!';
        return 'c$suffix';
      default:
        return 'other';
    }
  }
  int localFn() {
    int inner() => 42;
    return inner();
  }
  T pick<T>(T value) => value;
"""

TOP = """
import 'dart:math';
const kTitle = 'Title';
enum Fruit { apple, pear }
class Holder { static const limit = 7; }
class Item {
  const Item(this.name, this.count);
  final String name;
  final int count;
  String get label => '$name x$count';
  @override
  String toString() => 'Item($name)';
}
"""


@pytest.mark.parametrize(("expr", "expected"), EXPRESSIONS, ids=[e for e, _ in EXPRESSIONS])
def test_expression_value(expr: str, expected, expr_value) -> None:
    value = expr_value(expr, MEMBERS, TOP)
    assert value == expected
    assert type(value) is type(expected)


WIDGETS = [
    (
        "Padding(padding: EdgeInsets.all(8), child: Text('a'))",
        obj("Padding", padding=obj("EdgeInsets", "all", 8), child=obj("Text", "", "a")),
    ),
    (
        "const Padding(padding: EdgeInsets.symmetric(horizontal: 4.0), child: const Text('a'))",
        obj("Padding", padding=obj("EdgeInsets", "symmetric", horizontal=4.0), child=obj("Text", "", "a")),
    ),
    (
        "Column(mainAxisAlignment: MainAxisAlignment.center, children: [Text('a'), SizedBox(height: 8)])",
        obj(
            "Column",
            mainAxisAlignment=EnumValue("MainAxisAlignment", "center"),
            children=[obj("Text", "", "a"), obj("SizedBox", height=8)],
        ),
    ),
    (
        "Container(padding: EdgeInsets.zero, width: double.infinity)",
        obj("Container", padding=obj("EdgeInsets", "all", 0), width=math.inf),
    ),
    (
        "Container(decoration: BoxDecoration(color: Colors.white, borderRadius: BorderRadius.circular(12)))",
        obj(
            "Container",
            decoration=obj(
                "BoxDecoration", color=ColorValue("white"), borderRadius=obj("BorderRadius", "circular", 12)
            ),
        ),
    ),
    (
        "Text('t', style: Theme.of(context).textTheme.bodyMedium?.copyWith(color: Colors.red))",
        obj("Text", "", "t", style=obj("TextStyle", _theme="bodyMedium", color=ColorValue("red"))),
    ),
    (
        "Text('t', style: TextStyle(fontSize: 12).copyWith(fontWeight: FontWeight.bold))",
        obj("Text", "", "t", style=obj("TextStyle", fontSize=12, fontWeight=EnumValue("FontWeight", "bold"))),
    ),
    (
        "ElevatedButton(onPressed: () { Navigator.pop(context); }, child: Text('go'))",
        obj("ElevatedButton", onPressed=Closure(), child=obj("Text", "", "go")),
    ),
    (
        "ElevatedButton(onPressed: null, child: Text('off'))",
        obj("ElevatedButton", onPressed=None, child=obj("Text", "", "off")),
    ),
    ("TextField(onChanged: (v) => setState(() => q = v))", obj("TextField", onChanged=Closure())),
    (
        "TextButton(onPressed: _tap, child: Text('tear-off'))",
        obj("TextButton", onPressed=Closure(), child=obj("Text", "", "tear-off")),
    ),
    (
        "Icon(Icons.add, color: Colors.blue.shade100, size: 24)",
        obj("Icon", "", IconValue("add"), color=ColorValue("blue100"), size=24),
    ),
    # builders Flutter runs for the first frame are expanded; without itemCount they stay closures
    (
        "ListView.builder(itemCount: 2, itemBuilder: (context, i) => Text('$i'))",
        obj("ListView", "builder", itemCount=2, itemBuilder=[obj("Text", "", "0"), obj("Text", "", "1")]),
    ),
    ("ListView.builder(itemBuilder: (context, i) => Text('$i'))", obj("ListView", "builder", itemBuilder=Closure())),
    (
        "ListView.separated(itemCount: 2, itemBuilder: _item, separatorBuilder: (_, __) => Divider())",
        obj(
            "ListView",
            "separated",
            itemCount=2,
            itemBuilder=[obj("Text", "", "row 0"), obj("Text", "", "row 1")],
            separatorBuilder=[obj("Divider")],
        ),
    ),
    (
        "Builder(builder: (context) => Text(Theme.of(context).useMaterial3.toString()))",
        obj("Builder", builder=obj("Text", "", "true")),
    ),
    (
        "Form(key: _formKey, child: TextField(controller: _name))",
        obj("Form", key=obj("GlobalKey"), child=obj("TextField", controller=obj("TextEditingController", text="Ada"))),
    ),
    ("Text('${Duration(seconds: 3).toString().isNotEmpty}')", obj("Text", "", "true")),
    (
        "Row(children: List.generate(2, (i) => Text('#$i')))",
        obj("Row", children=[obj("Text", "", "#0"), obj("Text", "", "#1")]),
    ),
    ("Center(child: Badge(label: 'x'))", obj("Center", child=obj("Text", "", "[x]"))),
]

WIDGET_MEMBERS = """
  void _tap() {}
  Widget _item(BuildContext context, int index) => Text('row $index');
  final _formKey = GlobalKey<FormState>();
  final _name = TextEditingController(text: 'Ada');
"""
WIDGET_TOP = """
class Badge extends StatelessWidget {
  const Badge({super.key, required this.label});
  final String label;
  @override
  Widget build(BuildContext context) => Text('[$label]');
}
"""


@pytest.mark.parametrize(("expr", "expected"), WIDGETS, ids=[e[:60] for e, _ in WIDGETS])
def test_widget_tree(expr: str, expected: DartObject, make_screen) -> None:
    root = compile_screen(make_screen(expr, WIDGET_MEMBERS, WIDGET_TOP), width=WIDTH, height=HEIGHT)
    assert shape(root) == shape(expected)


def test_positions_point_at_the_constructor_call(make_screen) -> None:
    root = compile_screen(make_screen("Center(\n    child: Text('a'))"), width=WIDTH, height=HEIGHT)
    assert (root.line, root.column) == (7, 41)
    assert (root.kwargs["child"].line, root.kwargs["child"].column) == (8, 12)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ('"Don\'t"', "Don't"),
        ("'say \"hi\"'", 'say "hi"'),
        ("'a' \"b\" 'c'", "abc"),
        ("'''it's'''", "it's"),
        ("r'x$y'", "x$y"),
    ],
)
def test_a_quote_of_the_other_kind_is_text(expr: str, expected: str, expr_value) -> None:
    assert expr_value(expr) == expected
