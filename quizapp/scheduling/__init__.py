"""Spaced repetition: FSRS card states on study days, grading, fitting and evaluation.

Pure: no Flask, no SQLAlchemy, no models. Time (``now``, timezone-aware UTC) and randomness
(``rng``) are passed in. The database stores ``CardState.to_dict()``, never a library object.
"""
from quizapp.scheduling.clock import as_utc, days_between, study_day, study_day_start
from quizapp.scheduling.fitting import MIN_REVIEWS, NotEnoughReviews, fit_parameters
from quizapp.scheduling.grading import propose_rating
from quizapp.scheduling.scheduler import (
    Preview,
    ReviewRecord,
    Settings,
    fuzz_rng,
    preview,
    replay,
    retrievability,
    review,
)
from quizapp.scheduling.siblings import bury_siblings, reviewed_today
from quizapp.scheduling.state import CardState, Phase, Rating

__all__ = [
    "MIN_REVIEWS",
    "CardState",
    "NotEnoughReviews",
    "Phase",
    "Preview",
    "Rating",
    "ReviewRecord",
    "Settings",
    "as_utc",
    "bury_siblings",
    "days_between",
    "fit_parameters",
    "fuzz_rng",
    "preview",
    "propose_rating",
    "replay",
    "retrievability",
    "review",
    "reviewed_today",
    "study_day",
    "study_day_start",
]
