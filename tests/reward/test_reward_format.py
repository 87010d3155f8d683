"""Code extraction and the format reward, as a table of completions and expected scores."""

from __future__ import annotations

import pytest

from flutter_rl.reward.extract import extract_code
from flutter_rl.reward.format import format_checks, format_score

IMPORT = "import 'package:flutter/material.dart';"
STATELESS = """class Home extends StatelessWidget {
  const Home({super.key});
  @override
  Widget build(BuildContext context) {
    return const Scaffold(body: Text('Hi'));
  }
}"""
FULL = f"{IMPORT}\n\n{STATELESS}"
STATEFUL = f"""{IMPORT}
class Counter extends StatefulWidget {{
  @override
  State<Counter> createState() => _CounterState();
}}
class _CounterState extends State<Counter> {{
  @override
  Widget build(BuildContext ctx) => const Text('0');
}}"""

CASES = [
    ("bare full file", FULL, 1.0),
    ("fenced dart with prose around", f"Here is the screen:\n```dart\n{FULL}\n```\nIt uses a Scaffold.", 1.0),
    ("untagged fence", f"```\n{FULL}\n```", 1.0),
    ("bare code with prose around", f"Sure! Here you go:\n{FULL}\nHope this helps.", 1.0),
    ("stateful widget, other param name", STATEFUL, 1.0),
    ("double-quoted import", FULL.replace("'package:flutter/material.dart'", '"package:flutter/material.dart"'), 1.0),
    ("missing import", STATELESS, 2 / 3),
    ("missing build method", f"{IMPORT}\nclass Home extends StatelessWidget {{}}", 2 / 3),
    ("wrong class kind: ChangeNotifier", FULL.replace("StatelessWidget", "ChangeNotifier"), 2 / 3),
    (
        "wrong class kind: State only",
        f"{IMPORT}\nclass S extends State<Home> {{ Widget build(BuildContext c) => Text(''); }}",
        2 / 3,
    ),
    ("import of another package only", FULL.replace("material.dart", "cupertino.dart"), 2 / 3),
    ("commented-out import", FULL.replace(IMPORT, "// " + IMPORT), 2 / 3),
    ("block-commented class", f"{IMPORT}\n/* {STATELESS} */", 1 / 3),
    ("prose only", "I cannot write this screen.", 0.0),
    ("empty", "", 0.0),
    ("unterminated fence (cut at token limit)", f"```dart\n{FULL[:-20]}", 1.0),
]


@pytest.mark.parametrize("completion, expected", [(c, e) for _, c, e in CASES], ids=[n for n, _, _ in CASES])
def test_format_score_table(completion: str, expected: float) -> None:
    assert format_score(completion) == pytest.approx(expected)


def test_chat_completion_is_read_like_a_string() -> None:
    chat = [{"role": "assistant", "content": f"```dart\n{FULL}\n```"}]
    parts = [{"role": "assistant", "content": [{"type": "text", "text": f"```dart\n{FULL}\n```"}]}]
    assert extract_code(chat) == extract_code(parts) == FULL
    assert format_score(chat) == 1.0


def test_dart_fence_wins_over_other_fences() -> None:
    text = f"Run:\n```bash\nflutter run --release --verbose --device-id=emulator-5554\n```\n```dart\n{FULL}\n```"
    assert extract_code(text) == FULL


def test_bare_code_drops_trailing_prose() -> None:
    assert extract_code(f"{FULL}\nThat is all.").endswith("}")


def test_comment_markers_inside_strings_do_not_hide_code() -> None:
    code = FULL.replace("Text('Hi')", "Text('http://x.io /* not a comment')")
    assert all(format_checks(code).values())
