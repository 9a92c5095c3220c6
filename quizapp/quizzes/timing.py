"""When a quiz is open, when an attempt takes answers, and when students see results."""
from __future__ import annotations

from datetime import datetime, timedelta

# What students see after submitting, each level including the ones before it.
SHOWS = {"score": "Score only", "answers": "Their answers",
         "right_answers": "The right answers", "source": "The source sentence too"}


def window(now: datetime, opens_at: datetime | None, closes_at: datetime | None) -> str:
    """'upcoming', 'open' or 'closed'."""
    if opens_at is not None and now < opens_at:
        return "upcoming"
    if closes_at is not None and now >= closes_at:
        return "closed"
    return "open"


def deadline(started: datetime, time_limit_seconds: int | None,
             closes_at: datetime | None) -> datetime | None:
    """The time limit from the start, never later than the quiz closes."""
    limit = started + timedelta(seconds=time_limit_seconds) if time_limit_seconds else None
    if limit is None:
        return closes_at
    return min(limit, closes_at) if closes_at is not None else limit


def accepts_answers(now: datetime, deadline_at: datetime | None, grace_seconds: int) -> bool:
    """An answer counts until the deadline plus a small grace for the network."""
    return deadline_at is None or now <= deadline_at + timedelta(seconds=grace_seconds)


def shows_at_least(shows: str, level: str) -> bool:
    order = list(SHOWS)
    return order.index(shows) >= order.index(level)


def results_visible(now: datetime, shows_when: str, closes_at: datetime | None) -> bool:
    """Results at once after submitting, or only once the quiz has closed."""
    if shows_when == "submitted":
        return True
    return closes_at is not None and now >= closes_at
