"""Results for teachers: each question of a quiz with how students did, and a class's
gradebook (one row a student, one column a quiz) as CSV."""
from __future__ import annotations

import csv
import io

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quizapp.models import Question, Quiz, QuizAnswer, QuizAttempt, SchoolClass
from quizapp.models.quizzes import quiz_classes
from quizapp.quizzes import counted_score
from quizapp.services.classes import roster

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def quiz_questions(session: Session, quiz: Quiz) -> list[tuple[Question, int, int]]:
    """Every question asked in the quiz's attempts: (question, times asked, times right)."""
    rows = session.execute(
        select(Question, func.count(QuizAnswer.id),
               func.sum(case((QuizAnswer.correct.is_(True), 1), else_=0)))
        .join(QuizAnswer, QuizAnswer.question_id == Question.id)
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id)
        .where(QuizAttempt.quiz_id == quiz.id)
        .group_by(Question.id).order_by(Question.id))
    return [(q, asked or 0, right or 0) for q, asked, right in rows]


def cell(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def class_csv(session: Session, school_class: SchoolClass) -> str:
    """The score that counts for every student of the class in every quiz set for it."""
    quizzes = list(session.scalars(
        select(Quiz).join(quiz_classes, quiz_classes.c.quiz_id == Quiz.id)
        .where(quiz_classes.c.class_id == school_class.id).order_by(Quiz.id)))
    students = [user for _, user in roster(session, school_class)]
    scores: dict[tuple[int, int], list[tuple[int, float | None]]] = {}
    for attempt in session.scalars(select(QuizAttempt).where(
            QuizAttempt.quiz_id.in_([q.id for q in quizzes]),
            QuizAttempt.user_id.in_([s.id for s in students]),
            QuizAttempt.submitted_at.is_not(None))):
        scores.setdefault((attempt.user_id, attempt.quiz_id), []).append(
            (attempt.number, attempt.score))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["student", "email", *(cell(q.title) for q in quizzes)])
    for student in students:
        counted = [counted_score(scores.get((student.id, q.id), []), q.grading) for q in quizzes]
        writer.writerow([cell(student.name), cell(student.email),
                         *("" if s is None else f"{s:g}" for s in counted)])
    return out.getvalue()
