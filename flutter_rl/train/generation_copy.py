"""A copy of the policy that generates GRPO's completions (`[train] generation_model`).

Hugging Face `generate` on a bitsandbytes NF4 model dequantizes every layer at every decoding step,
which made generation 97% of a GRPO step on the 8B reference. A copy holds the same weights once
dequantized (the policy's own dtype: `[model] compute_dtype` on CUDA, float32 on CPU), in one of two
forms:

- `dequantized_copy`: the same LoRA adapter, unmerged, wrapped like the policy; `sync_adapter`
  copies the trained tensors exactly, so it is the same model as the policy up to float rounding.
- `merged_copy`: a plain model whose adapted weights are `base + scaling * B @ A`, computed in
  float32 from the policy's own (NF4) base and rounded once to the copy's dtype (`merge_adapter`),
  as TRL does before loading weights into a colocated vLLM. One matmul per projection instead of
  three makes each decoding step cheaper. Rounding `base + delta` to the nearest bf16 value drops
  every delta below half the base's rounding step (~6e-5 for weights of 0.02, while AdamW at 1e-5
  moves a LoRA product by ~1e-6 to 1e-5 a step), so the copy lags the trained policy;
  `flutter_rl.train.copy_fidelity` measures what that costs. Rounding stochastically instead
  (`round_stochastically`, `merge_adapter(stochastic=True)`) keeps the delta on average but adds
  zero-mean noise to every adapted weight: on the 8B reference (benchmarks/gpu/README.md) it failed
  the check as well, worse than round-to-nearest in the first steps and better from ~10 to 40, so
  the merge rounds to nearest and the stochastic variant is there for the fidelity benchmark.

The trainer calls `sync_generation_copy` before the first generation of every optimizer step. Both
write into the copy's tensors in place, so a compiled forward (`generation_cache = "static"`) stays
valid across syncs. A copy costs the unquantized model's memory (~16 GB for the 8B) beside the NF4
policy.
"""

from __future__ import annotations

import copy
import logging
from typing import Any, Callable

import torch
from peft.utils.integrations import dequantize_bnb_weight, get_bnb_param_type

from flutter_rl.settings import ModelSettings
from flutter_rl.train.policy import resolve_model_source

log = logging.getLogger(__name__)


class GenerationCopyError(RuntimeError):
    """The copy does not have the policy's structure, so the policy's weights cannot be synced into it."""


def trained_parameters(
    copy_model: Any,
    policy: Any,
    rename: Callable[[str], str] = str,
    skip: frozenset[int] = frozenset(),
) -> list[tuple[torch.nn.Parameter, torch.nn.Parameter]]:
    """(copy parameter, policy parameter) for every parameter the policy trains, paired by name
    (`rename` maps a policy name to the copy's; default: the same name), except those whose id is in `skip`."""
    in_copy = dict(copy_model.named_parameters())
    trained = [
        (rename(name), param)
        for name, param in policy.named_parameters()
        if param.requires_grad and id(param) not in skip
    ]
    missing = [name for name, _ in trained if name not in in_copy]
    if missing:
        raise GenerationCopyError(f"the generation copy lacks {len(missing)} trained parameters, e.g. {missing[0]}")
    return [(in_copy[name], param) for name, param in trained]


def merged_name(policy_name: str) -> str:
    """The name in a plain (adapter-free) model of a PEFT-wrapped policy's parameter."""
    return policy_name.removeprefix("base_model.model.").replace(".base_layer", "")


def base_weight(param: torch.Tensor) -> torch.Tensor:
    """A frozen base weight as a plain tensor: dequantized when it is bitsandbytes 4-bit."""
    return dequantize_bnb_weight(param) if get_bnb_param_type(param) == "4bit" else param


@torch.no_grad()
def sync_adapter(copy_model: Any, policy: Any) -> None:
    """Copy the policy's trained parameters (its LoRA adapter) into the copy, exactly."""
    for target, source in trained_parameters(copy_model, policy):
        target.copy_(source)


def lora_layers(policy: Any) -> list[tuple[str, Any, str]]:
    """(module name, LoRA layer, adapter name) of every layer the policy's active adapter adapts."""
    from peft.tuners.lora import LoraLayer

    adapter = getattr(policy, "active_adapter", None)
    layers = [
        (name, module, adapter)
        for name, module in policy.named_modules()
        if isinstance(module, LoraLayer) and adapter in module.lora_A
    ]
    for name, module, _ in layers:
        if module.use_dora.get(adapter) or module.lora_B[adapter].bias is not None or module.fan_in_fan_out:
            raise GenerationCopyError(
                f"generation_model = 'merged_copy' merges plain LoRA only; {name} uses "
                "DoRA, a LoRA bias or fan_in_fan_out"
            )
    return layers


