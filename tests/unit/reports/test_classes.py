"""The class report's figures on hand-made numbers: activity, flags, heat map columns,
completion and score bins."""
from datetime import UTC, date, datetime, timedelta

import fsrs
import pytest

from quizapp.reports.classes import (
    Column,
    RiskInputs,
    activity,
    column,
    combined,
    completion,
    counted_retention,
    heat_columns,
    mastery_of,
    risk_flags,
    score_bins,
    set_state,
    shade,
)
from quizapp.reports.mastery import Mastery
from quizapp.scheduling import Settings
from quizapp.scheduling.recall import curve, recall_at

TODAY = date(2026, 12, 2)


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_activity_counts_days_in_the_fortnight_and_reviews_in_the_week():
    rows = [(day(0), 10, 120_000),  # today: 2 minutes
            (day(6), 5, 60_000),  # the week's first day
            (day(7), 3, 600_000),  # in the fortnight, not the week
            (day(13), 2, 0),  # the fortnight's first day
            (day(14), 50, 0),  # too old
            (day(-1), 9, 0),  # tomorrow (another zone's clock): not counted
            (day(3), 0, 0)]  # no review that day
    seen = activity(rows, TODAY)
    assert seen.days_active == 4
    assert seen.reviews_week == 15
    assert seen.minutes_week == pytest.approx(3.0)
    assert seen.reviews_fortnight == 20
    assert seen.daily_load == pytest.approx(20 / 14)


def inputs(**changes) -> RiskInputs:
    values = {"days_inactive": 0, "backlog": 0, "daily_load": 10.0, "retention": 0.9,
              "retention_reviews": 40, "desired_retention": 0.9, "latest_quiz": 0.8}
    return RiskInputs(**{**values, **changes})


def test_a_student_doing_well_has_no_flag():
    assert risk_flags(inputs()) == []


def test_inactive_from_seven_days_and_never_studied():
    assert risk_flags(inputs(days_inactive=6)) == []
    assert risk_flags(inputs(days_inactive=7)) == ["inactive for 7 days"]
    assert risk_flags(inputs(days_inactive=None)) == ["has not studied yet"]


def test_backlog_over_two_days_of_load():
    assert risk_flags(inputs(backlog=20, daily_load=10.0)) == []
    assert risk_flags(inputs(backlog=21, daily_load=10.0)) == [
        "backlog of 21 cards is more than 2 days of their load (10.0 reviews a day over 14 days)"]
    assert risk_flags(inputs(backlog=1, daily_load=0.0))[0].startswith(
        "backlog of 1 card is more than 2 days of their load (0.0 reviews a day")


def test_retention_ten_points_under_target_on_thirty_reviews():
    assert risk_flags(inputs(retention=0.81, retention_reviews=30)) == []
    assert risk_flags(inputs(retention=0.80, retention_reviews=30)) == [
        "retention 80% over 30 reviews is 10 points under their target of 90%"]
    assert risk_flags(inputs(retention=0.5, retention_reviews=29)) == []
    assert risk_flags(inputs(retention=None, retention_reviews=5)) == []


def test_latest_quiz_under_the_threshold():
    assert risk_flags(inputs(latest_quiz=0.5)) == []
    assert risk_flags(inputs(latest_quiz=0.45)) == ["latest quiz 45%, under 50%"]
    assert risk_flags(inputs(latest_quiz=0.6), quiz_threshold=0.7) == [
        "latest quiz 60%, under 70%"]
    assert risk_flags(inputs(latest_quiz=None)) == []


def test_every_reason_is_given():
    flags = risk_flags(inputs(days_inactive=9, backlog=30, daily_load=1.0, retention=0.7,
                              latest_quiz=0.2))
    assert len(flags) == 4


def test_combined_adds_groups():
    both = combined([Mastery(4, 2, 1.8), Mastery(1, 1, 0.9)])
    assert both == Mastery(5, 3, 2.7)
    assert both.mastery == pytest.approx(0.54)


def test_heat_columns_mean_and_share_mastered():
    table = {"ann": {"who": Mastery(2, 2, 1.8), "where": Mastery(1, 0, 0.0)},
             "bob": {"who": Mastery(2, 1, 0.9), "where": Mastery(1, 1, 0.85)},
             "cat": {"who": Mastery(2, 2, 1.7)}}
    columns = heat_columns(table, ["who", "where", "when"])
    # who: 0.9, 0.45, 0.85 → mean 0.7333; at ≥ 0.8: ann and cat, 2 of 3
    assert columns["who"].mean == pytest.approx(2.2 / 3)
    assert columns["who"].mastered == pytest.approx(2 / 3)
    assert columns["where"] == Column(2, pytest.approx(0.425), pytest.approx(0.5))
    assert columns["when"] == Column(0, None, None)


def test_column_counts_exactly_point_eight_as_mastered():
    assert column([0.8, 0.79]).mastered == 0.5


def test_shades():
    assert [shade(v) for v in (0.0, 0.19, 0.2, 0.5, 0.8, 1.0, None)] == [0, 0, 1, 2, 4, 4, None]


def test_completion_of_sets_and_quizzes():
    assert set_state(3, 3) == "done"
    assert set_state(1, 3) == "in progress"
    assert set_state(0, 3) == "not started"
    assert set_state(0, 0) == "not started"
    counted = completion(["done", "not started", "in progress", "done"])
    assert (counted.done, counted.in_progress, counted.not_started) == (2, 1, 1)
    assert counted.students == 4
    with pytest.raises(ValueError, match="unknown completion state"):
        completion(["finished"])


def test_score_bins():
    assert score_bins([0.0, 0.05, 0.1, 0.3, 0.7, 0.99, 1.0]) == [2, 1, 0, 1, 0, 0, 0, 1, 0, 2]
    with pytest.raises(ValueError, match="within 0–1"):
        score_bins([1.2])


def test_retention_from_counts_says_not_enough_under_twenty():
    assert counted_retention(20, 15).rate == 0.75
    few = counted_retention(19, 19)
    assert few.rate is None and few.summary == "not enough data yet (19 of 20 reviews)"
    with pytest.raises(ValueError, match="passed reviews"):
        counted_retention(3, 4)


def test_the_curve_is_the_one_recall_reads():
    steep = list(fsrs.scheduler.DEFAULT_PARAMETERS)
    steep[20] = 0.5
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    for settings in (Settings(), Settings(parameters=tuple(steep))):
        factor, decay = curve(settings)
        assert decay == pytest.approx(-fsrs_decay(settings))
        for stability, days in ((2.0, 2.0), (0.5, 1.25), (40.0, 100.0)):
            assert (1 + factor * days / stability) ** decay == pytest.approx(
                recall_at(stability, now - timedelta(days=days), now, settings))


def fsrs_decay(settings):
    return (settings.parameters or fsrs.scheduler.DEFAULT_PARAMETERS)[20]


def test_mastery_from_sums():
    got = mastery_of({"who": 4, "where": 2}, {"who": (3, 2.4)})
    assert got == {"who": Mastery(4, 3, 2.4), "where": Mastery(2, 0, 0.0)}
    assert got["who"].mastery == pytest.approx(0.6)
    with pytest.raises(ValueError, match="5 cards seen of 4 questions"):
        mastery_of({"who": 4}, {"who": (5, 1.0)})
