"""Report maths: true retention, mastery, forecasts (a student's, a class's exam) and item analysis over plain rows.

Pure: no Flask, no SQLAlchemy, no models. The reporting services fetch rows in bulk and hand
them here as plain dataclasses; every function returns plain dataclasses, so each figure is
unit-tested on a small hand-made class. Time (``now``, timezone-aware UTC) is passed in;
recall comes from ``quizapp.scheduling.recall`` (the student's parameters, fractional days).
"""
from quizapp.reports.exam import ExamForecast, QuestionForecast, StudentCards, exam_forecast
from quizapp.reports.forecast import DueForecast, KnowledgePoint, due_forecast, knowledge_forecast
from quizapp.reports.items import (
    AnswerRow,
    DistractorCount,
    ItemStats,
    StudyFacility,
    analyse_items,
    discrimination_band,
    facility_band,
    guess_fractions,
    study_facility,
)
from quizapp.reports.mastery import (
    CardMemory,
    Mastery,
    QuestionRow,
    mastery_by_category,
    mastery_by_set,
)
from quizapp.reports.retention import (
    MATURE_DAYS,
    MIN_REVIEWS,
    Retention,
    RetentionFigure,
    RetentionReview,
    true_retention,
)

__all__ = [
    "MATURE_DAYS",
    "MIN_REVIEWS",
    "AnswerRow",
    "CardMemory",
    "DistractorCount",
    "DueForecast",
    "ExamForecast",
    "ItemStats",
    "KnowledgePoint",
    "Mastery",
    "QuestionForecast",
    "QuestionRow",
    "Retention",
    "RetentionFigure",
    "RetentionReview",
    "StudentCards",
    "StudyFacility",
    "analyse_items",
    "discrimination_band",
    "due_forecast",
    "exam_forecast",
    "facility_band",
    "guess_fractions",
    "knowledge_forecast",
    "mastery_by_category",
    "mastery_by_set",
    "study_facility",
    "true_retention",
]
