"""Attempts: start one (its questions, order, choice order, points and deadline fixed and
stored), save answers while the clock allows, submit once, grade, feed the schedule, regrade.

The attempt row is locked (FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions already
serialise writers) before anything changes it, and submission is a conditional UPDATE: two
tabs, a resent form, or the countdown's automatic submission racing a click grade once.
"""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import (
    ARRAY, JSON, Float, Integer, Text, bindparam, cast, func, insert, select, true, update)
from sqlalchemy.orm import Session, joinedload, selectinload

from quizapp.models import Question, Quiz, QuizAnswer, QuizAttempt, User
from quizapp.quizzes import (
    Regrade, accepts_answers, deadline, grade, plan_attempt, review_rating, total, window)
from quizapp.scheduling import Rating
from quizapp.services import fitting_jobs, quizzes, study
from quizapp.services.classes import lock_owner

MAX_ANSWER = 500
TIME_UP = ("Time is up: answers sent after the time limit are not counted. Your attempt was "
           "submitted with the answers saved before.")


class AttemptError(ValueError):
    """An attempt change that is refused; the message is for the student. ``submission``:
    the attempt was submitted on the way (its time ran out)."""

    def __init__(self, message: str, submission: Submission | None = None):
        super().__init__(message)
        self.submission = submission


@dataclass(frozen=True)
class Submission:
    """What submitting did: graded here (False: it was already submitted), and whether the
    student's new reviews make a parameter fit due (queue it after the commit)."""

    user_id: int
    graded: bool
    fit_due: bool = False


@dataclass(frozen=True)
class Started:
    """What starting did: the attempt to go to, whether it is new, and the submission of an
    open attempt whose time had run out on the way (queue its fit after the commit)."""

    attempt_id: int
    created: bool
    closed: Submission | None = None


def start_attempt(session: Session, student: User, quiz: Quiz, now: datetime,
                  grace: int) -> Started:
    """The open attempt if there is one, else a new one if allowed. An open attempt whose
    time ran out is submitted first; if no new one may start, the AttemptError carries that
    submission, which the caller commits."""
    lock_owner(session, student)  # one start at a time per student
    mine = session.scalars(select(QuizAttempt).where(
        QuizAttempt.quiz_id == quiz.id, QuizAttempt.user_id == student.id)).all()
    current = next((a for a in mine if a.submitted_at is None), None)
    closed = None
    if current is not None:
        closed = close_if_expired(session, current, now, grace)
        if closed is None:
            return Started(current.id, created=False)
    try:
        attempt_id = _new_attempt(session, student, quiz, now, done=len(mine))
    except AttemptError as exc:
        exc.submission = closed
        raise
    return Started(attempt_id, created=True, closed=closed)


def _new_attempt(session: Session, student: User, quiz: Quiz, now: datetime,
                 done: int) -> int:
    """A new attempt with its questions, order, choice orders and points; returns its id."""
    state = window(now, quiz.opens_at, quiz.closes_at)
    if state != "open":
        raise AttemptError("This quiz is not open yet." if state == "upcoming"
                           else "This quiz has closed.")
    if done >= quiz.attempts_allowed:
        raise AttemptError(f"You have used all {quiz.attempts_allowed} attempt(s) at this quiz.")
    seed = secrets.token_hex(16)
    slots = plan_attempt(quizzes.quiz_pool(session, quiz),
                         count=quiz.question_count, fixed=list(quiz.fixed_question_ids),
                         kinds=list(quiz.kinds), shuffle_questions=quiz.shuffle_questions,
                         shuffle_choices=quiz.shuffle_choices, points=quiz.points, seed=seed)
    if not slots:
        raise AttemptError("This quiz has no questions to ask yet; tell your teacher.")
    values = {"quiz_id": quiz.id, "user_id": student.id, "number": done + 1, "seed": seed,
              "started_at": now, "max_score": total([s.points for s in slots]),
              "deadline_at": deadline(now, quiz.time_limit_seconds, quiz.closes_at)}
    return store_attempt(session, values, slots)


ATTEMPT_COLUMNS = ("quiz_id", "user_id", "number", "seed", "started_at", "deadline_at",
                   "max_score")
ANSWER_ARRAYS = (("question_id", Integer), ("position", Integer), ("points", Float),
                 ("choices", Text))


