"""`generation_cache = "static"`: a static KV cache (and, on a GPU, a compiled forward) for generation.

On CPU transformers does not compile generate's forward (`_valid_auto_compile_criteria`), so the fast
tests compare the static cache itself with the dynamic one, through HF `generate` and through TRL's
GRPO generation; the e2e test forces the compilation on CPU (`CompileConfig._compile_all_devices`,
what transformers' own tests use) to check the compiled graph's tokens and that it compiles once.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from datasets import Dataset
from PIL import Image

import flutter_rl.train.grpo as grpo_module
import flutter_rl.train.policy as policy_module
from flutter_rl.evaluate.generate import LazyPolicy
from flutter_rl.settings import EvalSettings, ModelSettings, SettingsError
from flutter_rl.train import generation_cache
from flutter_rl.train.generation_cache import (
    GenerationCacheError,
    check_static_model,
    compile_kwargs,
    compiled_graphs,
    prompt_token_bound,
    static_cache_kwargs,
)
from flutter_rl.train.grpo import TrainingSetupError, check_training_setup, grpo_config
from flutter_rl.train.prompt import build_chat
from flutter_rl.train.trainer import InstrumentedGRPOTrainer

from .conftest import REWARD_FUNCS, REWARD_WEIGHTS, screenshot

NEW_TOKENS = 10


def chat_inputs(processor: Any, images: list[Image.Image]) -> dict[str, torch.Tensor]:
    return processor.apply_chat_template(
        [build_chat(image) for image in images],
        add_generation_prompt=True,
        tokenize=True,
        return_dict=True,
        processor_kwargs={"return_tensors": "pt", "padding": True},
    )


def test_prompt_token_bound_is_the_longest_prompt_the_processor_makes(make_settings):
    _, processor = policy_module.load_policy(make_settings().model)  # max_pixels 65536: 64 tokens of 32 x 32
    bound = prompt_token_bound(processor)
    lengths = {
        size: chat_inputs(processor, [Image.new("RGB", size)])["input_ids"].shape[1]
        for size in ((90, 180), (390, 844), (1200, 2600), (256, 256))
    }
    assert all(length <= bound for length in lengths.values()), (bound, lengths)
    assert lengths[(256, 256)] == bound  # 256 x 256 = max_pixels: the image budget is met exactly


def test_static_cache_generates_the_dynamic_caches_greedy_tokens_in_one_cache_size(make_settings):
    model, processor = policy_module.load_policy(make_settings().model)
    model.eval()
    cache_len = prompt_token_bound(processor) + NEW_TOKENS
    static = {**static_cache_kwargs(cache_len), **compile_kwargs()}
    greedy = {"max_new_tokens": NEW_TOKENS, "do_sample": False, "return_dict_in_generate": True}
    # Two batches whose prompts differ in length (other image sizes): the cache keeps its one size.
    for images in ([screenshot(1), screenshot(2)], [Image.new("RGB", (200, 420), "#2e7d32"), screenshot(3)]):
        inputs = chat_inputs(processor, images)
        with torch.no_grad():
            dynamic_out = model.generate(**inputs, **greedy)
            static_out = model.generate(**inputs, **greedy, **static)
        assert type(static_out.past_key_values).__name__ == "StaticCache"
        assert {layer.max_cache_len for layer in static_out.past_key_values.layers} == {cache_len}
        assert torch.equal(static_out.sequences, dynamic_out.sequences)


@pytest.mark.slow
def test_grpo_generates_the_same_completions_with_the_static_cache(make_settings, screen_rows):
    """TRL's own HF-generate path with GRPOConfig's cache fields, greedy: the tokens match."""
    completions = {}
    for cache in ("dynamic", "static"):
        settings = make_settings(f"grpo-{cache}", train__generation_cache=cache)
        model, processor = policy_module.load_policy(settings.model)
        config = grpo_config(settings, settings.train.output_dir, REWARD_WEIGHTS, processor)
        trainer = InstrumentedGRPOTrainer(
            model=model,
            reward_funcs=REWARD_FUNCS,
            args=config,
            train_dataset=Dataset.from_list(screen_rows),
            processing_class=processor,
            peft_config=policy_module.lora_config(settings.model),
        )
        if cache == "static":
            assert trainer.generation_config.cache_implementation == "static"
            assert (
                trainer.generation_config.max_cache_len
                == prompt_token_bound(processor) + settings.train.max_completion_length
            )
        trainer.generation_config.do_sample = False
        prompts = [build_chat(screenshot(i)) for i in (0, 0, 1, 1)]
        completions[cache] = trainer._generate(prompts)[1]
        if cache == "static":  # transformers' record of the static cache it built (none with a dynamic one)
            assert trainer.model.get_base_model()._previous_max_cache_length == trainer.generation_config.max_cache_len
    assert completions["static"] == completions["dynamic"]
    assert all(len(ids) > 0 for ids in completions["static"])


def test_static_cache_on_a_cpu_fails_before_the_model_loads(make_settings, screen_rows, monkeypatch):
    settings = make_settings(train__generation_cache="static", train__generation_model="dequantized_copy")
    with pytest.raises(TrainingSetupError, match=r"\[train\] generation_cache = 'static' needs a GPU"):
        check_training_setup(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS)

    monkeypatch.setattr(grpo_module.torch.cuda, "is_available", lambda: True)
    check_training_setup(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS)  # a GPU would do
    nf4_policy = make_settings(train__generation_cache="static", model__load_in_4bit=True)
    with pytest.raises(TrainingSetupError, match=r"cannot compile the NF4 policy.*'dequantized_copy' or 'merged_copy'"):
        check_training_setup(nf4_policy, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS)


def test_static_evaluation_on_a_cpu_fails_before_the_model_loads(monkeypatch):
    monkeypatch.setattr(policy_module, "load_policy", lambda *_: pytest.fail("loaded the model"))
    policy = LazyPolicy(ModelSettings(name="unused"), EvalSettings(generation_cache="static"))
    with pytest.raises(GenerationCacheError, match=r"\[eval\] generation_cache = 'static' needs a GPU"):
        with policy.generator(None):
            pass


def test_models_a_static_cache_cannot_compile_are_refused(make_settings, nf4_on_cpu):
    model, _ = policy_module.load_policy(make_settings().model)  # NF4 (bitsandbytes) on CPU
    with pytest.raises(GenerationCacheError, match=r"Bnb4BitHfQuantizer weights cannot be compiled.*'merged_copy'"):
        check_static_model("train", model)

    class NoStaticCache(torch.nn.Module):
        _can_compile_fullgraph = False

    with pytest.raises(GenerationCacheError, match=r"NoStaticCache does not support a static cache"):
        check_static_model("eval", NoStaticCache())


def test_generation_cache_is_validated(make_settings):
    with pytest.raises(SettingsError, match=r"train.generation_cache: Input should be 'dynamic' or 'static'"):
        make_settings(train__generation_cache="paged")
    with pytest.raises(SettingsError, match=r"generation_cache = 'static'.*use_vllm = true"):
        make_settings(train__generation_cache="static", train__use_vllm=True)
    with pytest.raises(SettingsError, match=r"eval.generation_cache: Input should be 'dynamic' or 'static'"):
        make_settings(eval__generation_cache="offloaded")
    defaults = make_settings()
    assert (defaults.train.generation_cache, defaults.eval.generation_cache) == ("dynamic", "dynamic")


@pytest.mark.e2e
def test_compiled_static_forward_matches_and_compiles_once(make_settings):
    """The compiled decoding step (forced on CPU, ~2 minutes to compile on 2 cores) gives the dynamic
    cache's greedy tokens, and a second batch with a longer prompt reuses its graph."""
    model, processor = policy_module.load_policy(make_settings().model)
    model.eval()
    kwargs = {**static_cache_kwargs(prompt_token_bound(processor) + NEW_TOKENS), **compile_kwargs()}
    kwargs["compile_config"]._compile_all_devices = True
    greedy = {"max_new_tokens": NEW_TOKENS, "do_sample": False}
    graphs = []
    for images in ([screenshot(1), screenshot(2)], [Image.new("RGB", (200, 420), "#2e7d32"), screenshot(3)]):
        inputs = chat_inputs(processor, images)
        with torch.no_grad():
            expected = model.generate(**inputs, **greedy)
            assert torch.equal(model.generate(**inputs, **greedy, **kwargs), expected)
        graphs.append(compiled_graphs())
    assert graphs[0] >= 1 and graphs[1] == graphs[0], graphs
    assert generation_cache.compile_seconds() > 0
