"""Report maths: true retention, mastery, forecasts and item analysis over plain rows.

Pure: no Flask, no SQLAlchemy, no models. The reporting services fetch rows in bulk and hand
them here as plain dataclasses; every function returns plain dataclasses, so each figure is
unit-tested on a small hand-made class. Time (``now``, timezone-aware UTC) is passed in.
"""
from quizapp.reports.items import AnswerRow, ItemStats, analyse_items
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
    "ItemStats",
    "Retention",
    "RetentionFigure",
    "RetentionReview",
    "analyse_items",
    "true_retention",
]
