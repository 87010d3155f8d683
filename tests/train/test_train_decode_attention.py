"""`sdpa_grouped_decode`: the compiled decoding step's attention without repeating the KV cache.

The premise comes from the installed transformers: its `sdpa` attention calls `repeat_kv` for a
grouped-query decoding step while torch.compile traces it (`sdpa_attention_forward`,
`not is_torchdynamo_compiling()`). The compiled tests trace with the `eager` backend (dynamo runs the
Python once, as with inductor, but nothing is code-generated), so they take seconds on CPU.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch
from transformers import CompileConfig
from transformers.integrations.sdpa_attention import repeat_kv, sdpa_attention_forward

import flutter_rl.train.policy as policy_module
from flutter_rl.train.decode_attention import GROUPED_DECODE, sdpa_grouped_decode, use_grouped_decode
from flutter_rl.train.generation_cache import prompt_token_bound, static_cache_kwargs

from .conftest import screenshot
from .test_train_generation_cache import NEW_TOKENS, chat_inputs


def grouped_inputs(batch=3, heads=8, kv_heads=2, keys=11, dim=16, queries=1, seed=0):
    generator = torch.Generator().manual_seed(seed)
    query = torch.randn(batch, heads, queries, dim, generator=generator)
    key, value = (torch.randn(batch, kv_heads, keys, dim, generator=generator) for _ in range(2))
    mask = torch.ones(batch, 1, queries, keys, dtype=torch.bool)
    mask[0, :, :, :4] = False  # a left-padded row
    mask[2, :, :, -3:] = False  # unfilled static-cache positions
    module = SimpleNamespace(num_key_value_groups=heads // kv_heads, is_causal=True, training=False)
    return module, query, key, value, mask


def reference_attention(query, key, value, mask, groups):
    """Attention with every query head's key/value head repeated, as `repeat_kv` does."""
    scores = query @ repeat_kv(key, groups).transpose(-1, -2) / query.shape[-1] ** 0.5
    weights = scores.masked_fill(~mask, float("-inf")).softmax(-1)
    return (weights @ repeat_kv(value, groups)).transpose(1, 2)


def test_a_decoding_step_attends_each_query_head_to_its_own_key_value_head():
    module, query, key, value, mask = grouped_inputs()
    output, weights = sdpa_grouped_decode(module, query, key, value, mask)
    assert weights is None and output.shape == (3, 1, 8, 16)
    torch.testing.assert_close(output, reference_attention(query, key, value, mask, groups=4))
    unmasked, _ = sdpa_grouped_decode(module, query, key, value, None)
    torch.testing.assert_close(unmasked, reference_attention(query, key, value, torch.ones_like(mask), groups=4))


@pytest.mark.parametrize("case", ["prefill", "one_head_per_group", "per_head_mask"])
def test_every_other_call_is_transformers_sdpa_exactly(case):
    module, query, key, value, mask = grouped_inputs(queries=5 if case == "prefill" else 1)
    if case == "one_head_per_group":
        module, query, key, value, mask = grouped_inputs(heads=2, kv_heads=2)
    if case == "per_head_mask":
        mask = mask.expand(-1, 8, -1, -1).clone()
        mask[1, 3, :, 5] = False
    expected, _ = sdpa_attention_forward(module, query, key, value, mask)
    output, _ = sdpa_grouped_decode(module, query, key, value, mask)
    assert torch.equal(output, expected)


def traced_decoding(model, processor):
    """Greedy tokens of a static-cache generate whose decoding forward dynamo traces in one graph, and
    the number of key/value heads each attention call of that graph reads."""
    graphs = []

    def keep_graph(graph_module, example_inputs):
        graphs.append(graph_module)
        return graph_module.forward

    config = CompileConfig(fullgraph=True, backend=keep_graph, mode=None)
    config._compile_all_devices = True  # transformers compiles on CUDA only otherwise (its own tests do this)
    inputs = chat_inputs(processor, [screenshot(1), screenshot(2)])
    torch._dynamo.reset()
    with torch.no_grad():
        tokens = model.generate(
            **inputs,
            max_new_tokens=NEW_TOKENS,
            do_sample=False,
            compile_config=config,
            disable_compile=False,
            **static_cache_kwargs(prompt_token_bound(processor) + NEW_TOKENS),
        )
    torch._dynamo.reset()
    assert len(graphs) == 1, f"{len(graphs)} graphs: the decoding step recompiled"
    key_heads = [
        node.args[1].meta["example_value"].shape[1]
        for node in graphs[0].graph.nodes
        if node.target is torch.nn.functional.scaled_dot_product_attention
    ]
    return tokens, key_heads


def test_the_compiled_step_reads_the_cache_once_and_keeps_the_greedy_tokens(make_settings):
    model, processor = policy_module.load_policy(make_settings().model)
    model.eval()
    text = model.config.text_config
    heads, kv_heads, layers = text.num_attention_heads, text.num_key_value_heads, text.num_hidden_layers
    assert heads > kv_heads
    inputs = chat_inputs(processor, [screenshot(1), screenshot(2)])
    with torch.no_grad():
        dynamic = model.generate(**inputs, max_new_tokens=NEW_TOKENS, do_sample=False)

    sdpa_tokens, sdpa_heads = traced_decoding(model, processor)
    # The premise: transformers' sdpa repeats the cache to every query head while compiled.
    assert sdpa_heads == [heads] * layers, "transformers' sdpa no longer repeats K/V under compile"

    assert use_grouped_decode(model)
    assert model.config._attn_implementation == GROUPED_DECODE
    assert text._attn_implementation == GROUPED_DECODE
    grouped_tokens, grouped_heads = traced_decoding(model, processor)
    assert grouped_heads == [kv_heads] * layers
    assert torch.equal(sdpa_tokens, dynamic) and torch.equal(grouped_tokens, dynamic)


def test_a_model_on_another_attention_keeps_it(make_settings):
    model, _ = policy_module.load_policy(make_settings(model__attn_implementation="eager").model)
    assert not use_grouped_decode(model)
    assert model.config._attn_implementation == "eager"
