"""Forecasts: what a student will still know if they stop now, and how many cards fall due;
and what they knew on past days.

The knowledge forecast sums each seen card's predicted recall (``quizapp.scheduling.recall``,
the student's parameters, fractional elapsed days) today and on each of the next days, with
no further review. The due forecast turns plain ``(study day, cards due)`` rows, as the
reporting service counts them in SQL, into one bar per coming day and the backlog before today.
The knowledge history reads the review log alone: on a past day each card was last reviewed
``elapsed`` study days before, by a review that set an ``interval``, so its recall then is
``planned_recall(elapsed, interval)`` (a card in its learning steps, with no interval, is left
out: nothing in the log says how well it was held).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quizapp.reports.mastery import CardMemory
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import planned_recalls, recalls_at

FORECAST_DAYS = 30


@dataclass(frozen=True)
class KnowledgePoint:
    """Expected number of cards recalled ``days_ahead`` days from now (ΣR)."""

    days_ahead: int
    expected_recalled: float


@dataclass(frozen=True)
class DueForecast:
    """Cards overdue before today (``backlog``) and ``(day, count)`` from today on."""

    backlog: int
    days: tuple[tuple[date, int], ...]


def check_days(days: int) -> int:
    if not isinstance(days, int) or days < 1:
        raise ValueError(f"a forecast covers at least 1 day, got {days!r}")
    return days


def knowledge_forecast(memories: Iterable[CardMemory], settings: Settings, now: datetime,
                       days: int = FORECAST_DAYS) -> tuple[KnowledgePoint, ...]:
    """ΣR now and on each of the next ``days`` days if the student stops reviewing now."""
    check_days(days)
    sums = recalls_at(((m.stability, m.last_review) for m in memories), now, settings,
                      range(days + 1))
    return tuple(KnowledgePoint(ahead, total) for ahead, total in enumerate(sums))


def due_forecast(rows: Iterable[tuple[date, int]], today: date,
                 days: int = FORECAST_DAYS) -> DueForecast:
    """One bar per study day from ``today`` for ``days`` days; earlier days are backlog."""
    check_days(days)
    counts: dict[date, int] = {}
    backlog = 0
    for day, count in rows:
        if count < 0:
            raise ValueError(f"a due count cannot be negative ({day}: {count})")
        if day < today:
            backlog += count
        else:
            counts[day] = counts.get(day, 0) + count
    bars = tuple((today + timedelta(days=i), counts.get(today + timedelta(days=i), 0))
                 for i in range(days))
    return DueForecast(backlog=backlog, days=bars)


def knowledge_history(rows: Iterable[tuple[date, int, int | None, int]], settings: Settings,
                      days: Iterable[date] = ()) -> tuple[tuple[date, float], ...]:
    """ΣR on past days from ``(day, elapsed study days, interval, cards)`` rows: the cards
    whose latest review before that day was ``elapsed`` days earlier and set ``interval``.
    Each of ``days`` is in the answer, at 0 when no card had been reviewed by then."""
    sums: dict[date, float] = dict.fromkeys(days, 0.0)
    rows = list(rows)
    pairs = list({(elapsed, interval) for _, elapsed, interval, _ in rows if interval})
    recall = dict(zip(pairs, planned_recalls(pairs, settings)))
    for day, elapsed, interval, cards in rows:
        sums.setdefault(day, 0.0)
        if interval:
            sums[day] += cards * recall[elapsed, interval]
    return tuple(sorted(sums.items()))
