"""Practice (cramming): studying ahead, or going through one set, without touching the schedule.

A practice session reads and checks answers as study does but writes nothing: no review, no
first-answer record, no change to a card. Its place is the last question shown, carried in
the URL; the next card is one indexed query after that place (keyset paging), so a long
session costs each page the same.

- **Ahead**: the student's reviewed cards in their assigned sets that are not due yet, the
  soonest due first.
- **A set**: every approved question of one assigned set, in the set's order.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, select, tuple_
from sqlalchemy.orm import Session

from quizapp.models import Card, Question, User
from quizapp.scheduling import Phase
from quizapp.services.study import studyable_question


def next_in_set(session: Session, user: User, set_id: int, now: datetime,
                after: int | None = None) -> Question | None:
    """The set's next approved question after question ``after`` (by position, then id)."""
    query = select(Question).where(Question.set_id == set_id, studyable_question(user, now))
    if after is not None:
        place = select(Question.position).where(Question.id == after).scalar_subquery()
        query = query.where(tuple_(Question.position, Question.id) > tuple_(place, after))
    return session.scalar(query.order_by(Question.position, Question.id).limit(1))


def next_ahead(session: Session, user: User, now: datetime,
               after: int | None = None) -> Question | None:
    """The reviewed card due soonest after ``now`` (after card ``after`` in that order)."""
    mine = and_(Card.question_id == Question.id, Card.user_id == user.id)
    query = select(Question).join(Card, mine).where(
        Card.phase != int(Phase.NEW), Card.due > now, studyable_question(user, now))
    if after is not None:
        place = (select(Card.due).where(Card.user_id == user.id, Card.question_id == after)
                 .scalar_subquery())
        query = query.where(tuple_(Card.due, Card.question_id) > tuple_(place, after))
    return session.scalar(query.order_by(Card.due, Card.question_id).limit(1))
