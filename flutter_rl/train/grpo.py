"""Cold-start GRPO on a vision-language policy with TRL's `GRPOTrainer`, a LoRA adapter and MLflow.

`train_grpo` is the whole stage: check everything cheap first (dataset columns, rewards, settings that
cannot work together, the model source, the tracking server), then load the policy, optionally run
the SFT warm-up, and train. A training whose output dir already holds checkpoints resumes from the
last one (optimizer, scheduler, RNG and data order included) and logs into the same MLflow run.
"""

from __future__ import annotations

import importlib.util
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import torch
from trl import GRPOConfig

from flutter_rl.settings import Settings
from flutter_rl.train.callbacks import MlflowTrainingCallback
from flutter_rl.train.decode_attention import use_grouped_decode
from flutter_rl.train.distributed import LayoutError, check_layout, current_layout, is_main_process
from flutter_rl.train.generation_cache import (
    GenerationCacheError,
    check_static_device,
    check_static_model,
    compile_kwargs,
    prompt_token_bound,
    static_cache_kwargs,
)
from flutter_rl.train.generation_copy import load_generation_copy
from flutter_rl.train.mlflow_run import training_run
from flutter_rl.train.policy import check_policy, load_policy, peft_config, trainable_parameters
from flutter_rl.train.sft import sft_warmup
from flutter_rl.train.trainer import InstrumentedGRPOTrainer
from flutter_rl.train.trainer_args import shared_trainer_args

RewardFunc = Callable[..., list[float]]


class TrainingSetupError(ValueError):
    """Inputs or settings that cannot train, found before any model is loaded."""


@dataclass
class TrainResult:
    """Where a training left its checkpoints, and its MLflow run (None when tracking was off)."""

    output_dir: Path
    checkpoints: list[Path]
    mlflow_run_id: str | None
    log_history: list[dict[str, Any]] = field(default_factory=list)


def checkpoints_in(output_dir: Path) -> list[Path]:
    """The `checkpoint-N` folders of a training, oldest first."""
    found = [p for p in output_dir.glob("checkpoint-*") if p.is_dir() and p.name.split("-")[-1].isdigit()]
    return sorted(found, key=lambda p: int(p.name.split("-")[-1]))


def check_training_setup(
    settings: Settings,
    dataset: Sequence[dict[str, Any]],
    reward_funcs: Sequence[RewardFunc],
    reward_weights: Sequence[float],
) -> None:
    """Raise `TrainingSetupError` for inputs or settings that cannot train; loads no model."""
    if len(dataset) == 0:
        raise TrainingSetupError("the training dataset is empty")
    columns = set(dataset[0])
    if "prompt" not in columns or not columns & {"image", "images"}:
        raise TrainingSetupError(
            "training rows need a conversational `prompt` and an `image` column (see flutter_rl.train.prompt); "
            f"got {sorted(columns)}"
        )
    if not reward_funcs:
        raise TrainingSetupError("no reward functions given")
    if len(reward_weights) != len(reward_funcs):
        raise TrainingSetupError(f"{len(reward_funcs)} reward functions but {len(reward_weights)} weights")
    names = [getattr(f, "__name__", "") for f in reward_funcs]
    if not all(callable(f) for f in reward_funcs) or len(set(names)) != len(names) or "" in names:
        raise TrainingSetupError(f"reward functions must be callables with distinct __name__s, got {names}")
    try:
        check_layout(current_layout(), settings, cuda=torch.cuda.is_available())
    except LayoutError as exc:
        raise TrainingSetupError(str(exc)) from None
    if settings.train.use_vllm:
        if importlib.util.find_spec("vllm") is None:
            raise TrainingSetupError("[train] use_vllm = true but vllm is not installed (pip install vllm)")
        if not torch.cuda.is_available():
            raise TrainingSetupError("[train] use_vllm = true needs CUDA; this machine has none")
    if settings.train.generation_cache == "static":
        try:
            check_static_device("train", "cuda" if torch.cuda.is_available() else "cpu")
        except GenerationCacheError as exc:
            raise TrainingSetupError(str(exc)) from None
        if settings.train.generation_model == "policy" and settings.model.load_in_4bit:
            raise TrainingSetupError(
                "[train] generation_cache = 'static' cannot compile the NF4 policy's bitsandbytes weights: set "
                "[train] generation_model = 'dequantized_copy' or 'merged_copy' (or [model] load_in_4bit = false)"
            )
    if settings.train.sft.enabled and "reference_code" not in columns:
        raise TrainingSetupError("[train.sft] enabled = true needs a `reference_code` column in the training rows")


def generation_args(settings: Settings, processor: Any) -> dict[str, Any]:
    """GRPOConfig's generation fields for `[train] generation_cache`: with "static", a static cache
    sized for the longest prompt `processor` can produce plus `max_completion_length`."""
    if settings.train.generation_cache != "static":
        return {}
    if processor is None:
        raise TrainingSetupError("[train] generation_cache = 'static' sizes its cache from the processor: pass it")
    cache = static_cache_kwargs(prompt_token_bound(processor) + settings.train.max_completion_length)
    return {"cache_implementation": cache.pop("cache_implementation"), "generation_kwargs": cache}


