"""One MLflow run per training: created on the first start, continued when a killed training resumes.

The run id is kept in `<output_dir>/mlflow_run_id`, next to the checkpoints, so a resumed training
logs into the same run. A new run gets the resolved settings as params and as a JSON artifact, plus
the settings file they came from.
"""

from __future__ import annotations

import logging
import os
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

from flutter_rl.settings import Settings

RUN_ID_FILE = "mlflow_run_id"
MAX_PARAMS_PER_BATCH = 100  # MLflow's log_batch limit
# MLflow's client defaults are 7 retries with exponential backoff and a 120 s timeout: one call to a
# dead server blocks for about 4 minutes. While a training runs, each call gets 2 retries and 30 s
# (variables the user set are kept), so a dead server costs seconds per call.
BOUNDED_HTTP_ENV = {
    "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "2",
    "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR": "1",
    "MLFLOW_HTTP_REQUEST_TIMEOUT": "30",
}

log = logging.getLogger(__name__)


class TrackingError(RuntimeError):
    """The MLflow tracking server cannot be used."""


def check_tracking_server(uri: str, timeout_s: float = 5.0) -> None:
    """Fail fast when an http(s) tracking server does not answer `/health` (the client would retry for minutes)."""
    if not uri.startswith(("http://", "https://")):
        return
    try:
        with urllib.request.urlopen(f"{uri.rstrip('/')}/health", timeout=timeout_s) as response:
            if response.status == 200:
                return
    except OSError as exc:
        raise TrackingError(
            f"MLflow tracking server {uri} is not reachable ({exc}); start it with `flutter-rl services up` "
            "or set [tracking] uri"
        ) from None
    raise TrackingError(f"MLflow tracking server {uri} answered /health with an error")


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested settings as MLflow params: {"train.beta": "0.1", ...}."""
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)[:500]
    return flat


def _log_settings(client: Any, run_id: str, settings: Settings, params: Mapping[str, Any]) -> None:
    from mlflow.entities import Param

    values = {**flatten(settings.to_toml_dict()), **{key: str(value) for key, value in params.items()}}
    items = [Param(key, value) for key, value in values.items()]
    for start in range(0, len(items), MAX_PARAMS_PER_BATCH):
        client.log_batch(run_id, params=items[start : start + MAX_PARAMS_PER_BATCH])
    client.log_dict(run_id, settings.to_toml_dict(), "settings/resolved.json")
    if settings.source and Path(settings.source).is_file():
        client.log_artifact(run_id, settings.source, "settings")


@contextmanager
def bounded_http_retries() -> Iterator[None]:
    """Set `BOUNDED_HTTP_ENV` for the block (variables already set are kept), then restore."""
    added = {key: value for key, value in BOUNDED_HTTP_ENV.items() if key not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


def _terminate(client: Any, run_id: str, status: str) -> None:
    # The end of a training must not fail on a tracking outage: its checkpoints are on disk.
    try:
        client.set_terminated(run_id, status)
    except Exception as exc:  # noqa: BLE001 - any MLflow or network failure
        log.warning("MLflow: could not mark run %s %s: %s", run_id, status, str(exc).strip().splitlines()[0][:300])


@contextmanager
def training_run(
    uri: str, settings: Settings, output_dir: Path, run_name: str, resume: bool, params: Mapping[str, Any]
) -> Iterator[tuple[Any, str]]:
    """Yield `(client, run_id)`: the output dir's run when `resume`, else a new one with the settings and
    `params` logged; mark its end status on exit (a warning if the server is gone by then). Inside,
    MLflow's HTTP calls have `BOUNDED_HTTP_ENV`'s retries and timeout."""
    from mlflow import MlflowClient

    check_tracking_server(uri)
    with bounded_http_retries():
        client = MlflowClient(tracking_uri=uri)
        id_file = output_dir / RUN_ID_FILE
        run_id = id_file.read_text().strip() if resume and id_file.is_file() else ""
        if run_id:
            client.update_run(run_id, status="RUNNING")
        else:
            name = settings.tracking.experiment
            experiment = client.get_experiment_by_name(name)
            experiment_id = experiment.experiment_id if experiment else client.create_experiment(name)
            run_id = client.create_run(experiment_id, run_name=run_name, tags={"preset": settings.preset}).info.run_id
            output_dir.mkdir(parents=True, exist_ok=True)
            id_file.write_text(run_id)
            _log_settings(client, run_id, settings, params)
        try:
            yield client, run_id
        except KeyboardInterrupt:
            _terminate(client, run_id, "KILLED")
            raise
        except BaseException:
            _terminate(client, run_id, "FAILED")
            raise
        _terminate(client, run_id, "FINISHED")
