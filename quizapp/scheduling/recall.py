"""Predicted recall after real, fractional elapsed time, for reports of what a student knows.

The scheduler counts elapsed time in whole study days (that is what intervals are made of,
and fsrs's ``get_card_retrievability`` truncates to whole days). A report of how much a
student knows right now, or will know on an exam date, wants the forgetting curve read at the
exact moment: this module reads FSRS's curve, with the decay and factor of the student's own
parameters, at a fractional number of days.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from quizapp.scheduling.clock import as_utc
from quizapp.scheduling.scheduler import Settings, fsrs_scheduler

SECONDS_PER_DAY = 86400.0


def curve(settings: Settings) -> tuple[float, float]:
    """(factor, decay) of the forgetting curve R = (1 + factor·t/S) ** decay (also what the
    reports give the database to sum recall in SQL)."""
    sched = fsrs_scheduler(settings)
    return float(sched._FACTOR), float(sched._DECAY)


def recall_after(stability: float, elapsed_days: float, settings: Settings) -> float:
    """FSRS's predicted recall ``elapsed_days`` (fractional) after the last review."""
    if stability <= 0:
        raise ValueError(f"stability must be positive, got {stability}")
    factor, decay = curve(settings)
    return float((1 + factor * max(0.0, elapsed_days) / stability) ** decay)


def recalls_at(cards: Iterable[tuple[float, datetime]], moment: datetime, settings: Settings,
               days_ahead: Iterable[float] = (0,)) -> list[float]:
    """ΣR of ``(stability, last review)`` cards at ``moment`` plus each of ``days_ahead`` days:
    ``recall_at`` summed over many cards, with the curve read once (a report reads
    thousands of cards on each of 31 days)."""
    factor, decay = curve(settings)
    moment = as_utc(moment)
    points = []
    for stability, last_review in cards:
        if stability <= 0:
            raise ValueError(f"stability must be positive, got {stability}")
        points.append(((moment - as_utc(last_review)).total_seconds() / SECONDS_PER_DAY,
                       factor / stability))
    sums = []
    for ahead in days_ahead:  # the inner loop of a page: no call per card and day
        total = 0.0
        for elapsed, slope in points:
            days = elapsed + ahead
            total += (1 + slope * days) ** decay if days > 0 else 1.0
        sums.append(total)
    return sums


def recall_at(stability: float, last_review: datetime, moment: datetime,
              settings: Settings) -> float:
    """Predicted recall at ``moment`` of a card last reviewed at ``last_review``."""
    elapsed = (as_utc(moment) - as_utc(last_review)).total_seconds() / SECONDS_PER_DAY
    return recall_after(stability, elapsed, settings)


def planned_recall(elapsed_days: float, interval_days: float, settings: Settings) -> float:
    """The recall FSRS predicted for a review made ``elapsed_days`` after the last one, when
    that review set an ``interval_days`` interval.

    The review log keeps intervals, not stabilities; FSRS picks the interval I at which
    recall falls to the desired retention r, so F·I/S = r^(1/D) − 1 and recall after t days
    is (1 + (t/I)·(r^(1/D) − 1))^D: no replay of the card is needed. (Fuzz, load balancing
    and the maximum interval move I a little from the exact point; the reading is that close.)
    """
    return planned_recalls([(elapsed_days, interval_days)], settings)[0]


def planned_curve(settings: Settings) -> tuple[float, float]:
    """(span, decay) of the planned recall (1 + (t/I)·span) ** decay, span = r^(1/D) − 1:
    what a report needs to sum planned recalls in SQL with the same curve."""
    _, decay = curve(settings)
    return settings.desired_retention ** (1 / decay) - 1, decay


def planned_recalls(pairs: Iterable[tuple[float, float]], settings: Settings) -> list[float]:
    """``planned_recall`` of many ``(elapsed_days, interval_days)`` pairs, the curve read once."""
    span, decay = planned_curve(settings)
    out = []
    for elapsed_days, interval_days in pairs:
        if interval_days <= 0:
            raise ValueError(f"an interval must be positive, got {interval_days}")
        out.append(float((1 + max(0.0, elapsed_days) / interval_days * span) ** decay))
    return out
