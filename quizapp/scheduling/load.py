"""Load balancing: the day within a card's fuzz range with the fewest of the student's reviews.

Fuzz alone spreads cards at random; a class that starts a set together still gets its reviews
in waves, and one student's busy days stay busy. As Anki does (``load_balancer.rs``), the day is
instead drawn from the fuzz range with weights that favour days with fewer cards already due:

    weight(day) = easy(day) / ((cards due that day + 1) ** 2.15 * days_from_today ** 3)

The second factor leans towards the earlier days of the range; without it the long fuzz ranges
of later reviews would keep pushing cards back. The answer's fuzz draw picks the day from these
weights, so a preview and its review still agree. Beyond 90 days the need to balance is small
and plain fuzz is used. Unlike Anki, an empty day is weighed like any other (by its distance and
whether it is an easy day), so an easy day is not the first choice just because it is empty.

Easy days (weekdays the student chooses, e.g. Saturday and Sunday) carry about half the load of
the other days: an easy day in the range stays open while its count, doubled, is no more than
the mean of the range's other days, and is all but closed otherwise (Anki's "reduced" days).

The counts are plain data, study day → review cards due that day, which the study service reads
with one grouped, indexed query over the student's cards due in the next ``WINDOW_DAYS`` days.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from quizapp.scheduling.intervals import Pick, fuzz_bounds, fuzzed

MAX_BALANCED_INTERVAL = 90
WINDOW_DAYS = 100  # 90 days and the fuzz range beyond them
LOAD_EXPONENT, DISTANCE_EXPONENT = 2.15, 3
CLOSED = 0.0001  # an easy day already at its share: not zero, so a range of them still works
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_easy_days(days: Iterable[int]) -> tuple[int, ...]:
    """Weekday numbers (0 Monday … 6 Sunday), sorted and unique; ValueError otherwise."""
    days = tuple(days)
    if any(not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6 for d in days):
        raise ValueError(f"easy days must be weekday numbers 0 (Monday) to 6 (Sunday), "
                         f"got {list(days)!r}")
    return tuple(sorted(set(days)))


def easy_day_factors(easy: Iterable[bool], counts: list[int]) -> list[float]:
    """1 for an open day, ``CLOSED`` for an easy day that already has its half share."""
    easy = list(easy)
    shares = [0.5 if e else 1.0 for e in easy]
    total, share_total = sum(counts), sum(shares)
    factors = []
    for is_easy, count in zip(easy, counts):
        if not is_easy:
            factors.append(1.0)
            continue
        others = share_total - 0.5
        fair = (total - count) / others if others else 0.0
        factors.append(CLOSED if count / 0.5 > fair else 1.0)
    return factors


def choose(days: list[int], weights: list[float], draw: float) -> int:
    """The day whose stretch of the cumulative weights holds ``draw`` (in [0, 1))."""
    target, running = draw * sum(weights), 0.0
    for day, weight in zip(days, weights):
        running += weight
        if target < running:
            return day
    return days[-1]


def balancing_pick(today: date, due_counts: Mapping[date, int], easy_days: Iterable[int],
                   draw: float) -> Pick:
    """A ``Pick`` that places a card on the least loaded days of its fuzz range."""
    easy = frozenset(easy_days)

    def pick(interval: float, minimum: int, maximum: int) -> int:
        if interval > MAX_BALANCED_INTERVAL or minimum > MAX_BALANCED_INTERVAL:
            return fuzzed(interval, minimum, maximum, draw)
        lower, upper = fuzz_bounds(interval, minimum, maximum)
        days = list(range(lower, upper + 1))
        dates = [today + timedelta(days=d) for d in days]
        counts = [due_counts.get(d, 0) for d in dates]
        factors = easy_day_factors((d.weekday() in easy for d in dates), counts)
        weights = [f / ((c + 1) ** LOAD_EXPONENT * d ** DISTANCE_EXPONENT)
                   for d, c, f in zip(days, counts, factors)]
        return choose(days, weights, draw)

    return pick
