"""The background MLflow sender: never blocks the caller, drops and counts while the server is down,
resumes when its /health answers again, bounds the final flush (the e2e test uses a real server)."""

from __future__ import annotations

import http.server
import os
import threading
import time

import pytest

from flutter_rl.train.mlflow_run import BOUNDED_HTTP_ENV, bounded_http_retries
from flutter_rl.train.tracking_queue import TrackingQueue
from tests.conftest import free_port


class Health(http.server.BaseHTTPRequestHandler):
    """Answers GET /health with 200, as `mlflow server` does."""

    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


def serve_health(port: int) -> http.server.HTTPServer:
    server = http.server.HTTPServer(("127.0.0.1", port), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_submit_returns_while_a_call_blocks_and_calls_keep_their_order():
    release, sent = threading.Event(), []
    tracking = TrackingQueue("file:///unused", "run-1")
    started = time.perf_counter()
    tracking.submit("slow", lambda: (release.wait(10), sent.append("slow")))
    tracking.submit("fast", lambda: sent.append("fast"), metrics=3)
    assert time.perf_counter() - started < 0.5 and sent == []
    release.set()
    tracking.close()
    assert sent == ["slow", "fast"] and tracking.lost_metrics == 0


def test_a_dead_server_drops_and_counts_until_its_health_answers(caplog):
    port = free_port()
    server_up = threading.Event()
    attempts = []

    def log_batch(step):
        attempts.append(step)
        if not server_up.is_set():
            raise ConnectionError("Connection refused")

    tracking = TrackingQueue(f"http://127.0.0.1:{port}", "run-2")
    for step in (1, 2, 3):
        tracking.submit(f"metrics of step {step}", lambda s=step: log_batch(s), metrics=10)
    tracking.submit("checkpoint-3", lambda: log_batch("checkpoint"))
    deadline = time.monotonic() + 10
    while tracking.lost_metrics + len(tracking.lost_calls) < 31 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert attempts == [1], "after the first failure, calls wait for /health instead of retrying"
    health = serve_health(port)
    try:
        server_up.set()
        tracking.submit("metrics of step 4", lambda: log_batch(4), metrics=10)
        tracking.close()
    finally:
        health.shutdown()
    assert attempts == [1, 4]
    assert tracking.lost_metrics == 30 and tracking.lost_calls == ["checkpoint-3"]
    assert "could not log metrics of step 1" in caplog.text and "answers again; 30 metrics were lost" in caplog.text
    assert "30 metrics and 1 other logging calls (checkpoint-3) were not logged to run run-2" in caplog.text


def test_close_gives_up_on_a_hung_call_and_counts_what_is_left(caplog):
    release = threading.Event()
    tracking = TrackingQueue("file:///unused", "run-3")
    tracking.submit("hung", lambda: release.wait(30), metrics=1)
    tracking.submit("queued", lambda: None, metrics=5)
    started = time.perf_counter()
    tracking.close(timeout=0.5)
    release.set()
    assert time.perf_counter() - started < 3
    assert tracking.lost_metrics == 5 and "5 metrics" in caplog.text
    tracking.submit("after close", lambda: None, metrics=2)
    assert tracking.lost_metrics == 7


def test_bounded_retries_keep_what_the_user_set(monkeypatch):
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "7")
    monkeypatch.delenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", raising=False)
    with bounded_http_retries():
        assert os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] == "7"
        assert os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] == BOUNDED_HTTP_ENV["MLFLOW_HTTP_REQUEST_MAX_RETRIES"]
    assert "MLFLOW_HTTP_REQUEST_MAX_RETRIES" not in os.environ and os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] == "7"


@pytest.fixture(autouse=True)
def _no_threads_left_behind():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while (
        left := [t for t in set(threading.enumerate()) - before if t.name.startswith("mlflow-log")]
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, left
