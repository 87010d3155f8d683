"""A dequantized copy of the policy that generates GRPO's completions (`[train] generation_model`).

Hugging Face `generate` on a bitsandbytes NF4 model dequantizes every layer at every decoding step,
which made generation 97% of a GRPO step on the 8B reference. The copy holds the same weights once
dequantized (the policy's own dtype: `[model] compute_dtype` on CUDA, float32 on CPU) and the same
LoRA adapter, unmerged: merging into bf16 weights would round away the small early updates of the
adapter. It is the same model as the policy up to float rounding, so generation stays on-policy;
the trainer calls `sync_adapter` to copy the trained parameters into it before the first generation
of every optimizer step, as TRL does for a colocated vLLM. It costs the unquantized model's memory
(~16 GB for the 8B) beside the NF4 policy.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import torch
from peft.utils.integrations import dequantize_bnb_weight, get_bnb_param_type

from flutter_rl.settings import ModelSettings
from flutter_rl.train.policy import resolve_model_source

log = logging.getLogger(__name__)


class GenerationCopyError(RuntimeError):
    """The copy does not have the policy's structure, so the policy's weights cannot be synced into it."""


def trained_parameters(copy_model: Any, policy: Any) -> list[tuple[torch.nn.Parameter, torch.nn.Parameter]]:
    """(copy parameter, policy parameter) for every parameter the policy trains, paired by name."""
    in_copy = dict(copy_model.named_parameters())
    trained = [(name, param) for name, param in policy.named_parameters() if param.requires_grad]
    missing = [name for name, _ in trained if name not in in_copy]
    if missing:
        raise GenerationCopyError(f"the generation copy lacks {len(missing)} trained parameters, e.g. {missing[0]}")
    return [(in_copy[name], param) for name, param in trained]


@torch.no_grad()
def sync_adapter(copy_model: Any, policy: Any) -> None:
    """Copy the policy's trained parameters (its LoRA adapter) into the copy, exactly."""
    for target, source in trained_parameters(copy_model, policy):
        target.copy_(source)


@torch.no_grad()
def load_generation_copy(model: ModelSettings, policy: Any, device: torch.device) -> Any:
    """The policy's copy for generation: `[model]`'s weights unquantized on `device`, each quantized weight
    of `policy` replaced by its dequantized value, wrapped in the policy's adapter config, in eval mode."""
    from transformers import AutoModelForImageTextToText

    dtype = policy.get_input_embeddings().weight.dtype
    base = AutoModelForImageTextToText.from_pretrained(
        resolve_model_source(model.name), dtype=dtype, attn_implementation=model.attn_implementation,
        device_map=device,
    )
    copy_model = base
    if hasattr(policy, "peft_config"):
        from peft import get_peft_model

        adapter = policy.active_adapter
        copy_model = get_peft_model(base, copy.deepcopy(policy.peft_config[adapter]), adapter_name=adapter)
    quantized = [(name, param) for name, param in policy.named_parameters() if get_bnb_param_type(param) == "4bit"]
    for name, param in quantized:
        copy_model.get_parameter(name).copy_(dequantize_bnb_weight(param))
    if not quantized:
        log.warning("[train] generation_model = 'dequantized_copy' but the policy is not quantized: "
                    "the copy only adds memory")
    for target, source in trained_parameters(copy_model, policy):
        target.data = source.detach().clone().to(target.device)  # the policy's adapter dtype, values included
    copy_model.requires_grad_(False)
    return copy_model.eval()
