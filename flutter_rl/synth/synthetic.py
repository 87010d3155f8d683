"""The synthetic screen generator: realistic Flutter screens with their exact source code.

`generate_screen` writes the Dart file of one screen (deterministic for a seed); `synthesize`
generates many, renders them with a renderer backend and writes a folder that the folder ingester
reads: `<id>.dart`, `<id>.png` and `metadata.jsonl` (id, image, screen_type, difficulty,
reference_code, seed). Samples that fail to render are reported, not written.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from flutter_renderer.api import RenderBackend
from flutter_rl.synth.dart import ScreenClass, screen_source
from flutter_rl.synth.kit import Ctx
from flutter_rl.synth.screens import SCREEN_TEMPLATES
from flutter_rl.synth.wordbanks import DOMAINS, PALETTES
from flutter_rl.vocabulary import DIFFICULTIES, SCREEN_TYPES

METADATA_FILE = "metadata.jsonl"
FAILURES_FILE = "failures.jsonl"
_CLASS_SUFFIXES = ("Screen", "Page")  # never "View": `ListView` would shadow Flutter's


class Quota(NamedTuple):
    """Screens to generate first so that a split can be filled: `count` of them, cycling through
    `screen_types` (fastest) and `difficulties`."""

    count: int
    difficulties: Sequence[str]
    screen_types: Sequence[str] = SCREEN_TYPES


@dataclass(frozen=True)
class SyntheticScreen:
    """One generated screen: the complete Dart file and its labels."""

    code: str
    screen_type: str
    difficulty: str
    seed: int


@dataclass
class SynthesisReport:
    """What `synthesize` produced: written sample ids and the failures with their render errors."""

    out_dir: Path
    written: list[str] = field(default_factory=list)
    failures: list[dict[str, str]] = field(default_factory=list)

    @property
    def render_rate(self) -> float:
        total = len(self.written) + len(self.failures)
        return len(self.written) / total if total else 0.0


def generate_screen(screen_type: str, difficulty: str, rng: random.Random) -> SyntheticScreen:
    """Generate one screen of `screen_type` at `difficulty`; `rng` only draws the sample's seed, so
    `screen_from_seed(t, d, sample.seed)` regenerates exactly the same code."""
    seed = rng.randrange(2**31)
    return screen_from_seed(screen_type, difficulty, seed)


def screen_from_seed(screen_type: str, difficulty: str, seed: int) -> SyntheticScreen:
    """The screen of this type and difficulty for this seed: same inputs, same code."""
    if screen_type not in SCREEN_TEMPLATES:
        raise ValueError(f"unknown screen type {screen_type!r}; known: {', '.join(SCREEN_TYPES)}")
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"unknown difficulty {difficulty!r}; known: {', '.join(DIFFICULTIES)}")
    rng = random.Random(f"{screen_type}/{difficulty}/{seed}")
    ctx = Ctx(rng=rng, difficulty=difficulty, palette=rng.choice(PALETTES), domain=rng.choice(DOMAINS))
    body = SCREEN_TEMPLATES[screen_type](ctx)
    name = screen_type.capitalize() + rng.choice(_CLASS_SUFFIXES)
    screen = ScreenClass(
        name=name,
        body=body,
        methods=ctx.methods,
        state_fields=ctx.state_fields,
        declarations=ctx.declarations,
        imports=ctx.imports,
    )
    with_app = ctx.palette.dark or rng.random() < 0.5  # a dark screen needs its dark theme
    if with_app and ctx.level == 2 and rng.random() < 0.5:  # drawn last: the rest of the screen stays the same
        screen.theme = list(SUB_THEMES)
    code = screen_source(screen, app_seed_color=ctx.palette.seed if with_app else None, dark=ctx.palette.dark)
    return SyntheticScreen(code=code, screen_type=screen_type, difficulty=difficulty, seed=seed)


# Sub-themes a hard screen's app sometimes sets: its app bars centre their titles, its cards are flat
# and rounder, its text fields outlined.
SUB_THEMES = (
    "appBarTheme: const AppBarTheme(centerTitle: true)",
    "cardTheme: CardThemeData(elevation: 0, shape: RoundedRectangleBorder(borderRadius: BorderRadius.circular(16)))",
    "inputDecorationTheme: const InputDecorationTheme(border: OutlineInputBorder())",
)


def plan_labels(
    n: int, reserve: Sequence[Quota | tuple[int, Sequence[str]]] = (), seed: int = 0
) -> list[tuple[str, str]]:
    """(screen_type, difficulty) for `n` screens: first the `reserve` quotas (`Quota`s, or (count,
    difficulties) for every type), e.g. [(160, ['easy']), (100, ['easy', 'medium', 'hard'])] so the
    default splits can be filled, then an even cycle over every type x difficulty. Within a quota the
    types rotate fastest, so every (type, difficulty) pair comes equally often."""
    labels: list[tuple[str, str]] = []
    for count, difficulties, types in (Quota(*quota) for quota in reserve):
        labels += [(types[i % len(types)], difficulties[i // len(types) % len(difficulties)]) for i in range(count)]
    combos = [(t, d) for d in DIFFICULTIES for t in SCREEN_TYPES]
    random.Random(seed).shuffle(combos)
    labels += [combos[i % len(combos)] for i in range(max(0, n - len(labels)))]
    return labels[:n]


def generate_screens(
    n: int, seed: int = 42, reserve: Sequence[Quota | tuple[int, Sequence[str]]] = ()
) -> list[SyntheticScreen]:
    """The `n` screens that `synthesize(n, ..., seed=seed, reserve=reserve)` renders, in order."""
    rng = random.Random(seed)
    return [generate_screen(t, d, rng) for t, d in plan_labels(n, reserve, seed)]


def synthesize(
    n: int,
    out_dir: str | Path,
    backend: RenderBackend,
    *,
    seed: int = 42,
    reserve: Sequence[Quota | tuple[int, Sequence[str]]] = (),
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
) -> SynthesisReport:
    """Generate `n` screens, render them in batches and write the ingestible folder `out_dir`.

    Screens are rendered at the backend's size. Ids are `synth-<seed>-<index>`, so a run is reproducible; `progress(k)` is called after each
    batch with the number of screens it handled.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    screens = generate_screens(n, seed, reserve)
    report = SynthesisReport(out_dir=out)
    rows: list[dict[str, object]] = []
    for start in range(0, len(screens), batch_size):
        batch = screens[start : start + batch_size]
        results = backend.render_batch([s.code for s in batch])
        for index, (screen, result) in enumerate(zip(batch, results), start=start):
            sample_id = f"synth-{seed}-{index:05d}"
            if not result.ok or not result.png:
                kind = result.error_kind.value if result.error_kind else "unknown"
                report.failures.append(
                    {
                        "id": sample_id,
                        "screen_type": screen.screen_type,
                        "difficulty": screen.difficulty,
                        "error_kind": kind,
                        "message": result.message,
                    }
                )
                continue
            (out / f"{sample_id}.dart").write_text(screen.code)
            (out / f"{sample_id}.png").write_bytes(result.png)
            rows.append(
                {
                    "id": sample_id,
                    "image": f"{sample_id}.png",
                    "screen_type": screen.screen_type,
                    "difficulty": screen.difficulty,
                    "reference_code": screen.code,
                    "seed": screen.seed,
                }
            )
            report.written.append(sample_id)
        if progress:
            progress(len(batch))
    (out / METADATA_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows))
    if report.failures:
        (out / FAILURES_FILE).write_text("".join(json.dumps(f) + "\n" for f in report.failures))
    return report


def read_failures(folder: str | Path) -> list[dict[str, str]]:
    """The failure records `synthesize` wrote in `folder` (id, screen_type, difficulty, error_kind, message)."""
    file = Path(folder) / FAILURES_FILE
    if not file.is_file():
        return []
    return [json.loads(line) for line in file.read_text().splitlines() if line.strip()]
