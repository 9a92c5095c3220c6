"""The study pace's figures in SQL, as columns of the study queue's counts statement.

``quizapp.scheduling.pace`` decides how many new cards may start now from a few numbers: the
student's review cards due on each of the next three study days, their cards in learning, and,
for each assigned set with a due date, its cards not started yet and those started today. This
module reads those numbers as scalar subqueries, so the queue's statement count stays the same:
each coming day is one range count on the cards' ``(user_id, due)`` index, the cards in
learning another (they are due today), and the sets with a due date come as one short text,
``due_on:left:today`` per set, which ``due_date_needs`` turns into the rule's input.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Date, String, bindparam, cast, exists, func, select

from quizapp.models import Assignment, Card, Question, User
from quizapp.scheduling import Phase, study_day, study_day_start
from quizapp.scheduling.pace import LOOKAHEAD_DAYS, new_cards_now, required_today, room_for_new

DAY_STARTS = tuple(bindparam(f"day{n}") for n in range(1, LOOKAHEAD_DAYS + 2))
TODAY_DATE = bindparam("today_date", type_=Date)
LEARNING = (int(Phase.LEARNING), int(Phase.RELEARNING))


def pace_parameters(user: User, now: datetime) -> dict:
    """The starts of the next LOOKAHEAD_DAYS + 1 study days, and today's date."""
    today = study_day(now, user.timezone, user.rollover_hour)
    starts = {f"day{n}": study_day_start(today + timedelta(days=n), user.timezone,
                                         user.rollover_hour)
              for n in range(1, LOOKAHEAD_DAYS + 2)}
    return starts | {"today_date": today}


def _coming(user, day: int):
    """Review cards due on the ``day``-th study day after today (1: tomorrow)."""
    return (select(func.count()).select_from(Card)
            .where(Card.user_id == user, Card.phase == int(Phase.REVIEW),
                   Card.due >= DAY_STARTS[day - 1], Card.due < DAY_STARTS[day])
            .scalar_subquery())


def _learning(user):
    """Cards in their learning or relearning steps (all due before tomorrow)."""
    return (select(func.count()).select_from(Card)
            .where(Card.user_id == user, Card.due < DAY_STARTS[0], Card.phase.in_(LEARNING))
            .scalar_subquery())


def _dialect_concat(dialect: str, text):
    if dialect == "postgresql":
        return func.string_agg(text, ",")
    return func.group_concat(text, ",")


def dated_sets(sets):
    """Of the sets studied (``sets``: ``assigned_sets_query``, perhaps narrowed to one set),
    those with a due date today or later, each with its earliest due date among the student's
    classes: (set_id, due_on); a few rows."""
    dated = (sets.add_columns(Assignment.due_on.label("due_on"))
             .where(Assignment.due_on >= TODAY_DATE).subquery())
    return (select(dated.c.id.label("set_id"), func.min(dated.c.due_on).label("due_on"))
            .group_by(dated.c.id).subquery())


def _due_sets(user, sets, new_today, dialect: str):
    """``due_on:left:today`` for each studied set with a due date today or later, joined by
    commas: its earliest due date among the student's classes, its approved questions not yet
    started, and those started today (``new_today``: question ids)."""
    sets = dated_sets(sets)
    started = exists().where(Card.user_id == user, Card.question_id == Question.id,
                             Card.phase != int(Phase.NEW))
    left = (select(func.count()).select_from(Question)
            .where(Question.set_id == sets.c.set_id, Question.status == "approved", ~started)
            .scalar_subquery())
    today = (select(func.count()).select_from(Question)
             .where(Question.set_id == sets.c.set_id, Question.id.in_(new_today))
             .scalar_subquery())
    text = (cast(sets.c.due_on, String) + ":" + cast(left, String) + ":"
            + cast(today, String))
    return select(_dialect_concat(dialect, text)).select_from(sets).scalar_subquery()


def pace_columns(user, sets, new_today, dialect: str) -> list:
    """The columns the counts statement adds: the coming days' review counts, the cards in
    learning (all the student's cards: the workload is theirs), and the sets studied
    (``sets``) that have a due date."""
    return [*(_coming(user, day) for day in range(1, LOOKAHEAD_DAYS + 1)), _learning(user),
            _due_sets(user, sets, new_today, dialect)]


def due_date_needs(text: str | None, today: date) -> int:
    """New cards still needed today for every set with a due date to be started by then."""
    needed = 0
    for entry in (text or "").split(","):
        if not entry:
            continue
        due_on, left, started = entry.split(":")
        days_left = (date.fromisoformat(due_on[:10]) - today).days + 1
        needed += required_today(int(left), int(started), days_left)
    return needed


@dataclass(frozen=True)
class Pace:
    """Why new cards are or are not offered now."""

    aim: int  # the reviews a day the student aims for
    busiest: int  # reviews due on the busiest of the next days, cards in learning included
    required: int  # new cards today's due dates still ask for
    held_back: int  # new cards the pace keeps for another day

    @property
    def over_aim(self) -> bool:
        return self.held_back > 0


def pace_for(user: User, now: datetime, available: int, limit_left: int,
             values: list) -> tuple[int, Pace]:
    """The new cards to offer now and the pace's account of them, from ``pace_columns``'
    values in the counts statement's row."""
    *coming, learning, dated = values
    coming = [count or 0 for count in coming]
    room = room_for_new(coming, learning or 0, user.daily_reviews)
    required = due_date_needs(dated, study_day(now, user.timezone, user.rollover_hour))
    new = new_cards_now(available, limit_left, room, required)
    offered_without_pace = max(0, min(available, limit_left))
    return new, Pace(user.daily_reviews, max(coming, default=0) + (learning or 0), required,
                     offered_without_pace - new)
