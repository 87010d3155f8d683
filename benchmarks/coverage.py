"""Coverage of the embedded renderer on real Flutter code: render every `.dart` file under a folder.

Each file goes through the Dart front end here (fast, in this process); the files it accepts are
rendered by the real embedded backend (front end + Flet + Chromium, a pool of `--workers`). Prints
Markdown tables: files and render rate per top-level subfolder, errors by kind, the top blockers
(the unsupported or undefined name or construct each error names, with the number of files it
blocks), and peeling: the blockers found after stubbing the ones before (benchmarks/README.md,
"Coverage", says how), so one number says what implementing a feature unlocks.

    .venv/bin/python benchmarks/coverage.py DIR [--json OUT] [--workers N] [--peel K] [--top T] [--no-browser]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.util
import json
import platform
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterable, Sequence

from flutter_renderer.api import ErrorKind, RenderBackend, RenderSize, SourceError


def _sibling_module(name: str) -> ModuleType:
    """A module next to this script, loaded by path (benchmarks/ is not a package, and putting it on
    sys.path would shadow the `coverage` package)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_blockers = _sibling_module("coverage_blockers")
Peel, blocker_key, peel = _blockers.Peel, _blockers.blocker_key, _blockers.peel

KINDS = tuple(kind.value for kind in ErrorKind)
TIMEOUT_S = 30.0  # per file: generous, so a loaded machine shows slow renders rather than timeouts
COMMIT_FILE = "FLUTTER_COMMIT"  # written next to the corpus by fetch_flutter_examples.sh


@dataclass
class FileResult:
    """One file's outcome. `stage` says where it stopped: `front end`, `render` (mapping, Flet or
    Chromium) or `rendered`; `chain` and `peel` are the blockers found by peeling and how it ended."""

    path: str
    folder: str
    ok: bool
    stage: str
    kind: str | None = None
    message: str = ""
    blocker: str | None = None
    chain: list[str] = field(default_factory=list)
    peel: str | None = None


def dart_files(root: Path) -> list[Path]:
    """Every `.dart` file under `root`, in a stable order."""
    return sorted(p for p in root.rglob("*.dart") if p.is_file())


def folder_of(path: Path, root: Path) -> str:
    """The top-level subfolder a file belongs to ('.' for files directly under `root`)."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "."


def front_end_error(source: str, size: RenderSize) -> SourceError | None:
    """The front end's error for one file, or None when it compiles."""
    from flutter_renderer.dart import Budget, DartError, compile_screen

    try:
        compile_screen(source, width=size.width, height=size.height, budget=Budget())
    except DartError as exc:
        return exc
    return None


def local_error(source: str, size: RenderSize) -> SourceError | None:
    """The first error of the front end and the mapping to Flet controls (no browser), or None."""
    from flutter_renderer.dart import Budget, DartError, compile_screen
    from flutter_renderer.embedded.mapping import MappingError, build_screen

    try:
        build_screen(compile_screen(source, width=size.width, height=size.height, budget=Budget()), size)
    except (DartError, MappingError) as exc:
        return exc
    return None


def _parse_message(message: str) -> tuple[str, int, int]:
    """A render result's message back into (message, line, column): workers print `line L:C: ...`."""
    head, sep, rest = message.partition(": ")
    if sep and head.startswith("line ") and ":" in head:
        line, _, column = head[5:].partition(":")
        if line.isdigit() and column.isdigit():
            rest = rest[len("Error: ") :] if rest.startswith("Error: ") else rest
            return rest, int(line), int(column)
    return message, 0, 0


