"""The warm pool: N worker processes (each a Flet server + Chromium page) and the batch scheduler.

Each sample goes to an idle worker; results come back in input order. A worker whose browser or
server dies is restarted and its sample retried once (then CRASH); a sample that outlives its
timeout gets TIMEOUT and its worker is killed and restarted; nothing else in the batch is affected.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Sequence

import psutil

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize
from flutter_renderer.dart.environment import DEFAULT_NOW

_REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 90.0  # boot of server + Chromium + Flutter web + warm-up screens on a busy machine
GRACE_S = 2.0  # the parent waits this much past a sample's timeout before killing its worker
MAX_START_FAILURES = 3  # consecutive failed starts of one worker before the pool gives up


@dataclass
class Worker:
    """One worker process and what it is doing."""

    slot: int
    process: Any = None
    conn: Connection | None = None
    state: str = "stopped"  # stopped | starting | idle | busy
    job: int | None = None  # index of the sample being rendered
    deadline: float = 0.0
    renders: int = 0
    start_failures: int = 0
    last_error: str = ""

    def start(self, chromium_path: str, size: RenderSize, now: str) -> None:
        # A fresh interpreter (not multiprocessing's spawn/fork): nothing of the caller's __main__ or
        # threads is inherited, so the pool works from any script, notebook or Prefect task.
        parent_sock, child_sock = socket.socketpair()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flutter_renderer.embedded.worker",
                str(child_sock.fileno()),
                chromium_path,
                str(size.width),
                str(size.height),
                repr(size.pixel_ratio),
                now,
            ],
            pass_fds=[child_sock.fileno()],
            cwd=_REPO_ROOT,
            stdin=subprocess.DEVNULL,
        )
        child_sock.close()
        self.conn = Connection(parent_sock.detach())
        self.state, self.job, self.renders = "starting", None, 0
        self.deadline = time.monotonic() + START_TIMEOUT_S

    def kill(self) -> None:
        """Kill the worker and every process it started (Chromium and its helpers)."""
        if self.process is not None and self.process.pid is not None:
            try:
                parent = psutil.Process(self.process.pid)
                for proc in parent.children(recursive=True) + [parent]:
                    proc.kill()
            except psutil.NoSuchProcess:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn, self.state, self.job = None, None, "stopped", None

    def stop(self) -> None:
        """Ask the worker to exit, then make sure it did."""
        if self.conn is not None and self.state in ("idle", "busy"):
            try:
                self.conn.send(None)
                self.process.wait(timeout=5)
            except (BrokenPipeError, OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def rss_mb(self) -> float:
        """Resident memory of the worker and its browser, in MB."""
        try:
            parent = psutil.Process(self.process.pid)
            return sum(p.memory_info().rss for p in parent.children(recursive=True) + [parent]) / 2**20
        except (psutil.NoSuchProcess, AttributeError):
            return 0.0


@dataclass
class Pool:
    """N workers rendering batches; restarts workers on crash, timeout, memory growth."""

    workers: int
    chromium_path: str
    size: RenderSize
    memory_limit_mb: int = 4096
    now: str = DEFAULT_NOW.isoformat()  # DateTime.now() in the Dart code (renderer setting `now`)
    recycle_after: int = 2000  # renders per worker before a planned restart (bounds slow leaks)
    slots: list[Worker] = field(default_factory=list)

    def ensure_started(self) -> None:
        if not self.slots:
            self.slots = [Worker(slot) for slot in range(self.workers)]
        for w in self.slots:
            if w.state == "stopped":
                w.start(self.chromium_path, self.size, self.now)

    def wait_ready(self) -> None:
        """Start the workers and return once none is still starting: each is idle, or gave up after
        MAX_START_FAILURES tries (a batch then reports why)."""
        self.ensure_started()
        while starting := [w for w in self.slots if w.state == "starting"]:
            ready = wait(
                [w.conn for w in starting], timeout=max(0.0, min(w.deadline for w in starting) - time.monotonic())
            )
            for w in starting:
                if w.conn in ready:
                    self._receive(w, finish=None, lost=None)  # a starting worker sends only ready / failed
                elif time.monotonic() > w.deadline:
                    self._expire(w, finish=None, started_at=[], timeout=0.0)

    def close(self) -> None:
        for w in self.slots:
            w.stop()
        self.slots = []

    def run(self, payloads: Sequence[str], size: RenderSize, timeout: float) -> list[RenderResult]:
        """Render every Dart source; results in input order, never raises per sample."""
        if size != self.size:
            # Workers boot at one viewport size; a new size restarts them (outside any sample's timeout).
            self.close()
            self.size = size
        self.ensure_started()
        results: list[RenderResult | None] = [None] * len(payloads)
        pending = deque(range(len(payloads)))
        attempts = [0] * len(payloads)
        started_at = [0.0] * len(payloads)

        def finish(index: int, result: RenderResult) -> None:
            results[index] = result

        def lost(w: Worker, why: str) -> None:
            """The worker died: retry its sample once, then report CRASH; restart the worker."""
            index = w.job
            w.last_error = why
            w.kill()
            if index is not None:
                if attempts[index] < 1:
                    attempts[index] += 1
                    pending.appendleft(index)
                else:
                    finish(
                        index,
                        RenderResult.failure(
                            ErrorKind.CRASH,
                            f"renderer crashed twice on this sample: {why}",
                            time.monotonic() - started_at[index],
                        ),
                    )
            w.start(self.chromium_path, self.size, self.now)

        while pending or any(w.state == "busy" for w in self.slots):
            for w in self.slots:
                if w.state == "idle" and pending:
                    index = pending.popleft()
                    try:
                        w.conn.send((index, payloads[index], self.size, timeout))
                    except (BrokenPipeError, OSError) as exc:
                        w.job = index
                        lost(w, f"worker pipe closed: {exc}")
                        continue
                    w.state, w.job, w.deadline = "busy", index, time.monotonic() + timeout + GRACE_S
                    started_at[index] = time.monotonic()
            if all(w.state == "stopped" for w in self.slots) and pending:
                for index in pending:
                    finish(
                        index,
                        RenderResult.failure(
                            ErrorKind.CRASH,
                            "no renderer worker could start: " + "; ".join(w.last_error for w in self.slots),
                        ),
                    )
                pending.clear()
                break
            live = [w for w in self.slots if w.state in ("starting", "busy")]
            if not live:
                continue
            now = time.monotonic()
            ready = wait([w.conn for w in live], timeout=max(0.0, min(w.deadline for w in live) - now))
            for w in live:
                if w.conn in ready:
                    self._receive(w, finish, lost)
                elif time.monotonic() > w.deadline:
                    self._expire(w, finish, started_at, timeout)
        return [r if r is not None else RenderResult.failure(ErrorKind.CRASH, "sample was lost") for r in results]

    def _receive(self, w: Worker, finish: Any, lost: Any) -> None:
        try:
            message = w.conn.recv()
        except (EOFError, OSError):
            if w.state == "starting":
                self._start_failed(w, "worker exited during start")
            else:
                lost(w, f"worker process exited (exit code {w.process.poll() if w.process else '?'})")
            return
        kind = message[0]
        if kind == "ready":
            w.state, w.start_failures = "idle", 0
        elif kind == "failed":
            self._start_failed(w, message[1])
        elif kind == "crash":
            lost(w, message[2])
        elif kind == "done":
            _, index, result, retiring = message
            finish(index, result)
            w.state, w.job, w.renders = "idle", None, w.renders + 1
            if retiring or w.renders >= self.recycle_after or w.rss_mb() > self.memory_limit_mb:
                w.stop()
                w.start(self.chromium_path, self.size, self.now)

    def _start_failed(self, w: Worker, why: str) -> None:
        w.kill()
        w.last_error, w.start_failures = why, w.start_failures + 1
        if w.start_failures < MAX_START_FAILURES:
            w.start(self.chromium_path, self.size, self.now)

    def _expire(self, w: Worker, finish: Any, started_at: list[float], timeout: float) -> None:
        if w.state == "starting":
            self._start_failed(w, f"worker did not start within {START_TIMEOUT_S:g} s")
            return
        index = w.job
        finish(
            index,
            RenderResult.failure(
                ErrorKind.TIMEOUT, f"render exceeded its {timeout:g} s timeout", time.monotonic() - started_at[index]
            ),
        )
        w.kill()
        w.start(self.chromium_path, self.size, self.now)
