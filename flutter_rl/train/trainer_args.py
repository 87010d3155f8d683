"""The Trainer arguments GRPO and the SFT warm-up share: batch layout, precision, logging, seed."""

from __future__ import annotations

from typing import Any

import torch

from flutter_rl.settings import Settings


def shared_trainer_args(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for TRL's GRPOConfig and SFTConfig from `[train]`, `[model]` and the hardware."""
    t, cuda = settings.train, torch.cuda.is_available()
    return {
        "per_device_train_batch_size": t.per_device_train_batch_size,
        "gradient_accumulation_steps": t.gradient_accumulation_steps,
        "gradient_checkpointing": t.gradient_checkpointing,
        "logging_steps": t.logging_steps,
        "seed": t.seed,
        "bf16": cuda and settings.model.compute_dtype == "bfloat16",
        "fp16": cuda and settings.model.compute_dtype == "float16",
        "use_cpu": not cuda,
        "report_to": "none",  # MLflow goes through MlflowTrainingCallback
    }
