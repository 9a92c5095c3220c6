"""Activity calendar, streak and days studied; the one-line reading of mastery by category;
the recall FSRS planned for a review from its interval alone."""
from datetime import UTC, date, datetime, timedelta

import pytest

from quizapp.reports.activity import activity
from quizapp.reports.mastery import Mastery, reading
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import planned_recall, recall_at, recalls_at

TODAY = date(2026, 12, 2)


def test_calendar_has_a_cell_per_day_and_counts_days_studied():
    rows = [(TODAY, 4), (TODAY - timedelta(days=1), 2), (TODAY - timedelta(days=1), 1),
            (TODAY - timedelta(days=3), 5), (TODAY - timedelta(days=10), 9)]
    result = activity(rows, TODAY, days=7)
    # 7 days: 26 Nov … 2 Dec; the review 10 days ago is outside the calendar
    assert [d for d, _ in result.days][0] == date(2026, 11, 26)
    assert result.days[-1] == (TODAY, 4)
    assert result.days[-2] == (TODAY - timedelta(days=1), 3)
    assert result.days_studied == 3 and result.reviews == 12
    assert result.streak == 2  # today and yesterday; the day before has no review


def test_streak_still_runs_while_today_has_no_review_yet():
    rows = [(TODAY - timedelta(days=1), 1), (TODAY - timedelta(days=2), 1)]
    assert activity(rows, TODAY).streak == 2
    assert activity([(TODAY - timedelta(days=2), 1)], TODAY).streak == 0


def test_bad_activity_input_is_refused():
    with pytest.raises(ValueError, match="at least 1 day"):
        activity([], TODAY, days=0)
    with pytest.raises(ValueError, match="negative"):
        activity([(TODAY, -1)], TODAY)


def m(questions, seen, recall_sum):
    return Mastery(questions=questions, seen=seen, recall_sum=recall_sum)


def test_reading_names_the_best_and_the_least_known_category():
    # places: 3.6 of 4 = 0.9; people: 1 of 5 = 0.2; dates 2 of 4 = 0.5
    groups = {"where": m(4, 4, 3.6), "who": m(5, 2, 1.0), "when": m(4, 3, 2.0)}
    assert reading(groups) == "You know the places but not the people."
    assert reading(groups, "Kim") == "Kim knows the places but not the people."


def test_reading_of_nothing_seen_even_and_well_known_material():
    assert reading({"who": m(3, 0, 0.0)}) == "You have not started this yet."
    assert reading({}, "Kim") == "Kim has not started this yet."
    assert reading({"who": m(2, 2, 1.8), "where": m(2, 2, 1.7)}) == "You know all of it well."
    # 0.6 and 0.5: a gap under 0.25; overall (1.2 + 1.0) / 4 = 55 %
    assert reading({"who": m(2, 2, 1.2), "where": m(2, 2, 1.0)}) == (
        "You know about 55% of it, much the same in each kind of question.")
    assert reading({"who": m(4, 1, 0.4), "where": m(2, 0, 0.0)}) == (
        "You know little of it yet, the people best (10%).")


def test_planned_recall_is_the_desired_retention_at_the_interval():
    settings = Settings(desired_retention=0.9)
    assert planned_recall(10, 10, settings) == pytest.approx(0.9)
    assert planned_recall(0, 10, settings) == pytest.approx(1.0)
    # FSRS's own curve: the stability S whose interval at r = 0.9 is 10 days is 10 days itself
    # (R(S) = 0.9 by FSRS's definition), so 20 days on is R(2S) of that curve
    now = datetime(2026, 12, 2, tzinfo=UTC)
    assert planned_recall(20, 10, settings) == pytest.approx(
        recall_at(10.0, now, now + timedelta(days=20), settings))
    # at r = 0.8 a review on time predicts 0.8
    assert planned_recall(7, 7, Settings(desired_retention=0.8)) == pytest.approx(0.8)
    with pytest.raises(ValueError, match="positive"):
        planned_recall(1, 0, settings)


def test_recalls_at_sums_each_cards_recall_on_each_day():
    now = datetime(2026, 12, 2, tzinfo=UTC)
    settings = Settings()
    # one card last reviewed 4 days ago at stability 4 (0.9 now), one reviewed now (1.0 now);
    # 4 days on, the second is at its stability (0.9) and the first at R(8 days)
    cards = [(4.0, now - timedelta(days=4)), (4.0, now)]
    today, later = recalls_at(cards, now, settings, (0, 4))
    assert today == pytest.approx(1.9)
    assert later == pytest.approx(0.9 + recall_at(4.0, now, now + timedelta(days=8), settings))
    with pytest.raises(ValueError, match="positive"):
        recalls_at([(0.0, now)], now, settings)
