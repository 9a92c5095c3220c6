"""Item analysis of one quiz for its teacher: Moodle's figures for every question asked, each
choice's pick counts in the upper and lower 27 %, and the same facility from study.

Three statements whatever the number of attempts, questions or reviews: the marks of every
submitted attempt (the first, last or every attempt of each student is chosen here), the
questions asked, and each class student's first study review of each of them. The maths is
``quizapp.reports.items``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from quizapp.models import Enrolment, Question, Quiz, QuizAnswer, QuizAttempt, Review
from quizapp.models.quizzes import quiz_classes
from quizapp.reports import (
    AnswerRow, ItemStats, StudyFacility, analyse_items, discrimination_band, facility_band,
    guess_fractions, study_facility)
from quizapp.reports.items import upper_and_lower
from quizapp.services.gradebook import cell

ATTEMPT_SETS = {"first": "the first attempt of each student",
                "last": "the last attempt of each student",
                "all": "every attempt (each counted as if by another student)"}
NO_ANSWER = ""  # the pick of a student who left a choice question unanswered
PICKED = ("mcq", "truefalse")  # kinds answered by picking, whose picks are counted


@dataclass(frozen=True)
class ChoiceLine:
    """One choice of a question (or no answer): how often picked, by the upper and lower 27 %."""

    text: str
    right: bool
    chosen: int
    upper: int
    lower: int


@dataclass(frozen=True)
class QuestionAnalysis:
    number: int
    question_id: int
    prompt: str
    kind: str
    category: str
    answer: str
    stats: ItemStats
    choices: tuple[ChoiceLine, ...]  # picked kinds only
    study: StudyFacility | None

    @property
    def facility_band(self) -> str | None:
        return facility_band(self.stats.facility)

    @property
    def discrimination_band(self) -> str | None:
        return discrimination_band(self.stats.discrimination_index)


@dataclass(frozen=True)
class QuizAnalysis:
    attempts: str  # a key of ATTEMPT_SETS
    counted: int  # attempts counted
    group_size: int  # attempts in each of the upper and lower 27 %
    questions: list[QuestionAnalysis]

    @property
    def flagged(self) -> list[QuestionAnalysis]:
        return [q for q in self.questions if q.stats.flags]


def chosen_attempts(rows: Iterable[tuple[int, int, int]], which: str) -> set[int]:
    """Attempt ids to count among (attempt id, student id, number) of submitted attempts."""
    if which == "all":
        return {attempt_id for attempt_id, _, _ in rows}
    pick = min if which == "first" else max
    best: dict[int, tuple[int, int]] = {}
    for attempt_id, user_id, number in rows:
        best[user_id] = pick(best.get(user_id, (number, attempt_id)), (number, attempt_id))
    return {attempt_id for _, attempt_id in best.values()}


def counted_marks(session: Session, quiz: Quiz, which: str) -> list:
    """(attempt id, student id, number, question id, score, points, given) of every question
    of every counted attempt, an unanswered one included."""
    rows = session.execute(
        select(QuizAnswer.attempt_id, QuizAttempt.user_id, QuizAttempt.number,
               QuizAnswer.question_id, QuizAnswer.score, QuizAnswer.points, QuizAnswer.given)
        .join(QuizAttempt, QuizAttempt.id == QuizAnswer.attempt_id)
        .where(QuizAttempt.quiz_id == quiz.id, QuizAttempt.submitted_at.is_not(None))).all()
    counted = chosen_attempts({(r.attempt_id, r.user_id, r.number) for r in rows}, which)
    return [r for r in rows if r.attempt_id in counted]


def answer_rows(marks: list, kinds: dict[int, str]) -> list[AnswerRow]:
    """Marks as the maths reads them: unanswered is 0, and a picked kind's pick is counted."""
    return [AnswerRow(attempt_id, question_id, score or 0.0, points,
                      (NO_ANSWER if given is None else given) if kinds[question_id] in PICKED
                      else None)
            for attempt_id, _, _, question_id, score, points, given in marks]


def first_study_ratings(session: Session, quiz: Quiz,
                        question_ids: list[int]) -> list[tuple[int, int]]:
    """(question id, rating) of each class student's first study review of each question:
    quiz answers and undone reviews left out. One index probe per student and question (the
    reviews' (user, question, time) index), not every review of them."""
    students = (select(Enrolment.student_id.label("student_id"))
                .join(quiz_classes, quiz_classes.c.class_id == Enrolment.class_id)
                .where(quiz_classes.c.quiz_id == quiz.id).distinct().subquery())
    asked = select(Question.id.label("question_id")).where(Question.id.in_(question_ids)) \
        .subquery()
    first = (select(Review.rating)
             .where(Review.user_id == students.c.student_id,
                    Review.question_id == asked.c.question_id, Review.origin == "study",
                    Review.undone_at.is_(None))
             .order_by(Review.reviewed_at, Review.id).limit(1).scalar_subquery())
    pairs = select(asked.c.question_id, first).select_from(students.join(asked, true()))
    return [(q, rating) for q, rating in session.execute(pairs) if rating is not None]


