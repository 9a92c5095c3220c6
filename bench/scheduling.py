"""Scheduler throughput on the shared review log: review, preview, replay, fit, evaluate.

    cd <checkout> && .venv/bin/python -m bench.scheduling [LOG_CSV] [--timezone UTC] [--rollover 4]

Prints a markdown table (best of three runs); the numbers go into docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import platform
import timeit
from collections import defaultdict
from pathlib import Path

from quizapp.scheduling.evaluate import evaluate_log
from quizapp.scheduling.fitting import fit_items, training_items
from quizapp.scheduling.logs import read_log
from quizapp.scheduling.scheduler import Settings, fuzz_rng, preview, replay, review
from quizapp.scheduling.state import CardState

DEFAULT_LOG = Path(__file__).resolve().parents[2] / "shared/reviews/review_logs_josh_py-fsrs.csv"


def best_of(runs: int, work) -> float:
    return min(timeit.repeat(work, number=1, repeat=runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", nargs="?", default=str(DEFAULT_LOG))
    parser.add_argument("--timezone", default="UTC")
    parser.add_argument("--rollover", type=int, default=4)
    args = parser.parse_args()
    tz, rollover, settings = args.timezone, args.rollover, Settings()
    entries = read_log(args.log)
    by_card = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.reviewed_at):
        by_card[entry.card].append(entry)
    befores = []  # (state before, moment, rng key) for the preview benchmark

    def run_reviews() -> None:
        befores.clear()
        for card, reviews in by_card.items():
            state = CardState.new()
            for e in reviews:
                befores.append((state, e.reviewed_at, card))
                state, _ = review(state, e.rating, settings, e.reviewed_at,
                                  fuzz_rng(card, state.reps), tz, rollover)

    def run_previews() -> None:
        for state, moment, card in befores:
            preview(state, settings, moment, fuzz_rng(card, state.reps), tz, rollover)

    def run_replays() -> None:
        for card, reviews in by_card.items():
            replay(reviews, settings, tz, rollover, card_key=card)

    items = training_items(by_card, tz, rollover)
    n = len(entries)
    rows = [("review (incremental, whole log)", n, best_of(3, run_reviews)),
            ("preview (four outcomes)", n, best_of(3, run_previews)),
            ("replay (per card, from the log)", n, best_of(3, run_replays)),
            (f"fit parameters (fsrs-rs, {len(items)} items)", n,
             best_of(3, lambda: fit_items(items))),
            ("srs evaluate (fit first half, score 3 models)", n,
             best_of(3, lambda: evaluate_log(entries, tz, rollover)))]
    print(f"log: {Path(args.log).name}, {n} reviews of {len(by_card)} cards; "
          f"Python {platform.python_version()} on {platform.machine()}\n")
    print("| operation | reviews | seconds | reviews / s |")
    print("| --- | ---: | ---: | ---: |")
    for name, count, seconds in rows:
        print(f"| {name} | {count} | {seconds:.3f} | {count / seconds:,.0f} |")


if __name__ == "__main__":
    main()
