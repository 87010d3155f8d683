"""Every completion shape TRL can hand a reward function scores, or fails alone with a reason (issue 21).

The shapes, from trl 1.16's `GRPOTrainer._generate_and_score_completions` and `_tool_call_loop`:
a string (non-conversational prompts: `batch_decode`); `[{"role": "assistant", "content": str}]`
(conversational: `batch_decode` wrapped, or `chat_template_utils.parse_response`, which may add
`tool_calls` and leaves `content` ""); with tools, the assistant message is followed by `tool`
messages whose content may be a list of parts (`{"type": "image", "image": ...}`,
`{"type": "text", "text": ...}`) and by the assistant's next message. Chat datasets also store
content as parts, where `datasets` fills a part's missing keys with None.
"""

from __future__ import annotations

import pytest
from PIL import Image

from flutter_rl.reward.scoring import score_batch
from flutter_rl.reward.trl_adapter import make_reward_functions
from flutter_rl.settings import RewardSettings, Settings

GOOD = """import 'package:flutter/material.dart';
class Home extends StatelessWidget {
  @override
  Widget build(BuildContext context) => const Text('Inbox');
}"""
TOOL_CALL = {"type": "function", "function": {"name": "render", "arguments": {"code": "x"}}}
NO_TEXT = "no code in the completion: it has no text"

# (name, completion, format score, reason ('' when the sample renders))
SHAPES = [
    ("string", GOOD, 1.0, ""),
    ("chat, string content", [{"role": "assistant", "content": GOOD}], 1.0, ""),
    ("chat, text parts", [{"role": "assistant", "content": [{"type": "text", "text": GOOD}]}], 1.0, ""),
    (
        "chat, parts with None-filled keys",
        [
            {
                "role": "assistant",
                "content": [
                    {"type": "image", "image": None, "text": None},
                    {"type": "text", "text": GOOD, "image": None},
                ],
            }
        ],
        1.0,
        "",
    ),
    ("one message dict", {"role": "assistant", "content": GOOD}, 1.0, ""),
    (
        "tool loop",
        [
            {"role": "assistant", "content": "", "tool_calls": [TOOL_CALL]},
            {
                "role": "tool",
                "name": "render",
                "content": [
                    {"type": "image", "image": Image.new("RGB", (4, 4))},
                    {"type": "text", "text": "class X {}"},
                ],
            },
            {"role": "assistant", "content": f"```dart\n{GOOD}\n```"},
        ],
        1.0,
        "",
    ),
    (
        "tool call only (parse_response content '')",
        [{"role": "assistant", "content": "", "tool_calls": [TOOL_CALL]}],
        0.0,
        NO_TEXT,
    ),
    (
        "text part whose text is None",
        [{"role": "assistant", "content": [{"type": "text", "text": None}]}],
        0.0,
        NO_TEXT,
    ),
    ("image part only", [{"role": "assistant", "content": [{"type": "image", "image": None}]}], 0.0, NO_TEXT),
    ("None content", [{"role": "assistant", "content": None}], 0.0, NO_TEXT),
    ("no content key", [{"role": "assistant"}], 0.0, NO_TEXT),
    ("empty list", [], 0.0, NO_TEXT),
    ("None", None, 0.0, NO_TEXT),
    ("not text at all", 42, 0.0, NO_TEXT),
    ("prose only", [{"role": "assistant", "content": "I cannot do that."}], 0.0, "no code in the completion"),
]
IDS = [name for name, *_ in SHAPES]


@pytest.mark.parametrize("completion, expected_format, reason", [s[1:] for s in SHAPES], ids=IDS)
def test_each_shape_scores_alone(fake_backend, screen, completion, expected_format, reason):
    [score] = score_batch([completion], [screen], backend=fake_backend, settings=RewardSettings(visual="structure"))
    assert score.format == pytest.approx(expected_format)
    assert score.rendered == (reason == "") and score.reason == reason


def test_all_shapes_in_one_batch_score_like_each_alone(fake_backend, screen):
    scores = score_batch(
        [s[1] for s in SHAPES],
        [screen] * len(SHAPES),
        backend=fake_backend,
        settings=RewardSettings(visual="structure"),
    )
    assert [(s.format, s.reason) for s in scores] == [(f, r) for _, _, f, r in SHAPES]
    assert len(fake_backend.calls) == 1


def test_all_shapes_through_the_trl_reward_functions(fake_backend, screen):
    funcs, _ = make_reward_functions(Settings.model_validate({"reward": {"visual": "structure"}}), fake_backend)
    completions = [s[1] for s in SHAPES]
    rendered = funcs[2](
        prompts=[[{"role": "user", "content": "x"}]] * len(SHAPES),
        completions=completions,
        completion_ids=[[1]] * len(SHAPES),
        trainer_state=None,
        image=[screen] * len(SHAPES),
    )
    assert rendered == [1.0 if reason == "" else 0.0 for *_, reason in SHAPES]
