"""True retention: the share of reviews passed after at least one study day, young and mature.

A review passes when its rating is Hard, Good or Easy (Again fails). Only reviews made at
least one study day after the card's previous review count: a same-day repeat measures the
learning steps, not memory. A card is mature when the interval it was on when reviewed is at
least 21 days (Anki's split), young otherwise. A figure over fewer than 20 reviews says so
instead of showing a rate that one review could swing.

A row may stand for ``count`` identical reviews: the reporting service groups a year of the
log in SQL (by window, days elapsed, interval and rating), so the work here follows the
variety of the log, not its length; ``retention_of`` takes rows already cut to a window.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from quizapp.scheduling import Rating, as_utc

MIN_REVIEWS = 20
MATURE_DAYS = 21
NOT_ENOUGH_DATA = "not enough data yet"


@dataclass(frozen=True)
class RetentionReview:
    """One review from the log, as the reporting service reads it.

    ``elapsed_days``: study days since the card's previous review (None for its first);
    ``interval_days``: the interval the card was on when reviewed (None for a new card);
    ``predicted``: the recall the scheduler predicted for it, when known;
    ``count``: how many such reviews the row stands for (``reviewed_at`` None: a grouped
    row, already cut to its window; only ``retention_of`` takes it).
    """

    reviewed_at: datetime | None
    rating: int
    elapsed_days: int | None
    interval_days: int | None
    predicted: float | None = None
    count: int = 1


@dataclass(frozen=True)
class RetentionFigure:
    """Pass share over ``reviews`` counted reviews; ``rate`` is None under ``MIN_REVIEWS``."""

    reviews: int
    passed: int
    rate: float | None
    predicted: float | None  # mean predicted recall of the same reviews, when all have one

    @property
    def enough(self) -> bool:
        return self.rate is not None

    @property
    def summary(self) -> str:
        if self.rate is None:
            return f"{NOT_ENOUGH_DATA} ({self.reviews} of {MIN_REVIEWS} reviews)"
        return f"{self.rate:.0%} of {self.reviews} reviews passed"


@dataclass(frozen=True)
class Retention:
    """True retention over a window: all counted reviews, then young and mature apart."""

    overall: RetentionFigure
    young: RetentionFigure
    mature: RetentionFigure


def passed(rating: int) -> bool:
    """Hard, Good and Easy pass; Again fails."""
    return Rating(int(rating)) is not Rating.AGAIN


def counts(review: RetentionReview) -> bool:
    """Whether a review measures memory: made at least one study day after the previous."""
    return review.elapsed_days is not None and review.elapsed_days >= 1


def is_mature(review: RetentionReview) -> bool:
    return review.interval_days is not None and review.interval_days >= MATURE_DAYS


def figure(reviews: list[RetentionReview]) -> RetentionFigure:
    """The pass share of ``reviews`` (already filtered to counted ones)."""
    n = sum(r.count for r in reviews)
    hits = sum(r.count for r in reviews if passed(r.rating))
    known = [r for r in reviews if r.predicted is not None]
    predicted = (sum(r.predicted * r.count for r in known) / n
                 if n and len(known) == len(reviews) else None)
    rate = hits / n if n >= MIN_REVIEWS else None
    return RetentionFigure(reviews=n, passed=hits, rate=rate, predicted=predicted)


def true_retention(reviews: Iterable[RetentionReview], since: datetime,
                   until: datetime) -> Retention:
    """True retention of the reviews made in ``[since, until)``."""
    since, until = as_utc(since), as_utc(until)
    if until <= since:
        raise ValueError(f"the window must end after it starts ({since} … {until})")
    return retention_of(r for r in reviews if since <= as_utc(r.reviewed_at) < until)


def retention_of(reviews: Iterable[RetentionReview]) -> Retention:
    """True retention of ``reviews``, already cut to one window."""
    counted = [r for r in reviews if counts(r)]
    if any(r.count < 1 for r in counted):
        raise ValueError("a review row stands for at least one review")
    mature = [r for r in counted if is_mature(r)]
    young = [r for r in counted if not is_mature(r)]
    return Retention(overall=figure(counted), young=figure(young), mature=figure(mature))
