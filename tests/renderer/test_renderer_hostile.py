"""A corpus of 1,000+ broken or hostile completions: each gets a clean RenderResult, worker memory
stays bounded, and the pool still renders a good screen afterwards."""

from __future__ import annotations

import random

import pytest

from flutter_renderer.api import ErrorKind, RenderResult
from flutter_renderer.examples import example_files

from .conftest import needs_chromium, screen_source

pytestmark = [pytest.mark.e2e, needs_chromium]

MEMORY_GROWTH_LIMIT_MB = 400


def hostile_corpus(seed: int = 7) -> list[str]:
    """Truncations, random bytes, huge inputs, deep nesting, recursion, unknown widgets, prose."""
    rng = random.Random(seed)
    examples = [f.read_text() for f in example_files()]
    corpus: list[str] = []
    for source in examples:  # truncated completions, as when generation hits max tokens
        corpus += [source[:cut] for cut in sorted(rng.sample(range(1, len(source)), 90))]
    corpus += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))).decode("latin-1") for _ in range(120)]
    corpus += ["x" * 10_000_000, "Text('" + "a" * 10_000_000 + "')", screen_source(title="b" * 5_000_000)]
    corpus += [
        screen_source(body="Center(child: " * depth + "const Text('deep')" + ")" * depth)
        for depth in (50, 200, 400, 1000, 3000)
    ]
    corpus += [
        """import 'package:flutter/material.dart';
void main() => runApp(MaterialApp(home: a()));
Widget a() => b();
Widget b() => a();
"""
    ] * 5
    corpus += [
        screen_source(body=f"ListView(children: List.generate({n}, (i) => Text('row $i')))")
        for n in (1000, 20_000, 10**7)
    ]
    corpus += [
        screen_source(body=f"Column(children: [for (var i = 0; i < {n}; i++) const Text('x')])") for n in (10**6, 10**9)
    ]
    corpus += [screen_source(body=f"const {name}()") for name in (f"Widget{rng.randrange(10**6)}" for _ in range(100))]
    corpus += [
        screen_source(body=f"Container(child: Text('x'), {name}: 1)")
        for name in (f"param{rng.randrange(10**6)}" for _ in range(60))
    ]
    prose = [
        "Sure! Here is your Flutter screen:",
        "```dart",
        "I cannot help with that.",
        '{"json": true}',
        "def main():\n    print('python')",
        "<html><body>hi</body></html>",
        "\x00\x01\x02",
        "🙂" * 1000,
    ]
    corpus += [rng.choice(prose) + "\n" + rng.choice(examples)[: rng.randrange(0, 300)] for _ in range(120)]
    corpus += [
        screen_source(body="Text('" + "".join(rng.choice("ab'\\${}()\n") for _ in range(30)) + "')") for _ in range(80)
    ]
    corpus += [screen_source(title=f"Valid {i}") for i in range(10)]  # a few real renders in between
    return corpus


def worker_memory_mb(backend) -> float:
    return sum(w.rss_mb() for w in backend.workers)


def test_hostile_corpus_gets_clean_results_with_bounded_memory(backend):
    corpus = hostile_corpus()
    assert len(corpus) >= 1000
    good = screen_source(title="After the storm")
    reference = backend.render_batch([good])[0]
    assert reference.ok
    memory_before = worker_memory_mb(backend)

    results = backend.render_batch(corpus, timeout=10.0)

    assert len(results) == len(corpus)
    for code, result in zip(corpus, results):
        assert isinstance(result, RenderResult)
        if result.ok:
            assert result.png and result.png.startswith(b"\x89PNG")
        else:
            assert result.error_kind in set(ErrorKind) and result.message, repr(code[:80])
            assert result.error_kind is not ErrorKind.CRASH, f"{result.message} for {code[:80]!r}"
    assert sum(r.ok for r in results) >= 10  # the valid screens among them did render
    assert worker_memory_mb(backend) < memory_before + MEMORY_GROWTH_LIMIT_MB

    after = backend.render_batch([good])[0]
    assert after.ok and after.png == reference.png
