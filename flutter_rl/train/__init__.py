"""Training: cold-start GRPO (TRL + PEFT) of a vision-language policy, logged to MLflow.

- `grpo.train_grpo(settings, rows, reward_funcs, reward_weights, tracking_uri)`: the stage; resumes
  from the last checkpoint of `[train] output_dir`. `grpo.check_training_setup`: the cheap checks.
- `policy.load_policy(model_settings)`: model + processor (NF4 QLoRA with CUDA, else plain LoRA; or
  every weight with `[model] adapter = "none"`); `policy.check_policy`, `policy.peft_config`.
- `prompt.build_example(image, **columns)` / `prompt.build_chat(image)`: the fixed prompt.
- `sft.sft_warmup`: the optional `[train.sft]` stage. `trainer.InstrumentedGRPOTrainer`: time split
  and within-group reward std. `callbacks.MlflowTrainingCallback`: metrics and checkpoint weights.
  `time_limit.TimeLimit`: stop a training before a wall-clock budget ends.
- `run.run_training(settings, manifest)`: `flutter-rl train` (curated rows + the reward stage).
- `distributed`: the `accelerate launch` layouts (`ddp`, `zero2`, `zero3`), `check_layout`, which process
  does what; `launch.launch_training(settings, manifest)`: the train task's `accelerate launch` subprocess.
- `tiny_policy.make_tiny_policy(out_dir, seed)`: the tiny offline Qwen3-VL (`flutter-rl make-tiny-policy`);
  `tiny_policy.make_policy(out_dir, size, corpus=...)`: one of any `PolicySize` (`SMALL`: ~10M parameters).

Submodules are imported on use: TRL and transformers take seconds to import.
"""
