"""`flutter-rl synth`: generate, render and write synthetic screens to an ingestible folder."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from flutter_renderer.api import RenderBackend
from flutter_rl.settings import Settings
from flutter_rl.synth.synthetic import FAILURES_FILE, SynthesisReport, synthesize


def _default_backend(settings: Settings) -> RenderBackend:
    from flutter_renderer.render import make_backend

    return make_backend(settings)


def run_synth(
    settings: Settings,
    n: int,
    out: str | None = None,
    seed: int | None = None,
    make_backend: Callable[[Settings], RenderBackend] | None = None,
) -> int:
    """Synthesize `n` screens into `out` (default `<data.output_dir>/synth-<seed>-<n>`) with a
    progress bar; print the failures by type and difficulty. Exit status 1 when any screen failed."""
    seed = settings.data.seed if seed is None else seed
    folder = Path(out) if out else Path(settings.data.output_dir) / f"synth-{seed}-{n}"
    console = Console()
    with (make_backend or _default_backend)(settings) as backend, Progress(console=console) as progress:
        task = progress.add_task(f"rendering {n} screens", total=n)
        report = synthesize(n, folder, backend, seed=seed, progress=lambda k: progress.advance(task, k))
    _print_report(console, report)
    return 0 if not report.failures else 1


def _print_report(console: Console, report: SynthesisReport) -> None:
    console.print(f"wrote {len(report.written)} screens to {report.out_dir} (render rate {report.render_rate:.1%})")
    if not report.failures:
        return
    table = Table("screen type", "difficulty", "error kind", "failures")
    counts = Counter((f["screen_type"], f["difficulty"], f["error_kind"]) for f in report.failures)
    for (screen_type, difficulty, kind), count in sorted(counts.items()):
        table.add_row(screen_type, difficulty, kind, str(count))
    console.print(table)
    console.print(f"details: {report.out_dir / FAILURES_FILE}")