def classify(
    paths: Sequence[Path],
    root: Path,
    backend: RenderBackend | None,
    size: RenderSize,
    peel_rounds: int,
    progress: Callable[[str], None] = lambda _: None,
) -> list[FileResult]:
    """Front end for every file, the backend for the files it accepts, then peeling of the failures.

    With `backend` None the accepted files are only mapped to Flet controls here, not drawn
    (`--no-browser`): mapping errors count, Flet's and Chromium's don't."""
    sources = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    errors = [front_end_error(source, size) for source in sources]
    results = [
        FileResult(
            str(path.relative_to(root)),
            folder_of(path, root),
            error is None,
            "front end" if error else "rendered",
            error.kind.value if error else None,
            error.message if error else "",
        )
        for path, error in zip(paths, errors)
    ]
    passing = [i for i, error in enumerate(errors) if error is None]
    progress(f"front end: {len(passing)}/{len(paths)} files pass; {'rendering' if backend else 'mapping'} them")
    if backend is not None and passing:
        for index, rendered in zip(passing, backend.render_batch([sources[i] for i in passing])):
            if not rendered.ok:
                message, line, column = _parse_message(rendered.message)
                errors[index] = SourceError(rendered.error_kind or ErrorKind.CRASH, message, line, column)
    elif passing:
        for index in passing:
            errors[index] = local_error(sources[index], size)
    for index in passing:
        error = errors[index]
        if error is not None:
            results[index] = FileResult(
                results[index].path, results[index].folder, False, "render", error.kind.value, error.message
            )
    progress("peeling the blockers")
    for result, source, error in zip(results, sources, errors):
        if error is None:
            continue
        result.blocker = blocker_key(error, source)
        outcome: Peel = peel(source, error, lambda s: local_error(s, size), peel_rounds)
        result.chain, result.peel = outcome.chain, outcome.status
    return results


