"""The policy: a Hugging Face vision-language model, its processor and the LoRA adapter that trains.

`check_policy` does the cheap checks (the model source exists, it is a VLM, the LoRA targets exist)
without loading weights, so a wrong `[model] name` fails in seconds, not after a long download.
`load_policy` then loads the model: NF4 4-bit (QLoRA) when `[model] load_in_4bit` is set and CUDA is
present, a plain float32 model on CPU (bitsandbytes NF4 on CPU is slow and only useful for tests).
LoRA goes on the language model's attention and MLP projections only, not on the vision tower.
`[model] adapter = "none"` trains every weight instead (a small policy trained from scratch, whose
random embeddings, head and vision tower a LoRA on the projections cannot change); its weights load
in float32, the trainer's bf16 autocast does the math.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import torch

from flutter_rl.settings import ModelSettings

log = logging.getLogger(__name__)


class PolicyError(RuntimeError):
    """The policy named in `[model]` cannot be used; the message says which setting to change."""


def resolve_model_source(name: str) -> str:
    """A local directory with `config.json`, or a hub id that is cached or reachable; else `PolicyError`."""
    if not name.strip():
        raise PolicyError("[model] name is empty: set it to a hub id or a local model directory")
    local = Path(name).expanduser()
    if local.exists():
        if not (local / "config.json").is_file():
            raise PolicyError(f"[model] name = {name!r}: the directory {local.resolve()} has no config.json")
        return str(local)
    from huggingface_hub import HfApi, constants, try_to_load_from_cache

    hint = (
        f"[model] name = {name!r} is neither a local directory (nothing at {local.resolve()}) nor a reachable "
        "Hugging Face hub id"
    )
    if name.rstrip("/").endswith("tiny-policy"):
        hint += f"; build the tiny policy with `flutter-rl make-tiny-policy --out {name}`"
    try:
        if isinstance(try_to_load_from_cache(name, "config.json"), str):
            return name
    except ValueError as exc:  # not even a valid repo id
        raise PolicyError(f"{hint} ({exc})") from None
    if constants.HF_HUB_OFFLINE:
        raise PolicyError(f"{hint}: not in the local cache and HF_HUB_OFFLINE is set")
    try:
        # One quick probe: from_pretrained would retry for ~25 s before failing.
        HfApi().model_info(name, timeout=10)
    except Exception as exc:  # network errors, 404, gated repos: all mean "cannot load this"
        raise PolicyError(f"{hint}: {type(exc).__name__}: {exc}") from None
    return name


def lora_target_pattern(target_modules: list[str]) -> str:
    """A PEFT `target_modules` regex: the given projections inside the language model only."""
    names = "|".join(re.escape(m) for m in target_modules)
    return rf".*language_model\..*\.({names})"


def lora_config(model: ModelSettings):
    """The LoRA adapter of `[model]` (rank, alpha, dropout, target projections)."""
    from peft import LoraConfig

    return LoraConfig(
        r=model.lora_rank,
        lora_alpha=model.lora_alpha,
        lora_dropout=model.lora_dropout,
        target_modules=lora_target_pattern(model.target_modules),
        task_type="CAUSAL_LM",
    )


def peft_config(model: ModelSettings):
    """What TRL's trainers wrap the policy in: the LoRA adapter, or None for full fine-tuning."""
    return lora_config(model) if model.adapter == "lora" else None


def check_policy(model: ModelSettings) -> str:
    """Validate `[model]` without loading weights; return the resolved model source."""
    from transformers import AutoConfig, AutoModelForImageTextToText

    source = resolve_model_source(model.name)
    config = AutoConfig.from_pretrained(source)
    if not hasattr(config, "vision_config"):
        raise PolicyError(
            f"[model] name = {model.name!r} is a {config.model_type!r} model without a vision tower: "
            "the policy must be a vision-language model (e.g. Qwen/Qwen3-VL-8B-Instruct)"
        )
    if model.adapter == "none":
        return source
    # The module tree on the meta device costs no memory, even for an 8B model.
    with torch.device("meta"):
        skeleton = AutoModelForImageTextToText.from_config(config)
    pattern = re.compile(lora_target_pattern(model.target_modules))
    if not any(pattern.fullmatch(name) for name, _ in skeleton.named_modules()):
        raise PolicyError(
            f"[model] target_modules = {model.target_modules} match no module of the language model of {model.name!r}"
        )
    return source


def quantization_config(model: ModelSettings, cuda: bool):
    """NF4 4-bit with double quantization when asked for and CUDA is present; else None (plain LoRA)."""
    if not model.load_in_4bit:
        return None
    if not cuda:
        log.warning("[model] load_in_4bit is set but CUDA is not available: training a plain LoRA (no NF4 QLoRA)")
        return None
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=model.double_quant,
        bnb_4bit_compute_dtype=getattr(torch, model.compute_dtype),
    )


def load_model(source: str, model: ModelSettings) -> Any:
    """The weights at `source` (a model directory or hub id) loaded as `[model]` says: NF4 or plain, dtype,
    attention. Float32 on CPU and for full fine-tuning (its trained master weights), else `compute_dtype`."""
    from transformers import AutoModelForImageTextToText

    cuda = torch.cuda.is_available()
    quantization = quantization_config(model, cuda)
    full = model.adapter == "none"
    kwargs: dict[str, Any] = {
        "dtype": getattr(torch, model.compute_dtype) if cuda and not full else torch.float32,
        "attn_implementation": model.attn_implementation,
    }
    if quantization is not None:
        kwargs["quantization_config"] = quantization
        # 4-bit weights are placed at load time, not moved later by the trainer.
        kwargs["device_map"] = {"": int(os.environ.get("LOCAL_RANK", 0)) if cuda else "cpu"}
    policy = AutoModelForImageTextToText.from_pretrained(source, **kwargs)
    kind = "full fine-tuning" if full else "NF4 QLoRA" if quantization else "LoRA"
    log.info("loaded %s (%s, %s)", source, kind, kwargs["dtype"])
    return policy


def load_policy(model: ModelSettings) -> tuple[Any, Any]:
    """Load `(model, processor)` for `[model]`; the processor pads on the left, as generation needs."""
    from transformers import AutoProcessor

    source = check_policy(model)
    processor = AutoProcessor.from_pretrained(source, padding_side="left")
    processor.image_processor.size["longest_edge"] = model.max_pixels  # the image token budget per screenshot
    return load_model(source, model), processor


def trainable_parameters(model: Any) -> tuple[int, int]:
    """(trainable, total) parameter counts; 4-bit weights counted as their unpacked size."""
    if hasattr(model, "get_nb_trainable_parameters"):
        return model.get_nb_trainable_parameters()
    total = sum(p.numel() for p in model.parameters())
    return sum(p.numel() for p in model.parameters() if p.requires_grad), total