@cache
def _attempt_with_answers():
    """PostgreSQL: the attempt and its answer rows in one statement, the answers given as one
    array a column. Its text is the same for every attempt, so it is parsed and planned once
    (a VALUES row per question would make a new statement for every length)."""
    table = QuizAttempt.__table__
    attempt = (insert(table).values({c: bindparam(c, type_=table.c[c].type)
                                     for c in ATTEMPT_COLUMNS})
               .returning(table.c.id).cte("attempt"))
    rows = func.unnest(*(cast(bindparam(name), ARRAY(kind)) for name, kind in ANSWER_ARRAYS)
                       ).table_valued(*(name for name, _ in ANSWER_ARRAYS)
                                      ).render_derived(name="slots")
    answers = QuizAnswer.__table__
    return (insert(answers).from_select(
        ["attempt_id", "question_id", "position", "points", "choices"],
        select(attempt.c.id, rows.c.question_id, rows.c.position, rows.c.points,
               cast(rows.c.choices, JSON)).select_from(attempt).join(rows, true()))
        .returning(answers.c.attempt_id))


def store_attempt(session: Session, values: dict, slots: list) -> int:
    """The attempt row and its questions as answer rows, without ORM objects: one statement
    on PostgreSQL, two elsewhere. Returns the attempt's id."""
    if session.get_bind().dialect.name == "postgresql":
        return session.execute(_attempt_with_answers(), {
            **values, "question_id": [s.question_id for s in slots],
            "position": [s.position for s in slots], "points": [s.points for s in slots],
            "choices": [json.dumps([list(c) for c in s.choices]) for s in slots]}).first()[0]
    attempt_id = session.execute(insert(QuizAttempt.__table__).values(values)
                                 .returning(QuizAttempt.__table__.c.id)).scalar_one()
    session.execute(insert(QuizAnswer), [
        {"attempt_id": attempt_id, "question_id": s.question_id, "position": s.position,
         "points": s.points, "choices": [list(c) for c in s.choices]} for s in slots])
    return attempt_id


def student_attempt(session: Session, student: User, attempt_id: int) -> QuizAttempt | None:
    """The attempt with its questions, if it is the student's own."""
    return session.scalar(select(QuizAttempt).where(
        QuizAttempt.id == attempt_id, QuizAttempt.user_id == student.id)
        .options(selectinload(QuizAttempt.answers).selectinload(QuizAnswer.question)))


def locked(session: Session, attempt: QuizAttempt) -> QuizAttempt:
    """The attempt and its answers re-read under a row lock: what another request committed
    is seen."""
    attempt = session.scalar(select(QuizAttempt).where(QuizAttempt.id == attempt.id)
                             .with_for_update().execution_options(populate_existing=True))
    session.scalars(select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id)
                    .execution_options(populate_existing=True)).all()
    return attempt


def given_value(answer: QuizAnswer, raw: str) -> str | None:
    """What the student chose or typed, as the grader reads it; AttemptError if unreadable."""
    raw = raw.strip()
    if answer.question.kind == "mcq":
        texts = {cid: text for cid, text in answer.choices}
        if raw and raw not in texts:
            raise AttemptError(f"Question {answer.position + 1}: that choice is not one of its "
                               "choices.")
        return texts.get(raw)
    if answer.question.kind == "truefalse" and raw not in ("", "true", "false"):
        raise AttemptError(f"Question {answer.position + 1}: answer true or false.")
    if len(raw) > MAX_ANSWER:
        raise AttemptError(f"Question {answer.position + 1}: an answer has at most "
                           f"{MAX_ANSWER} characters.")
    return raw or None


def own_attempt_locked(session: Session, student: User, attempt_id: int) -> QuizAttempt | None:
    """The student's own attempt, locked until the transaction ends; None if not theirs."""
    return session.scalar(select(QuizAttempt).where(
        QuizAttempt.id == attempt_id, QuizAttempt.user_id == student.id)
        .with_for_update().execution_options(populate_existing=True))


def save_answers(session: Session, attempt: QuizAttempt, posted: dict[str, str],
                 now: datetime, grace: int) -> list[int]:
    """Store the posted answers (``a<position>`` fields) of a locked attempt; returns the
    numbers of the questions still unanswered."""
    closed = close_if_expired(session, attempt, now, grace)
    if closed is not None:
        raise AttemptError(TIME_UP if attempt.submitted_by == "time" else
                           "This attempt is already submitted; it cannot be changed.", closed)
    answers = session.scalars(
        select(QuizAnswer).where(QuizAnswer.attempt_id == attempt.id)
        .options(joinedload(QuizAnswer.question)).order_by(QuizAnswer.position)
        .execution_options(populate_existing=True)).all()
    by_field = {f"a{a.position}": a for a in answers}
    values = {by_field[k]: given_value(by_field[k], v) for k, v in posted.items()
              if k in by_field}
    for answer, given in values.items():
        if given != answer.given:
            answer.given, answer.answered_at = given, now
    session.flush()
    return [a.position + 1 for a in answers if a.given is None]


