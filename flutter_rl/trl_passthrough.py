"""`[train.trl]` / `[train.sft.trl]`: any other field of TRL's GRPOConfig / SFTConfig, passed through.

flutter-rl's own settings cover the fields it reasons about; every other TRL field is set here by its
TRL name. A key is checked against the config dataclass's field names when the settings load, so a
typo stops with the key and TRL's closest field instead of a TypeError at the start of training.
TRL is imported only when a pass-through table is not empty (it takes seconds to import).
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib
from typing import Any, Mapping

# The fields flutter-rl sets itself (flutter_rl.train.grpo.grpo_config, .sft.sft_warmup and
# .trainer_args.shared_trainer_args), with the setting to use instead.
SHARED_RESERVED = {
    "output_dir": "train.output_dir",
    "per_device_train_batch_size": "train.per_device_train_batch_size",
    "gradient_accumulation_steps": "train.gradient_accumulation_steps",
    "gradient_checkpointing": "train.gradient_checkpointing",
    "logging_steps": "train.logging_steps",
    "seed": "train.seed",
    "bf16": "model.compute_dtype",
    "fp16": "model.compute_dtype",
    "use_cpu": "(the hardware)",
    "report_to": "(MLflow through flutter-rl's callback)",
}
GRPO_RESERVED = {
    **SHARED_RESERVED,
    "num_generations": "train.num_generations",
    "beta": "train.beta",
    "max_completion_length": "train.max_completion_length",
    "temperature": "train.temperature",
    "loss_type": "train.loss_type",
    "reward_weights": "reward.weights",
    "learning_rate": "train.learning_rate",
    "max_steps": "train.max_steps",
    "save_strategy": "train.save_steps",
    "save_steps": "train.save_steps",
    "data_seed": "train.seed",
    "use_vllm": "train.use_vllm",
    "vllm_mode": "train.vllm_mode",
    "log_completions": "(the MLflow completions table)",
    "cache_implementation": "train.generation_cache",
    "generation_kwargs": "train.generation_cache",
}
SFT_RESERVED = {
    **SHARED_RESERVED,
    "num_train_epochs": "train.sft.epochs",
    "max_steps": "train.sft.max_steps",
    "learning_rate": "train.sft.learning_rate",
    "max_length": "(None: truncating would cut image tokens)",
    "save_strategy": "(no checkpoints of the warm-up)",
}


def trl_field_names(config_name: str) -> set[str]:
    """The field names of `trl.<config_name>` (GRPOConfig or SFTConfig)."""
    config = getattr(importlib.import_module("trl"), config_name)
    return {f.name for f in dataclasses.fields(config)}


def check_trl_fields(
    values: Mapping[str, Any], config_name: str, table: str, reserved: Mapping[str, str]
) -> dict[str, Any]:
    """`values` unchanged when every key is a TRL field flutter-rl does not set itself, else a ValueError
    naming each bad key of `[<table>.trl]` and, for a typo, the closest TRL field."""
    if not values:
        return dict(values)
    known = trl_field_names(config_name)
    problems = []
    for key in values:
        if key in reserved:
            problems.append(f"{key!r} is set by flutter-rl: use {reserved[key]}")
        elif key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{key!r} is not a field of trl.{config_name}{hint}")
    if problems:
        raise ValueError(f"[{table}.trl]: " + "; ".join(problems))
    return dict(values)
