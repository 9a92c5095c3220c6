"""What a student's answers mean when a page is sent twice: the first answer to a shown card
stands; undo takes back the one review the page showed as the last, once; and on the feedback
screen, "take back" withdraws the answer on screen, once, so the card is asked again. A rating
counts only while the answer it rates stands.

A card page carries the review's idempotency key (``NextCard.request_id``); the first answer
posted with it is kept, so going back and typing the right answer after seeing it changes
nothing. An undo form names the review it takes back, so a double click undoes one answer.
"""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from quizapp.models import Question, Review, StudyAnswer, User
from quizapp.services.study import dialect_insert, rebuild_card


class Undo(enum.Enum):
    DONE = "done"
    ALREADY_UNDONE = "already undone"
    NOTHING = "nothing"


def _answer_for(session: Session, user_id: int, request: str) -> StudyAnswer | None:
    return session.scalar(select(StudyAnswer).where(StudyAnswer.user_id == user_id,
                                                    StudyAnswer.request_id == request))


def keep_first(session: Session, user: User, question: Question, request: str, *,
               given: str | None, correct: bool | None, now: datetime
               ) -> tuple[StudyAnswer, bool]:
    """The first answer posted for ``request`` (this one if it is first); returns
    (answer, repeated). ``given`` None means the student showed the answer."""
    entry = session.scalar(
        dialect_insert(session, StudyAnswer)
        .values(user_id=user.id, question_id=question.id, request_id=request, given=given,
                correct=correct, answered_at=now)
        .on_conflict_do_nothing(index_elements=[StudyAnswer.user_id, StudyAnswer.request_id])
        .returning(StudyAnswer))
    if entry is None:  # answered before, here or in another tab
        return _answer_for(session, user.id, request), True
    return entry, False


def last_review_query(user_id: int, *columns):
    """The student's last live study review: what an undo button on this page takes back
    (its id, or ``columns`` of it and its question)."""
    query = select(*columns) if columns else select(Review.id)
    if columns:
        query = query.select_from(Review).join(Question, Question.id == Review.question_id)
    return (query.where(
        Review.user_id == user_id, Review.undone_at.is_(None), Review.origin == "study")
        .order_by(Review.reviewed_at.desc(), Review.id.desc()).limit(1))


def undo(session: Session, user: User, review_id: int | None, now: datetime) -> Undo:
    """Take back the named study review of ``user`` once and restore its card from the log."""
    if review_id is None:
        return Undo.NOTHING
    review = session.scalar(
        select(Review).where(Review.id == review_id, Review.user_id == user.id,
                             Review.origin == "study")
        .with_for_update().execution_options(populate_existing=True))
    if review is None:
        return Undo.NOTHING
    if review.undone_at is not None:
        return Undo.ALREADY_UNDONE
    review.undone_at = now
    session.flush()
    rebuild_card(session, user, review.question_id)
    session.flush()
    return Undo.DONE


def take_back(session: Session, user: User, answer_id: int, request: str,
              now: datetime) -> Undo:
    """Withdraw the answer a feedback page shows (``answer_id``, given to card ``request``):
    the card is asked again as if unanswered, and its rating, if another tab already gave one,
    is undone. The answer stays on record under a withdrawn key (``x<id>:<request>``), so a
    rating form still showing it matches nothing."""
    taken = session.scalar(
        update(StudyAnswer).where(StudyAnswer.id == answer_id, StudyAnswer.user_id == user.id,
                                  StudyAnswer.request_id == request)
        .values(request_id=f"x{answer_id}:{request}"[:64]).returning(StudyAnswer.id))
    if taken is None:
        return Undo.ALREADY_UNDONE
    rated = session.scalar(select(Review.id).where(
        Review.user_id == user.id, Review.request_id == request, Review.undone_at.is_(None)))
    if rated is not None:
        undo(session, user, rated, now)
    return Undo.DONE
