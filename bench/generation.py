"""Question generation throughput on the Wikinews corpus, next to spaCy's own ``nlp.pipe``.

    cd <checkout> && .venv/bin/python -m bench.generation [CORPUS_DIR] [--runs 3]

Both run on the same article texts in the same process, after the model is loaded: spaCy's bare
model through ``nlp.pipe``, and ``generate_bank`` (quizapp's pipeline with its rule layer, fact
finding, distractors and quality checks). The ratio of the two is the figure to watch. Prints a
markdown table (best of ``--runs``); the numbers go into docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import importlib
import platform
import time
import timeit
from pathlib import Path

from quizapp.generation import generate_bank
from quizapp.generation.nlp import MODEL_NAME, get_nlp
from quizapp.generation.sample import wikinews_articles

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus"


def best_of(runs: int, work) -> float:
    return min(timeit.repeat(work, number=1, repeat=runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = wikinews_articles(Path(args.corpus))
    texts = [a.text for a in articles]

    start = time.perf_counter()
    bare = importlib.import_module(MODEL_NAME).load()
    bare_load = time.perf_counter() - start
    start = time.perf_counter()
    ours = get_nlp()
    ours_load = time.perf_counter() - start
    tokens = sum(len(doc) for doc in bare.pipe(texts))

    rows = [
        ("spaCy `nlp.pipe` (bare model)", best_of(args.runs, lambda: list(bare.pipe(texts)))),
        ("quizapp pipeline `nlp.pipe` (with rule layer)",
         best_of(args.runs, lambda: list(ours.pipe(texts)))),
        ("`generate_bank` per article (whole generator)",
         best_of(args.runs, lambda: [generate_bank(a) for a in articles])),
    ]
    questions = sum(len(generate_bank(a)["questions"]) for a in articles)
    base = rows[0][1]
    print(f"Generation on {len(articles)} Wikinews articles, {tokens:,} tokens, "
          f"{questions:,} questions; Python {platform.python_version()}, best of {args.runs}.\n")
    print("| what | seconds | articles/s | tokens/s | × spaCy pipe |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {len(articles) / seconds:.1f} | "
              f"{tokens / seconds:,.0f} | {seconds / base:.2f} |")
    print(f"\nModel load: bare {bare_load:.2f} s, quizapp pipeline {ours_load:.2f} s "
          "(once per process, on first use).")


if __name__ == "__main__":
    main()
