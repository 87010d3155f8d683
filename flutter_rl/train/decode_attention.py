"""Grouped-query attention for compiled decoding steps, without copying the KV cache (`generation_cache`).

Qwen3-VL's language model has 32 query heads and 8 key/value heads. transformers' `sdpa` attention
handles a one-token decoding step in eager mode by folding the query heads that share a key/value head
into the query-length axis (`pack_gqa` in `transformers/integrations/sdpa_attention.py`), but not while
torch.compile traces it (`not is_torchdynamo_compiling()` there; it then calls `repeat_kv`). A static
cache is exactly the compiled case: every decoding step of every layer copied the whole preallocated
cache four times over (keys and values, 3,253 positions x 16 sequences in the GRPO run), the largest memory traffic
of the step after the weights.

`sdpa_grouped_decode` is transformers' `sdpa` attention except for that case: a one-query-token call
with grouped heads and a mask shared by all heads reshapes the query from (batch, heads, 1, dim) to
(batch, kv_heads, heads / kv_heads, dim), so query head h reads key/value head h // (heads / kv_heads),
the pairing `repeat_kv` makes. The mask (batch, 1, 1, keys) broadcasts to every folded row, which is
right because all of them are the same token. The arithmetic is the same; only the kernel's summation
order may differ. Every other call (prefill, training, the vision tower) goes to `sdpa` unchanged.
"""

from __future__ import annotations

import logging
from typing import Any

import torch

log = logging.getLogger(__name__)

GROUPED_DECODE = "sdpa_grouped_decode"


def sdpa_grouped_decode(
    module: torch.nn.Module,
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attention_mask: torch.Tensor | None,
    dropout: float = 0.0,
    scaling: float | None = None,
    is_causal: bool | None = None,
    **kwargs: Any,
) -> tuple[torch.Tensor, None]:
    """transformers' attention-function signature: (batch, query_len, heads, dim) output and no weights."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    groups = getattr(module, "num_key_value_groups", 1)
    batch, heads, query_len, dim = query.shape
    shared_mask = attention_mask is None or (attention_mask.dim() == 4 and attention_mask.shape[1] == 1)
    if query_len != 1 or groups == 1 or not shared_mask or kwargs.get("position_bias") is not None:
        return sdpa_attention_forward(
            module, query, key, value, attention_mask, dropout=dropout, scaling=scaling, is_causal=is_causal, **kwargs
        )
    if attention_mask is not None:
        attention_mask = attention_mask[:, :, :, : key.shape[-2]]
    folded = query.reshape(batch, heads // groups, groups, dim)
    output = torch.nn.functional.scaled_dot_product_attention(
        folded, key, value, attn_mask=attention_mask, dropout_p=dropout, scale=scaling
    )
    return output.reshape(batch, heads, 1, value.shape[-1]).transpose(1, 2).contiguous(), None


def register() -> None:
    """Make `GROUPED_DECODE` a transformers attention implementation, with `sdpa`'s masks (idempotent)."""
    from transformers import AttentionInterface
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS, AttentionMaskInterface

    AttentionInterface.register(GROUPED_DECODE, sdpa_grouped_decode)
    AttentionMaskInterface.register(GROUPED_DECODE, ALL_MASK_ATTENTION_FUNCTIONS["sdpa"])


def use_grouped_decode(model: Any) -> bool:
    """Switch a model that generates with a static cache from `sdpa` to `sdpa_grouped_decode`; a model
    with another attention implementation (eager, flash attention, ...) keeps it. Returns whether it switched."""
    current = model.config._attn_implementation
    if current == GROUPED_DECODE:
        return True
    if current != "sdpa":
        log.info("generation keeps attention %r (the grouped decoding step replaces 'sdpa' only)", current)
        return False
    register()
    model.set_attn_implementation(GROUPED_DECODE)
    return True