def grpo_config(
    settings: Settings,
    output_dir: Path,
    reward_weights: Sequence[float],
    processor: Any = None,
) -> GRPOConfig:
    """TRL's GRPOConfig from `[train]` (+ precision from `[model]` and the hardware; the processor
    sizes a static generation cache), plus the `[train.trl]` pass-through fields."""
    t = settings.train
    return GRPOConfig(
        output_dir=str(output_dir),
        num_generations=t.num_generations,
        beta=t.beta,
        max_completion_length=t.max_completion_length,
        temperature=t.temperature,
        loss_type=t.loss_type,
        reward_weights=list(reward_weights),
        learning_rate=t.learning_rate,
        max_steps=t.max_steps,
        save_strategy="steps",
        save_steps=t.save_steps,
        data_seed=t.seed,
        use_vllm=t.use_vllm,
        vllm_mode=t.vllm_mode,
        log_completions=False,
        **generation_args(settings, processor),
        **shared_trainer_args(settings),
        **t.trl,  # checked when the settings loaded: TRL fields that none of the above sets
    )


def train_grpo(
    settings: Settings,
    dataset: Sequence[dict[str, Any]],
    reward_funcs: Sequence[RewardFunc],
    reward_weights: Sequence[float],
    tracking_uri: str | None,
    callbacks: Sequence[Any] = (),
    run_params: Mapping[str, Any] | None = None,
) -> TrainResult:
    """Train the `[model]` policy with GRPO on `dataset` (rows of `prompt`, `image`, reward columns).

    `tracking_uri` None trains without MLflow; `run_params` are extra MLflow params of a new run (e.g.
    the data manifest version). Under `accelerate launch` only the main process opens the MLflow run
    (and writes its id into the output dir); TRL gathers every process's rewards into its metrics. Extra `callbacks` are TrainerCallbacks (tests use one to kill a
    training mid-way).
    """
    from datasets import Dataset

    check_training_setup(settings, dataset, reward_funcs, reward_weights)
    check_policy(settings.model)
    output_dir = Path(settings.train.output_dir)
    resume_from = (checkpoints_in(output_dir) or [None])[-1]
    train_dataset = dataset if isinstance(dataset, Dataset) else Dataset.from_list(list(dataset))

    run_name = f"grpo-{Path(settings.model.name).name}-{time.strftime('%Y%m%d-%H%M%S')}"
    resume = resume_from is not None
    tracking = (
        training_run(tracking_uri, settings, output_dir, run_name, resume=resume, params=run_params or {})
        if tracking_uri is not None and is_main_process()
        else nullcontext((None, None))
    )
    with tracking as (client, run_id):
        model, processor = load_policy(settings.model)
        adapter = peft_config(settings.model)
        if settings.train.sft.enabled:
            # The warm-up returns the model with its trained adapter (or weights), which GRPO then continues.
            model = sft_warmup(model, processor, train_dataset, settings, output_dir, client, run_id)
            adapter = None
        trainer = InstrumentedGRPOTrainer(
            model=model,
            reward_funcs=list(reward_funcs),
            args=grpo_config(settings, output_dir, reward_weights, processor),
            train_dataset=train_dataset,
            processing_class=processor,
            peft_config=adapter,
            callbacks=[*([MlflowTrainingCallback(client, run_id)] if client else []), *callbacks],
        )
        trainable, total = trainable_parameters(trainer.model)
        print(f"trainable parameters: {trainable:,} of {total:,} ({100 * trainable / total:.2f}%)")
        if client is not None and resume_from is None:
            client.log_param(run_id, "trainable_params", trainable)
            client.log_param(run_id, "trainable_share", f"{trainable / total:.6f}")
        if settings.train.generation_model != "policy":
            started = time.perf_counter()
            trainer.generation_copy = load_generation_copy(
                settings.model,
                trainer.accelerator.unwrap_model(trainer.model),
                trainer.accelerator.device,
                merged=settings.train.generation_model == "merged_copy",
            )
            print(
                f"generation copy ({settings.train.generation_model}) loaded in {time.perf_counter() - started:.1f} s"
            )
        if settings.train.generation_cache == "static":
            generator = trainer.generation_copy
            if generator is None:
                generator = trainer.accelerator.unwrap_model(trainer.model)
            check_static_model("train", generator)
            use_grouped_decode(generator)
            trainer.generation_config.update(**compile_kwargs())
        if resume_from is not None:
            print(f"resuming from {resume_from}")
        trainer.train(resume_from_checkpoint=str(resume_from) if resume_from else None)
    return TrainResult(output_dir, checkpoints_in(output_dir), run_id, list(trainer.state.log_history))
