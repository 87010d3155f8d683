"""The tiny offline Qwen3-VL loads through the same Auto* path as a hub model and can spell Flutter."""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import AutoModelForImageTextToText, AutoProcessor

from flutter_rl.train.prompt import INSTRUCTION, build_chat
from flutter_rl.train.tiny_policy import SPECIAL_TOKENS

from .conftest import screenshot


def test_tiny_policy_loads_offline_and_generates(tiny_policy_dir: Path) -> None:
    processor = AutoProcessor.from_pretrained(tiny_policy_dir)
    model = AutoModelForImageTextToText.from_pretrained(tiny_policy_dir)
    assert type(model).__name__ == "Qwen3VLForConditionalGeneration"
    assert model.config.image_token_id == processor.tokenizer.convert_tokens_to_ids("<|image_pad|>")

    text = processor.apply_chat_template(build_chat(screenshot(0)), add_generation_prompt=True)
    assert text.endswith("<|im_start|>assistant\n") and INSTRUCTION in text
    inputs = processor(text=[text], images=[screenshot(0)], return_tensors="pt")
    # One image placeholder expands to (grid cells / merge^2) image tokens.
    image_tokens = int((inputs["input_ids"] == model.config.image_token_id).sum())
    assert image_tokens == int(inputs["image_grid_thw"].prod()) // 4 > 0
    torch.manual_seed(0)
    out = model.generate(**inputs, max_new_tokens=8, do_sample=True)
    assert out.shape[1] > inputs["input_ids"].shape[1]


def test_tiny_tokenizer_is_trained_on_flutter(tiny_policy_dir: Path) -> None:
    tokenizer = AutoProcessor.from_pretrained(tiny_policy_dir).tokenizer
    line = "import 'package:flutter/material.dart';"
    ids = tokenizer(line, add_special_tokens=False)["input_ids"]
    assert len(ids) < len(line) / 3  # learned merges, not bytes
    assert tokenizer.decode(ids) == line
    for token in SPECIAL_TOKENS:  # each special token is one id, never split
        assert len(tokenizer(token, add_special_tokens=False)["input_ids"]) == 1
    assert tokenizer.eos_token == "<|im_end|>"
