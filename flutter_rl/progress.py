"""Progress of long work (generating, rendering, scoring screens): in the terminal and in Prefect.

`track(label, total)` yields `advance(n)`. Each call moves a tqdm bar on stderr (screens done/total,
rate, elapsed and remaining time); inside a Prefect flow or task run it also moves a progress artifact
(`prefect.artifacts.create_progress_artifact` / `update_progress_artifact`, shown on the run's page)
whose description says the same done/total and ETA. Callers advance once per batch, never per token
or pixel; the artifact, an API call to the Prefect server, is updated at most every
`ARTIFACT_INTERVAL_S` seconds and once at the end. A Prefect server that does not answer costs a
warning, never the work.
"""

from __future__ import annotations

import logging
import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from tqdm import tqdm

log = logging.getLogger(__name__)

ARTIFACT_INTERVAL_S = 2.0
Advance = Callable[[int], None]


def _in_prefect_run() -> bool:
    if "prefect" not in sys.modules:  # never imported: not running under Prefect, and no import cost
        return False
    from prefect.context import FlowRunContext, TaskRunContext

    return TaskRunContext.get() is not None or FlowRunContext.get() is not None


def describe(label: str, done: int, total: int, elapsed: float) -> str:
    """'label: done/total screens, ETA 1m05s' (no ETA before the first screen is done)."""
    text = f"{label}: {done}/{total} screens"
    if 0 < done < total:
        remaining = round(elapsed / done * (total - done))
        text += f", ETA {remaining // 60}m{remaining % 60:02d}s"
    return text


class _Artifact:
    """A Prefect progress artifact, updated at most every ARTIFACT_INTERVAL_S seconds."""

    def __init__(self, label: str, total: int) -> None:
        from prefect.artifacts import create_progress_artifact

        self.label, self.total, self.last = label, total, 0.0
        self.id = create_progress_artifact(0.0, description=describe(label, 0, total, 0.0))

    def update(self, done: int, elapsed: float, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < ARTIFACT_INTERVAL_S:
            return
        from prefect.artifacts import update_progress_artifact

        self.last = now
        update_progress_artifact(
            self.id, 100.0 * done / max(self.total, 1), description=describe(self.label, done, self.total, elapsed)
        )


def _artifact(label: str, total: int) -> _Artifact | None:
    if not _in_prefect_run():
        return None
    try:
        return _Artifact(label, total)
    except Exception as exc:  # the server unreachable, an old server: the work goes on without it
        log.warning("no Prefect progress artifact for %s: %s", label, exc)
        return None


@contextmanager
def track(label: str, total: int) -> Iterator[Advance]:
    """A progress bar of `total` screens named `label`; yields `advance(n)` to call after each batch."""
    start = time.monotonic()
    done = 0
    artifact = _artifact(label, total)
    bar = tqdm(
        total=total, desc=label, unit="screen", file=sys.stderr, mininterval=1.0, dynamic_ncols=True, disable=False
    )

    def advance(count: int) -> None:
        nonlocal done, artifact
        done += count
        bar.update(count)
        if artifact is not None:
            try:
                artifact.update(done, time.monotonic() - start, force=done >= total)
            except Exception as exc:  # as above: progress must not stop the work
                log.warning("Prefect progress artifact for %s stopped updating: %s", label, exc)
                artifact = None

    try:
        yield advance
    finally:
        bar.close()
