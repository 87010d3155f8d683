"""A static KV cache and a compiled decoding forward for Hugging Face `generate` (`generation_cache`).

With `cache_implementation="static"` transformers preallocates the KV cache and, on CUDA/XPU,
`torch.compile`s the forward of each decoding step (CUDA graphs: `CompileConfig`'s default mode
"reduce-overhead"); on the 8B reference that made a decoding step 3.4x faster (issue 17). A compiled
graph is specialised to the cache's shape, so a cache whose length or batch changes between calls
recompiles (~1-2 minutes for the 8B). Two things keep the shape fixed for a whole run:
`static_cache_kwargs` sizes the cache once for the longest prompt the processor can produce
(`prompt_token_bound`) plus the completion budget, and callers generate batches of one size
(GRPO's generation batch is fixed; the sweep pads its last batch). `compiled_graphs` counts
torch._dynamo's graphs, so a run can check that it compiled once rather than every step.

Transformers decides alone whether to compile (`GenerationMixin._valid_auto_compile_criteria`); it
silently falls back to an uncompiled static cache, slower than the dynamic one, where it cannot.
`check_static_device` and `check_static_model` turn those cases into errors before any generation.
"""

from __future__ import annotations

from typing import Any

# Where transformers compiles generate's forward (`_valid_auto_compile_criteria`'s "valid_hardware").
COMPILING_DEVICES = ("cuda", "xpu")


class GenerationCacheError(ValueError):
    """A `generation_cache` the model or the device cannot use; the message says what to change."""


def check_static_device(section: str, device_type: str) -> None:
    """Raise unless transformers compiles the decoding forward on `device_type` (a torch device type)."""
    if device_type not in COMPILING_DEVICES:
        raise GenerationCacheError(
            f"[{section}] generation_cache = 'static' needs a GPU: transformers compiles the decoding forward "
            f"only on {' / '.join(COMPILING_DEVICES).upper()}, and on {device_type!r} a static cache without it is "
            "slower than the dynamic one; set generation_cache = 'dynamic'"
        )


def check_static_model(section: str, model: Any) -> None:
    """Raise unless transformers can run `model` (a PreTrainedModel, optionally PEFT-wrapped) with a
    static cache and compile its forward."""
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    name = type(base).__name__
    if not getattr(base, "_can_compile_fullgraph", False):
        raise GenerationCacheError(
            f"[{section}] generation_cache = 'static': {name} does not support a static cache with a compiled "
            "forward (transformers' _can_compile_fullgraph is False); set generation_cache = 'dynamic'"
        )
    quantizer = getattr(base, "hf_quantizer", None)
    if quantizer is not None and not quantizer.is_compileable:
        hint = " or generation_model = 'dequantized_copy' / 'merged_copy'" if section == "train" else ""
        raise GenerationCacheError(
            f"[{section}] generation_cache = 'static': the model's {type(quantizer).__name__} weights cannot be "
            f"compiled, so transformers would decode with a static cache but no compiled forward (slower than "
            f"the dynamic cache); set generation_cache = 'dynamic'{hint}"
        )


def prompt_token_bound(processor: Any) -> int:
    """The most tokens a one-screenshot prompt (`flutter_rl.train.prompt.build_chat`) can take with this
    processor: its chat template's text plus the image token budget of the image processor
    (`max_pixels` / (patch x merge)^2 for the Qwen-VL family)."""
    from PIL import Image

    from flutter_rl.train.prompt import build_chat

    image_processor = processor.image_processor
    try:
        factor = image_processor.patch_size * image_processor.merge_size
        max_pixels = image_processor.size["longest_edge"]
        image_token_id = processor.image_token_id
    except (AttributeError, KeyError, TypeError) as exc:
        raise GenerationCacheError(
            f"generation_cache = 'static': cannot bound the prompt length of {type(processor).__name__} "
            f"(no patch_size / merge_size / size['longest_edge'] / image_token_id: {exc}), so the static cache "
            "cannot be sized once; set generation_cache = 'dynamic'"
        ) from None
    probe = processor.apply_chat_template(
        [build_chat(Image.new("RGB", (factor, factor)))],
        add_generation_prompt=True,
        tokenize=True,
        return_dict=True,
    )["input_ids"][0]
    text_tokens = len(probe) - sum(1 for token in probe if token == image_token_id)
    return text_tokens + max_pixels // factor**2


def static_cache_kwargs(max_cache_len: int) -> dict[str, Any]:
    """`generate` / `GenerationConfig` keyword arguments for a static cache of `max_cache_len` tokens
    (prompt + new tokens), sized once so that every call reuses one compiled graph."""
    return {"cache_implementation": "static", "max_cache_len": max_cache_len}


def compile_kwargs() -> dict[str, Any]:
    """`generate` / `GenerationConfig` keyword arguments that let transformers compile the decoding
    forward, with its default `CompileConfig` (TRL builds its GenerationConfig with compilation off)."""
    from transformers import CompileConfig

    return {"compile_config": CompileConfig(), "disable_compile": False}


def compiled_graphs() -> int:
    """How many graphs torch._dynamo has compiled in this process (0 before any compilation)."""
    from torch._dynamo.utils import counters

    return int(counters["stats"]["unique_graphs"])


def compile_seconds() -> float:
    """Seconds torch._dynamo has spent compiling frames in this process (dynamo and inductor together)."""
    from torch._dynamo.utils import compilation_time_metrics

    return float(sum(compilation_time_metrics.get("_compile.compile_inner", [])))