def submit(session: Session, attempt: QuizAttempt, now: datetime, grace: int,
           by: str = "student") -> Submission:
    """Submit and grade, once: ``graded`` False if any request submitted it before."""
    ended = now
    if not accepts_answers(now, attempt.deadline_at, grace):
        by, ended = "time", attempt.deadline_at
    claimed = session.execute(
        update(QuizAttempt).where(QuizAttempt.id == attempt.id,
                                  QuizAttempt.submitted_at.is_(None))
        .values(submitted_at=ended, submitted_by=by)
        .execution_options(synchronize_session=False)).rowcount
    if not claimed:
        return Submission(attempt.user_id, graded=False)
    attempt = locked(session, attempt)
    grade_attempt(session, attempt)
    fit_due = attempt.quiz.feeds_schedule and feed_schedule(session, attempt)
    session.flush()
    return Submission(attempt.user_id, graded=True, fit_due=fit_due)


def close_if_expired(session: Session, attempt: QuizAttempt, now: datetime,
                     grace: int) -> Submission | None:
    """Submit an open attempt whose time ran out; None while it is still open."""
    if attempt.submitted_at is not None:
        return Submission(attempt.user_id, graded=False)
    if accepts_answers(now, attempt.deadline_at, grace):
        return None
    return submit(session, attempt, now, grace, by="time")


def close_expired(session: Session, quiz: Quiz, now: datetime, grace: int) -> list[Submission]:
    """Every open attempt at ``quiz`` whose time ran out, submitted."""
    rows = session.scalars(select(QuizAttempt).where(
        QuizAttempt.quiz_id == quiz.id, QuizAttempt.submitted_at.is_(None),
        QuizAttempt.deadline_at < now - timedelta(seconds=grace))).all()
    return [done for a in rows if (done := close_if_expired(session, a, now, grace))]


def gradable(session: Session, question: Question) -> dict:
    """The question as the grader reads it, with the set's other answers of its kind."""
    q = question.to_bank()
    if question.kind in ("short", "cloze"):
        q["choices"] = [question.answer, *study.wrong_names(session, question)]
    return q


def grade_answer(session: Session, answer: QuizAnswer, regrades: dict) -> None:
    answer.correct, answer.score = grade(
        gradable(session, answer.question), answer.given, answer.points,
        Regrade.from_dict(regrades.get(str(answer.question_id))))


def grade_attempt(session: Session, attempt: QuizAttempt) -> None:
    for answer in attempt.answers:
        grade_answer(session, answer, attempt.quiz.regrades)
    attempt.score = total([a.score for a in attempt.answers])


def feed_schedule(session: Session, attempt: QuizAttempt) -> bool:
    """Each answered question becomes one review, rated by its correctness, when answered.
    Returns whether the new reviews make a parameter fit due."""
    answered = sorted((a for a in attempt.answers if a.given is not None),
                      key=lambda a: (a.answered_at, a.position))
    fit_due = False
    for answer in answered:
        _, created = study.record_review(
            session, attempt.user, answer.question, rating=Rating(review_rating(answer.correct)),
            now=answer.answered_at, request=f"quiz:{attempt.id}:{answer.question_id}",
            duration_ms=None, given=answer.given, correct=answer.correct, proposed=None,
            origin="quiz")
        fit_due = (created and fitting_jobs.count_review(session, attempt.user_id)) or fit_due
    return fit_due


def regrade(session: Session, quiz: Quiz, question_id: int, *, accepted: list[str],
            everyone: bool) -> int:
    """Accept more answers to one question, or give everyone its points; every submitted
    attempt's score is recomputed. Returns how many attempts were regraded."""
    rule = Regrade.from_dict(quiz.regrades.get(str(question_id))) or Regrade()
    rule = Regrade(tuple(dict.fromkeys([*rule.accepted, *accepted])), everyone or rule.everyone)
    quiz.regrades = {**quiz.regrades, str(question_id): rule.to_dict()}
    answers = session.scalars(select(QuizAnswer).join(QuizAttempt).where(
        QuizAttempt.quiz_id == quiz.id, QuizAnswer.question_id == question_id,
        QuizAttempt.submitted_at.is_not(None)).with_for_update(of=QuizAttempt)).all()
    for answer in answers:
        grade_answer(session, answer, quiz.regrades)
        answer.attempt.score = total([a.score for a in answer.attempt.answers])
    session.flush()
    return len(answers)


def attempts_of(session: Session, quiz: Quiz, student: User | None = None) -> list[QuizAttempt]:
    """Every attempt at the quiz, or one student's."""
    query = (select(QuizAttempt).where(QuizAttempt.quiz_id == quiz.id)
             .options(selectinload(QuizAttempt.user))
             .order_by(QuizAttempt.user_id, QuizAttempt.number))
    if student is not None:
        query = query.where(QuizAttempt.user_id == student.id)
    return list(session.scalars(query))


def time_taken(attempt: QuizAttempt, now: datetime) -> timedelta:
    return (attempt.submitted_at or now) - attempt.started_at


def unanswered(attempt: QuizAttempt) -> list[int]:
    return [a.position + 1 for a in attempt.answers if a.given is None]
