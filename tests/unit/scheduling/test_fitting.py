"""Fitting parameters with fsrs-rs from study-day training items."""
from datetime import datetime, timedelta, timezone

import fsrs
import pytest

from quizapp.scheduling.fitting import (
    MIN_REVIEWS,
    NotEnoughReviews,
    fit_parameters,
    training_items,
)
from quizapp.scheduling.logs import read_log


def test_items_count_study_days_not_24_hour_periods():
    tz = "Europe/Berlin"
    evening = datetime(2024, 5, 6, 21, tzinfo=timezone.utc)  # 23:00 local
    log = {"c": [(3, evening), (3, evening + timedelta(hours=8)),  # 07:00 next morning
                 (1, evening + timedelta(hours=8, minutes=5)),
                 (3, evening + timedelta(days=4))]}
    items = training_items(log, tz, 4)
    # fsrs-rs reviews expose nothing but their repr
    first = ("FSRSItem { reviews: [FSRSReview { rating: 3, delta_t: 0 }, "
             "FSRSReview { rating: 3, delta_t: 1 }] }")
    second = ("FSRSItem { reviews: [FSRSReview { rating: 3, delta_t: 0 }, "
              "FSRSReview { rating: 3, delta_t: 1 }, FSRSReview { rating: 1, delta_t: 0 }, "
              "FSRSReview { rating: 3, delta_t: 3 }] }")  # May 7 07:05 → May 10 23:00
    assert [repr(item) for item in items] == [first, second]
    assert training_items(log, "UTC", 0, before=evening + timedelta(hours=1)) == []


def test_too_little_data_is_a_clear_error():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    log = {n: [(3, start), (3, start + timedelta(days=2))] for n in range(MIN_REVIEWS - 1)}
    with pytest.raises(NotEnoughReviews, match=f"at least {MIN_REVIEWS}.*found {MIN_REVIEWS - 1}"):
        fit_parameters(log, "UTC")


def test_fit_on_the_shared_log_gives_valid_parameters(shared_dir):
    by_card: dict[str, list] = {}
    for entry in read_log(shared_dir / "reviews" / "review_logs_josh_py-fsrs.csv"):
        by_card.setdefault(entry.card, []).append(entry)
    parameters = fit_parameters(by_card, "UTC", 4)
    assert len(parameters) == 21
    fsrs.Scheduler(parameters=parameters)  # within py-fsrs's bounds
    assert parameters != pytest.approx(fsrs.scheduler.DEFAULT_PARAMETERS, rel=1e-3)
