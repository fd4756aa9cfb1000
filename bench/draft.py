"""Benchmark of ``usiraq draft``: its scores against the dataset's own coding, and its speed.

Scores: every article of the dataset folder (by default the package's
dataset/) drafted as new, its annotation file set aside (the registry is the
dataset's), against what that file codes; the matching rules are in
docs/DRAFTING.md. The script reads whatever the annotations hold, so it can
be rerun after any recoding.

Speed: N synthetic articles (the bench generator's, bench/synthetic.py) drafted
with one spaCy pipeline per process, timed (wall clock) after the pipeline and
the registry are loaded, in one process and in one per core; each also for
N/4 and N/2 articles, to show that the cost grows linearly (seconds per
million characters).

Usage:
    python bench/draft.py [--root DATASET] [--articles 5000] [--seed 0] [--workers N] [--details]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import synth_vocab as vocab
from synth_registry import make_registry
from synthetic import actor_entries, articles
from usiraq.schema.inputs import ActorsFile

from usiraq.draft.actors import Registry
from usiraq.draft.article import Article, day_published, draft_articles
from usiraq.draft.score import report, score
from usiraq.draft.text import pipeline

TARGETS = {"figure": (0.95, 0.90), "actor_mention": (0.95, 0.90), "date": (0.90, 0.0), "claim": (0.85, 0.80)}


def synthetic_corpus(count: int, seed: int) -> tuple[list[Article], Registry]:
    """``count`` synthetic articles and the registry they were made with."""
    made = make_registry(count, seed)
    corpus = [Article(a.id, a.text, day_published(a.published)) for a in articles(made, seed)]
    actors = ActorsFile.model_validate({"actors": actor_entries(made)})
    return corpus, Registry(actors, vocab.NON_ACTOR_NAMES)


def timed(corpus: list[Article], registry: Registry, workers: int = 1) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds to draft ``corpus`` with ``workers`` processes, and the candidates found.

    Workers are forked from this process, so each starts with the spaCy
    pipeline and the registry already loaded; each drafts every n-th article.
    CPU seconds add this process's and the workers' user and system time: on
    a machine shared with other work they show what the wall clock would be
    on a free one.
    """
    start, cpu = time.perf_counter(), _cpu()
    if workers == 1:
        found = _count(corpus, registry)
    else:
        shares = [corpus[index::workers] for index in range(workers)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            found = sum(pool.map(_count, shares, [registry] * workers))
    return time.perf_counter() - start, _cpu() - cpu, found


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _count(corpus: list[Article], registry: Registry) -> int:
    return sum(len(draft.candidates) for draft in draft_articles(corpus, registry))


def main(argv: list[str] | None = None) -> int:
    """Print the scores and the timings; exit 1 if a score misses its target."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1] / "dataset")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: one per core)")
    parser.add_argument("--details", action="store_true", help="list every missed and extra candidate")
    args = parser.parse_args(argv)

    tallies = score(args.root)
    print(f"scores on {args.root} (each article drafted as new):")
    for line in report(tallies, args.details):
        print(f"  {line}")
    failed = [
        kind
        for kind, (recall, precision) in TARGETS.items()
        if tallies[kind].recall < recall or tallies[kind].precision < precision
    ]

    pipeline()
    corpus, registry = synthetic_corpus(args.articles, args.seed)
    print(f"speed on synthetic articles (seed {args.seed}), wall-clock:")
    for workers in sorted({1, args.workers}):
        for size in sorted({max(1, args.articles // 4), max(1, args.articles // 2), args.articles}):
            part = corpus[:size]
            chars = sum(len(article.text) for article in part)
            seconds, cpu, found = timed(part, registry, workers)
            print(
                f"  {workers} process(es), {size:>6} articles, {chars / 1e6:5.2f} M chars: {seconds:6.1f} s wall, "
                f"{cpu:6.1f} s CPU ({cpu / chars * 1e6:5.2f} s CPU per M chars), {found} candidates"
            )
    if failed:
        print(f"below target: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
