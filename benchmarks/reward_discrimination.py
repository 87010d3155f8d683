"""Does the visual reward tell screens apart? Each screen's code scored against each screenshot.

    .venv/bin/python benchmarks/reward_discrimination.py [--preset tiny] [--difficulty easy]

Renders one synthetic screen per type with the configured renderer, then prints the visual reward
(`[reward] visual`) of every screen's code (columns) against every screenshot (rows). A useful reward
has 1.00 on the diagonal and clearly less elsewhere; the last column is the margin between the
diagonal and the best other code.
"""

from __future__ import annotations

import argparse

from flutter_renderer.render import make_backend
from flutter_rl.reward.registry import needs_clip
from flutter_rl.reward.scoring import score_batch
from flutter_rl.settings import load_settings
from flutter_rl.synth.synthetic import SCREEN_TYPES, screen_from_seed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="tiny")
    parser.add_argument("--difficulty", default="easy")
    parser.add_argument("--types", nargs="*", default=list(SCREEN_TYPES[:6]))
    args = parser.parse_args()

    settings = load_settings(preset=args.preset)
    embedder = None
    if needs_clip(settings.reward):
        from flutter_rl.reward.clip import load_clip_embedder

        embedder = load_clip_embedder(settings.reward)
    codes = [screen_from_seed(t, args.difficulty, seed).code for seed, t in enumerate(args.types)]
    with make_backend(settings) as backend:
        shots = backend.render_batch(codes)
        ok = [i for i, shot in enumerate(shots) if shot.ok]
        print(f"visual = {settings.reward.visual}; rows: screenshot, columns: code; {len(ok)}/{len(codes)} rendered\n")
        print("| screenshot | " + " | ".join(args.types[i] for i in ok) + " | margin |")
        print("|---" * (len(ok) + 2) + "|")
        for row in ok:
            scores = score_batch(
                [codes[i] for i in ok],
                [shots[row].png] * len(ok),
                backend=backend,
                settings=settings.reward,
                embedder=embedder,
            )
            values = [s.visual for s in scores]
            own = values[ok.index(row)]
            margin = own - max(v for i, v in zip(ok, values) if i != row)
            print(f"| {args.types[row]} | " + " | ".join(f"{v:.2f}" for v in values) + f" | {margin:.2f} |")


if __name__ == "__main__":
    main()
