"""Studying: today's queue, checking an answer, recording a review, undo, rebuild from the log.

The review log is the truth; a card row caches the state that replaying its log gives. A review
is written once per answer: its ``request_id`` names the card and how many reviews it had when
shown, so a resent form or a second tab showing the same card writes nothing new.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.bank.kinds import Outcome, get_kind
from quizapp.models import Card, Question, Review, User
from quizapp.scheduling import (
    CardState, Phase, Rating, Settings, bury_siblings, fuzz_rng, preview, replay, retrievability,
    review, reviewed_today, study_day, study_day_start)
from quizapp.services.catalogue import assigned_sets_query
from quizapp.services.workload import due_counts, easy_weekdays, fuzz_key

LEARN_AHEAD = timedelta(minutes=20)  # with nothing else to do, learning steps come early


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


def store_state(card: Card, state: CardState) -> None:
    for key, value in state.to_dict().items():
        setattr(card, key, value)


def studyable(user: User, now: datetime):
    """Approved questions of the sets assigned to ``user``, each with its card (or None)."""
    return (select(Question, Card)
            .outerjoin(Card, and_(Card.question_id == Question.id, Card.user_id == user.id))
            .where(Question.set_id.in_(assigned_sets_query(user.id, now)),
                   Question.status == "approved"))


def today_reviews(session: Session, user: User, now: datetime) -> list[tuple[int, str, datetime,
                                                                          bool]]:
    """(question id, fact, time, was new) of the user's live reviews since the study day began."""
    start = study_day_start(study_day(now, user.timezone, user.rollover_hour), user.timezone,
                            user.rollover_hour)
    first = (select(Review.question_id, func.min(Review.reviewed_at).label("first"))
             .where(Review.user_id == user.id, Review.undone_at.is_(None))
             .group_by(Review.question_id).subquery())
    rows = session.execute(
        select(Review.question_id, Question.fact, Review.reviewed_at, first.c.first)
        .join(Question, Question.id == Review.question_id)
        .join(first, first.c.question_id == Review.question_id)
        .where(Review.user_id == user.id, Review.undone_at.is_(None),
               Review.reviewed_at >= start))
    return [(qid, fact, at, first_at == at) for qid, fact, at, first_at in rows]


@dataclass
class Queue:
    due: list[tuple[Question, Card]]
    new: list[Question]
    learning_later: datetime | None  # the next learning step today, when nothing else is due

    def next(self) -> tuple[Question, Card | None] | None:
        if self.due:
            return self.due[0]
        if self.new:
            return self.new[0], None
        return None

    def __len__(self) -> int:
        return len(self.due) + len(self.new)


def build_queue(session: Session, user: User, now: datetime) -> Queue:
    """Due cards first, least likely to be recalled first; then new cards up to today's limit."""
    settings, tz, rollover = settings_for(user), user.timezone, user.rollover_hour
    rows = session.execute(studyable(user, now)).all()
    today = today_reviews(session, user, now)
    buried = bury_siblings([(q.id, q.fact) for q, _ in rows],
                           reviewed_today([(qid, fact, at) for qid, fact, at, _ in today],
                                          now, tz, rollover))
    due, new, later = [], [], None
    for question, card in rows:
        if question.id in buried:
            continue
        if card is None or card.phase == Phase.NEW:
            new.append(question)
        elif card.due <= now:
            due.append((question, card))
        elif card.phase != Phase.REVIEW and card.due <= now + LEARN_AHEAD:
            later = min(later or card.due, card.due)
    due.sort(key=lambda qc: retrievability(card_state(qc[1]), now, settings, tz, rollover))
    allowance = max(0, user.new_per_day - sum(1 for *_, was_new in today if was_new))
    new.sort(key=lambda q: (q.position, q.set_id, q.id))
    new = interleave_sets(new)[:allowance]
    if not due and not new and later is not None:
        due = sorted(((q, c) for q, c in rows if c is not None and c.due == later),
                     key=lambda qc: qc[1].due)[:1]
        later = None if due else later
    return Queue(due, new, later)


