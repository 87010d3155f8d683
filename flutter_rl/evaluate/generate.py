"""Batched generation for evaluation: one completion per screenshot, decoding from `[eval]`.

The policy is loaded once with `flutter_rl.train.policy.load_policy`; each checkpoint's PEFT adapter
is attached for its turn and removed after, so a sweep over N checkpoints loads the base once; a fully
fine-tuned checkpoint (`[model] adapter = "none"`) is loaded for its turn and generates with the
base's processor, which training never changes. The prompt is the training prompt (`flutter_rl.train.prompt.build_chat`), so evaluation asks exactly
what training rewarded.

`[eval] generation_cache = "static"` (CUDA) generates with a static KV cache and a compiled forward
(`flutter_rl.train.generation_cache`): an NF4 base is dequantized once to `[model] compute_dtype`
(bitsandbytes weights cannot be compiled; the values are the ones the NF4 kernels compute with), each
checkpoint's adapter stays unmerged on it, every batch is padded to `[eval] batch_size` so that one
compiled graph serves a checkpoint, and the graphs are dropped when its turn ends.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from PIL import Image

from flutter_rl.settings import EvalSettings, ModelSettings
from flutter_rl.train.prompt import build_chat
from flutter_rl.train.run_dirs import ADAPTER_CONFIG

log = logging.getLogger(__name__)

GenerateFn = Callable[[Sequence[Image.Image]], list[str]]


def decoding_settings(settings: EvalSettings, model: ModelSettings) -> dict[str, Any]:
    """The settings that change what is generated (part of the eval cache key); the seed only when sampling."""
    decoding: dict[str, Any] = {
        "temperature": settings.temperature,
        "max_new_tokens": settings.max_new_tokens,
        "max_pixels": model.max_pixels,
    }
    if settings.temperature > 0:
        decoding["seed"] = settings.seed
        decoding["seeding"] = "per-batch"  # each batch seeded from seed + its first index (generate_batches)
    if settings.generation_cache != "dynamic":  # compiled kernels round differently; dynamic keeps its old keys
        decoding["generation_cache"] = settings.generation_cache
    return decoding


def generate_batch(
    model: Any,
    processor: Any,
    images: Sequence[Image.Image],
    settings: EvalSettings,
    cache_kwargs: dict[str, Any] | None = None,
) -> list[str]:
    """One completion per image, generated together; temperature 0 is greedy. With `cache_kwargs` (a
    static cache, `flutter_rl.train.generation_cache`) the batch is padded to `[eval] batch_size` with
    copies of its last image, whose completions are dropped."""
    import torch  # here, not at module level: a sweep served from the cache never needs it

    count = len(images)
    if cache_kwargs:
        images = [*images, *[images[-1]] * (settings.batch_size - count)]
    inputs = processor.apply_chat_template(
        [build_chat(image) for image in images],
        add_generation_prompt=True,
        tokenize=True,
        return_dict=True,
        processor_kwargs={"return_tensors": "pt", "padding": True},
    ).to(model.device)
    sampling: dict[str, Any] = (
        {"do_sample": True, "temperature": settings.temperature} if settings.temperature > 0 else {"do_sample": False}
    )
    with torch.inference_mode():
        output = model.generate(**inputs, max_new_tokens=settings.max_new_tokens, **sampling, **(cache_kwargs or {}))
    new_tokens = output[:count, inputs["input_ids"].shape[1] :]  # left padding: the prompt ends at the same column
    return processor.batch_decode(new_tokens, skip_special_tokens=True)


def generate_batches(
    generate: GenerateFn,
    images: Sequence[Image.Image],
    batch_size: int,
    starts: Sequence[int],
    seed: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[int, list[str]]:
    """`generate` on the batches of `batch_size` images that begin at `starts`, by start; a batch that
    fails gives its samples '' (logged). With `seed` (sampled decoding) each batch is seeded with
    `seed + start`, so a batch's completions do not depend on which batches ran before it.
    `progress(n)` is called after each batch with its size."""
    out: dict[int, list[str]] = {}
    for start in starts:
        batch = images[start : start + batch_size]
        if seed is not None:
            import torch

            torch.manual_seed(seed + start)
        try:
            out[start] = list(generate(batch))
        except (RuntimeError, ValueError) as exc:  # e.g. out of memory on one odd batch: score it 0, go on
            hint = (
                f"; lower [eval] batch_size (now {batch_size}): the KV cache grows with batch_size x "
                "(prompt + max_new_tokens)"
                if "out of memory" in str(exc).lower()
                else ""
            )
            log.warning("generation failed for samples %d-%d: %s%s", start, start + len(batch) - 1, exc, hint)
            out[start] = [""] * len(batch)
        if progress:
            progress(len(batch))
    return out


@contextmanager
def checkpoint_model(model: Any, weights_dir: Path | None, model_settings: ModelSettings) -> Iterator[Any]:
    """The model that generates for a checkpoint: the base `model` for None, the base with the PEFT
    adapter of `weights_dir` attached (detached on exit), or the full model saved in `weights_dir`."""
    if weights_dir is None:
        yield model
        return
    if not (weights_dir / ADAPTER_CONFIG).is_file():
        from flutter_rl.train.policy import load_model

        yield load_model(str(weights_dir), model_settings).to(model.device).eval()
        return
    from peft import PeftModel

    peft_model = PeftModel.from_pretrained(model, str(weights_dir), is_trainable=False)
    peft_model.eval()
    try:
        yield peft_model
    finally:
        peft_model.unload()  # remove the LoRA layers: the next checkpoint starts from the clean base


class LazyPolicy:
    """The base policy, loaded on first use (a sweep whose units are all cached never loads it)."""

    def __init__(self, model_settings: ModelSettings, eval_settings: EvalSettings) -> None:
        self.model_settings, self.eval_settings = model_settings, eval_settings
        self._loaded: tuple[Any, Any] | None = None
        self._cache_kwargs: dict[str, Any] | None = None

    def _load(self) -> tuple[Any, Any]:
        import torch

        from flutter_rl.train import generation_cache
        from flutter_rl.train.decode_attention import use_grouped_decode
        from flutter_rl.train.policy import load_policy

        static = self.eval_settings.generation_cache == "static"
        if static:  # before loading: a CPU machine should not wait for an 8B model to hear this
            generation_cache.check_static_device("eval", "cuda" if torch.cuda.is_available() else "cpu")
        model, processor = load_policy(self.model_settings)
        if static:
            if getattr(model, "hf_quantizer", None) is not None:
                from flutter_rl.train.generation_copy import load_generation_copy

                model = load_generation_copy(self.model_settings, model, model.device)
            use_grouped_decode(model)
            bound = generation_cache.prompt_token_bound(processor) + self.eval_settings.max_new_tokens
            self._cache_kwargs = {**generation_cache.static_cache_kwargs(bound), **generation_cache.compile_kwargs()}
        return model, processor

    @contextmanager
    def generator(self, weights_dir: Path | None) -> Iterator[GenerateFn]:
        """A `GenerateFn` of the checkpoint in `weights_dir` (None: the base), see `checkpoint_model`."""
        if self._loaded is None:
            self._loaded = self._load()
        import torch

        model, processor = self._loaded
        with checkpoint_model(model, weights_dir, self.model_settings) as active:
            if self._cache_kwargs:
                from flutter_rl.train.generation_cache import check_static_model

                check_static_model("eval", active)
            try:
                yield lambda images: generate_batch(active, processor, images, self.eval_settings, self._cache_kwargs)
            finally:
                if self._cache_kwargs:
                    torch._dynamo.reset()  # this checkpoint's graphs: the next one's modules differ
