"""Scoring the scheduler on a real review log: FSRS defaults, FSRS fitted, and SM-2.

The log is split in time at its median review. Parameters are fitted only on items whose last
review falls in the first half; every model then replays each card's whole history in order
and predicts recall before each review, but only reviews in the second half are scored (held
out), and of those only reviews on a later study day than the card's previous review: on the
same study day FSRS predicts no forgetting by design (elapsed 0 days), as in the FSRS benchmark.

SM-2 baseline: the classic SuperMemo-2 interval and ease (as in the FSRS benchmark), updated by
the first review of each study day; its predicted recall is the exponential forgetting curve
that puts 90 % recall at the SM-2 interval, ``0.9 ** (elapsed_days / interval)``.
"""
from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from quizapp.scheduling.clock import DEFAULT_ROLLOVER_HOUR, days_between
from quizapp.scheduling.fitting import fit_items, training_items
from quizapp.scheduling.logs import LogEntry
from quizapp.scheduling.metrics import Scored, summarise
from quizapp.scheduling.scheduler import Settings, retrievability, review
from quizapp.scheduling.state import CardState, Rating

AT_ONE = 0.9999  # a prediction this close to 1.0 counts as "recall 1.0"


@dataclass
class Evaluation:
    """The figures per model, plus what the split and the study-day check found."""

    figures: dict[str, dict[str, float | int]]
    parameters: tuple[float, ...]
    split_at: datetime
    n_reviews: int
    n_train_items: int
    # scored reviews less than 24 h after the previous one but on a later study day, and how
    # many of them each FSRS model predicted at recall 1.0 (should be none)
    next_day_within_24h: int = 0
    next_day_at_one: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Step:
    entry: LogEntry
    elapsed_days: int | None
    hours_since: float | None
    position: int
    lapses: int


def _walk(reviews: Sequence[LogEntry], tz: str, rollover: int) -> Iterator[_Step]:
    """A card's reviews in order with study days elapsed, position and long-term lapses."""
    previous, lapses = None, 0
    for position, entry in enumerate(reviews, start=1):
        elapsed = hours = None
        if previous is not None:
            elapsed = days_between(previous.reviewed_at, entry.reviewed_at, tz, rollover)
            hours = (entry.reviewed_at - previous.reviewed_at) / timedelta(hours=1)
        yield _Step(entry, elapsed, hours, position, lapses)
        lapses += bool(elapsed) and entry.rating is Rating.AGAIN
        previous = entry


def _fsrs_scores(by_card: dict[str, list[LogEntry]], settings: Settings, split_at: datetime,
                 tz: str, rollover: int) -> list[tuple[Scored, _Step]]:
    scored, rng = [], random.Random(0)  # fuzz is off: the RNG is never drawn from
    for reviews in by_card.values():
        state = CardState.new()
        for step in _walk(reviews, tz, rollover):
            moment = step.entry.reviewed_at
            if moment >= split_at and step.elapsed_days:
                p = retrievability(state, moment, settings, tz, rollover)
                scored.append((Scored(step.entry.rating > Rating.AGAIN, p, step.elapsed_days,
                                      step.position, step.lapses), step))
            state, _ = review(state, step.entry.rating, settings, moment, rng, tz, rollover)
    return scored


def sm2_update(interval: float, ease: float, reps: int, rating: Rating) -> tuple[float, float,
                                                                                   int]:
    """One SM-2 step; FSRS ratings 1–4 are SM-2 qualities 2–5 (Again is a failing grade)."""
    quality = int(rating) + 1
    if quality > 2:
        interval = 1 if reps == 0 else 6 if reps == 1 else interval * ease
        reps += 1
    else:
        interval, reps = 1, 0
    ease = max(1.3, ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02))
    return max(1, round(interval + 0.01)), ease, reps


def _sm2_scores(by_card: dict[str, list[LogEntry]], split_at: datetime, tz: str,
                rollover: int) -> list[Scored]:
    scored = []
    for reviews in by_card.values():
        interval, ease, reps = 0.0, 2.5, 0
        for step in _walk(reviews, tz, rollover):
            if step.elapsed_days == 0:
                continue  # SM-2 grades a card once a day
            if step.entry.reviewed_at >= split_at and step.elapsed_days:
                p = 0.9 ** (step.elapsed_days / interval)
                scored.append(Scored(step.entry.rating > Rating.AGAIN, p, step.elapsed_days,
                                     step.position, step.lapses))
            interval, ease, reps = sm2_update(interval, ease, reps, step.entry.rating)
    return scored


def evaluate_log(entries: Sequence[LogEntry], tz: str = "UTC",
                 rollover: int = DEFAULT_ROLLOVER_HOUR) -> Evaluation:
    """Fit on the first half of ``entries`` by time, score all three models on the second."""
    by_card: dict[str, list[LogEntry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.reviewed_at):
        by_card[entry.card].append(entry)
    times = sorted(e.reviewed_at for e in entries)
    split_at = times[len(times) // 2]
    items = training_items(by_card, tz, rollover, before=split_at)
    parameters = fit_items(items)
    result = Evaluation({}, parameters, split_at, len(entries), len(items))
    for name, settings in (("default", Settings(enable_fuzzing=False)),
                           ("fitted", Settings(parameters=parameters, enable_fuzzing=False))):
        pairs = _fsrs_scores(by_card, settings, split_at, tz, rollover)
        result.figures[name] = summarise([s for s, _ in pairs])
        near = [s for s, step in pairs if step.hours_since is not None and step.hours_since < 24]
        result.next_day_within_24h = len(near)
        result.next_day_at_one[name] = sum(s.predicted >= AT_ONE for s in near)
    result.figures["sm2"] = summarise(_sm2_scores(by_card, split_at, tz, rollover))
    return result
