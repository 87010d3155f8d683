"""`[model] adapter = "none"`: full fine-tuning for small policies trained from scratch (SFT, GRPO, checkpoints)."""

from __future__ import annotations

from pathlib import Path

import pytest
from safetensors.torch import load_file

from flutter_rl.settings import ModelSettings, SettingsError, load_settings
from flutter_rl.train.grpo import train_grpo
from flutter_rl.train.policy import check_policy, load_policy
from flutter_rl.train.run_dirs import weight_files
from flutter_rl.train.sft import SFT_MODEL_DIR, sft_warmup
from flutter_rl.train.time_limit import TimeLimit

from .conftest import REPO_ROOT, REWARD_FUNCS, REWARD_WEIGHTS

EMBEDDINGS = "model.language_model.embed_tokens.weight"


def test_full_fine_tuning_of_4bit_weights_is_refused() -> None:
    with pytest.raises(SettingsError, match="load_in_4bit"):
        load_settings(
            REPO_ROOT / "pipeline.toml", overrides={"model.adapter": "none", "model.load_in_4bit": True}, environ={}
        )


def test_full_fine_tuning_needs_no_lora_targets(tiny_policy_dir: Path) -> None:
    model = ModelSettings(name=str(tiny_policy_dir), adapter="none", load_in_4bit=False, target_modules=["nothing"])
    assert check_policy(model) == str(tiny_policy_dir)


@pytest.mark.slow
def test_sft_trains_every_weight_and_grpo_continues_from_the_saved_warmup(make_settings, screen_rows, tiny_policy_dir):
    settings = make_settings(
        "full", model__adapter="none", train__sft__enabled=True, train__sft__max_steps=2, train__sft__learning_rate=0.01
    )
    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None)

    warm = load_file(result.output_dir / SFT_MODEL_DIR / "model.safetensors")
    random = load_file(tiny_policy_dir / "model.safetensors")
    assert not warm[EMBEDDINGS].equal(random[EMBEDDINGS])  # a LoRA on the projections never changes these
    assert (result.output_dir / SFT_MODEL_DIR / "tokenizer.json").is_file()  # a complete policy folder
    checkpoint = result.checkpoints[-1]
    assert [p.name for p in weight_files(checkpoint)] == ["config.json", "generation_config.json", "model.safetensors"]
    assert not load_file(checkpoint / "model.safetensors")[EMBEDDINGS].equal(warm[EMBEDDINGS])  # GRPO trained on

    written = (result.output_dir / SFT_MODEL_DIR / "model.safetensors").stat().st_mtime_ns
    resumed = train_grpo(
        make_settings("full", model__adapter="none", train__sft__enabled=True, train__max_steps=4),
        screen_rows,
        REWARD_FUNCS,
        REWARD_WEIGHTS,
        tracking_uri=None,
    )
    assert (
        result.output_dir / SFT_MODEL_DIR / "model.safetensors"
    ).stat().st_mtime_ns == written  # loaded, not retrained
    assert [p.name for p in resumed.checkpoints] == ["checkpoint-2", "checkpoint-4"]


@pytest.mark.slow
def test_warmup_returns_the_saved_model_so_grpo_references_it(make_settings, screen_rows, tmp_path):
    settings = make_settings("ref", model__adapter="none", train__sft__enabled=True, train__sft__max_steps=1)
    model, processor = load_policy(settings.model)
    warm = sft_warmup(model, processor, screen_rows, settings, tmp_path / "run")
    # TRL builds GRPO's KL reference model from the policy's source path: it must be the warm-up, not the random base.
    assert warm.name_or_path == str(tmp_path / "run" / SFT_MODEL_DIR)


@pytest.mark.slow
def test_time_limit_stops_the_training_and_saves_a_checkpoint(make_settings, screen_rows):
    limit = TimeLimit(0.0)
    settings = make_settings("limited", model__adapter="none", train__max_steps=4, train__save_steps=100)
    result = train_grpo(settings, screen_rows, REWARD_FUNCS, REWARD_WEIGHTS, tracking_uri=None, callbacks=[limit])
    assert limit.stopped_at == 1
    assert [p.name for p in result.checkpoints] == ["checkpoint-1"]
