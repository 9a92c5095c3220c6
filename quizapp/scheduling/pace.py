"""Study pace: how many new cards a student may start now, so that their reviews stay near a
daily workload they aim for.

A new card's first intervals are one to three days, and fuzz does not move intervals under 2.5
days, so a class that starts a set together gets its reviews in waves that no load balancer can
spread. Only the pace at which new cards come can. As Anki limits new cards by the review
limit, quizapp starts a new card only while each of the next ``LOOKAHEAD_DAYS`` study days has
fewer review cards due than the student's aim ("about N reviews a day"); the cards still in
their learning steps count on each of those days too, since they land there when they
graduate. Each new card lands on one of those days, so ``aim − the busiest day`` new cards can
be started before the rule must be asked again; reviews already due are never held back.

An assigned set with a due date still gets enough new cards a day to be started by that date
(``required_today``), even beyond the aim; the student's own "new cards per day" caps both.

Pure: plain numbers in, a number out. The study queue reads the counts with indexed
statements; the load benchmark feeds the same functions its simulated students' counts.
"""
from __future__ import annotations

from collections.abc import Iterable

LOOKAHEAD_DAYS = 3  # first intervals are 1–3 days: the days a new card's review lands on
DEFAULT_DAILY_REVIEWS = 10
MAX_DAILY_REVIEWS = 9999


def room_for_new(coming: Iterable[int], learning: int, aim: int) -> int:
    """New cards that may start now: ``aim`` less the busiest of the coming days (review
    cards due on each of the next LOOKAHEAD_DAYS study days) and the cards in learning; 0 once
    any of those days has ``aim`` reviews or more."""
    coming = list(coming)[:LOOKAHEAD_DAYS]
    if aim < 1 or learning < 0 or any(count < 0 for count in coming):
        raise ValueError(f"aim must be at least 1 and counts not negative, got aim {aim}, "
                         f"coming {coming}, learning {learning}")
    return max(0, aim - max(coming, default=0) - learning)


def required_today(left: int, started_today: int, days_left: int) -> int:
    """New cards still to start today so that a set's ``left`` unstarted cards are all started
    by its due date, ``days_left`` study days away counting today (1: due today), having
    started ``started_today`` of its cards today already. A past due date asks for nothing."""
    if left < 0 or started_today < 0:
        raise ValueError(f"counts must not be negative, got {left} left, {started_today} today")
    if days_left < 1 or not left:
        return 0
    per_day = -(-(left + started_today) // days_left)  # ceil: the pace from this morning on
    return max(0, per_day - started_today)


def new_cards_now(available: int, limit_left: int, room: int, required: int = 0) -> int:
    """New cards to offer now: the new cards there are (``available``), within what today's
    new-card limit leaves (``limit_left``), as many as the pace has ``room`` for or the due
    dates require, whichever is more."""
    return max(0, min(available, limit_left, max(room, required)))
