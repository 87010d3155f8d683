"""Generation for the sweep: a fully fine-tuned checkpoint generates with its own weights and the base's processor."""

from __future__ import annotations

from pathlib import Path

import torch
from PIL import Image
from transformers import AutoModelForImageTextToText

from flutter_rl.settings import EvalSettings, ModelSettings
from flutter_rl.sweep.generate import LazyPolicy
from flutter_rl.train.tiny_policy import make_tiny_policy


def test_full_model_checkpoint_generates_with_its_weights_and_leaves_the_base_alone(tmp_path: Path) -> None:
    base = make_tiny_policy(tmp_path / "base")
    checkpoint = tmp_path / "train" / "checkpoint-3"
    model = AutoModelForImageTextToText.from_pretrained(base)
    torch.manual_seed(1)
    torch.nn.init.normal_(model.lm_head.weight, std=1.0)  # another head: other greedy tokens
    model.save_pretrained(checkpoint)  # weights only: the processor stays the base's

    policy = LazyPolicy(ModelSettings(name=str(base), adapter="none", load_in_4bit=False, max_pixels=65536),
                        EvalSettings(max_new_tokens=12, temperature=0.0))
    images = [Image.new("RGB", (90, 180), "#1565c0")]
    written = {}
    for name, weights_dir in (("base", None), ("checkpoint", checkpoint), ("base again", None)):
        with policy.generator(weights_dir) as generate:
            written[name] = generate(images)[0]
    assert written["checkpoint"] != written["base"]
    assert written["base again"] == written["base"]
