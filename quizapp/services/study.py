"""Studying: today's queue, checking an answer, recording a review, undo, rebuild from the log.

The review log is the truth; a card row caches the state that replaying its log gives. A review
is written once per answer: its ``request_id`` names the card and how many reviews it had when
shown, so a resent form or a second tab showing the same card writes nothing new.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Row, and_, exists, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quizapp.answers import acronym_forms, is_acronym
from quizapp.bank.kinds import Outcome, get_kind
from quizapp.models import Article, Card, Question, QuestionSet, Review, StudyAnswer, User
from quizapp.scheduling import (
    CardState, Phase, Rating, Settings, fuzz_rng, preview, replay, review, study_day,
    study_day_start)
from quizapp.services.catalogue import assigned_sets_query
from quizapp.services.workload import due_counts, easy_weekdays, fuzz_key


class StudyError(ValueError):
    """An answer that cannot be taken (not this student's card, stale page); for the user."""


def settings_for(user: User) -> Settings:
    return Settings(desired_retention=user.desired_retention,
                    parameters=tuple(user.fsrs_parameters) if user.fsrs_parameters else None,
                    maximum_interval=user.maximum_interval,
                    easy_days=easy_weekdays(user.easy_days))


def card_state(card: Card | None) -> CardState:
    if card is None:
        return CardState.new()
    return CardState.from_dict({"phase": card.phase, "step": card.step,
                                "stability": card.stability, "difficulty": card.difficulty,
                                "due": card.due, "last_review": card.last_review,
                                "reps": card.reps, "lapses": card.lapses})


def store_state(card: Card, state: CardState, user: User) -> None:
    for key, value in state.to_dict().items():
        setattr(card, key, value)
    card.last_review_day = (None if state.last_review is None else study_day(
        state.last_review, user.timezone, user.rollover_hour).toordinal())


def wrong_names(session: Session, question: Question) -> list[str]:
    """Other answers of the same kind in the set: typing one of them is wrong, however close."""
    return list(session.scalars(select(Question.answer).distinct().where(
        Question.set_id == question.set_id, Question.category == question.category,
        Question.answer != question.answer, Question.status != "rejected")))


def defined_forms(session: Session, question: Question) -> tuple[str, ...]:
    """Long forms of an acronym answer that its source sentence or article spells out."""
    if not is_acronym(question.answer):
        return ()
    article = session.scalar(select(Article.text).join(
        QuestionSet, QuestionSet.article_id == Article.id).where(QuestionSet.id == question.set_id))
    return acronym_forms(question.answer, f"{question.source_text or ''}\n{article or ''}")


def check_answer(session: Session, question: Question, given: str) -> Outcome:
    q = question.to_bank()
    if question.kind in ("short", "cloze"):
        q["choices"] = [question.answer, *wrong_names(session, question)]
        q["accepted"] = [*q.get("accepted", ()), *defined_forms(session, question)]
    return get_kind(question.kind).check(q, given)


def source_credit():
    """The attribution, licence and address of the article a question comes from (columns
    for ``student_card``)."""
    return [select(column).join(QuestionSet, QuestionSet.article_id == Article.id)
            .where(QuestionSet.id == Question.set_id).scalar_subquery()
            for column in (Article.attribution, Article.licence, Article.source)]


def answer_stands(user_id: int, answer_id: int, request: str):
    """The condition that the answer a feedback page showed has not been taken back."""
    return exists().where(StudyAnswer.id == answer_id, StudyAnswer.user_id == user_id,
                          StudyAnswer.request_id == request)


def studyable_question(user: User, now: datetime):
    """The condition on a question that ``user`` may study it now."""
    return and_(Question.status == "approved",
                Question.set_id.in_(assigned_sets_query(user.id, now)))


def student_card(session: Session, user: User, question_id: int, now: datetime,
                 *extra) -> Row:
    """(question, card or None, *extra) in one statement, if this student may study the
    question now; otherwise StudyError."""
    mine = and_(Card.question_id == Question.id, Card.user_id == user.id)
    row = session.execute(
        select(Question, Card, *extra).outerjoin(Card, mine)
        .where(Question.id == question_id, studyable_question(user, now))).first()
    if row is None:
        raise StudyError("That card is not in your sets any more.")
    return row


def previews(session: Session, user: User, card: Card | None, question: Question,
             now: datetime):
    state = card_state(card)
    return preview(state, settings_for(user), now, fuzz_rng(fuzz_key(user.id, question.id),
                                                            state.reps),
                   user.timezone, user.rollover_hour, due_counts=due_counts(session, user, now))


def dialect_insert(session: Session, model):
    """An INSERT with the database's own ON CONFLICT clause (PostgreSQL's and SQLite's)."""
    name = session.get_bind().dialect.name
    return (postgresql.insert if name == "postgresql" else sqlite.insert)(model)


def locked_card(session: Session, user_id: int, question_id: int, *,
                only_if=None) -> Card | None:
    """The card row, created if missing, locked until the transaction ends: one upsert, which
    on PostgreSQL locks the row as FOR UPDATE would and returns its latest version (SQLite's
    IMMEDIATE write transactions already serialise writers). With ``only_if`` (a condition on
    the question), nothing happens and None comes back when the question does not meet it."""
    source = select(literal(user_id), Question.id).where(Question.id == question_id)
    if only_if is not None:
        source = source.where(only_if)
    upsert = dialect_insert(session, Card).from_select(["user_id", "question_id"], source)
    upsert = upsert.on_conflict_do_update(index_elements=[Card.user_id, Card.question_id],
                                          set_={"user_id": upsert.excluded.user_id})
    return session.scalar(upsert.returning(Card),
                          execution_options={"populate_existing": True})


def record_review(session: Session, user: User, question: Question, *, rating: Rating,
                  now: datetime, request: str, duration_ms: int | None, given: str | None,
                  correct: bool | None, proposed: Rating | None,
                  origin: str = "study") -> tuple[Review, bool]:
    """Write one review (of a study card or a quiz answer) and update the card atomically.
    Returns (review, created): the review written before, and False, when this answer's review
    already exists."""
    card = locked_card(session, user.id, question.id)
    return _write_review(session, user, card, rating=rating, now=now, request=request,
                         duration_ms=duration_ms, given=given, correct=correct,
                         proposed=proposed, origin=origin)


def rate_card(session: Session, user: User, question_id: int, *, now: datetime,
              answer_id: int | None = None, **answer) -> tuple[Review, bool]:
    """``record_review`` for a card the student may study now, of an answer (``answer_id``)
    not taken back (StudyError otherwise); the checks and the card's lock are one statement."""
    allowed = studyable_question(user, now)
    if answer_id is not None:
        allowed = and_(allowed, answer_stands(user.id, answer_id, answer["request"]))
    card = locked_card(session, user.id, question_id, only_if=allowed)
    if card is None and answer_id is not None and not session.scalar(
            select(answer_stands(user.id, answer_id, answer["request"]))):
        raise StudyError("That answer was taken back; here is the card again.")
    if card is None:
        raise StudyError("That card is not in your sets any more.")
    return _write_review(session, user, card, now=now, **answer)


def _write_review(session: Session, user: User, card: Card, *, rating: Rating, now: datetime,
                  request: str, duration_ms: int | None, given: str | None,
                  correct: bool | None, proposed: Rating | None,
                  origin: str = "study") -> tuple[Review, bool]:
    state = card_state(card)
    if state.last_review is not None and now < state.last_review:
        now = state.last_review  # another worker's answer, read later, got the lock first
    new_state, record = review(state, rating, settings_for(user), now,
                               fuzz_rng(fuzz_key(user.id, card.question_id), state.reps),
                               user.timezone, user.rollover_hour, duration_ms=duration_ms,
                               due_counts=due_counts(session, user, now))
    entry = {"user_id": user.id, "question_id": card.question_id, "rating": int(rating),
             "proposed_rating": int(proposed) if proposed else None, "reviewed_at": now,
             "study_day": study_day(now, user.timezone, user.rollover_hour),
             "duration_ms": duration_ms, "given": given, "correct": correct,
             "request_id": request, "origin": origin, "interval_days": record.interval_days}
    written = session.scalar(dialect_insert(session, Review).values(entry)
                             .on_conflict_do_nothing(index_elements=[Review.user_id,
                                                                     Review.request_id])
                             .returning(Review))
    if written is None:  # the same answer from a resent form or another tab
        return session.scalar(select(Review).where(Review.user_id == user.id,
                                                   Review.request_id == request)), False
    store_state(card, new_state, user)
    return written, True


def live_reviews(session: Session, user_id: int, question_id: int) -> list[Review]:
    return list(session.scalars(select(Review).where(
        Review.user_id == user_id, Review.question_id == question_id,
        Review.undone_at.is_(None)).order_by(Review.reviewed_at, Review.id)))


def rebuild_card(session: Session, user: User, question_id: int) -> Card | None:
    """Recompute one card from its log; a card with no live review goes back to new."""
    reviews = live_reviews(session, user.id, question_id)
    if not reviews and card_for_id(session, user.id, question_id) is None:
        return None
    card = locked_card(session, user.id, question_id)
    state = replay(reviews, settings_for(user), user.timezone, user.rollover_hour,
                   card_key=fuzz_key(user.id, question_id))
    store_state(card, state, user)
    return card


def rebuild_user(session: Session, user: User) -> int:
    """Every card of ``user`` recomputed from the log (after a fit or a fix); returns the count."""
    ids = set(session.scalars(select(Card.question_id).where(Card.user_id == user.id)))
    ids |= set(session.scalars(select(Review.question_id).where(Review.user_id == user.id)))
    for question_id in sorted(ids):
        rebuild_card(session, user, question_id)
    session.flush()
    return len(ids)


def card_for_id(session: Session, user_id: int, question_id: int) -> Card | None:
    return session.scalar(select(Card).where(Card.user_id == user_id,
                                             Card.question_id == question_id))


def card_for(session: Session, user: User, question: Question) -> Card | None:
    return card_for_id(session, user.id, question.id)


@dataclass
class Summary:
    cards: int
    correct: int
    checked: int
    seconds: int
    due_tomorrow: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.checked if self.checked else None


def session_summary(session: Session, user: User, now: datetime, started: datetime) -> Summary:
    """What this sitting did, and how many cards tomorrow's study day brings."""
    reviews = list(session.scalars(select(Review).where(
        Review.user_id == user.id, Review.undone_at.is_(None), Review.reviewed_at >= started)))
    tomorrow = study_day(now, user.timezone, user.rollover_hour) + timedelta(days=1)
    end_of_tomorrow = study_day_start(tomorrow + timedelta(days=1), user.timezone,
                                      user.rollover_hour)
    due_tomorrow = session.scalar(select(func.count()).select_from(Card).where(
        Card.user_id == user.id, Card.phase != int(Phase.NEW), Card.due < end_of_tomorrow))
    checked = [r for r in reviews if r.correct is not None]
    return Summary(cards=len(reviews), correct=sum(1 for r in checked if r.correct),
                   checked=len(checked),
                   seconds=sum(r.duration_ms or 0 for r in reviews) // 1000,
                   due_tomorrow=due_tomorrow or 0)
