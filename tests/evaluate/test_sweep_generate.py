"""Generation for the sweep: a fully fine-tuned checkpoint generates with its own weights and the base's processor."""

from __future__ import annotations

from pathlib import Path

import torch
from PIL import Image
from transformers import AutoModelForImageTextToText

from flutter_rl.evaluate.generate import LazyPolicy
from flutter_rl.settings import EvalSettings, ModelSettings
from flutter_rl.train.tiny_policy import make_tiny_policy


def test_full_model_checkpoint_generates_with_its_weights_and_leaves_the_base_alone(tmp_path: Path) -> None:
    base = make_tiny_policy(tmp_path / "base")
    checkpoint = tmp_path / "train" / "checkpoint-3"
    model = AutoModelForImageTextToText.from_pretrained(base)
    torch.manual_seed(1)
    torch.nn.init.normal_(model.lm_head.weight, std=1.0)  # another head: other greedy tokens
    model.save_pretrained(checkpoint)  # weights only: the processor stays the base's

    policy = LazyPolicy(
        ModelSettings(name=str(base), adapter="none", load_in_4bit=False, max_pixels=65536),
        EvalSettings(max_new_tokens=12, temperature=0.0),
    )
    images = [Image.new("RGB", (90, 180), "#1565c0")]
    written = {}
    for name, weights_dir in (("base", None), ("checkpoint", checkpoint), ("base again", None)):
        with policy.generator(weights_dir) as generate:
            written[name] = generate(images)[0]
    assert written["checkpoint"] != written["base"]
    assert written["base again"] == written["base"]


def test_static_cache_batches_are_padded_to_one_size_and_give_the_dynamic_tokens(tmp_path: Path) -> None:
    """`[eval] generation_cache = "static"` pads a short last batch (so a compiled graph, specialised to
    the batch size, is reused) and returns only the real screens' completions, greedy-equal to dynamic."""
    from flutter_rl.evaluate.generate import decoding_settings, generate_batch
    from flutter_rl.train.generation_cache import prompt_token_bound, static_cache_kwargs
    from flutter_rl.train.policy import load_policy

    model_settings = ModelSettings(name=str(make_tiny_policy(tmp_path / "base")), load_in_4bit=False, max_pixels=65536)
    model, processor = load_policy(model_settings)
    model.eval()
    settings = EvalSettings(max_new_tokens=8, temperature=0.0, batch_size=4)
    images = [Image.new("RGB", (90, 180), color) for color in ("#1565c0", "#c62828", "#2e7d32")]
    cache = static_cache_kwargs(prompt_token_bound(processor) + settings.max_new_tokens)

    seen: list[int] = []
    generate = model.generate
    model.generate = lambda **kwargs: seen.append(kwargs["input_ids"].shape[0]) or generate(**kwargs)
    static = generate_batch(model, processor, images, settings, cache)
    dynamic = generate_batch(model, processor, images, settings)
    assert seen == [4, 3]  # padded to batch_size with the static cache only
    assert static == dynamic and len(static) == 3

    assert "generation_cache" not in decoding_settings(settings, model_settings)  # old cache keys unchanged
    static_settings = EvalSettings(max_new_tokens=8, generation_cache="static")
    assert decoding_settings(static_settings, model_settings)["generation_cache"] == "static"
