"""Fitting a student's own FSRS parameters from their review log, with fsrs-rs (no torch).

Training items follow fsrs-rs's own recipe: for each card, every review on a later study day
than the one before it closes an item holding the card's history up to that review, each review
given as (rating, study days since the previous review, 0 on the same day). Elapsed time is
counted in the student's study days (``clock``), the same days the scheduler uses, so the
fitted parameters describe the schedule the student actually lives with.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import fsrs
import fsrs_rs_python as fsrs_rs

from quizapp.scheduling.clock import DEFAULT_ROLLOVER_HOUR, as_utc, study_day
from quizapp.scheduling.state import rating_and_time

# Fewer long-term reviews than this and the fit mostly echoes noise; Anki asks for a few
# hundred too. Counted as training items (reviews on a new study day with history before them).
MIN_REVIEWS = 400


class NotEnoughReviews(ValueError):
    """Too little review history to fit parameters."""


def _history(entries: Iterable[Any]) -> list[tuple[datetime, int]]:
    pairs = [(moment, int(rating)) for rating, moment in map(rating_and_time, entries)]
    return sorted(pairs, key=lambda pair: pair[0])


def training_items(reviews_by_card: Mapping[Any, Iterable[Any]], tz: str,
                   rollover: int = DEFAULT_ROLLOVER_HOUR, *,
                   before: datetime | None = None) -> list[fsrs_rs.FSRSItem]:
    """fsrs-rs training items, oldest last review first; with ``before``, only the items whose
    last review is earlier (the history a fit may learn from)."""
    dated: list[tuple[datetime, fsrs_rs.FSRSItem]] = []
    cutoff = as_utc(before) if before is not None else None
    for entries in reviews_by_card.values():
        reviews: list[fsrs_rs.FSRSReview] = []
        last_day = None
        for moment, rating in _history(entries):
            if cutoff is not None and moment >= cutoff:
                break
            day = study_day(moment, tz, rollover)
            delta = 0 if last_day is None else (day - last_day).days
            reviews.append(fsrs_rs.FSRSReview(rating, delta))
            if delta > 0:
                dated.append((moment, fsrs_rs.FSRSItem(list(reviews))))
            last_day = day
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated if item.long_term_review_cnt() > 0]


def fit_items(items: list[fsrs_rs.FSRSItem]) -> tuple[float, ...]:
    """Parameters fitted to ``items``; NotEnoughReviews below ``MIN_REVIEWS`` items."""
    if len(items) < MIN_REVIEWS:
        raise NotEnoughReviews(f"fitting needs at least {MIN_REVIEWS} reviews made on a later "
                               f"study day than the card's previous review; found {len(items)}")
    parameters = tuple(float(p) for p in fsrs_rs.FSRS([]).compute_parameters(items))
    # py-fsrs schedules with these; its bounds are the contract, so check them here, loudly.
    fsrs.Scheduler(parameters=parameters)
    return parameters


def fit_parameters(reviews_by_card: Mapping[Any, Iterable[Any]], tz: str,
                   rollover: int = DEFAULT_ROLLOVER_HOUR) -> tuple[float, ...]:
    """A student's FSRS parameters from their log.

    ``reviews_by_card`` maps a card key to its reviews: ``(rating, reviewed_at)`` pairs or
    objects with ``rating`` and ``reviewed_at``.
    """
    return fit_items(training_items(reviews_by_card, tz, rollover))
