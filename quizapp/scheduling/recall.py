"""Predicted recall after real, fractional elapsed time, for reports of what a student knows.

The scheduler counts elapsed time in whole study days (that is what intervals are made of,
and fsrs's ``get_card_retrievability`` truncates to whole days). A report of how much a
student knows right now, or will know on an exam date, wants the forgetting curve read at the
exact moment: this module reads FSRS's curve, with the decay and factor of the student's own
parameters, at a fractional number of days.
"""
from __future__ import annotations

from datetime import datetime

from quizapp.scheduling.clock import as_utc
from quizapp.scheduling.scheduler import Settings, fsrs_scheduler

SECONDS_PER_DAY = 86400.0


def recall_after(stability: float, elapsed_days: float, settings: Settings) -> float:
    """FSRS's predicted recall ``elapsed_days`` (fractional) after the last review."""
    if stability <= 0:
        raise ValueError(f"stability must be positive, got {stability}")
    sched = fsrs_scheduler(settings)
    return float((1 + sched._FACTOR * max(0.0, elapsed_days) / stability) ** sched._DECAY)


def recall_at(stability: float, last_review: datetime, moment: datetime,
              settings: Settings) -> float:
    """Predicted recall at ``moment`` of a card last reviewed at ``last_review``."""
    elapsed = (as_utc(moment) - as_utc(last_review)).total_seconds() / SECONDS_PER_DAY
    return recall_after(stability, elapsed, settings)
