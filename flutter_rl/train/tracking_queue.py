"""MLflow logging calls sent from a background thread, so a slow or dead tracking server never holds
up training (issue 21: MLflow's client retries a call for minutes when the server is gone).

`TrackingQueue.submit` queues one call and returns at once; one thread sends the calls in order.
When a call fails, the server counts as down: that call is lost, a warning says so, and every
later call is dropped at once (counted) while the server's `/health` does not answer; once it
answers again, calls go through again. `close` waits a bounded time for the queue to drain, counts
what is left as lost and warns once with the totals (metrics and other calls). Nothing raises into
the trainer: the checkpoints stay on disk either way.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from flutter_rl.train.mlflow_run import TrackingError, check_tracking_server

log = logging.getLogger(__name__)

FLUSH_TIMEOUT_S = 30.0  # close() waits this long for queued calls before counting them as lost
HEALTH_TIMEOUT_S = 2.0  # the probe of a server that is down


@dataclass
class _Call:
    what: str
    metrics: int
    send: Callable[[], Any]


@dataclass
class TrackingQueue:
    """Logging calls to one MLflow run at `uri`, sent in order by a background thread."""

    uri: str
    run_id: str
    lost_metrics: int = 0
    lost_calls: list[str] = field(default_factory=list)  # what was lost besides metrics (checkpoints, ...)
    down_reason: str = ""  # why the server counts as down ('' when up)

    def __post_init__(self) -> None:
        self._calls: queue.Queue[_Call | None] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name=f"mlflow-log-{self.run_id[:8]}", daemon=True)
        self._thread.start()
        atexit.register(self.close)  # an interrupted training never reaches on_train_end

    def submit(self, what: str, send: Callable[[], Any], metrics: int = 0) -> None:
        """Queue `send()` (`what` names it in warnings; `metrics`: how many metrics it logs)."""
        if self._closed:
            self._lose(_Call(what, metrics, send))
        else:
            self._calls.put(_Call(what, metrics, send))

    def _work(self) -> None:
        while (call := self._calls.get()) is not None:
            if self._closed:
                self._lose(call)
            else:
                self._send(call)

    def _send(self, call: _Call) -> None:
        if self.down_reason and not self._healthy():
            self._lose(call)
            return
        try:
            call.send()
        except Exception as exc:  # noqa: BLE001 - any MLflow or network failure fails the logging, not the training
            if not self.down_reason:
                log.warning(
                    "MLflow: could not log %s to run %s (%s); dropping logging calls until %s answers again",
                    call.what,
                    self.run_id,
                    _first_line(exc),
                    self.uri,
                )
            self.down_reason = _first_line(exc)
            self._lose(call)
            return
        if self.down_reason:
            log.warning("MLflow: %s answers again; %d metrics were lost meanwhile", self.uri, self.lost_metrics)
            self.down_reason = ""

    def _healthy(self) -> bool:
        try:
            check_tracking_server(self.uri, timeout_s=HEALTH_TIMEOUT_S)
        except TrackingError:
            return False
        return True

    def _lose(self, call: _Call) -> None:
        self.lost_metrics += call.metrics
        if not call.metrics:
            self.lost_calls.append(call.what)

    def close(self, timeout: float = FLUSH_TIMEOUT_S) -> None:
        """Wait up to `timeout` s for the queued calls, count the rest as lost, warn with the totals."""
        if self._closed:
            return
        atexit.unregister(self.close)
        self._calls.put(None)
        self._thread.join(timeout)
        self._closed = True  # calls still queued now are counted, not sent (one in flight may still land)
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                break
            if call is not None:
                self._lose(call)
        self._calls.put(None)  # the thread may still be in a call: let it end after that one
        if self.lost_metrics or self.lost_calls:
            log.warning(
                "MLflow: %d metrics and %d other logging calls (%s) were not logged to run %s at %s "
                "(last error: %s); the checkpoints are on disk",
                self.lost_metrics,
                len(self.lost_calls),
                ", ".join(self.lost_calls) or "none",
                self.run_id,
                self.uri,
                self.down_reason or "none",
            )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"[:300]
