"""How far a generation copy's token distribution is from the policy's, on the same tokens.

GRPO's loss assumes its completions were sampled from the policy. A copy that differs (a LoRA
merged into bf16 weights, `flutter_rl.train.generation_copy.merge_adapter`) samples from a nearby
distribution q instead of p; TRL corrects such a gap only for vLLM (`vllm_importance_sampling_correction`).
`logprob_gap` measures it per completion token: |log p - log q| of the sampled token and KL(p || q) of
the whole next-token distribution. `fidelity_ok` is the check a copy must pass to be used without a
correction: the per-token probability ratio q/p stays inside GRPO's clipping range, e^(+-0.2) (TRL's
default epsilon = 0.2), for 99% of tokens, and the mean |log p - log q| is at most 0.05 nats. The
floor is bf16 itself: on the 8B reference (H200, benchmarks/gpu/README.md) the dequantized copy,
which computes the policy's function with the same weights and adapter and only rounds the LoRA sum
at another point, is 0.02-0.03 nats from the NF4 policy once the adapter is non-zero (p99 0.08-0.12);
a first threshold of 0.01 / 0.1 rejected that copy too, so it could not tell a rounding-order
difference from a lost update. The merged copy there is 0.45-0.75 nats off (p99 0.7-1.2): the check
fails it.
"""

from __future__ import annotations

from typing import Any

import torch

MAX_MEAN_ABS_LOGPROB_DIFF = 0.05
MAX_P99_ABS_LOGPROB_DIFF = 0.2


def with_completions(prompt_inputs: dict[str, torch.Tensor], sequences: torch.Tensor) -> dict[str, torch.Tensor]:
    """The inputs of one forward over prompt + completion: `prompt_inputs` (a processor's output) with
    `generate`'s `sequences` as ids, and every per-token field (attention mask, mm_token_type_ids)
    extended over the completion (1 for the mask, 0 = text for the others)."""
    prompt_length = prompt_inputs["input_ids"].shape[1]
    extra = sequences.shape[1] - prompt_length
    inputs = dict(prompt_inputs, input_ids=sequences)
    for key, value in prompt_inputs.items():
        if key != "input_ids" and value.dim() == 2 and value.shape == prompt_inputs["input_ids"].shape:
            fill = torch.ones if key == "attention_mask" else torch.zeros
            inputs[key] = torch.cat(
                [value, fill((value.shape[0], extra), dtype=value.dtype, device=value.device)], dim=1
            )
    return inputs


def completion_logprobs(
    model: Any, inputs: dict[str, torch.Tensor], prompt_length: int, temperature: float
) -> torch.Tensor:
    """Log-probabilities (float32, at `temperature`) of the next token at each completion position of
    `inputs` (prompt + completion ids, attention mask, image fields): shape (batch, completion, vocab)."""
    logits = model(**inputs).logits[:, prompt_length - 1 : -1].float()
    return torch.log_softmax(logits / temperature, dim=-1)


@torch.no_grad()
def logprob_gap(
    policy: Any,
    other: Any,
    inputs: dict[str, torch.Tensor],
    prompt_length: int,
    completion_mask: torch.Tensor,
    temperature: float = 1.0,
) -> dict[str, float]:
    """`other` against `policy` on the completion tokens of `inputs` (ids from column `prompt_length` on,
    counted where `completion_mask`, shape (batch, completion), is 1): mean, 99th percentile and max
    |log p - log q| of the tokens, and the mean KL(p || q) of the next-token distributions."""
    tokens = inputs["input_ids"][:, prompt_length:]
    p = completion_logprobs(policy, inputs, prompt_length, temperature)
    q = completion_logprobs(other, inputs, prompt_length, temperature)
    mask = completion_mask.bool()
    diff = (p.gather(-1, tokens[..., None]) - q.gather(-1, tokens[..., None])).squeeze(-1)[mask].abs()
    kl = (p.exp() * (p - q)).sum(-1)[mask]
    return {
        "mean_abs_logprob_diff": diff.mean().item(),
        "p99_abs_logprob_diff": torch.quantile(diff, 0.99).item(),
        "max_abs_logprob_diff": diff.max().item(),
        "mean_kl": kl.mean().item(),
        "tokens": int(mask.sum().item()),
    }


def fidelity_ok(gap: dict[str, float]) -> bool:
    """Whether a copy with this `logprob_gap` may generate for the policy without a correction."""
    return (
        gap["mean_abs_logprob_diff"] <= MAX_MEAN_ABS_LOGPROB_DIFF
        and gap["p99_abs_logprob_diff"] <= MAX_P99_ABS_LOGPROB_DIFF
    )
