"""Dart code from a model completion.

A completion arrives as a plain string or, from a chat model under TRL, as a list of messages
(`[{"role": "assistant", "content": ...}]`, where `content` may itself be a list of
`{"type": "text", "text": ...}` parts). The code is:

1. the fenced block (```dart ... ```) if there is one: a block tagged `dart`/`flutter` wins over an
   untagged one, then the longest; an opening fence that never closes (a completion cut at the token
   limit) runs to the end of the text;
2. otherwise the bare text from the first line that starts Dart code (`import`, `class`, `void main`,
   `@`, `//`, `library`, `part`) to the last `}` or `;`, which drops prose before and after.
"""

from __future__ import annotations

import re
from typing import Any

_FENCE = re.compile(r"```[ \t]*([\w+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)
_CODE_START = re.compile(r"^[ \t]*(?:import\b|class\b|void\s+main\b|@|//|library\b|part\b|abstract\s+class\b)", re.MULTILINE)
_DART_TAGS = {"dart", "flutter"}


def completion_text(completion: Any) -> str:
    """The assistant's text of one completion: a string, a message dict, or a list of messages."""
    if completion is None:
        return ""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        return _content_text(completion.get("content"))
    if isinstance(completion, (list, tuple)):
        messages = [m for m in completion if isinstance(m, dict)]
        assistant = [m for m in messages if m.get("role", "assistant") == "assistant"]
        return "\n".join(_content_text(m.get("content")) for m in assistant)
    return str(completion)


def _content_text(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type", "text") == "text")
    return str(content)


def extract_code(completion: Any) -> str:
    """The Dart source in a completion (see the module docstring for the rules); '' when there is none."""
    text = completion_text(completion)
    blocks = [(tag.lower(), body) for tag, body in _FENCE.findall(text)]
    if blocks:
        tagged = [body for tag, body in blocks if tag in _DART_TAGS]
        return max(tagged or [body for _, body in blocks], key=len).strip()
    start = _CODE_START.search(text)
    if start is None:
        return ""
    body = text[start.start():]
    end = max(body.rfind("}"), body.rfind(";"))
    return body[: end + 1].strip() if end >= 0 else body.strip()
