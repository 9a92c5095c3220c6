"""Fitting a student's FSRS parameters from their own log, then rescheduling their cards.

Every rating bumps the student's ``reviews_since_fit`` in one UPDATE; the rating that brings it
to ``FIT_EVERY`` sets it back to 0 and so wins the fit, which the caller queues on the task
queue after committing. Two workers can never both win: the row's lock orders the UPDATEs.

The queued fit reads the log and fits with no transaction open (that is the slow part); the
rescheduling that follows locks the student's cards a batch at a time.
"""
from __future__ import annotations

import logging

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from quizapp.clock import utcnow
from quizapp.models import Card, Review, User
from quizapp.scheduling import NotEnoughReviews, fit_parameters
from quizapp.services.study import rebuild_card, rebuild_user

FIT_EVERY = 200
RESCHEDULE_BATCH = 50
log = logging.getLogger(__name__)


def count_review(session: Session, user_id: int) -> bool:
    """Count one new review of ``user_id``; True when it is the one that makes a fit due."""
    bumped = User.reviews_since_fit + 1
    due = session.scalar(
        update(User).execution_options(synchronize_session=False).where(User.id == user_id)
        .values(reviews_since_fit=case((bumped >= FIT_EVERY, 0), else_=bumped))
        .returning(User.reviews_since_fit))
    return due == 0


def review_log(session: Session, user_id: int) -> dict[int, list[tuple[int, object]]]:
    """(rating, time) of each live review of ``user_id``, by question."""
    by_card: dict[int, list[tuple[int, object]]] = {}
    for question_id, rating, at in session.execute(
            select(Review.question_id, Review.rating, Review.reviewed_at).where(
                Review.user_id == user_id, Review.undone_at.is_(None))):
        by_card.setdefault(question_id, []).append((rating, at))
    return by_card


def store_fit(session: Session, user: User, parameters: tuple[float, ...]) -> None:
    """Keep the parameters and reschedule every card of ``user`` by replaying the log."""
    user.fsrs_parameters = list(parameters)
    user.parameters_fitted_at = utcnow()
    user.reviews_since_fit = 0
    rebuild_user(session, user)


def fit_user(session: Session, user: User) -> tuple[float, ...]:
    """Fit and reschedule in the caller's transaction (the ``srs fit`` command)."""
    parameters = fit_parameters(review_log(session, user.id), user.timezone, user.rollover_hour)
    store_fit(session, user, parameters)
    return parameters


def fit_student(session: Session, user_id: int) -> bool:
    """The queued fit: read the log, fit with no transaction open, then reschedule the cards
    in short transactions of ``RESCHEDULE_BATCH`` cards each, so a student studying meanwhile
    waits for at most one batch. Returns whether the student was fitted (a log too short is
    logged and left for the next batch of reviews)."""
    user = session.get(User, user_id)
    if user is None:
        return False  # the account was deleted since the fit was queued
    by_card, zone, hour = review_log(session, user_id), user.timezone, user.rollover_hour
    session.rollback()  # nothing is held while fitting, the slow part
    try:
        parameters = fit_parameters(by_card, zone, hour)
    except NotEnoughReviews as exc:
        log.info("no fit for user %s yet: %s", user_id, exc)
        return False
    user = session.get(User, user_id)
    user.fsrs_parameters, user.parameters_fitted_at = list(parameters), utcnow()
    ids = sorted(set(session.scalars(select(Card.question_id).where(Card.user_id == user_id)))
                 | set(by_card))
    session.commit()
    for start in range(0, len(ids), RESCHEDULE_BATCH):
        for question_id in ids[start:start + RESCHEDULE_BATCH]:
            rebuild_card(session, user, question_id)
        session.commit()
    return True
