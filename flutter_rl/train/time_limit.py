"""`TimeLimit`: end a training before a wall-clock budget runs out, saving its last checkpoint.

A run on a loaned GPU must finish inside one call of fixed length, whatever speed the machine turns
out to have; `max_steps` alone cannot promise that. After each optimizer step the callback stops the
training when one more step, as long as the longest so far, would end past the budget.
"""

from __future__ import annotations

import time

from transformers import TrainerCallback


class TimeLimit(TrainerCallback):
    """Stop training when the next step would end more than `seconds` after `started` (a
    `time.monotonic()` value; default: when training began), and save a checkpoint then (unless the
    trainer saves none). `stopped_at` is the step it stopped at, None when it never fired."""

    def __init__(self, seconds: float, started: float | None = None) -> None:
        self.seconds = seconds
        self.started = started
        self.stopped_at: int | None = None
        self._step_began = 0.0
        self._longest_step = 0.0

    def on_train_begin(self, args, state, control, **kwargs):
        if self.started is None:
            self.started = time.monotonic()

    def on_step_begin(self, args, state, control, **kwargs):
        self._step_began = time.monotonic()

    def on_step_end(self, args, state, control, **kwargs):
        now = time.monotonic()
        self._longest_step = max(self._longest_step, now - self._step_began)
        if now + self._longest_step - self.started >= self.seconds and state.global_step < state.max_steps:
            self.stopped_at = state.global_step
            control.should_training_stop = True
            control.should_save = args.save_strategy != "no"
        return control
