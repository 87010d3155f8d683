"""Where the local services are: the Prefect API, the MLflow tracking server and their state folder.

Pure functions of the settings (and, for the tracking URI, of $MLFLOW_TRACKING_URI), so the stages
that log to MLflow read the address without importing the process supervisor (`services.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from flutter_rl.settings import Settings


def state_dir(settings: Settings) -> Path:
    """`[orchestration] state_dir`, absolute: PID records, logs, the Prefect home and MLflow's database."""
    return Path(settings.orchestration.state_dir).resolve()


def prefect_api_url(settings: Settings) -> str:
    """The local Prefect server's API URL."""
    o = settings.orchestration
    return f"http://{o.host}:{o.prefect_port}/api"


def mlflow_url(settings: Settings) -> str:
    """The local MLflow server's URL."""
    o = settings.orchestration
    return f"http://{o.host}:{o.mlflow_port}"


def tracking_uri(settings: Settings) -> str:
    """The MLflow tracking URI: `[tracking] uri`, else $MLFLOW_TRACKING_URI (which `services up` gives
    the worker and its flow runs), else the local server of `[orchestration]`."""
    return settings.tracking.uri or os.environ.get("MLFLOW_TRACKING_URI") or mlflow_url(settings)


def client_env(settings: Settings) -> dict[str, str]:
    """Environment a client (flow, test, notebook) needs to talk to the local services."""
    return {
        "PREFECT_API_URL": prefect_api_url(settings),
        "MLFLOW_TRACKING_URI": settings.tracking.uri or mlflow_url(settings),
        "PREFECT_HOME": str(state_dir(settings) / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