def choice_lines(question, stats: ItemStats) -> tuple[ChoiceLine, ...]:
    """The question's choices in its own order, then any other pick, then no answer."""
    if question.kind not in PICKED:
        return ()
    texts = list(question.choices) if question.kind == "mcq" else ["true", "false"]
    texts += [c for c in stats.distractors if c not in texts and c != NO_ANSWER]
    if NO_ANSWER in stats.distractors:
        texts.append(NO_ANSWER)
    lines = []
    for text in texts:
        count = stats.distractors.get(text)
        lines.append(ChoiceLine(text, text == question.answer, count.chosen if count else 0,
                                count.upper if count else 0, count.lower if count else 0))
    return tuple(lines)


def analyse(session: Session, quiz: Quiz, which: str = "first") -> QuizAnalysis:
    """The quiz's item analysis over ``which`` attempts (a key of ATTEMPT_SETS)."""
    if which not in ATTEMPT_SETS:
        raise ValueError(f"attempts must be one of {', '.join(ATTEMPT_SETS)}")
    marks = counted_marks(session, quiz, which)
    ids = sorted({m.question_id for m in marks})
    if not ids:
        return QuizAnalysis(which, 0, 0, [])
    questions = session.execute(
        select(Question.id, Question.prompt, Question.kind, Question.category, Question.answer,
               Question.choices).where(Question.id.in_(ids))
        .order_by(Question.set_id, Question.position, Question.id)).all()
    kinds = {q.id: q.kind for q in questions}
    rows = answer_rows(marks, kinds)
    stats = analyse_items(rows, {q.id: guess_fractions(q.kind, q.choices, q.answer)
                                 for q in questions})
    study = study_facility(first_study_ratings(session, quiz, ids))
    totals: dict[int, float] = {}
    for row in rows:
        totals[row.attempt_id] = totals.get(row.attempt_id, 0.0) + row.mark
    upper, _ = upper_and_lower(totals)
    return QuizAnalysis(which, len(totals), len(upper), [
        QuestionAnalysis(n, q.id, q.prompt, q.kind, q.category, q.answer, stats[q.id],
                         choice_lines(q, stats[q.id]), study.get(q.id))
        for n, q in enumerate(questions, start=1)])


def percent(value: float | None) -> Decimal | str:
    """A share as a percentage with two decimals, as Moodle prints it; empty when none."""
    return "" if value is None else Decimal(f"{value * 100:.2f}")


def csv_text(header: list[str], rows: Iterable[Iterable]) -> str:
    """A CSV table whose text cells a spreadsheet will not run as formulas (numbers, a
    negative one included, stay numbers)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([cell(v) if isinstance(v, str) else v for v in row] for row in rows)
    return out.getvalue()


def items_csv(analysis: QuizAnalysis) -> str:
    """One row a question: Moodle's figures (percentages), the study facility and the flags."""
    return csv_text(
        ["number", "question_id", "question", "kind", "category", "attempts", "facility_pct",
         "facility_band", "sd_pct", "random_guess_pct", "discrimination_index_pct",
         "discrimination_band", "discriminative_efficiency_pct", "study_facility_pct",
         "study_students", "flags"],
        ([q.number, q.question_id, q.prompt, q.kind, q.category, q.stats.attempts,
          percent(q.stats.facility), q.facility_band or "", percent(q.stats.sd),
          percent(q.stats.random_guess_score), percent(index_share(q.stats.discrimination_index)),
          q.discrimination_band or "",
          percent(index_share(q.stats.discriminative_efficiency)),
          percent(q.study.facility) if q.study else "", q.study.students if q.study else 0,
          "; ".join(q.stats.flags)] for q in analysis.questions))


def index_share(value: float | None) -> float | None:
    """Discrimination figures come in percent; as a share, to print like the others."""
    return None if value is None else value / 100


def distractors_csv(analysis: QuizAnalysis) -> str:
    """One row a choice of each picked question: picks overall, in the upper and lower 27 %."""
    return csv_text(
        ["number", "question_id", "question", "choice", "right", "chosen", "upper_27pct",
         "lower_27pct"],
        ([q.number, q.question_id, q.prompt, line.text or "(no answer)",
          "yes" if line.right else "no", line.chosen, line.upper, line.lower]
         for q in analysis.questions for line in q.choices))