def interleave_sets(questions: list[Question]) -> list[Question]:
    """New cards mixed across sets, round-robin, each set in its own order."""
    by_set: dict[int, list[Question]] = {}
    for q in questions:
        by_set.setdefault(q.set_id, []).append(q)
    mixed, lanes = [], list(by_set.values())
    while lanes:
        mixed += [lane.pop(0) for lane in lanes]
        lanes = [lane for lane in lanes if lane]
    return mixed


def request_id(session: Session, user: User, question: Question) -> str:
    """The answer's idempotency key: the card and how many reviews (undone too) it has had."""
    count = session.scalar(select(func.count()).select_from(Review).where(
        Review.user_id == user.id, Review.question_id == question.id))
    return f"q{question.id}:n{count}"


def wrong_names(session: Session, question: Question) -> list[str]:
    """Other answers of the same kind in the set: typing one of them is wrong, however close."""
    return list(session.scalars(select(Question.answer).distinct().where(
        Question.set_id == question.set_id, Question.category == question.category,
        Question.answer != question.answer, Question.status != "rejected")))


def check_answer(session: Session, question: Question, given: str) -> Outcome:
    q = question.to_bank()
    if question.kind in ("short", "cloze"):
        q["choices"] = [question.answer, *wrong_names(session, question)]
    return get_kind(question.kind).check(q, given)


def student_question(session: Session, user: User, question_id: int, now: datetime) -> Question:
    """The question, if this student may study it now; otherwise StudyError."""
    row = session.execute(studyable(user, now).where(Question.id == question_id)).first()
    if row is None:
        raise StudyError("That card is not in your sets any more.")
    return row[0]


def previews(session: Session, user: User, card: Card | None, question: Question,
             now: datetime):
    state = card_state(card)
    return preview(state, settings_for(user), now, fuzz_rng(fuzz_key(user.id, question.id),
                                                            state.reps),
                   user.timezone, user.rollover_hour, due_counts=due_counts(session, user, now))


def locked_card(session: Session, user_id: int, question_id: int) -> Card:
    """The card row, created if missing, locked until the transaction ends (FOR UPDATE on
    PostgreSQL; SQLite's IMMEDIATE transactions already serialise writers)."""
    query = (select(Card).where(Card.user_id == user_id, Card.question_id == question_id)
             .with_for_update().execution_options(populate_existing=True))
    card = session.scalar(query)
    if card is None:
        try:
            with session.begin_nested():
                session.add(Card(user_id=user_id, question_id=question_id))
        except IntegrityError:
            pass  # another worker created it a moment ago; lock theirs
        card = session.scalar(query)
    return card


def record_review(session: Session, user: User, question: Question, *, rating: Rating,
                  now: datetime, request: str, duration_ms: int | None, given: str | None,
                  correct: bool | None, proposed: Rating | None,
                  origin: str = "study") -> tuple[Review, bool]:
    """Write one review (of a study card or a quiz answer) and update the card atomically.
    Returns (review, created)."""
    existing = session.scalar(select(Review).where(Review.user_id == user.id,
                                                   Review.request_id == request))
    if existing is not None:
        return existing, False
    card = locked_card(session, user.id, question.id)
    state = card_state(card)
    if state.last_review is not None and now < state.last_review:
        now = state.last_review  # another worker's answer, read later, got the lock first
    new_state, record = review(state, rating, settings_for(user), now,
                               fuzz_rng(fuzz_key(user.id, question.id), state.reps),
                               user.timezone, user.rollover_hour, duration_ms=duration_ms,
                               due_counts=due_counts(session, user, now))
    store_state(card, new_state)
    entry = Review(user_id=user.id, question_id=question.id, rating=int(rating),
                   proposed_rating=int(proposed) if proposed else None, reviewed_at=now,
                   study_day=study_day(now, user.timezone, user.rollover_hour),
                   duration_ms=duration_ms, given=given, correct=correct, request_id=request,
                   origin=origin, interval_days=record.interval_days)
    session.add(entry)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:  # the same answer from another tab, a moment earlier
        session.rollback()
        return session.scalar(select(Review).where(Review.user_id == user.id,
                                                   Review.request_id == request)), False
    return entry, True


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
    store_state(card, state)
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