# bfloat16 is the upper half of a float32's bits: adding 16 random low bits and truncating rounds up
# with probability (distance to the lower neighbour) / (rounding step).
BFLOAT16_LOW_BITS = 16


def round_stochastically(values: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """float32 `values` rounded to `dtype`, each to its lower or upper neighbour with the probabilities
    that make the result's expectation `values` (values `dtype` holds exactly stay exact); draws from
    torch's default generator of `values`' device. float32 is returned as is."""
    if dtype == torch.float32:
        return values
    if dtype == torch.bfloat16:
        noise = torch.randint(0, 1 << BFLOAT16_LOW_BITS, values.shape, dtype=torch.int32, device=values.device)
        bits = (values.view(torch.int32) + noise) & -(1 << BFLOAT16_LOW_BITS)  # sign-magnitude: both signs round alike
        return bits.view(torch.float32).to(dtype)
    nearest = values.to(dtype)
    away = torch.where(nearest.float() > values, -torch.inf, torch.inf).to(dtype)
    other = torch.nextafter(nearest, away)
    chance = (values - nearest.float()).abs() / (other.float() - nearest.float()).abs()
    return torch.where(torch.rand(values.shape, device=values.device) < chance, other, nearest)


@torch.no_grad()
def merge_adapter(copy_model: Any, policy: Any, stochastic: bool = False) -> None:
    """Set each weight the policy's LoRA adapts to base + scaling * B @ A (float32, rounded once to the
    copy's dtype: to the nearest value, or with `stochastic` by `round_stochastically`, which the
    fidelity benchmark compares), and copy every other trained parameter (a full fine-tuning) by name."""
    layers = lora_layers(policy)
    in_copy = dict(copy_model.named_parameters())
    for name, module, adapter in layers:
        target = in_copy[merged_name(name) + ".weight"]
        delta = module.lora_B[adapter].weight.float() @ module.lora_A[adapter].weight.float()
        merged = base_weight(module.get_base_layer().weight).float() + delta * module.scaling[adapter]
        target.copy_(round_stochastically(merged, target.dtype) if stochastic else merged)
    lora = frozenset(
        id(p) for _, module, adapter in layers for p in (module.lora_A[adapter].weight, module.lora_B[adapter].weight)
    )
    for target, source in trained_parameters(copy_model, policy, rename=merged_name, skip=lora):
        target.copy_(source)


def sync_generation_copy(copy_model: Any, policy: Any) -> None:
    """Bring the copy to the policy's current weights: its adapter copied (`dequantized_copy`) or merged
    (`merged_copy`)."""
    (sync_adapter if hasattr(copy_model, "peft_config") else merge_adapter)(copy_model, policy)


@torch.no_grad()
def load_generation_copy(model: ModelSettings, policy: Any, device: torch.device, merged: bool = False) -> Any:
    """The policy's copy for generation: `[model]`'s weights unquantized on `device`, each quantized weight
    of `policy` replaced by its dequantized value, then either wrapped in the policy's adapter config
    with its adapter's values (`merged` False) or with the adapter merged in; eval mode, no gradients."""
    from transformers import AutoModelForImageTextToText

    dtype = policy.get_input_embeddings().weight.dtype
    base = AutoModelForImageTextToText.from_pretrained(
        resolve_model_source(model.name),
        dtype=dtype,
        attn_implementation=model.attn_implementation,
        device_map=device,
    )
    copy_model = base
    peft = hasattr(policy, "peft_config") and not merged
    if peft:
        from peft import get_peft_model

        adapter = policy.active_adapter
        copy_model = get_peft_model(base, copy.deepcopy(policy.peft_config[adapter]), adapter_name=adapter)
    rename = str if peft else merged_name
    quantized = [(name, param) for name, param in policy.named_parameters() if get_bnb_param_type(param) == "4bit"]
    for name, param in quantized:
        copy_model.get_parameter(rename(name)).copy_(dequantize_bnb_weight(param))
    if not quantized and not merged:
        log.warning(
            "[train] generation_model = 'dequantized_copy' but the policy is not quantized: the copy only adds memory"
        )
    if peft:
        for target, source in trained_parameters(copy_model, policy):
            target.data = source.detach().clone().to(target.device)  # the policy's adapter dtype, values included
    else:
        merge_adapter(copy_model, policy)
    copy_model.requires_grad_(False)
    return copy_model.eval()
