"""Dart code from a model completion.

A completion arrives in any shape TRL 1.x hands a reward function (`GRPOTrainer._generate_and_score_completions`):
a plain string (a non-conversational dataset), or a list of messages
(`[{"role": "assistant", "content": ...}]`; with tools, assistant and `tool` messages alternate). A
`content` is a string, None, or a list of parts (`{"type": "text", "text": ...}`, image parts, ...).
The text is every assistant message's text parts; other parts and other roles are left out, so an
image-only or None content reads as no text, never as an error.

Texts longer than `MAX_COMPLETION_CHARS` are refused before any pattern runs. The code is:

1. the fenced block (```dart ... ```) if there is one: a block tagged `dart`/`flutter` wins over an
   untagged one, then the longest; an opening fence that never closes (a completion cut at the token
   limit) runs to the end of the text;
2. otherwise the bare text from the first line that starts Dart code (`import`, `class`, `void main`,
   `@`, `//`, `library`, `part`) to the last `}` or `;`, which drops prose before and after.

Fences are found with `str.find` and every pattern is linear in the text, so a degenerate completion
(a model repeating backticks) costs milliseconds, not minutes (benchmarks/reward_worst_case.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# The Dart front end refuses sources over 200 kB, so no renderable code is longer; a degenerate
# completion (a model stuck repeating a token) can be far longer.
MAX_COMPLETION_CHARS = 200_000
_FENCE = "```"
_FENCE_TAG = re.compile(r"[ \t]*([\w+-]*)")
_CODE_START = re.compile(
    r"^[ \t]*(?:import\b|class\b|void[ \t]+main\b|@|//|library\b|part\b|abstract[ \t]+class\b)", re.MULTILINE
)
_DART_TAGS = {"dart", "flutter"}


@dataclass(frozen=True)
class Extraction:
    """The code of one completion, and why there is none when `code` is empty."""

    code: str
    problem: str = ""


def completion_text(completion: Any) -> str:
    """The assistant's text of one completion: a string, a message dict, or a list of messages; '' for
    a completion with no text (None, an empty list, image-only content, an unknown type)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        return _content_text(completion.get("content"))
    if isinstance(completion, (list, tuple)):
        assistant = [m for m in completion if isinstance(m, dict) and m.get("role", "assistant") == "assistant"]
        return "\n".join(_content_text(m.get("content")) for m in assistant)
    return ""


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        content = [content]
    if isinstance(content, (list, tuple)):
        return "".join(_part_text(part) for part in content)
    return ""


def _part_text(part: Any) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict) and part.get("type", "text") == "text" and isinstance(part.get("text"), str):
        return part["text"]
    return ""


def _fenced_blocks(text: str) -> list[tuple[str, str]]:
    """`(tag, body)` of every fenced block; each `find` starts where the previous one stopped."""
    blocks = []
    position = 0
    while (start := text.find(_FENCE, position)) >= 0:
        line_end = text.find("\n", start + len(_FENCE))
        if line_end < 0:
            break  # an opening fence needs its own line; no later one can have it either
        tag = _FENCE_TAG.match(text, start + len(_FENCE), line_end).group(1).lower()
        close = text.find(_FENCE, line_end + 1)
        blocks.append((tag, text[line_end + 1 : close if close >= 0 else len(text)]))
        if close < 0:
            break
        position = close + len(_FENCE)
    return blocks


def extract(completion: Any) -> Extraction:
    """The Dart source in a completion (see the module docstring for the rules), or why there is none."""
    text = completion_text(completion)
    if not text.strip():
        return Extraction("", "no code in the completion: it has no text")
    if len(text) > MAX_COMPLETION_CHARS:
        return Extraction("", f"the completion has {len(text)} characters, over the limit of {MAX_COMPLETION_CHARS}")
    blocks = _fenced_blocks(text)
    if blocks:
        tagged = [body for tag, body in blocks if tag in _DART_TAGS]
        code = max(tagged or [body for _, body in blocks], key=len).strip()
    elif start := _CODE_START.search(text):
        body = text[start.start() :]
        end = max(body.rfind("}"), body.rfind(";"))
        code = body[: end + 1].strip() if end >= 0 else body.strip()
    else:
        code = ""
    return Extraction(code, "" if code else "no code in the completion")


def extract_code(completion: Any) -> str:
    """The Dart source in a completion; '' when there is none."""
    return extract(completion).code
