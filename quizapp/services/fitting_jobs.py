"""Fitting a student's FSRS parameters from their own log, then rescheduling their cards.

After every ``FIT_EVERY`` new reviews a fit starts in a background thread so no request waits
for it. A conditional UPDATE claims the fit, so two workers never fit the same student twice.
"""
from __future__ import annotations

import logging
import threading

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from quizapp.clock import utcnow
from quizapp.extensions import db
from quizapp.models import Review, User
from quizapp.scheduling import NotEnoughReviews, fit_parameters
from quizapp.services.study import rebuild_user

FIT_EVERY = 200
log = logging.getLogger(__name__)


def review_count(session: Session, user_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Review).where(
        Review.user_id == user_id, Review.undone_at.is_(None))) or 0


def claim_fit(session: Session, user_id: int) -> int | None:
    """Take the right to fit this student now; the review count to fit on, or None."""
    count = review_count(session, user_id)
    result = session.execute(update(User).where(
        User.id == user_id, User.reviews_at_fit <= count - FIT_EVERY).values(reviews_at_fit=count))
    return count if result.rowcount == 1 else None


def fit_user(session: Session, user: User) -> tuple[float, ...]:
    """Fit ``user``'s parameters from their log and reschedule every card by replay."""
    by_card: dict[int, list[tuple[int, object]]] = {}
    for question_id, rating, at in session.execute(
            select(Review.question_id, Review.rating, Review.reviewed_at).where(
                Review.user_id == user.id, Review.undone_at.is_(None))):
        by_card.setdefault(question_id, []).append((rating, at))
    parameters = fit_parameters(by_card, user.timezone, user.rollover_hour)
    user.fsrs_parameters = list(parameters)
    user.parameters_fitted_at = utcnow()
    rebuild_user(session, user)
    return parameters


def _fit_in_thread(app, user_id: int) -> None:
    with app.app_context():
        try:
            user = db.session.get(User, user_id)
            fit_user(db.session, user)
            db.session.commit()
        except NotEnoughReviews as exc:
            db.session.rollback()
            log.info("no fit for user %s yet: %s", user_id, exc)
        except Exception:  # a background fit must never take the worker down
            db.session.rollback()
            log.exception("fitting parameters for user %s failed", user_id)
        finally:
            db.session.remove()


def maybe_fit_in_background(user_id: int) -> threading.Thread | None:
    """Start a fit when enough new reviews have come in since the last one."""
    if claim_fit(db.session, user_id) is None:
        return None
    db.session.commit()
    app = current_app._get_current_object()
    thread = threading.Thread(target=_fit_in_thread, args=(app, user_id), daemon=True,
                              name=f"fsrs-fit-{user_id}")
    thread.start()
    return thread
