"""Training in several processes (`accelerate launch`): which layout runs, what it supports, who does what.

A layout is how `accelerate launch` spreads the training (`configs/accelerate/<layout>.yaml`):
`ddp` (every process holds the whole policy), `zero2` (DeepSpeed ZeRO-2: optimizer states and
gradients sharded), `zero3` (ZeRO-3: the weights too). `current_layout` reads it from the
environment `accelerate launch` gives each process; `check_layout` refuses, before any model loads,
the combinations that cannot train:

- ZeRO on a machine without CUDA, or without DeepSpeed installed (it is not a dependency).
- ZeRO-3 with NF4 QLoRA: transformers skips `deepspeed.zero.Init` for a quantized model
  (`modeling_utils.py`, `needs_zero3_init = ... and not _is_quantized`), so every GPU loads the
  whole 4-bit base anyway, and ZeRO-3 would then partition bitsandbytes' packed uint8 weights
  (`policy.quantization_config` keeps bitsandbytes' default `bnb_4bit_quant_storage`) in one flat
  buffer with the float LoRA weights, which it cannot do (PEFT's QLoRA + ZeRO-3 recipe needs a
  quant storage equal to the compute dtype, a combination not tested here).
- ZeRO-3 with a generation copy (`[train] generation_model`): the copy is synced from the policy's
  full adapter tensors, which ZeRO-3 partitions over the processes.

Each process computes the rewards of its own completions with its own renderer of
`[renderer] workers / N` pages (`per_process_renderer`), so the machine renders with `workers`
pages in all; only the main process logs to MLflow and writes the run folder.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Literal

from flutter_rl.settings import RendererSettings, Settings

Layout = Literal["single", "ddp", "zero2", "zero3"]
LAYOUTS: tuple[Layout, ...] = ("ddp", "zero2", "zero3")


class LayoutError(ValueError):
    """A multi-process layout that cannot train these settings on this machine."""


def world_size() -> int:
    """How many training processes `accelerate launch` (torchrun) started; 1 outside a launch."""
    return int(os.environ.get("WORLD_SIZE", "1"))


def is_main_process() -> bool:
    """True in the process of global rank 0 (the only one outside a launch)."""
    return int(os.environ.get("RANK", "0")) == 0


def current_layout() -> Layout:
    """The layout of this process, from the variables `accelerate launch` sets."""
    if os.environ.get("ACCELERATE_USE_DEEPSPEED", "false").lower() == "true":
        return "zero3" if os.environ.get("ACCELERATE_DEEPSPEED_ZERO_STAGE") == "3" else "zero2"
    return "ddp" if world_size() > 1 else "single"


def check_layout(layout: Layout, settings: Settings, *, cuda: bool, deepspeed: bool | None = None) -> None:
    """Raise `LayoutError` when `layout` cannot train `settings` (`cuda`: this machine has a GPU;
    `deepspeed`: it is importable, looked up when None)."""
    if layout in ("single", "ddp"):
        return
    model, train = settings.model, settings.train
    if layout == "zero3" and model.load_in_4bit and model.adapter == "lora":
        raise LayoutError(
            "configs/accelerate/zero3.yaml cannot train NF4 QLoRA ([model] load_in_4bit = true): DeepSpeed "
            "ZeRO-3 cannot partition bitsandbytes' 4-bit weights. Use zero2.yaml or ddp.yaml, or set [model] "
            "load_in_4bit = false"
        )
    if layout == "zero3" and train.generation_model != "policy":
        raise LayoutError(
            f"[train] generation_model = {train.generation_model!r} syncs a copy from the policy's whole "
            "adapter, which ZeRO-3 partitions: use zero2.yaml or ddp.yaml, or generation_model = 'policy'"
        )
    if not cuda:
        raise LayoutError(
            f"DeepSpeed {layout.upper()} needs CUDA GPUs; on this machine use configs/accelerate/ddp.yaml"
        )
    if deepspeed is None:
        deepspeed = importlib.util.find_spec("deepspeed") is not None
    if not deepspeed:
        raise LayoutError(f"configs/accelerate/{layout}.yaml needs DeepSpeed: pip install deepspeed")


def per_process_renderer(renderer: RendererSettings, processes: int) -> RendererSettings:
    """`renderer` with `workers / processes` pages (at least 1): the reward renderer of one process."""
    if processes <= 1:
        return renderer
    return renderer.model_copy(update={"workers": max(1, renderer.workers // processes)})
