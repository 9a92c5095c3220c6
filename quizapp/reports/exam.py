"""Recall forecast for a class: what share of a set each student will recall on an exam date.

The teacher picks a set and a moment (the exam). Each student's recall of each question at that
moment comes from ``quizapp.scheduling.recall`` with that student's own parameters and
fractional elapsed days, assuming no further review; an unseen question counts R = 0. Out of
it: each student's expected share of the set, the class mean, the students likely under 50 %,
and the questions the class will most likely have forgotten (lowest mean R first).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from quizapp.reports.mastery import CardMemory
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import recall_at

AT_RISK_SHARE = 0.5
FORGOTTEN_SHOWN = 10


@dataclass(frozen=True)
class StudentCards:
    """One student's scheduling settings and memories (cards outside the set are ignored)."""

    student_id: Hashable
    settings: Settings
    memories: tuple[CardMemory, ...]


@dataclass(frozen=True)
class QuestionForecast:
    question_id: Hashable
    mean_recall: float  # over every student of the class, unseen counting 0


@dataclass(frozen=True)
class ExamForecast:
    """``shares``: each student's expected share of the set; ``at_risk``: those under 50 %,
    lowest first; ``likely_forgotten``: the questions with the lowest mean recall."""

    class_share: float | None
    shares: dict[Hashable, float]
    at_risk: tuple[Hashable, ...]
    likely_forgotten: tuple[QuestionForecast, ...]


def exam_forecast(question_ids: Sequence[Hashable], students: Iterable[StudentCards],
                  exam_at: datetime, *, shown: int = FORGOTTEN_SHOWN) -> ExamForecast:
    """The class's expected recall of the set ``question_ids`` at ``exam_at``."""
    questions = list(dict.fromkeys(question_ids))
    if not questions:
        raise ValueError("the set has no questions to forecast")
    wanted = set(questions)
    sums = dict.fromkeys(questions, 0.0)
    shares: dict[Hashable, float] = {}
    for student in students:
        recall = {m.question_id: recall_at(m.stability, m.last_review, exam_at,
                                           student.settings)
                  for m in student.memories if m.question_id in wanted}
        for question_id, value in recall.items():
            sums[question_id] += value
        shares[student.student_id] = sum(recall.values()) / len(questions)
    class_share = sum(shares.values()) / len(shares) if shares else None
    at_risk = tuple(sorted((s for s in shares if shares[s] < AT_RISK_SHARE),
                           key=lambda s: shares[s]))
    means = [QuestionForecast(q, sums[q] / len(shares) if shares else 0.0)
             for q in questions]
    forgotten = tuple(sorted(means, key=lambda f: f.mean_recall)[:shown])
    return ExamForecast(class_share=class_share, shares=shares, at_risk=at_risk,
                        likely_forgotten=forgotten)
