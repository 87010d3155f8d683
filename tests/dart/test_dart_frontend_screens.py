"""Whole files: a realistic login screen, and how the root widget is chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from flutter_renderer.api import ErrorKind
from flutter_renderer.dart import Budget, DartError, compile_screen
from flutter_renderer.ir import Closure, ColorValue, DartObject, EnumValue, IconValue

SCREENS = Path(__file__).parent / "screens"


def children_of(widget: DartObject) -> list[DartObject]:
    return widget.kwargs["children"]


def test_login_screen_compiles_to_the_expected_tree() -> None:
    root = compile_screen((SCREENS / "login_screen.dart").read_text(), width=390, height=844)
    assert root.type == "MaterialApp" and root.kwargs["debugShowCheckedModeBanner"] is False
    scaffold = root.kwargs["home"]
    assert scaffold.type == "Scaffold"
    app_bar = scaffold.kwargs["appBar"]
    assert app_bar.kwargs["title"].args == ("Welcome back",)  # widget.title via the State
    assert app_bar.kwargs["backgroundColor"] == ColorValue("primary")  # Theme.of(context).colorScheme
    padding = scaffold.kwargs["body"]
    assert padding.kwargs["padding"].ctor == "all" and padding.kwargs["padding"].args == (16.0,)  # width <= 600
    column = padding.kwargs["child"]
    assert column.kwargs["crossAxisAlignment"] == EnumValue("CrossAxisAlignment", "stretch")
    kids = children_of(column)
    assert [k.type for k in kids] == [
        "Text",
        "Text",
        "SizedBox",
        "Padding",
        "Padding",
        "Text",
        "ElevatedButton",
        "TextButton",
        "TextButton",
        "Container",
        "Row",
    ]
    greeting, subtitle = kids[0], kids[1]
    assert greeting.args == ("Welcome back, attempt 3",)  # getter + initState assignment
    assert greeting.kwargs["style"].kwargs == {"_theme": "headlineSmall", "fontWeight": EnumValue("FontWeight", "bold")}
    assert subtitle.args == ("SIGN IN TO CONTINUE",)  # default constructor argument
    assert subtitle.kwargs["style"].kwargs["color"] == ColorValue("grey600")
    email = kids[3].kwargs["child"].kwargs["decoration"].kwargs
    assert email["labelText"] == "Email" and email["hintText"] == "you@example.com"
    assert email["prefixIcon"].args == (IconValue("email_outlined"),)
    assert kids[4].kwargs["child"].kwargs["obscureText"] is True  # State field passed to a helper
    assert kids[5].args == ("Forgot password?",)  # collection if on State
    assert kids[6].kwargs["onPressed"] == Closure(line=76)
    assert [b.kwargs["child"].args[0] for b in kids[7:9]] == ["Continue with Google", "Continue with Apple"]
    assert kids[9].kwargs["color"] == ColorValue("black,0.12")
    dots = children_of(kids[10])
    assert [d.kwargs["color"] for d in dots] == [
        ColorValue("primary"),
        ColorValue("#FFBDBDBD"),
        ColorValue("#FFBDBDBD"),
    ]


def test_media_query_follows_the_render_size() -> None:
    root = compile_screen((SCREENS / "login_screen.dart").read_text(), width=800, height=1200)
    assert root.kwargs["home"].kwargs["body"].kwargs["padding"].args == (48,)


WIDGET = """
class {name} extends StatelessWidget {{
  const {name}({{super.key}});
  @override
  Widget build(BuildContext context) => {body};
}}
"""


def file_of(*widgets: tuple[str, str], main: str = "") -> str:
    return (
        "import 'package:flutter/material.dart';\n"
        + main
        + "".join(WIDGET.format(name=name, body=body) for name, body in widgets)
    )


ROOTS = [
    # no main: the widget nobody instantiates, preferring one that builds a page, ties -> last
    (file_of(("Card1", "Text('card')"), ("Home", "Scaffold(body: Card1())")), "Scaffold"),
    (file_of(("Home", "Scaffold(body: Card1())"), ("Card1", "Text('card')")), "Scaffold"),
    (file_of(("A", "Text('a')"), ("B", "Text('b')")), "Text"),
    (file_of(("Page", "Scaffold(body: Text('p'))"), ("Other", "Center(child: Text('o'))")), "Scaffold"),
    # main decides
    (
        file_of(
            ("Page", "Scaffold(body: Text('p'))"),
            ("Other", "Center(child: Text('o'))"),
            main="void main() { runApp(const Other()); }\n",
        ),
        "Center",
    ),
    (
        file_of(("Page", "Scaffold(body: Text('p'))"), main="void main() => runApp(MaterialApp(home: Page()));\n"),
        "MaterialApp",
    ),
]


@pytest.mark.parametrize(("source", "root_type"), ROOTS)
def test_root_selection(source: str, root_type: str) -> None:
    assert compile_screen(source, width=390, height=844).type == root_type


def test_main_runs_up_to_run_app_when_the_app_reads_its_locals() -> None:
    source = file_of(
        main="""void main() {
  final names = <String>['a'];
  names.add('b');
  String joined() => names.join(',');
  final (first, :second) = (1, second: 2);
  runApp(MaterialApp(home: Text('${joined()} $first $second')));
}
"""
    )
    assert compile_screen(source, width=390, height=844).kwargs["home"].args == ("a,b 1 2",)


def test_main_statements_the_app_does_not_read_are_left_out() -> None:
    # binding setup before runApp has no effect on the first frame; Flutter's names there aren't drawn
    source = file_of(
        ("Page", "Text('p')"),
        main="""void main() {
  WidgetsFlutterBinding.ensureInitialized();
  runApp(const Page());
}
""",
    )
    assert compile_screen(source, width=390, height=844).args == ("p",)
    needs = file_of(
        main="""void main() {
  final locale = Locale('en');
  runApp(Text('$locale'));
}
"""
    )
    with pytest.raises(DartError) as caught:  # read by the app: run, and honestly not drawn
        compile_screen(needs, width=390, height=844)
    assert caught.value.kind is ErrorKind.UNSUPPORTED and "'Locale'" in caught.value.message
    wrong = file_of(main="void main() {\n  final n = 1;\n  runApp(Text('$n $m'));\n}\n")
    with pytest.raises(DartError) as caught:  # a name neither main nor Flutter has stays the analyzer's
        compile_screen(wrong, width=390, height=844)
    assert caught.value.kind is ErrorKind.ANALYSIS and "Undefined name 'm'" in caught.value.message


def test_mains_statements_stay_within_the_budget() -> None:
    source = file_of(main="void main() {\n  var n = 0;\n  while (true) { n++; }\n  runApp(Text('$n'));\n}\n")
    with pytest.raises(DartError) as caught:
        compile_screen(source, width=390, height=844, budget=Budget(max_steps=5_000))
    assert caught.value.kind is ErrorKind.TIMEOUT


def test_ties_go_to_the_last_widget_in_the_file() -> None:
    root = compile_screen(file_of(("A", "Text('a')"), ("B", "Text('b')")), width=390, height=844)
    assert root.args == ("b",)


def test_a_file_without_widgets_has_nothing_to_render() -> None:
    with pytest.raises(DartError) as caught:
        compile_screen("const x = 1;\nclass Data { final int n = 1; }\n", width=390, height=844)
    assert caught.value.kind is ErrorKind.ANALYSIS
    assert "No widget to render" in caught.value.message


def test_stateful_widget_without_main() -> None:
    source = """
import 'package:flutter/material.dart';
class Counter extends StatefulWidget {
  const Counter({super.key, this.start = 5});
  final int start;
  @override
  State<Counter> createState() => _CounterState();
}
class _CounterState extends State<Counter> {
  late int count;
  final List<String> log = [];
  @override
  void initState() {
    super.initState();
    count = widget.start * 2;
  }
  void _increment() => setState(() => count++);
  @override
  Widget build(BuildContext context) {
    return Scaffold(
      body: Center(child: Text('Count: $count')),
      floatingActionButton: ElevatedButton(onPressed: _increment, child: const Text('+')),
    );
  }
}
"""
    root = compile_screen(source, width=390, height=844)
    assert root.kwargs["body"].kwargs["child"].args == ("Count: 10",)
    assert isinstance(root.kwargs["floatingActionButton"].kwargs["onPressed"], Closure)
