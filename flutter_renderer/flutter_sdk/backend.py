"""`FlutterSdkBackend`: the RenderBackend that renders with a real Flutter SDK (`flutter test`)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Sequence

from flutter_renderer.api import ErrorKind, RenderResult, RenderSize
from flutter_renderer.flutter_sdk import analyze as analyzer
from flutter_renderer.flutter_sdk import environment, runner
from flutter_renderer.flutter_sdk.harness import (
    HarnessConfig,
    create_project,
    harness_hash,
    sdk_constraint,
    write_candidate,
    write_candidates,
)
from flutter_renderer.flutter_sdk.roots import RootWidget, class_root, find_root_widget
from flutter_renderer.flutter_sdk.sandbox import resolve_mode
from flutter_renderer.flutter_sdk.sdk import FlutterSdk, FlutterSdkError, find_sdk, font_files
from flutter_renderer.settings import RendererSettings

log = logging.getLogger(__name__)

NO_ROOT = (
    "no widget to pump: main() does not just runApp(<widget>) and there is no public, non-abstract widget "
    "class with a no-argument constructor (the Flutter backend pumps main's app, else such a class: the one "
    "given to runApp, or one whose build returns MaterialApp/Scaffold)"
)


def pub_get(sdk: FlutterSdk, project: Path, timeout_s: float) -> None:
    """Resolve the harness project's SDK-only dependencies, offline first.

    Runs outside the sandbox: it executes no candidate code, only pub on our own pubspec, and may need
    the network once to fill the pub cache with flutter_test's pinned packages.
    """
    base = [str(sdk.flutter), "--no-version-check", "--suppress-analytics", "pub", "get"]
    failures = []
    for argv in (base + ["--offline"], base):
        proc = subprocess.Popen(
            argv,
            cwd=project,
            env=environment.host_env(sdk),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            runner.kill_group(proc)  # the tool runs pub in a child process: killing `flutter` alone leaves it
            proc.communicate()
            failures.append(f"`{' '.join(argv[3:])}` took longer than {timeout_s:.0f}s")
            continue
        if proc.returncode == 0:
            return
        failures.append(f"`{' '.join(argv[3:])}` exited {proc.returncode}: {(stderr or stdout)[-800:]}")
    raise FlutterSdkError(f"could not prepare the harness project at {project}: " + " | ".join(failures))


class FlutterSdkBackend:
    """Renders batches with the Flutter SDK at `[renderer] flutter_sdk` (or `flutter` on PATH).

    Construction finds the SDK (FlutterSdkError with install instructions when it is missing), picks the
    sandbox, copies the harness project into a private work directory, runs `flutter pub get` once and
    then `flutter --version --machine` in the sandbox (FlutterSdkError with its output when that fails).
    Each `render_batch` runs one `dart analyze` and one `flutter test` (more only to isolate failures).
    """

    name = "flutter"

    def __init__(self, settings: RendererSettings | None = None, **changes: object) -> None:
        settings = self.settings = (settings or RendererSettings()).updated(**changes)
        self.sdk = find_sdk(settings.flutter_sdk)
        self.fonts = font_files(self.sdk) if settings.real_fonts else {}
        if settings.real_fonts and not {"Roboto", "MaterialIcons"} <= set(self.fonts):
            log.warning(
                "flutter backend: Roboto/MaterialIcons not found in %s (run `flutter precache`); "
                "missing families draw in the test font's block glyphs",
                self.sdk.material_fonts,
            )
        constraint = sdk_constraint(self.sdk.dart_version)
        if constraint is None:
            log.warning(
                "flutter backend: no Dart version in %s; candidates compile at the template's language "
                "version (Dart 3.0)",
                self.sdk.cache / "dart-sdk" / "version",
            )
        self.version = f"flutter-{self.sdk.version}+harness-{harness_hash(constraint)}" + (
            "" if settings.real_fonts else "+test-font"
        )
        mode = resolve_mode(settings.sandbox)
        self._workdir = Path(tempfile.mkdtemp(prefix="flutter-rl-sdk-"))
        self._lock = threading.Lock()
        self._batches = 0
        try:
            for sub in ("tmp", "out"):
                (self._workdir / sub).mkdir()
            project = create_project(self._workdir, constraint)
            pub_get(self.sdk, project, settings.flutter_startup_timeout_s)
            self._runtime = environment.make_runtime(
                self.sdk,
                mode,
                self._workdir,
                project,
                cpu_time_limit_s=settings.cpu_time_limit_s,
                memory_limit_mb=settings.memory_limit_mb,
                startup_timeout_s=settings.flutter_startup_timeout_s,
            )
            environment.smoke_test(self._runtime)
        except BaseException:
            self.close()
            raise
        self.sandbox_mode = mode

    def render_batch(
        self, codes: Sequence[str], *, size: RenderSize | None = None, timeout: float | None = None
    ) -> list[RenderResult]:
        """Render every code, in order; a bad sample gets its own failed RenderResult, never an exception."""
        size = size or self.settings.size
        timeout = timeout or self.settings.timeout_s
        with self._lock:
            if self._runtime is None:
                raise RuntimeError("FlutterSdkBackend is closed")
            self._batches += 1
            try:
                return self._render(list(codes), size, timeout)
            except Exception as exc:  # noqa: BLE001 - the SDK itself failed: every sample gets the reason
                log.exception("flutter backend: batch failed")
                return [RenderResult.failure(ErrorKind.CRASH, f"{type(exc).__name__}: {exc}") for _ in codes]

    def _render(self, codes: list[str], size: RenderSize, timeout: float) -> list[RenderResult]:
        results: dict[int, RenderResult] = {}
        sources = {}
        for index, code in enumerate(codes):
            if isinstance(code, str) and code.strip():
                sources[index] = code
            else:
                results[index] = RenderResult.failure(ErrorKind.SYNTAX, "empty code")
        roots = {index: find_root_widget(code) for index, code in sources.items()}
        write_candidates(
            self._runtime.project, {i: root.source_for(sources[i]) if root else sources[i] for i, root in roots.items()}
        )
        if not sources:
            return [results[i] for i in range(len(codes))]

        warnings = self._analyze(sources, roots, results)
        for index in sources.keys() - results.keys():
            if roots[index] is None:
                results[index] = RenderResult.failure(ErrorKind.UNSUPPORTED, NO_ROOT)
        config = HarnessConfig(
            out_dir=self._workdir / "out" / f"batch_{self._batches}",
            width=size.width,
            height=size.height,
            pixel_ratio=size.pixel_ratio,
            timeout_s=timeout,
            fonts=self.fonts,
        )
        pumped = {i: root for i, root in roots.items() if i not in results and root is not None}
        results.update(runner.render(self._runtime, pumped, config))
        shutil.rmtree(config.out_dir, ignore_errors=True)
        ordered = [results[i] for i in range(len(codes))]
        for result in ordered:
            result.warnings.extend(warnings)
        return ordered

    def _analyze(
        self, sources: dict[int, str], roots: dict[int, RootWidget | None], results: dict[int, RenderResult]
    ) -> list[str]:
        """One `dart analyze` over the written candidates: failures into `results`, the analyzer's warnings back.

        Errors on the lines added for main's app (`RootWidget.source_for`) repeat main's own errors, or
        are the harness's mistake: then the candidate is rewritten as it was and its guessed class pumped.
        """
        started = time.monotonic()
        errors, warnings = runner.analyze(self._runtime)
        per_sample = (time.monotonic() - started) / max(1, len(sources))
        for index, diagnostics in errors.items():
            if index not in sources:
                continue
            root = roots[index]
            added = root.first_added_line(sources[index]) if root else None
            own = [d for d in diagnostics if added is None or d.line < added]
            if own:
                kind, message = analyzer.failure_of(own)
                results[index] = RenderResult.failure(kind, message, elapsed=per_sample)
            else:
                roots[index] = class_root(sources[index])
                write_candidate(self._runtime.project, index, sources[index])
        return warnings

    def close(self) -> None:
        """Delete the work directory; safe to call twice."""
        self._runtime = None
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> "FlutterSdkBackend":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
