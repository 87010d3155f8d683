"""Small, randomly initialised Qwen3-VL policies built offline: the `tiny` preset's and Part C's.

No model hub is reachable here, so members of the reference family are built from a config: a
byte-level BPE tokenizer trained on Flutter code (so its vocabulary can spell Flutter), the Qwen-VL
special tokens and chat template, the Qwen image/video processors and a text + vision model whose
size is a `PolicySize` (`TINY`: 2 + 2 layers, 0.3M parameters, for tests; `SMALL`: ~10M parameters,
trained from scratch in `recipes/small_policy/learning_run.py`). It is saved with `save_pretrained`, so
training loads it through exactly the same code path as `Qwen/Qwen3-VL-8B-Instruct`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

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


@dataclass(frozen=True)
class PolicySize:
    """The architecture of an offline policy: tokenizer vocabulary, text decoder and vision tower."""

    vocab_size: int = 1024
    text_hidden: int = 64
    text_layers: int = 2
    text_intermediate: int = 128
    attention_heads: int = 4
    kv_heads: int = 2
    head_dim: int = 16
    vision_hidden: int = 32
    vision_layers: int = 2
    vision_intermediate: int = 64
    vision_heads: int = 2
    max_positions: int = 4096

    def mrope_section(self) -> list[int]:
        """Qwen3-VL's (time, height, width) split of the rotary half-dimension: it must sum to head_dim / 2.
        The 8B model's head_dim 128 gives [24, 20, 20]; 16 gives [2, 3, 3]."""
        half = self.head_dim // 2
        spatial = (half * 5 + 8) // 16
        return [half - 2 * spatial, spatial, spatial]


TINY = PolicySize()
SMALL = PolicySize(
    vocab_size=4096,
    text_hidden=256,
    text_layers=8,
    text_intermediate=768,
    attention_heads=4,
    kv_heads=2,
    head_dim=64,
    vision_hidden=128,
    vision_layers=4,
    vision_intermediate=512,
    vision_heads=4,
)
SIZES = {"tiny": TINY, "small": SMALL}


def flutter_corpus() -> str:
    """The Flutter source the tiny tokenizer is trained on (shipped with the package)."""
    return resources.files("flutter_rl.train").joinpath("corpus/flutter_screens.dart").read_text()


def _qwen2_tokenizer(vocab: dict[str, int], merges: list[tuple[str, str]]):
    """A Qwen2 tokenizer of `vocab` and `merges` with the Qwen-VL special tokens and chat template."""
    from transformers import Qwen2Tokenizer

    tokenizer = Qwen2Tokenizer(
        vocab=vocab,
        merges=merges,
        unk_token=None,
        bos_token=None,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIAL_TOKENS[1:],
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_tokenizer(vocab_size: int = 1024, texts: Iterable[str] | None = None):
    """Train a byte-level BPE on `texts` (default: the shipped Flutter corpus, one screen per text) and
    wrap it as a Qwen2 tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    alphabet = sorted(pre_tokenizers.ByteLevel.alphabet())
    # Train under the wrapper's own normalizer and pre-tokenizer (Qwen's split pattern), so every merge is usable.
    bytes_only = _qwen2_tokenizer({char: index for index, char in enumerate(alphabet)}, []).backend_tokenizer
    bpe = Tokenizer(models.BPE())
    bpe.normalizer = bytes_only.normalizer
    bpe.pre_tokenizer = bytes_only.pre_tokenizer
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=alphabet,
        show_progress=False,
    )
    bpe.train_from_iterator(flutter_corpus().split("\n\n") if texts is None else texts, trainer=trainer)
    bpe_state = json.loads(bpe.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in bpe_state["merges"]]
    return _qwen2_tokenizer(bpe_state["vocab"], merges)


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


def build_model(tokenizer, seed: int = 0, size: PolicySize = TINY):
    """A Qwen3-VL of `size` with random weights whose special-token ids match `tokenizer`."""
    from transformers import GenerationConfig, Qwen3VLConfig, Qwen3VLForConditionalGeneration

    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in SPECIAL_TOKENS}
    config = Qwen3VLConfig(
        text_config={
            "vocab_size": len(tokenizer),
            "hidden_size": size.text_hidden,
            "intermediate_size": size.text_intermediate,
            "num_hidden_layers": size.text_layers,
            "num_attention_heads": size.attention_heads,
            "num_key_value_heads": size.kv_heads,
            "head_dim": size.head_dim,
            "max_position_embeddings": size.max_positions,
            "rope_parameters": {
                "rope_type": "default",
                "rope_theta": 10000.0,
                "mrope_section": size.mrope_section(),
                "mrope_interleaved": True,
            },
            "pad_token_id": ids["<|endoftext|>"],
            "eos_token_id": ids["<|im_end|>"],
        },
        vision_config={
            "depth": size.vision_layers,
            "hidden_size": size.vision_hidden,
            "intermediate_size": size.vision_intermediate,
            "num_heads": size.vision_heads,
            "patch_size": 16,
            "spatial_merge_size": 2,
            "temporal_patch_size": 2,
            "out_hidden_size": size.text_hidden,
            "num_position_embeddings": 256,
            "deepstack_visual_indexes": [size.vision_layers - 1],
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


def make_policy(
    out_dir: str | Path,
    size: PolicySize = TINY,
    seed: int = 0,
    max_pixels: int = 65536,
    corpus: Iterable[str] | None = None,
) -> Path:
    """Build a random Qwen3-VL of `size`, its tokenizer (trained on `corpus`, default the shipped
    Flutter screens) and processor, and save them to `out_dir`; return the path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer(size.vocab_size, corpus)
    build_processor(tokenizer, max_pixels=max_pixels).save_pretrained(out)
    build_model(tokenizer, seed=seed, size=size).save_pretrained(out)
    return out


def make_tiny_policy(out_dir: str | Path, seed: int = 0, max_pixels: int = 65536) -> Path:
    """Build the tiny policy of the `tiny` preset and tests (`make_policy` with `TINY`)."""
    return make_policy(out_dir, TINY, seed=seed, max_pixels=max_pixels)
