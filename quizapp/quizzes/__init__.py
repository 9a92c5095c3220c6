"""Quizzes as plain data: drawing an attempt's questions and choice order from a seed, the
clock rules of an attempt, grading through the kinds registry, regrading and counting scores.

Pure: no Flask, no SQLAlchemy, no models. Time and the seed are passed in.
"""
from quizapp.quizzes.draw import PoolQuestion, Slot, choice_layout, draw_questions, plan_attempt
from quizapp.quizzes.grading import (
    GRADING_RULES, Regrade, counted_score, grade, review_rating, total)
from quizapp.quizzes.timing import (
    SHOWS, accepts_answers, deadline, results_visible, shows_at_least, window)

__all__ = ["PoolQuestion", "Slot", "choice_layout", "draw_questions", "plan_attempt",
           "GRADING_RULES", "Regrade", "counted_score", "grade", "review_rating", "total",
           "SHOWS", "accepts_answers", "deadline", "results_visible", "shows_at_least", "window"]
