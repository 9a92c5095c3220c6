"""True retention on a hand-made review log: which reviews count, pass share, young/mature."""
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.reports import MIN_REVIEWS, RetentionReview, true_retention
from quizapp.reports.retention import retention_of
from quizapp.scheduling import Rating

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
UNTIL = SINCE + timedelta(days=30)
AGAIN, HARD, GOOD, EASY = Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY


def rv(rating, *, elapsed=3, interval=3, day=5, predicted=None):
    return RetentionReview(SINCE + timedelta(days=day), int(rating), elapsed, interval,
                           predicted)


def log():
    ignored = [rv(AGAIN, day=-1), rv(AGAIN, day=30),  # outside [since, until)
               rv(AGAIN, elapsed=0), rv(GOOD, elapsed=0),  # same study day: learning steps
               rv(AGAIN, elapsed=None, interval=None)]  # a card's first review
    # young: 3 Again, 3 Hard, 4 Good, 2 Easy → 9 of 12 pass; interval 20 is still young
    young = ([rv(AGAIN, predicted=0.8)] * 3 + [rv(HARD, predicted=0.8)] * 3
             + [rv(GOOD, predicted=0.8)] * 3 + [rv(GOOD, interval=20, predicted=0.8)]
             + [rv(EASY, predicted=0.8)] * 2)
    # mature (interval ≥ 21): 9 Good, 1 Again → 9 of 10
    mature = ([rv(GOOD, elapsed=25, interval=21, predicted=0.95)] * 9
              + [rv(AGAIN, elapsed=25, interval=40, predicted=0.95)])
    return ignored + young + mature


def test_counts_only_reviews_after_a_study_day_inside_the_window():
    result = true_retention(log(), SINCE, UNTIL)
    assert (result.overall.reviews, result.overall.passed) == (22, 18)
    assert result.overall.rate == pytest.approx(18 / 22)
    assert result.overall.predicted == pytest.approx((12 * 0.8 + 10 * 0.95) / 22)
    assert result.overall.summary == "82% of 22 reviews passed"


def test_young_and_mature_split_at_21_days_and_say_when_data_is_short():
    result = true_retention(log(), SINCE, UNTIL)
    assert (result.young.reviews, result.young.passed) == (12, 9)
    assert (result.mature.reviews, result.mature.passed) == (10, 9)
    assert result.young.rate is None and not result.young.enough
    assert result.mature.summary == "not enough data yet (10 of 20 reviews)"
    assert result.mature.predicted == pytest.approx(0.95)


def test_twenty_reviews_are_enough_nineteen_are_not():
    assert MIN_REVIEWS == 20
    twenty = [rv(GOOD)] * 15 + [rv(AGAIN)] * 5
    assert true_retention(twenty, SINCE, UNTIL).overall.rate == pytest.approx(0.75)
    assert true_retention(twenty[1:], SINCE, UNTIL).overall.rate is None


def test_predicted_is_none_unless_every_review_has_one():
    mixed = [rv(GOOD, predicted=0.9), rv(GOOD)]
    assert true_retention(mixed, SINCE, UNTIL).overall.predicted is None


def test_an_empty_or_backwards_window():
    assert true_retention([], SINCE, UNTIL).overall.reviews == 0
    with pytest.raises(ValueError, match="must end after it starts"):
        true_retention([], UNTIL, SINCE)


def test_a_grouped_row_counts_as_its_reviews():
    # 15 young passes at 0.9 predicted, 6 young Again at 0.8, and 2 mature passes at 0.95:
    # 23 reviews, 17 passed (74 %); young 21 reviews, 15 passed (71 %), predicted
    # (15 × 0.9 + 6 × 0.8) / 21 = 18.3 / 21; mature 2, not enough data
    rows = [RetentionReview(None, GOOD, 3, 3, 0.9, count=15),
            RetentionReview(None, AGAIN, 3, 3, 0.8, count=6),
            RetentionReview(None, EASY, 30, 25, 0.95, count=2),
            RetentionReview(None, GOOD, 0, None, None, count=40)]  # same-day: not counted
    result = retention_of(rows)
    assert (result.overall.reviews, result.overall.passed) == (23, 17)
    assert result.overall.rate == pytest.approx(17 / 23)
    assert (result.young.reviews, result.young.passed) == (21, 15)
    assert result.young.predicted == pytest.approx(18.3 / 21)
    assert result.mature.rate is None and result.mature.predicted == pytest.approx(0.95)
    with pytest.raises(ValueError, match="at least one review"):
        retention_of([RetentionReview(None, GOOD, 3, 3, count=0)])
