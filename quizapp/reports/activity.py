"""Activity: reviews per study day over the last year, the current streak and days studied.

The reporting service counts reviews per study day (the student's time zone, 4 am rollover) in
the log; this turns those ``(day, reviews)`` rows into one cell per day of the calendar. A
streak is the run of consecutive study days with at least one review that ends today, or
yesterday while today is not over: a streak is not broken before the day is.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

CALENDAR_DAYS = 365


@dataclass(frozen=True)
class Activity:
    """``days``: ``(day, reviews)`` for each of the last ``len(days)`` study days, oldest first."""

    days: tuple[tuple[date, int], ...]
    streak: int
    days_studied: int

    @property
    def reviews(self) -> int:
        return sum(count for _, count in self.days)


def activity(rows: Iterable[tuple[date, int]], today: date,
             days: int = CALENDAR_DAYS) -> Activity:
    """The calendar of the ``days`` study days ending ``today``, its streak and days studied."""
    if not isinstance(days, int) or days < 1:
        raise ValueError(f"a calendar covers at least 1 day, got {days!r}")
    counts: dict[date, int] = {}
    for day, count in rows:
        if count < 0:
            raise ValueError(f"a review count cannot be negative ({day}: {count})")
        counts[day] = counts.get(day, 0) + count
    first = today - timedelta(days=days - 1)
    cells = tuple((first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
                  for i in range(days))
    return Activity(days=cells, streak=streak(counts, today),
                    days_studied=sum(1 for _, count in cells if count))


def streak(counts: dict[date, int], today: date) -> int:
    """Consecutive study days with reviews, ending today (or yesterday, today being open)."""
    day = today if counts.get(today) else today - timedelta(days=1)
    run = 0
    while counts.get(day):
        run += 1
        day -= timedelta(days=1)
    return run
