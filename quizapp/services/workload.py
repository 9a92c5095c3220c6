"""A student's workload ahead, for load balancing: review cards due per coming study day.

One grouped query on the cards' ``(user_id, due)`` index, bounded by the balancing window
(``quizapp.scheduling.load.WINDOW_DAYS``): its cost follows the number of distinct due dates in
the window, never the number of cards or reviews the student has.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.models import Card, User
from quizapp.scheduling import Phase, study_day, study_day_start
from quizapp.scheduling.load import WINDOW_DAYS


def due_counts(session: Session, user: User, now: datetime) -> dict[date, int]:
    """Study day → the student's review cards due that day, for the days after today."""
    tz, rollover = user.timezone, user.rollover_hour
    today = study_day(now, tz, rollover)
    start = study_day_start(today + timedelta(days=1), tz, rollover)
    end = study_day_start(today + timedelta(days=WINDOW_DAYS + 1), tz, rollover)
    rows = session.execute(
        select(Card.due, func.count()).where(
            Card.user_id == user.id, Card.due >= start, Card.due < end,
            Card.phase == int(Phase.REVIEW)).group_by(Card.due))
    counts: Counter[date] = Counter()
    for due, count in rows:  # review cards fall due at a study day's start: one row a day
        counts[study_day(due, tz, rollover)] += count
    return dict(counts)


def easy_weekdays(mask: int) -> tuple[int, ...]:
    """The weekdays (0 Monday … 6 Sunday) of a user's ``easy_days`` bit mask."""
    return tuple(day for day in range(7) if mask >> day & 1)


def fuzz_key(user_id: int, question_id: int) -> str:
    """The fuzz seed's card key: a student's own card, so a class never fuzzes in step."""
    return f"{user_id}/{question_id}"
