"""Optional SFT warm-up before GRPO: teach the adapter (screenshot -> reference code) with TRL's `SFTTrainer`.

A cold-started large policy does not need it; a small policy trained from scratch does, because GRPO
only sharpens what the policy can already sample and a random policy never earns a reward. The
warm-up trains the same LoRA adapter that GRPO then continues, and saves it to
`<output_dir>/sft-adapter`; with `[model] adapter = "none"` it trains every weight and saves the
whole model (and processor) to `<output_dir>/sft-model`. A resumed training loads what was saved
instead of repeating the warm-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from flutter_rl.settings import Settings
from flutter_rl.train.callbacks import MlflowTrainingCallback
from flutter_rl.train.policy import load_model, peft_config
from flutter_rl.train.run_dirs import weight_files
from flutter_rl.train.trainer_args import shared_trainer_args

SFT_ADAPTER_DIR = "sft-adapter"
SFT_MODEL_DIR = "sft-model"


def sft_rows(dataset: Any) -> list[dict[str, Any]]:
    """Prompt-completion rows for SFT: the GRPO prompt and image, the reference code as the answer."""
    return [
        {
            "prompt": row["prompt"],
            "completion": [{"role": "assistant", "content": f"```dart\n{row['reference_code'].strip()}\n```"}],
            "image": row["image"],
        }
        for row in dataset
        if row.get("reference_code")
    ]


def sft_warmup(
    model: Any,
    processor: Any,
    dataset: Any,
    settings: Settings,
    output_dir: Path,
    client: Any = None,
    run_id: str | None = None,
    callbacks: Sequence[Any] = (),
) -> Any:
    """Return `model` trained on (screenshot, reference code) pairs: wrapped with its LoRA adapter, or
    (`[model] adapter = "none"`) the fully fine-tuned model loaded back from `<output_dir>/sft-model`.
    Extra `callbacks` are TrainerCallbacks (e.g. a time limit)."""
    from datasets import Dataset
    from peft import PeftModel
    from trl import SFTConfig, SFTTrainer

    full = settings.model.adapter == "none"
    saved = output_dir / (SFT_MODEL_DIR if full else SFT_ADAPTER_DIR)
    if weight_files(saved):
        return (
            load_model(str(saved), settings.model)
            if full
            else PeftModel.from_pretrained(model, str(saved), is_trainable=True)
        )
    rows = sft_rows(dataset)
    if not rows:
        raise ValueError("[train.sft] enabled = true but no training row has a non-empty reference_code")
    s = settings.train.sft
    args = SFTConfig(
        output_dir=str(output_dir / "sft"),
        num_train_epochs=s.epochs,
        max_steps=s.max_steps,
        learning_rate=s.learning_rate,
        max_length=None,  # truncating would cut image tokens out of the prompt
        save_strategy="no",
        **shared_trainer_args(settings),
        **s.trl,  # checked when the settings loaded: SFTConfig fields that none of the above sets
    )
    tracking = [MlflowTrainingCallback(client, run_id, prefix="sft/", log_checkpoints=False)] if client else []
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=processor,
        peft_config=peft_config(settings.model),
        callbacks=[*tracking, *callbacks],
    )
    trainer.train()
    if not full:
        trainer.model.save_pretrained(str(saved))
        return trainer.model
    trainer.save_model(str(saved))
    # Loaded back, not passed on: GRPO builds its KL reference from the policy's source path, which must be the warm-up.
    return load_model(str(saved), settings.model)
