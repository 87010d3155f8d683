"""Reward rendering under multi-process training: one renderer pool on the main process, or one pool of
`workers / N` pages in each of N processes (what `flutter_rl.train.distributed.per_process_renderer`
does). Both render the same global batch of synthetic screens with `workers` pages in all.

`main` = one process renders the whole batch with `workers` pages (the completions of the other
processes would be sent to it first; that transfer of strings is not timed). `per-process` = N
processes each render their share with `workers / N` pages, at the same time (started together on a
barrier; wall = the slowest). Start-up (every page warm) is timed apart; `wall` is for the rounds of
`--rounds` batches after it, as training renders a batch per step on a warm pool.

    .venv/bin/python benchmarks/multi_process_render.py [--workers 2] [--processes 2] [--batch 8] [--rounds 3]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from typing import Sequence

from flutter_renderer.embedded.backend import EmbeddedBackend
from flutter_rl.settings import load_settings
from flutter_rl.synth.synthetic import generate_screens


def render_rounds(codes: Sequence[Sequence[str]], workers: int, barrier=None) -> tuple[float, float, int]:
    """(start-up s, render wall s, rendered) for `codes` (one list per round) on a pool of `workers` pages."""
    renderer = load_settings(environ={}).renderer.model_copy(update={"workers": workers})
    with EmbeddedBackend(renderer) as backend:
        started = time.perf_counter()
        backend.start()
        startup = time.perf_counter() - started
        if barrier is not None:
            barrier.wait()
        started, ok = time.perf_counter(), 0
        for batch in codes:
            ok += sum(r.ok for r in backend.render_batch(list(batch), timeout=30.0))
        return startup, time.perf_counter() - started, ok


def _shard_worker(codes, workers, barrier, out) -> None:
    out.put(render_rounds(codes, workers, barrier))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="pages in all ([renderer] workers)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8, help="completions per step over all processes")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    screens = [s.code for s in generate_screens(args.batch * args.rounds, seed=7)]
    rounds = [screens[i * args.batch : (i + 1) * args.batch] for i in range(args.rounds)]

    rows = [("main", 1, args.workers, *render_rounds(rounds, args.workers))]
    context = mp.get_context("spawn")
    barrier, out = context.Barrier(args.processes), context.Queue()
    share = max(1, args.workers // args.processes)
    procs = [
        context.Process(target=_shard_worker, args=([r[p :: args.processes] for r in rounds], share, barrier, out))
        for p in range(args.processes)
    ]
    for proc in procs:
        proc.start()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    rows.append(
        (
            "per-process",
            args.processes,
            share,
            max(r[0] for r in results),
            max(r[1] for r in results),
            sum(r[2] for r in results),
        )
    )

    total = args.batch * args.rounds
    print(f"{total} screens ({args.rounds} rounds of {args.batch}), {args.workers} pages in all\n")
    print("| pools | processes | pages each | start-up (s) | render wall (s) | rendered | screens/s |")
    print("|---|---|---|---|---|---|---|")
    for name, processes, pages, startup, wall, ok in rows:
        print(f"| {name} | {processes} | {pages} | {startup:.1f} | {wall:.1f} | {ok}/{total} | {total / wall:.2f} |")


if __name__ == "__main__":
    main()
