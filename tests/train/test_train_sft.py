"""The SFT warm-up trains the adapter on (screenshot, reference code) and GRPO continues that adapter."""

from __future__ import annotations

import pytest
from safetensors.torch import load_file

from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.sft import SFT_ADAPTER_DIR, sft_rows

from .conftest import REFERENCE_CODE, REWARD_FUNCS, REWARD_WEIGHTS


def test_sft_rows_pair_the_prompt_and_image_with_the_fenced_reference(screen_rows):
    rows = sft_rows(screen_rows + [{**screen_rows[0], "reference_code": ""}])
    assert len(rows) == len(screen_rows)  # a row without reference code is skipped
    assert rows[0]["completion"][0]["content"] == f"```dart\n{REFERENCE_CODE}\n```"
    assert rows[0]["image"] is screen_rows[0]["image"] and rows[0]["prompt"] == screen_rows[0]["prompt"]


@pytest.mark.slow
def test_warmup_then_grpo_and_resume_reuses_the_warmup(make_settings, screen_rows):
    settings = make_settings("sft", train__sft__enabled=True, train__sft__max_steps=2, train__sft__learning_rate=0.01)
    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)
    adapter = result.output_dir / SFT_ADAPTER_DIR / "adapter_model.safetensors"
    warm = load_file(adapter)
    # LoRA B starts at zero: a non-zero B means the warm-up really trained the adapter.
    assert any(name.endswith("lora_B.weight") and t.abs().max() > 0 for name, t in warm.items())
    assert [p.name for p in result.checkpoints] == ["checkpoint-2"]

    adapter_written = adapter.stat().st_mtime_ns
    longer = make_settings("sft", train__sft__enabled=True, train__max_steps=4)
    resumed = train_grpo(longer, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)
    assert adapter.stat().st_mtime_ns == adapter_written  # loaded, not trained again
    assert [p.name for p in resumed.checkpoints] == ["checkpoint-2", "checkpoint-4"]
