"""A pool worker process: one PageDriver, rendering the jobs its parent sends over a pipe.

Protocol (parent -> worker): `(job_id, source, size, timeout)` with the Dart source of one sample;
`None` stops the worker. Worker -> parent: `("ready", pid)` once warm, or
`("failed", message)`; then `("done", job_id, RenderResult, retiring)` per job (`retiring`: the
worker exits after this job, because a render timed out inside the page), or `("crash", job_id,
message)` before exiting when the browser or server died.
"""

from __future__ import annotations

import os
import sys
import time
from multiprocessing.connection import Connection
from typing import Any

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize
from flutter_renderer.dart.environment import Environment
from flutter_renderer.embedded.mapping import MappingError, build_screen
from flutter_renderer.embedded.page_driver import DriverCrash, PageDriver

# Test hook: a job whose text contains this marker (from the environment) sleeps forever, which is
# how tests make a render hang. Unset in normal use.
HANG_MARKER_ENV = "FLUTTER_RL_RENDER_HANG_MARKER"
# The front end's own wall-clock budget, as a share of the sample's timeout.
FRONT_END_SHARE = 0.5


def _compile(source: str, size: RenderSize, timeout: float, environment: Environment) -> Any:
    from flutter_renderer.dart import Budget, compile_screen

    return compile_screen(
        source,
        width=size.width,
        height=size.height,
        environment=environment,
        budget=Budget(deadline=min(Budget().deadline, timeout * FRONT_END_SHARE)),
    )


def render_one(
    driver: PageDriver, source: str, size: RenderSize, timeout: float, environment: Environment | None = None
) -> RenderResult:
    """Compile, map and draw one sample. Raises DriverCrash only."""
    from flutter_renderer.dart import DartError

    start = time.monotonic()
    marker = os.environ.get(HANG_MARKER_ENV)
    if marker and marker in source:
        time.sleep(10**6)

    def failure(kind: ErrorKind, message: str) -> RenderResult:
        return RenderResult.failure(kind, message, time.monotonic() - start)

    try:
        tree = _compile(source, size, timeout, environment or Environment())
        screen = build_screen(tree, size)
    except DartError as exc:
        return failure(exc.kind, str(exc))
    except MappingError as exc:
        return failure(exc.kind, str(exc))
    try:
        png, console = driver.show(screen, max(0.1, timeout - (time.monotonic() - start)))
    except TimeoutError as exc:
        return failure(ErrorKind.TIMEOUT, f"render timed out after {timeout:g} s: {exc}")
    except DriverCrash:
        raise
    except Exception as exc:  # noqa: BLE001 - Flet rejecting a value is this sample's error, not the worker's
        return failure(ErrorKind.RUNTIME, f"{type(exc).__name__}: {exc}"[:1000])
    # The console lines go along as warnings. Flet's Flutter web client is a release build: measured,
    # it prints nothing for layout overflows or build exceptions, so they cannot be classified here.
    return RenderResult(ok=True, png=png, elapsed=time.monotonic() - start, warnings=console)


def serve(conn: Connection, chromium_path: str, size: RenderSize, environment: Environment) -> None:
    """The worker process's main function."""
    driver = PageDriver(chromium_path, size)
    try:
        driver.start()
    except Exception as exc:  # noqa: BLE001 - report any start failure to the parent, then exit
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        driver.close()
        return
    conn.send(("ready", os.getpid()))
    try:
        while True:
            try:
                message = conn.recv()
            except EOFError:
                break
            if message is None:
                break
            job_id, source, job_size, timeout = message
            try:
                result = render_one(driver, source, job_size, timeout, environment)
            except DriverCrash as exc:
                conn.send(("crash", job_id, str(exc)))
                break
            # A render that timed out inside the page may still land later: never reuse that page. A
            # timeout of the front end's budget involved no browser, so the page stays.
            retiring = driver.timed_out
            conn.send(("done", job_id, result, retiring))
            if retiring:
                break
    finally:
        driver.close()


def main(argv: list[str]) -> None:
    """`python -m flutter_renderer.embedded.worker FD CHROMIUM WIDTH HEIGHT RATIO NOW` (started by the pool)."""
    fd, chromium_path, width, height, ratio, now = argv
    serve(Connection(int(fd)), chromium_path, RenderSize(int(width), int(height), float(ratio)), Environment.parse(now))


if __name__ == "__main__":
    main(sys.argv[1:])
