"""Which task failures are worth a retry: transient faults (a renderer restarting, a connection to
MLflow or Prefect dropping) are; a wrong setting, a split the data cannot fill or a missing file is
not, and fails at once instead of after minutes of back-off."""

from __future__ import annotations

from typing import Any

from prefect.tasks import exponential_backoff

# The project raises ValueError subclasses for what is wrong with settings and data (SettingsError,
# SplitError, IngestError, TrainingSetupError, EvalSetError, RewardConfigError).
DETERMINISTIC = (ValueError, TypeError, LookupError, FileNotFoundError, NotADirectoryError, PermissionError)


def is_transient(error: BaseException) -> bool:
    """Whether a retry of the same call could succeed."""
    return not isinstance(error, DETERMINISTIC)


def retry_if_transient(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect's `retry_condition_fn`: retry a failed run only when its exception is transient."""
    error = state.result(raise_on_failure=False)
    return not isinstance(error, BaseException) or is_transient(error)


def transient_retries(retries: int, backoff_factor: float) -> dict[str, Any]:
    """`@task(...)` keywords: up to `retries` retries with exponential back-off, for transient faults only."""
    return {
        "retries": retries,
        "retry_condition_fn": retry_if_transient,
        "retry_delay_seconds": exponential_backoff(backoff_factor=backoff_factor),
    }
