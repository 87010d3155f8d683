"""A tiny, randomly initialised Qwen3-VL policy built offline, for tests and the `tiny` preset.

No model hub is reachable here, so the smallest real member of the reference family is built from a
config: a byte-level BPE tokenizer trained on a corpus of Flutter screens (so its vocabulary can spell
Flutter code), the Qwen-VL special tokens and chat template, the Qwen image/video processors and a
2-layer text + 2-layer vision model. It is saved with `save_pretrained`, so training loads it through
exactly the same code path as `Qwen/Qwen3-VL-8B-Instruct`.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import torch

SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|image_pad|>",
    "<|video_pad|>",
]

# The Qwen chat format, reduced to what the pipeline sends: text and image blocks.
CHAT_TEMPLATE = (
    "{%- for message in messages -%}"
    "{{ '<|im_start|>' + message['role'] + '\\n' }}"
    "{%- if message['content'] is string -%}{{ message['content'] }}"
    "{%- else -%}{%- for block in message['content'] -%}"
    "{%- if block['type'] == 'image' -%}<|vision_start|><|image_pad|><|vision_end|>"
    "{%- elif block['type'] == 'text' -%}{{ block['text'] }}{%- endif -%}"
    "{%- endfor -%}{%- endif -%}{{ '<|im_end|>\\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<|im_start|>assistant\\n' }}{%- endif -%}"
)

TEXT_HIDDEN = 64
HEAD_DIM = 16  # mrope_section below must sum to HEAD_DIM / 2


def flutter_corpus() -> str:
    """The Flutter source the tiny tokenizer is trained on (shipped with the package)."""
    return resources.files("flutter_rl.train").joinpath("corpus/flutter_screens.dart").read_text()


def build_tokenizer(vocab_size: int = 1024):
    """Train a byte-level BPE on the Flutter corpus and wrap it as a Qwen2 tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import Qwen2Tokenizer

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(flutter_corpus().split("\n\n"), trainer=trainer)
    bpe_state = json.loads(bpe.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in bpe_state["merges"]]
    tokenizer = Qwen2Tokenizer(
        vocab=bpe_state["vocab"],
        merges=merges,
        unk_token=None,
        bos_token=None,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIAL_TOKENS[1:],
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_processor(tokenizer, max_pixels: int = 65536):
    """A Qwen3-VL processor around `tokenizer`, with default image/video processors (patch 16, merge 2)."""
    from transformers import Qwen2VLImageProcessor, Qwen3VLProcessor, Qwen3VLVideoProcessor

    size = {"shortest_edge": 32 * 32, "longest_edge": max_pixels}
    image_processor = Qwen2VLImageProcessor(patch_size=16, merge_size=2, temporal_patch_size=2, size=size)
    video_processor = Qwen3VLVideoProcessor(patch_size=16, merge_size=2, temporal_patch_size=2, size=size)
    return Qwen3VLProcessor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        video_processor=video_processor,
        chat_template=CHAT_TEMPLATE,
    )


def build_model(tokenizer, seed: int = 0):
    """A 2-layer Qwen3-VL with random weights whose special-token ids match `tokenizer`."""
    from transformers import GenerationConfig, Qwen3VLConfig, Qwen3VLForConditionalGeneration

    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in SPECIAL_TOKENS}
    config = Qwen3VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": TEXT_HIDDEN,
            "intermediate_size": 128,
            "num_hidden_layers": 2,
            "num_attention_heads": 4,
            "num_key_value_heads": 2,
            "head_dim": HEAD_DIM,
            "max_position_embeddings": 4096,
            "rope_parameters": {
                "rope_type": "default",
                "rope_theta": 10000.0,
                "mrope_section": [2, 3, 3],
                "mrope_interleaved": True,
            },
            "pad_token_id": ids["<|endoftext|>"],
            "eos_token_id": ids["<|im_end|>"],
        },
        vision_config={
            "depth": 2,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_heads": 2,
            "patch_size": 16,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
            "out_hidden_size": TEXT_HIDDEN,
            "num_position_embeddings": 256,
            "deepstack_visual_indexes": [1],
        },
        image_token_id=ids["<|image_pad|>"],
        video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"],
        vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    model = Qwen3VLForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        eos_token_id=ids["<|im_end|>"], pad_token_id=ids["<|endoftext|>"], do_sample=True
    )
    return model


def make_tiny_policy(out_dir: str | Path, seed: int = 0, max_pixels: int = 65536) -> Path:
    """Build the tiny Qwen3-VL policy and its processor and save both to `out_dir`; return the path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer()
    build_processor(tokenizer, max_pixels=max_pixels).save_pretrained(out)
    build_model(tokenizer, seed=seed).save_pretrained(out)
    return out