def by_folder(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    """Files, rendered and errors by kind per folder, then an 'all' row."""

    def row(name: str, group: Sequence[FileResult]) -> dict[str, Any]:
        kinds = Counter(r.kind for r in group if not r.ok)
        rendered = sum(r.ok for r in group)
        return {
            "folder": name,
            "files": len(group),
            "rendered": rendered,
            "rate": rendered / len(group) if group else 0.0,
            **{k: kinds.get(k, 0) for k in KINDS},
        }

    folders = sorted({r.folder for r in results})
    return [row(f, [r for r in results if r.folder == f]) for f in folders] + [row("all", results)]


def blockers(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    """Per blocker: its kind, the files whose first error it is, the files whose peeling chain has it
    anywhere, and the files it alone blocks (peeling cleared them after stubbing it only)."""
    failed = [r for r in results if not r.ok and r.blocker]
    kinds: dict[str, Counter[str]] = {}
    for r in failed:
        kinds.setdefault(r.blocker, Counter())[r.kind] += 1
    first = Counter(r.blocker for r in failed)
    anywhere = Counter(key for r in failed for key in set(r.chain))
    alone = Counter(r.chain[0] for r in failed if r.peel == "cleared" and len(set(r.chain)) == 1)
    rows = [
        {
            "blocker": key,
            "kind": "/".join(sorted(kinds.get(key, {"?": 0}))),
            "first": first[key],
            "anywhere": anywhere[key],
            "alone": alone[key],
        }
        for key in set(first) | set(anywhere)
    ]
    return sorted(rows, key=lambda row: (-row["first"], -row["anywhere"], row["blocker"]))


def unlock_order(results: Sequence[FileResult], limit: int) -> list[dict[str, Any]]:
    """Greedy: the blocker whose implementation unlocks the most files, given the ones chosen before.

    A file counts as unlocked once every blocker of its peeling chain is chosen (only files whose
    peeling cleared them); when no single blocker unlocks a file, the most frequent one is chosen."""
    total = len(results)
    rendered = sum(r.ok for r in results)
    pending = [set(r.chain) for r in results if not r.ok and r.peel == "cleared"]
    chosen: set[str] = set()
    rows: list[dict[str, Any]] = []
    while pending and len(rows) < limit:
        alone = Counter(next(iter(s - chosen)) for s in pending if len(s - chosen) == 1)
        pick = (
            min(alone, key=lambda k: (-alone[k], k))
            if alone
            else min(Counter(k for s in pending for k in s - chosen).items(), key=lambda kv: (-kv[1], kv[0]))[0]
        )
        chosen.add(pick)
        unlocked = [s for s in pending if s <= chosen]
        pending = [s for s in pending if not s <= chosen]
        rendered += len(unlocked)
        rows.append(
            {
                "rank": len(rows) + 1,
                "blocker": pick,
                "unlocks": len(unlocked),
                "cumulative": rendered,
                "rate": rendered / total if total else 0.0,
            }
        )
    return rows


def report(results: Sequence[FileResult], top: int) -> dict[str, Any]:
    """Every aggregate the tables show."""
    failed = [r for r in results if not r.ok]
    return {
        "folders": by_folder(results),
        "kinds": dict(Counter(r.kind for r in failed)),
        "blockers": blockers(results)[:top],
        "unlock": unlock_order(results, top),
        "peel": dict(Counter(r.peel for r in failed)),
    }


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    from flutter_rl.evaluate.reporting import markdown_table

    return markdown_table(header, rows)


def markdown(summary: dict[str, Any], total: int) -> str:
    """The tables of one run, as Markdown."""
    folders = _table(
        ["folder", "files", "rendered", "rate", *KINDS],
        [
            [r["folder"], r["files"], r["rendered"], f"{r['rate']:.1%}", *(r[k] for k in KINDS)]
            for r in summary["folders"]
        ],
    )
    failed = sum(summary["kinds"].values())
    kinds = _table(
        ["error kind", "files", "share of all files"],
        [[k, n, f"{n / total:.1%}"] for k, n in sorted(summary["kinds"].items(), key=lambda kv: -kv[1])],
    )
    top = _table(
        ["blocker", "kind", "first error of", "anywhere in peeling of", "alone blocks"],
        [[r["blocker"], r["kind"], r["first"], r["anywhere"], r["alone"]] for r in summary["blockers"]],
    )
    unlock = _table(
        ["#", "implement", "unlocks files", "rendered then", "rate then"],
        [[r["rank"], r["blocker"], r["unlocks"], r["cumulative"], f"{r['rate']:.1%}"] for r in summary["unlock"]],
    )
    peeled = ", ".join(f"{status}: {n}" for status, n in sorted(summary["peel"].items(), key=lambda kv: -kv[1]))
    return "\n\n".join(
        [
            "### Render rate by folder",
            folders,
            f"### Errors by kind ({failed} of {total} files fail)",
            kinds,
            "### Top blockers (files)",
            top,
            "### Peeling: what implementing each blocker unlocks (greedy order)",
            unlock,
            f"Peeling ended: {peeled}.",
        ]
    )


def _git(args: list[str], cwd: Path) -> str:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def corpus_commit(root: Path) -> str:
    """The Flutter commit of the corpus: FLUTTER_COMMIT in `root` or a folder above it, else ''."""
    for folder in (root, *root.parents):
        marker = folder / COMMIT_FILE
        if marker.is_file():
            return marker.read_text().strip()
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="a folder of real Flutter code (e.g. examples/api/lib)")
    parser.add_argument("--json", type=Path, default=None, help="write the per-file results and tables here")
    parser.add_argument("--workers", type=int, default=2, help="render workers (default 2)")
    parser.add_argument("--peel", type=int, default=4, help="blockers to stub per file when peeling (default 4)")
    parser.add_argument("--top", type=int, default=25, help="rows of the blocker and peeling tables")
    parser.add_argument("--corpus-commit", default=None, help=f"the corpus's Flutter commit (default: {COMMIT_FILE})")
    parser.add_argument("--no-browser", action="store_true", help="map to Flet controls but draw nothing (fast)")
    args = parser.parse_args()
    from flutter_renderer.embedded.backend import EmbeddedBackend, source_version
    from flutter_rl.settings import load_settings

    root = args.dir.resolve()
    paths = dart_files(root)
    settings = load_settings()
    size = settings.renderer.size
    start = time.monotonic()
    backend = None if args.no_browser else EmbeddedBackend(settings.renderer, workers=args.workers, timeout_s=TIMEOUT_S)
    with backend or contextlib.nullcontext():
        results = classify(paths, root, backend, size, args.peel, lambda line: print(line, file=sys.stderr))
    summary = report(results, args.top)
    repo = Path(__file__).resolve().parents[1]
    meta = {
        "corpus": str(args.dir),
        "corpus_commit": args.corpus_commit or corpus_commit(root),
        "project_commit": _git(["rev-parse", "HEAD"], repo),
        "project_dirty": bool(_git(["status", "--porcelain", "--untracked-files=no"], repo)),
        "renderer": source_version(),
        "drawn": not args.no_browser,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.system()} {platform.release()}",
        "workers": args.workers,
        "peel_rounds": args.peel,
        "wall_s": round(time.monotonic() - start, 1),
    }
    print(
        f"{len(paths)} files under {args.dir} (Flutter {meta['corpus_commit'] or '?'}), project "
        f"{meta['project_commit'][:10]}{' (dirty)' if meta['project_dirty'] else ''}, {meta['wall_s']} s\n"
    )
    print(markdown(summary, len(paths)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"meta": meta, **summary, "files": [asdict(r) for r in results]}, indent=1))


if __name__ == "__main__":
    main()
