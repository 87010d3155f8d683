"""The offline Qwen3-VL policies load through the same Auto* path as a hub model and can spell Flutter; sizes are parameters."""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import AutoModelForImageTextToText, AutoProcessor

from flutter_rl.train.prompt import INSTRUCTION, build_chat
from flutter_rl.train.tiny_policy import SMALL, SPECIAL_TOKENS, TINY, PolicySize, build_model, make_policy

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


def test_mrope_sections_split_half_the_head_dim_like_qwen3_vl() -> None:
    assert PolicySize(head_dim=128).mrope_section() == [24, 20, 20]  # Qwen3-VL-8B's published value
    assert TINY.mrope_section() == [2, 3, 3]
    for head_dim in (8, 16, 32, 64, 96, 128):
        assert sum(PolicySize(head_dim=head_dim).mrope_section()) == head_dim // 2


def test_make_policy_builds_the_given_size_with_a_tokenizer_trained_on_the_corpus(tmp_path: Path) -> None:
    size = PolicySize(
        vocab_size=300,
        text_hidden=32,
        text_layers=1,
        text_intermediate=48,
        attention_heads=2,
        kv_heads=1,
        head_dim=16,
        vision_hidden=16,
        vision_layers=1,
        vision_intermediate=32,
        vision_heads=1,
    )
    out = make_policy(tmp_path / "policy", size, corpus=["zebraquokka SizedBox(height: 8)\n"] * 50)
    model = AutoModelForImageTextToText.from_pretrained(out)
    text, vision = model.config.text_config, model.config.vision_config
    assert (text.hidden_size, text.num_hidden_layers, text.intermediate_size) == (32, 1, 48)
    assert (vision.depth, vision.hidden_size, vision.out_hidden_size) == (1, 16, 32)
    assert vision.deepstack_visual_indexes == [0]  # the last vision layer
    tokenizer = AutoProcessor.from_pretrained(out).tokenizer
    assert tokenizer.tokenize("zebraquokka") == ["zebraquokka"]  # a word only the given corpus has
    assert text.vocab_size == len(tokenizer) <= 300


class _FullVocabulary:
    """Stands in for a tokenizer that filled all of `SMALL.vocab_size` (build_model reads only these two)."""

    def __len__(self) -> int:
        return SMALL.vocab_size

    def convert_tokens_to_ids(self, token: str) -> int:
        return SPECIAL_TOKENS.index(token)


def test_small_policy_fits_the_50_mb_checkpoint_budget_in_bf16() -> None:
    with torch.device("meta"):  # no memory, no random init
        model = build_model(_FullVocabulary(), size=SMALL)
    params = sum(p.numel() for p in model.parameters())
    assert 5_000_000 < params and 2 * params < 50_000_000
