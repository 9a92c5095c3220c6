"""Quizzes as teachers set them: creation from approved sets for classes, the question pool,
who may take which quiz, and the lists on the student's home and the teacher's class page."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quizapp.bank.kinds import KIND_REGISTRY
from quizapp.models import (
    Enrolment, Question, QuestionSet, Quiz, QuizAttempt, SchoolClass, User)
from quizapp.models.quizzes import quiz_classes, quiz_sets
from quizapp.quizzes import GRADING_RULES, SHOWS, PoolQuestion, counted_score, window

SETTINGS = ("title", "question_count", "fixed_question_ids", "kinds", "shuffle_questions",
            "shuffle_choices", "one_per_page", "time_limit_seconds", "attempts_allowed",
            "grading", "opens_at", "closes_at", "points", "shows", "shows_when",
            "feeds_schedule")


class QuizError(ValueError):
    """A quiz that cannot be made as asked; the message is for the teacher."""


def pool(session: Session, set_ids) -> list[PoolQuestion]:
    """The approved questions of the sets, in the sets' own order. Only multiple choice
    questions show their choices in a quiz, so only theirs are read (and parsed)."""
    shown = case((Question.kind == "mcq", Question.choices))
    rows = session.execute(
        select(Question.id, Question.kind, shown, QuestionSet.title, Question.position)
        .join(QuestionSet, QuestionSet.id == Question.set_id)
        .where(Question.set_id.in_(set_ids), Question.status == "approved"))
    return [PoolQuestion(qid, kind, tuple(choices or ()), (title, position, qid))
            for qid, kind, choices, title, position in rows]


def quiz_pool(session: Session, quiz: Quiz) -> list[PoolQuestion]:
    """The approved questions of the quiz's sets, in one query."""
    return pool(session, select(quiz_sets.c.set_id).where(quiz_sets.c.quiz_id == quiz.id))


def problems(values: dict, questions: list[PoolQuestion]) -> list[str]:
    """Everything wrong with the settings, each naming its field."""
    found = []
    if values["kinds"] and set(values["kinds"]) - set(KIND_REGISTRY):
        found.append("kinds: unknown question kind")
    allowed = [q for q in questions if not values["kinds"] or q.kind in values["kinds"]]
    if not allowed:
        found.append("set_ids: the chosen sets have no approved questions of the chosen kinds")
    count, fixed = values["question_count"], values["fixed_question_ids"]
    if fixed and set(fixed) - {q.id for q in allowed}:
        found.append("fixed_question_ids: a chosen question is not in the quiz's sets")
    if count is not None and not fixed and allowed and count > len(allowed):
        found.append(f"question_count: the sets have only {len(allowed)} questions to draw from")
    opens, closes = values["opens_at"], values["closes_at"]
    if opens and closes and closes <= opens:
        found.append("closes_at: the quiz must close after it opens")
    if values["shows_when"] == "closed" and closes is None:
        found.append("closes_at: results shown after closing need a closing time")
    if values["grading"] not in GRADING_RULES or values["shows"] not in SHOWS:
        found.append("grading: unknown choice")
    return found


def create_quiz(session: Session, owner: User, values: dict, sets: list[QuestionSet],
                classes: list[SchoolClass]) -> Quiz:
    """A quiz with ``values`` (keys of SETTINGS) for ``classes``; QuizError lists problems."""
    if not sets or not classes:
        raise QuizError("A quiz needs at least one set and one class.")
    found = problems(values, pool(session, [s.id for s in sets]))
    if found:
        raise QuizError("; ".join(found))
    quiz = Quiz(owner_id=owner.id, sets=list(sets), classes=list(classes),
                **{key: values[key] for key in SETTINGS})
    session.add(quiz)
    session.flush()
    return quiz


def student_quiz(session: Session, student: User, quiz_id: int) -> Quiz | None:
    """The quiz, if it is set for one of the student's open classes."""
    return session.scalar(
        select(Quiz).join(quiz_classes, quiz_classes.c.quiz_id == Quiz.id)
        .join(SchoolClass, SchoolClass.id == quiz_classes.c.class_id)
        .join(Enrolment, Enrolment.class_id == SchoolClass.id)
        .where(Quiz.id == quiz_id, Enrolment.student_id == student.id,
               SchoolClass.archived_at.is_(None)).limit(1))


@dataclass
class QuizLine:
    """A quiz as a list shows it: when it is, and (for a student) their attempts."""

    quiz: Quiz
    state: str  # upcoming | open | closed
    attempts: int = 0
    open_attempt: int | None = None
    score: float | None = None

    @property
    def finished(self) -> bool:
        return self.state == "closed" or (self.open_attempt is None
                                          and self.attempts >= self.quiz.attempts_allowed)


def grouped(lines: list[QuizLine]) -> dict[str, list[QuizLine]]:
    groups: dict[str, list[QuizLine]] = {"open": [], "upcoming": [], "finished": []}
    for line in lines:
        key = "finished" if line.finished else line.state
        groups[key].append(line)
    return groups


def student_quizzes(session: Session, student: User, now: datetime) -> dict[str, list[QuizLine]]:
    """The student's quizzes as open, upcoming and finished, with their attempts."""
    mine = (select(quiz_classes.c.quiz_id)
            .join(SchoolClass, SchoolClass.id == quiz_classes.c.class_id)
            .join(Enrolment, Enrolment.class_id == SchoolClass.id)
            .where(Enrolment.student_id == student.id, SchoolClass.archived_at.is_(None)))
    quizzes = session.scalars(select(Quiz).where(Quiz.id.in_(mine)).order_by(Quiz.id)).all()
    attempts: dict[int, list[QuizAttempt]] = {}
    for attempt in session.scalars(select(QuizAttempt).where(
            QuizAttempt.user_id == student.id,
            QuizAttempt.quiz_id.in_([q.id for q in quizzes]))):
        attempts.setdefault(attempt.quiz_id, []).append(attempt)
    lines = []
    for quiz in quizzes:
        mine = attempts.get(quiz.id, [])
        lines.append(QuizLine(
            quiz, window(now, quiz.opens_at, quiz.closes_at), len(mine),
            next((a.id for a in mine if a.submitted_at is None), None),
            counted_score([(a.number, a.score) for a in mine], quiz.grading)))
    return grouped(lines)


def class_quizzes(session: Session, school_class: SchoolClass,
                  now: datetime) -> dict[str, list[QuizLine]]:
    """The class's quizzes as open, upcoming and finished (closed), with attempt counts."""
    quizzes = session.scalars(
        select(Quiz).join(quiz_classes, quiz_classes.c.quiz_id == Quiz.id)
        .where(quiz_classes.c.class_id == school_class.id).order_by(Quiz.id)).all()
    counts = dict(session.execute(
        select(QuizAttempt.quiz_id, func.count()).where(
            QuizAttempt.quiz_id.in_([q.id for q in quizzes]),
            QuizAttempt.submitted_at.is_not(None)).group_by(QuizAttempt.quiz_id)).all())
    groups: dict[str, list[QuizLine]] = {"open": [], "upcoming": [], "finished": []}
    for quiz in quizzes:
        state = window(now, quiz.opens_at, quiz.closes_at)
        line = QuizLine(quiz, state, counts.get(quiz.id, 0))
        groups["finished" if state == "closed" else state].append(line)
    return groups


def teacher_quizzes(session: Session, teacher: User) -> list[Quiz]:
    query = select(Quiz).order_by(Quiz.created_at.desc(), Quiz.id.desc())
    if not teacher.is_admin:
        query = query.where(Quiz.owner_id == teacher.id)
    return list(session.scalars(query))

